import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../src/storage/migrate.js';
import { loadSqliteMigrations, migrate, schemaVersion } from '../../../src/storage/sqlite/migrate.js';
import { registerFunctions } from '../../../src/storage/sqlite/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Declared columns, generated ones included; a virtual table's hidden columns left out. */
function columns(db: Database.Database, table: string): string[] {
  const rows = db.prepare(`PRAGMA table_xinfo(${table})`).all() as { name: string; hidden: number }[];
  return rows.filter((c) => c.hidden !== 1).map((c) => c.name);
}

describe('migrate', () => {
  it('brings an empty database to the latest version with the full schema', () => {
    const db = new Database(':memory:');
    const migrations = loadSqliteMigrations();
    expect(migrate(db, migrations)).toEqual(migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);

    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%_fts_%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual([
      'article_representations',
      'articles',
      'articles_fts',
      'change_feed',
      'changes',
      'editions',
      'id_high_water',
      'jobs',
      'learned_line_publications',
      'learned_shapes',
      'publications',
      'raw_documents',
      'sqlite_sequence',
      'story_bands',
      'story_fingerprints',
      'teasers',
      'teasers_fts',
    ]);

    expect(columns(db, 'raw_documents')).toEqual([
      'id',
      'sha256',
      'content_type',
      'body',
      'source_url',
      'received_at',
    ]);
    expect(columns(db, 'editions')).toEqual([
      'id',
      'publication_id',
      'date',
      'label',
      'platform',
      'created_at',
      'date_start',
      'date_end',
      'article_count',
    ]);
    expect(columns(db, 'articles')).toEqual([
      'id',
      'raw_document_id',
      'edition_id',
      'title',
      'deck',
      'byline',
      'dateline',
      'paragraphs',
      'language',
      'page_locale',
      'word_count',
      'parser_version',
      'ingested_at',
      'title_key',
      'publication_key',
      'edition_start',
      'edition_end',
      'sort_key',
      'source_url',
      'teaser_count',
      'story_id',
    ]);
    expect(columns(db, 'teasers')).toEqual([
      'id',
      'article_id',
      'position',
      'title',
      'summary',
      'publication',
      'date',
      'partial',
      'title_key',
      'publication_key',
      'linked_article_id',
    ]);
    expect(columns(db, 'articles_fts')).toEqual(['title', 'deck', 'body']);
    expect(columns(db, 'teasers_fts')).toEqual(['title', 'summary']);
    expect(columns(db, 'jobs')).toEqual([
      'id',
      'kind',
      'status',
      'total',
      'processed',
      'updated',
      'unchanged',
      'skipped',
      'failed',
      'error',
      'created_at',
      'started_at',
      'finished_at',
      'options',
      'parser_version',
      'claimed_by',
      'heartbeat_at',
      'resume_after',
      'takeovers',
    ]);

    const indexes = (
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL`).all() as {
        name: string;
      }[]
    ).map((i) => i.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'editions_identity',
        'articles_edition',
        'articles_order',
        'teasers_link_lookup',
        'teasers_linked',
        'jobs_claimable',
      ]),
    );
    db.close();
  });

  it('009 ends the jobs that ran in a process memory: nothing says how to resume them', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    const migrations = loadSqliteMigrations();
    migrate(db, migrations.slice(0, 8));
    const now = '2026-01-01T00:00:00.000Z';
    db.exec(`
      INSERT INTO jobs (id, kind, status, created_at) VALUES ('queued-one', 'reparse', 'queued', '${now}');
      INSERT INTO jobs (id, kind, status, created_at) VALUES ('orphan', 'reparse', 'running', '${now}');
      INSERT INTO jobs (id, kind, status, created_at, finished_at) VALUES ('done', 'reparse', 'succeeded', '${now}', '${now}');
    `);
    migrate(db, migrations.slice(0, 9));
    const rows = db.prepare(`SELECT id, status, error, finished_at FROM jobs ORDER BY id`).all() as {
      id: string;
      status: string;
      error: string | null;
      finished_at: string | null;
    }[];
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ['done', 'succeeded'],
      ['orphan', 'failed'],
      ['queued-one', 'failed'],
    ]);
    expect(rows[0]?.error).toBeNull();
    for (const row of rows.slice(1)) {
      expect(row.error).toMatch(/run it again/);
      expect(row.finished_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    db.close();
  });

  it('003 copies source URLs onto articles and counts their teasers', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    const migrations = loadSqliteMigrations();
    migrate(db, migrations.slice(0, 2));
    const now = '2026-01-01T00:00:00.000Z';
    db.exec(`
      INSERT INTO raw_documents (id, sha256, content_type, body, source_url, received_at)
      VALUES (1, '${'a'.repeat(64)}', 'text/plain', 'page one', 'https://example.com/one', '${now}'),
             (2, '${'b'.repeat(64)}', 'text/plain', 'page two', NULL, '${now}');
      INSERT INTO articles (id, raw_document_id, paragraphs, word_count, parser_version, ingested_at)
      VALUES (10, 1, '["one"]', 1, '1.0.0', '${now}'), (20, 2, '["two"]', 1, '1.0.0', '${now}');
      INSERT INTO teasers (article_id, position, title) VALUES (10, 1, 'A'), (10, 2, 'B'), (10, 3, 'C');`);
    migrate(db, migrations);
    expect(db.prepare('SELECT id, source_url, teaser_count FROM articles ORDER BY id').all()).toEqual([
      { id: 10, source_url: 'https://example.com/one', teaser_count: 3 },
      { id: 20, source_url: null, teaser_count: 0 },
    ]);
    db.close();
  });

  it('004 counts the articles of existing editions, and its triggers keep the counts', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    const migrations = loadSqliteMigrations();
    migrate(db, migrations.slice(0, 3));
    const now = '2026-01-01T00:00:00.000Z';
    const insertArticle = db.prepare(
      `INSERT INTO articles (id, raw_document_id, edition_id, paragraphs, word_count, parser_version, ingested_at)
       VALUES (?, ?, ?, '["x"]', 1, '1.0.0', '${now}')`,
    );
    db.exec(`
      INSERT INTO publications (id, name, created_at) VALUES (1, 'P', '${now}');
      INSERT INTO editions (id, publication_id, date, created_at)
      VALUES (1, 1, '2024-01-01', '${now}'), (2, 1, '2024-02-01', '${now}');`);
    for (const id of [1, 2, 3, 4]) {
      db.prepare(
        `INSERT INTO raw_documents (id, sha256, content_type, body, received_at)
         VALUES (?, ?, 'text/plain', 'page', '${now}')`,
      ).run(id, String(id).repeat(64).slice(0, 64));
    }
    insertArticle.run(1, 1, 1);
    insertArticle.run(2, 2, 1);
    insertArticle.run(3, 3, 2);
    migrate(db, migrations);
    const counts = () => db.prepare('SELECT id, article_count FROM editions ORDER BY id').all();
    expect(counts()).toEqual([
      { id: 1, article_count: 2 },
      { id: 2, article_count: 1 },
    ]);
    insertArticle.run(4, 4, null); // no edition: no count moves
    db.prepare('UPDATE articles SET edition_id = 2 WHERE id = 1').run();
    db.prepare('UPDATE articles SET edition_id = 1 WHERE id = 4').run();
    db.prepare('DELETE FROM articles WHERE id = 3').run();
    db.prepare('UPDATE articles SET title = ? WHERE id = 2').run('retitled'); // edition unchanged
    expect(counts()).toEqual([
      { id: 1, article_count: 2 },
      { id: 2, article_count: 1 },
    ]);
    const actual = db
      .prepare(
        'SELECT edition_id AS id, count(*) AS article_count FROM articles GROUP BY 1 HAVING id IS NOT NULL',
      )
      .all();
    expect(counts()).toEqual(actual);
    db.close();
  });

  it('005 starts each high-water mark at the current maximum id, and its triggers raise it on delete', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    const migrations = loadSqliteMigrations();
    migrate(db, migrations.slice(0, 4));
    const now = '2026-01-01T00:00:00.000Z';
    db.exec(`
      INSERT INTO publications (id, name, created_at) VALUES (3, 'P', '${now}'), (8, 'Q', '${now}');
      INSERT INTO editions (id, publication_id, date, created_at) VALUES (5, 3, '2024-01-01', '${now}');
      INSERT INTO raw_documents (id, sha256, content_type, body, received_at)
      VALUES (1, '${'a'.repeat(64)}', 'text/plain', 'one', '${now}'),
             (2, '${'b'.repeat(64)}', 'text/plain', 'two', '${now}');
      INSERT INTO articles (id, raw_document_id, edition_id, paragraphs, word_count, parser_version, ingested_at)
      VALUES (10, 1, 5, '["x"]', 1, '1.0.0', '${now}'), (20, 2, 5, '["y"]', 1, '1.0.0', '${now}');`);
    migrate(db, migrations);
    const marks = () => db.prepare('SELECT * FROM id_high_water ORDER BY table_name').all();
    expect(marks()).toEqual([
      { table_name: 'articles', max_deleted_id: 20 },
      { table_name: 'editions', max_deleted_id: 5 },
      { table_name: 'publications', max_deleted_id: 8 },
    ]);
    db.exec(`DELETE FROM articles WHERE id = 10`); // below the mark: it stays
    expect(marks()[0]).toEqual({ table_name: 'articles', max_deleted_id: 20 });
    db.exec(`INSERT INTO articles (id, raw_document_id, paragraphs, word_count, parser_version, ingested_at)
             VALUES (30, 1, '["z"]', 1, '1.0.0', '${now}');
             DELETE FROM articles WHERE id IN (20, 30);
             DELETE FROM editions WHERE id = 5;
             DELETE FROM publications;`);
    expect(marks()).toEqual([
      { table_name: 'articles', max_deleted_id: 30 },
      { table_name: 'editions', max_deleted_id: 5 },
      { table_name: 'publications', max_deleted_id: 8 },
    ]);
    db.close();
  });

  it('is a no-op on an up-to-date database', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('refuses a database newer than the build', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(/newer than this build/);
    db.close();
  });

  it('rolls back a failing migration entirely, version included', () => {
    const dir = tempDir('masthead-migrations-');
    writeFileSync(join(dir, '001_good.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    const db = new Database(':memory:');
    expect(() => migrate(db, loadMigrations(dir))).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'b'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('skips a migration another process applied while it waited for the lock', async () => {
    const dir = tempDir('masthead-migrations-');
    writeFileSync(join(dir, '001_a.sql'), 'CREATE TABLE a (x INTEGER);');
    const path = join(dir, 'race.db');
    new Database(path).pragma('journal_mode = WAL');
    // Another connection (a thread, so that it can commit while this one waits) migrates the
    // file and holds its write lock a moment before committing.
    const other = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const db = new (require('better-sqlite3'))(workerData.path);
       db.exec('BEGIN IMMEDIATE; CREATE TABLE a (x INTEGER); PRAGMA user_version = 1;');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: { path } },
    );
    await new Promise((resolve) => other.once('message', resolve));
    const db = new Database(path);
    db.pragma('busy_timeout = 10000');
    // It reads version 0, then waits for the lock; by then the version is 1.
    expect(migrate(db, loadMigrations(dir))).toEqual([]);
    expect(schemaVersion(db)).toBe(1);
    db.close();
    await other.terminate();
  });
});
