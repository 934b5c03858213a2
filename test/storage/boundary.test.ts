/** The storage boundary: no module outside src/storage/ imports a database driver. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const DRIVERS = ['better-sqlite3', 'pg', 'postgres'];
const IMPORT = /\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('storage boundary', () => {
  it('imports database drivers only under src/storage/', () => {
    const offenders = sourceFiles(SRC)
      .filter((path) => !relative(SRC, path).startsWith('storage/'))
      .flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(IMPORT)]
          .map((match) => match[1] ?? match[2] ?? '')
          .filter((specifier) => DRIVERS.includes(specifier))
          .map((specifier) => `${relative(SRC, path)} imports ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });
});
