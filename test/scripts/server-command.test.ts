import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../bench/lib/servers.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The node command `npm start` runs, as its words. */
const startCommand = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start.split(
  ' ',
);

describe('the server runs with one set of Node flags everywhere it ships', () => {
  it('npm start caps the young generation (resident memory: docs/PERFORMANCE.md)', () => {
    expect(startCommand[0]).toBe('node');
    expect(startCommand.at(-1)).toBe('dist/server.js');
    expect(startCommand).toContain('--max-semi-space-size=8');
  });

  it("the Dockerfile's CMD, the production check and the benchmarks' servers run the same command", () => {
    const flags = startCommand.slice(1, -1);
    const cmd = /^CMD (\[.*\])$/mu.exec(read('Dockerfile'))?.[1];
    expect(cmd && (JSON.parse(cmd) as string[])).toEqual(startCommand);
    expect(read('scripts/check-production.sh')).toContain(`  ${startCommand.join(' ')} >`);
    expect(SERVER_NODE_FLAGS).toEqual(flags);
  });
});
