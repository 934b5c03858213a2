import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason } from '../../scripts/build-if-stale.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'masthead-build-'));
  mkdirSync(join(root, 'src/http'), { recursive: true });
  writeFileSync(join(root, 'src/http/a.ts'), '');
  writeFileSync(join(root, 'tsconfig.json'), '{}');
  writeFileSync(join(root, 'tsconfig.build.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

describe('npm start builds only when the sources changed', () => {
  it('a fresh clone (no dist/) builds', () => {
    expect(staleReason(root)).toMatch(/no build/);
  });

  it('a build newer than every source is reused; a newer source or tsconfig rebuilds', () => {
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/.build-stamp'), '');
    for (const file of ['src/http/a.ts', 'src', 'src/http', 'tsconfig.json', 'tsconfig.build.json']) {
      at(file, 1_000);
    }
    at('dist/.build-stamp', 2_000);
    expect(staleReason(root)).toBeNull();

    at('src/http/a.ts', 3_000);
    expect(staleReason(root)).toMatch(/src\/http\/a\.ts/);
    at('src/http/a.ts', 1_000);
    at('tsconfig.json', 3_000);
    expect(staleReason(root)).toMatch(/tsconfig\.json/);
  });

  it('a deleted source rebuilds too (the folder changed)', () => {
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/.build-stamp'), '');
    writeFileSync(join(root, 'src/http/b.ts'), '');
    for (const file of [
      'src/http/a.ts',
      'src/http/b.ts',
      'src',
      'src/http',
      'tsconfig.json',
      'tsconfig.build.json',
    ]) {
      at(file, 1_000);
    }
    at('dist/.build-stamp', 2_000);
    expect(staleReason(root)).toBeNull();
    rmSync(join(root, 'src/http/b.ts'));
    at('src/http', 3_000);
    expect(staleReason(root)).not.toBeNull();
  });
});
