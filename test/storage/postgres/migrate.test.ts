import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadPostgresMigrations,
  migratePostgres,
  postgresSchemaVersion,
} from '../../../src/storage/postgres/migrate.js';
import { emptyPostgresUrl, postgresAvailable, postgresUnavailableReason } from '../../helpers/postgres.js';

const pools: pg.Pool[] = [];
function pool(url: string): pg.Pool {
  const created = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

describe.skipIf(!postgresAvailable)(
  `PostgreSQL migrations${postgresAvailable ? '' : ` (${postgresUnavailableReason})`}`,
  () => {
    it('applies every migration once when three nodes start on one fresh database at once', async () => {
      const url = await emptyPostgresUrl();
      const latest = loadPostgresMigrations().at(-1)!.version;
      const results = await Promise.all([
        migratePostgres(pool(url)),
        migratePostgres(pool(url)),
        migratePostgres(pool(url)),
      ]);
      // exactly one call applied each version; the others found it done
      expect(results.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
      const check = pool(url);
      expect(await postgresSchemaVersion(check)).toBe(latest);
      const rows = await check.query<{ n: string }>(`SELECT count(*) AS n FROM schema_migrations`);
      expect(Number(rows.rows[0]!.n)).toBe(latest);
      expect(await migratePostgres(check)).toEqual([]);
    });

    it('refuses a database newer than this build', async () => {
      const url = await emptyPostgresUrl();
      const db = pool(url);
      await migratePostgres(db);
      await db.query(
        `INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '099_future.sql', 'x')`,
      );
      await expect(migratePostgres(db)).rejects.toThrow(/version 99, newer than this build/);
    });

    it('leaves no trace of a migration that fails', async () => {
      const url = await emptyPostgresUrl();
      const db = pool(url);
      const good = loadPostgresMigrations().slice(0, 1);
      const bad = { version: 2, name: '002_bad.sql', sql: `CREATE TABLE half_done (x int); SELECT 1/0;` };
      await expect(migratePostgres(db, [...good, bad])).rejects.toThrow(/002_bad.sql failed/);
      expect(await postgresSchemaVersion(db)).toBe(1);
      const table = await db.query<{ present: boolean }>(
        `SELECT to_regclass('half_done') IS NOT NULL AS present`,
      );
      expect(table.rows[0]!.present).toBe(false);
    });

    it('gives the full-text indexes no pending list (011): a search never scans unsorted new rows', async () => {
      const db = pool(await emptyPostgresUrl());
      await migratePostgres(db);
      const { rows } = await db.query<{ name: string; options: string[] | null }>(
        `SELECT relname AS name, reloptions AS options FROM pg_class
          WHERE relname IN ('articles_search', 'teasers_search') ORDER BY relname`,
      );
      expect(rows).toEqual([
        { name: 'articles_search', options: ['fastupdate=off'] },
        { name: 'teasers_search', options: ['fastupdate=off'] },
      ]);
    });
  },
);
