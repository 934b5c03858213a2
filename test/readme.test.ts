/**
 * The README's commands run against a started server, so the docs cannot drift from the code:
 * the ```sh blocks marked `runnable` are run as written (curl made to fail on any HTTP error),
 * and every JSON answer of the ```console example has the fields the server really sends.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, serverEnv, startServerProcess, type ServerProcess } from './helpers/server-process.js';

const run = promisify(execFile);
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PAGES = join(ROOT, 'test/fixtures/pages');

/** The bodies of the fenced blocks whose info string is `info`. */
function blocks(info: string): string[] {
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  return [...README.matchAll(fence)]
    .filter((match) => match[1]?.trim() === info)
    .map((match) => match[2] ?? '');
}

let server: ServerProcess;
let work: string;
let hostPort: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'masthead-readme-'));
  // The files the examples name: the seed page, and two other pages for the batch.
  copyFileSync(join(PAGES, '000-de-seed/raw.txt'), join(work, 'page.txt'));
  copyFileSync(join(PAGES, '001-fr-nzlistener-american-scream/raw.txt'), join(work, 'page1.txt'));
  copyFileSync(join(PAGES, '004-en-womansera-hope/raw.txt'), join(work, 'page2.txt'));
  copyFileSync(join(ROOT, 'test/fixtures/html/magzter-de-nachtzuege/raw.html'), join(work, 'page.html'));
  server = await startServerProcess(serverEnv(join(work, 'readme.db')));
  hostPort = new URL(server.url).host;
});
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Runs a README snippet in bash against the test server, from the folder holding the pages. */
async function bash(script: string): Promise<string> {
  const local = script.replaceAll('localhost:3000', hostPort).replaceAll('127.0.0.1:3000', hostPort);
  const prelude = `set -euo pipefail\ncurl() { command curl -sS --fail-with-body "$@"; }\n`;
  const { stdout } = await run('bash', ['-c', prelude + local], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The key paths of a JSON value (objects only; arrays by their first element). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? keyPaths(value[0], `${prefix}[]`) : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    `${prefix}.${key}`,
    ...keyPaths(inner, `${prefix}.${key}`),
  ]);
}

/** The `$ command` lines of a console transcript (joining `\\` continuations) and what each printed. */
function consoleCommands(transcript: string): [string, string, string][] {
  const found: [string, string, string][] = [];
  const lines = transcript.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (!lines[index]?.startsWith('$ ')) continue;
    let command = (lines[index] ?? '').slice(2);
    while (command.trimEnd().endsWith('\\')) {
      index += 1;
      command = `${command.trimEnd().slice(0, -1)} ${lines[index]?.trim() ?? ''}`;
    }
    let shown = '';
    while (index + 1 < lines.length && !lines[index + 1]?.startsWith('$ ')) {
      index += 1;
      shown += `${lines[index]}\n`;
    }
    found.push(['', command, shown]);
  }
  return found;
}

describe('README', () => {
  // First: it ingests the seed page as article 1, which the later blocks delete.
  it('the console example shows every field the server sends, and no stale parser version', async () => {
    const [example] = blocks('console');
    expect(example).toBeDefined();
    const commands = consoleCommands(example ?? '');
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const [, command = '', shown = ''] of commands) {
      const documented = JSON.parse(shown.slice(shown.indexOf('{'))) as unknown;
      const answer = await bash(
        command.replace('--data-binary @test/fixtures/pages/000-de-seed/raw.txt', '--data-binary @page.txt'),
      );
      const real = JSON.parse(answer.slice(answer.indexOf('{'))) as unknown;
      expect(keyPaths(documented).sort(), command).toEqual(keyPaths(real).sort());
    }
    expect(example).not.toMatch(/"parser_version": "\d/);
  });

  it('has runnable command blocks', () => {
    expect(blocks('sh runnable').length).toBeGreaterThanOrEqual(2);
  });

  it('every runnable block succeeds against a started server', async () => {
    for (const block of blocks('sh runnable')) {
      await expect(bash(block), block).resolves.toEqual(expect.any(String));
    }
  });

  it('the batch example sends one line per file: two pages, two results', async () => {
    const lines = README.split('\n');
    const start = lines.findIndex((line) => line.includes('v1/articles:batch') && line.includes('curl'));
    expect(start).toBeGreaterThan(-1);
    let command = lines[start] ?? '';
    for (let next = start + 1; command.trimEnd().endsWith('\\'); next += 1) command += `\n${lines[next]}`;
    const results = (await bash(command))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(2);
    for (const result of results) expect([200, 201]).toContain(result.status);
  });
});
