/** openRepository: the one place that picks an engine, migrates, and says what to log. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrationsDir } from '../../src/storage/migrate.js';
import { engineOf, openRepository, redactLocation, StorageConfigError } from '../../src/storage/open.js';
import { DatabaseCheckError } from '../../src/storage/repository.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop() ?? '', { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'masthead-open-'));
  dirs.push(dir);
  return dir;
}

const VERSIONS = loadMigrations(migrationsDir('sqlite')).map((m) => m.version);

describe('openRepository', () => {
  it('opens a path with SQLite, migrated, and says which migrations it applied', async () => {
    const path = join(scratch(), 'nested', 'm.db');
    const first = await openRepository({ location: path });
    expect(first).toMatchObject({ engine: 'sqlite', location: path, applied: VERSIONS, notes: [] });
    expect(await first.repository.schemaStatus()).toEqual({
      current: VERSIONS.at(-1),
      latest: VERSIONS.at(-1),
    });
    await first.repository.close();

    const again = await openRepository({ location: path });
    expect(again.applied).toEqual([]);
    // The start-up check ran on the existing file: its note is the caller's to log.
    expect(again.notes).toEqual([
      {
        level: 'info',
        message: 'database file passed quick_check',
        details: expect.objectContaining({ bytes: expect.any(Number) }),
      },
    ]);
    await again.repository.close();
  });

  it('leaves migrations to the caller when asked, and notes a skipped check', async () => {
    const path = join(scratch(), 'm.db');
    await (await openRepository({ location: path })).repository.close();
    const opened = await openRepository({ location: path, migrate: false, skipIntegrityCheck: true });
    expect(opened.applied).toEqual([]);
    expect(opened.notes).toEqual([
      { level: 'warn', message: 'SKIP_INTEGRITY_CHECK: the database file was not checked' },
    ]);
    await opened.repository.close();
  });

  it('refuses damaged data before opening it (DatabaseCheckError)', async () => {
    const path = join(scratch(), 'm.db');
    writeFileSync(path, 'not a database, but long enough to look like a file of some size '.repeat(100));
    await expect(openRepository({ location: path })).rejects.toBeInstanceOf(DatabaseCheckError);
  });

  it('refuses a URL no engine accepts, naming the forms it does accept', async () => {
    const attempt = openRepository({ location: 'mysql://user:secret@db.example/masthead' });
    await expect(attempt).rejects.toBeInstanceOf(StorageConfigError);
    await expect(attempt).rejects.toThrow(
      /^mysql:\/\/ is not a database this build can open; use .*a SQLite file path/,
    );
    expect(() => engineOf('mysql://db.example')).toThrow(StorageConfigError);
    expect(engineOf('./data/masthead.db')).toBe('sqlite');
    expect(engineOf(':memory:')).toBe('sqlite');
    expect(engineOf('file:///srv/masthead.db')).toBe('sqlite');
  });

  it('refuses read replicas for SQLite rather than ignore them', async () => {
    await expect(openRepository({ location: ':memory:', readUrls: ['/srv/replica.db'] })).rejects.toThrow(
      /read replicas .* sqlite does not/,
    );
  });

  it('with mustExist, refuses to create a database (a mistyped path)', async () => {
    const path = join(scratch(), 'typo.db');
    await expect(openRepository({ location: path, mustExist: true })).rejects.toThrow(
      `no database at ${path}`,
    );
    const memory = await openRepository({ location: ':memory:', mustExist: true });
    await memory.repository.close();
  });
});

describe('redactLocation', () => {
  it('leaves out the password of a URL, and paths as they are', () => {
    expect(redactLocation('postgres://masthead:s3cret@db:5432/masthead')).toBe(
      'postgres://masthead:***@db:5432/masthead',
    );
    expect(redactLocation('postgres://db/masthead')).toBe('postgres://db/masthead');
    expect(redactLocation('./data/masthead.db')).toBe('./data/masthead.db');
  });
});
