import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type CliIo } from '../../src/cli.js';

export const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
export const SEED_PAGE = join(PAGES_DIR, '000-de-seed', 'raw.txt');
/** A Magzter listing page: teasers, but no main story. */
export const LISTING_PAGE = join(PAGES_DIR, '006-nb-listing-globalmovie-page8', 'raw.txt');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; `stdin` is what `parse -` reads. */
export async function cli(
  argv: string[],
  overrides: Partial<CliIo> & { stdin?: Uint8Array | string } = {},
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const { stdin, ...io } = overrides;
  const code = await run(argv, {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    readStdin: async () =>
      typeof stdin === 'string' ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array()),
    stdinIsTTY: false,
    env: {},
    now: () => 0,
    ...io,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'masthead-cli-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A maker of temporary directories removed after each test; call it at a test file's top level
 * so that the clean-up hook belongs to that file.
 */
export function scratchDirs(): () => string {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length > 0) cleanups.pop()?.();
  });
  return () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    return dir.path;
  };
}
