/** Migration files, engine-independent: the loader, and the engines' folders kept in step. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, MIGRATIONS_ROOT } from '../../src/storage/migrate.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Each engine folder under `root` with the versions it holds. */
function engineVersions(root: string): Record<string, number[]> {
  return Object.fromEntries(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => [entry.name, loadMigrations(join(root, entry.name)).map((m) => m.version)]),
  );
}

/** The engines whose versions differ from the first engine's (by name), as `engine: versions`. */
function outOfStep(versions: Record<string, number[]>): string[] {
  const [first, ...others] = Object.entries(versions);
  if (!first) return [];
  return others
    .filter(([, list]) => list.join(',') !== first[1].join(','))
    .map(([engine, list]) => `${engine}: ${list.join(',')} (${first[0]}: ${first[1].join(',')})`);
}

describe('loadMigrations', () => {
  it('reads NNN_name.sql files in version order and nothing else', () => {
    const dir = tempDir('masthead-migrations-');
    writeFileSync(join(dir, '002_b.sql'), 'SELECT 2;');
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'README.md'), 'not a migration');
    expect(loadMigrations(dir)).toEqual([
      { version: 1, name: '001_a.sql', sql: 'SELECT 1;' },
      { version: 2, name: '002_b.sql', sql: 'SELECT 2;' },
    ]);
  });

  it('rejects gaps in the version sequence', () => {
    const dir = tempDir('masthead-migrations-');
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/expected version 2/);
  });
});

describe('migrations/<engine>/', () => {
  it('holds only engine folders, each with the same versions, so a schema version means one schema', () => {
    const loose = readdirSync(MIGRATIONS_ROOT, { withFileTypes: true }).filter(
      (entry) => !entry.isDirectory(),
    );
    expect(loose.map((entry) => entry.name)).toEqual([]);
    const versions = engineVersions(MIGRATIONS_ROOT);
    expect(Object.keys(versions)).toContain('sqlite');
    expect(versions.sqlite?.length).toBeGreaterThan(0);
    expect(outOfStep(versions)).toEqual([]);
  });

  it('catches an engine folder a version behind (the check above can fail)', () => {
    const root = tempDir('masthead-engines-');
    for (const [engine, count] of [
      ['sqlite', 2],
      ['postgres', 1],
    ] as const) {
      mkdirSync(join(root, engine));
      for (let version = 1; version <= count; version += 1) {
        writeFileSync(join(root, engine, `00${version}_step.sql`), 'SELECT 1;');
      }
    }
    expect(outOfStep(engineVersions(root))).toEqual(['sqlite: 1,2 (postgres: 1)']);
  });
});
