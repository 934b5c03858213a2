/**
 * The storage boundary: outside src/storage/, code sees the port (repository.ts) and picks
 * an engine only through src/storage/open.ts. No module there imports a database driver or
 * an engine's own files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const DRIVERS = ['better-sqlite3', 'pg', 'postgres', 'pg-pool', 'pg-cursor', 'pg-copy-streams'];
/** Engine folders and the SQLite re-export (`storage/sqlite.js`), from any depth. */
const ENGINE_MODULE = /(?:^|\/)storage\/(?:sqlite|postgres)(?:\.js$|\/)/;
const IMPORT = /\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The imports of `source` that cross the boundary: drivers (and their subpaths), engine modules. */
function engineImports(source: string): string[] {
  return [...source.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? '')
    .filter((specifier) => {
      const bare = specifier.startsWith('node:') ? '' : specifier.split('/')[0];
      return DRIVERS.includes(bare ?? '') || ENGINE_MODULE.test(specifier);
    });
}

describe('storage boundary', () => {
  it('imports database drivers and engine modules only under src/storage/', () => {
    const offenders = sourceFiles(SRC)
      .filter((path) => !relative(SRC, path).startsWith('storage/'))
      .flatMap((path) =>
        engineImports(readFileSync(path, 'utf8')).map(
          (specifier) => `${relative(SRC, path)} imports ${specifier}`,
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('recognises every way across it (the check above can fail)', () => {
    const source = [
      "import Database from 'better-sqlite3';",
      "import type { Pool } from 'pg';",
      "import Cursor from 'pg-cursor';",
      "import { createSqliteRepository } from './storage/sqlite/index.js';",
      "import { openDatabase } from '../../storage/sqlite/database.js';",
      "const engine = await import('../storage/postgres/index.js');",
      "import { openRepository } from './storage/open.js';",
      "import type { Repository } from '../storage/repository.js';",
      "import { readFileSync } from 'node:fs';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(engineImports(source)).toEqual([
      'better-sqlite3',
      'pg',
      'pg-cursor',
      './storage/sqlite/index.js',
      '../../storage/sqlite/database.js',
      '../storage/postgres/index.js',
    ]);
  });
});
