/**
 * Migration 016 makes both full-text indexes contentless (FTS5 `content=''`): they keep the
 * index, not a second copy of every title, deck, body and teaser. Search must not notice:
 * every word of the fixture corpus finds the same rows with the same bm25 scores before and
 * after the migration, and after deletes, re-parses and new ingests the index equals one
 * rebuilt from the rows themselves.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSubmission } from '../../../src/ingest/parse-submission.js';
import type { PageWithStory, Repository } from '../../../src/storage/repository.js';
import { createSqliteRepository } from '../../../src/storage/sqlite/index.js';
import { loadSqliteMigrations } from '../../../src/storage/sqlite/migrate.js';
import { loadFixtures } from '../../helpers/fixtures.js';
import { page, record } from '../../helpers/records.js';
import { tempDir } from '../../helpers/temp-dir.js';

const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;
const VERSION_BEFORE = 13;

const open: Repository[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((repository) => repository.close()));
});

function repositoryAt(path: string, version?: number): Repository {
  const migrations = loadSqliteMigrations();
  const repository = createSqliteRepository(path, {
    migrations: version === undefined ? migrations : migrations.slice(0, version),
  });
  open.push(repository);
  return repository;
}

async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((repository) => repository.close()));
}

const fixturePages = loadFixtures().flatMap((fixture) => {
  const parsed = parseSubmission({ body: fixture.raw, contentType: 'text/plain', sourceUrl: null });
  return parsed.story === null ? [] : [{ raw: fixture.raw, page: parsed as PageWithStory }];
});

/** Every distinct word of the corpus's stories and teasers, as a quoted FTS5 string. */
function corpusWords(): string[] {
  const words = new Set<string>();
  for (const { page: parsed } of fixturePages) {
    const { title, deck, paragraphs } = parsed.story;
    const texts = [title, deck, ...paragraphs, ...parsed.teasers.flatMap((t) => [t.title, t.summary])];
    for (const text of texts) {
      for (const word of (text ?? '').matchAll(/[\p{L}\p{N}]+/gu)) words.add(word[0].toLowerCase());
    }
  }
  return [...words].sort().map((word) => `"${word}"`);
}

type Hits = Record<string, [number, number][]>;

/** For each query, the rows it matches with their bm25 score, in ranking order (as lists.ts ranks). */
function searchAll(
  db: Database.Database,
  queries: readonly string[],
  articles: string,
  teasers: string,
): Hits {
  const articleSearch = db.prepare<[string], [number, number]>(
    `SELECT rowid, bm25(${articles}, 10.0, 4.0, 1.0) AS score FROM ${articles} WHERE ${articles} MATCH ? ORDER BY score, rowid`,
  );
  const teaserSearch = db.prepare<[string], [number, number]>(
    `SELECT rowid, bm25(${teasers}) AS score FROM ${teasers} WHERE ${teasers} MATCH ? ORDER BY score, rowid`,
  );
  const hits: Hits = {};
  for (const query of queries) {
    hits[`articles ${query}`] = articleSearch.raw().all(query);
    hits[`teasers ${query}`] = teaserSearch.raw().all(query);
  }
  return hits;
}

/** The same searches over indexes built afresh, with content, from the articles and teasers rows. */
function searchRebuiltFromRows(db: Database.Database, queries: readonly string[]): Hits {
  db.exec(`
    CREATE VIRTUAL TABLE temp.oracle_articles USING fts5 (title, deck, body, ${TOKENIZE});
    CREATE VIRTUAL TABLE temp.oracle_teasers USING fts5 (title, summary, ${TOKENIZE});
    INSERT INTO temp.oracle_teasers (rowid, title, summary) SELECT id, title, ifnull(summary, '') FROM teasers;`);
  const insert = db.prepare(
    'INSERT INTO temp.oracle_articles (rowid, title, deck, body) VALUES (?, ?, ?, ?)',
  );
  const rows = db.prepare<[], { id: number; title: string | null; deck: string | null; paragraphs: string }>(
    'SELECT id, title, deck, paragraphs FROM articles',
  );
  for (const row of rows.all()) {
    const body = (JSON.parse(row.paragraphs) as string[]).join('\n');
    insert.run(row.id, row.title ?? '', row.deck ?? '', body);
  }
  try {
    return searchAll(db, queries, 'oracle_articles', 'oracle_teasers');
  } finally {
    db.exec('DROP TABLE temp.oracle_articles; DROP TABLE temp.oracle_teasers;');
  }
}

function integrityCheck(db: Database.Database): void {
  for (const table of ['articles_fts', 'teasers_fts']) {
    db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
  }
}

describe('contentless full-text indexes (migration 016)', () => {
  it('find the same rows with the same scores after migrating a database at 013', async () => {
    const path = join(tempDir('masthead-fts-'), 'fts.db');
    const before = repositoryAt(path, VERSION_BEFORE);
    for (const { raw, page: parsed } of fixturePages) await before.ingest(record(parsed, raw));
    await closeAll();

    const queries = [...corpusWords(), '"whale*"', 'title: "the"', '"new" AND "year"'];
    const old = new Database(path);
    // rows deleted and written again (as a re-parse does) leave traces in the old segments
    old.exec(`
      CREATE TEMP TABLE again AS SELECT rowid, title, deck, body FROM articles_fts WHERE rowid % 7 = 1;
      DELETE FROM articles_fts WHERE rowid IN (SELECT rowid FROM again);
      INSERT INTO articles_fts (rowid, title, deck, body) SELECT * FROM again;`);
    const hitsBefore = searchAll(old, queries, 'articles_fts', 'teasers_fts');
    old.close();
    expect(Object.values(hitsBefore).filter((rows) => rows.length > 0).length).toBeGreaterThan(1000);

    const after = repositoryAt(path);
    expect((await after.schemaStatus()).current).toBe((await after.schemaStatus()).latest);
    await closeAll();
    const migrated = new Database(path);
    try {
      expect(searchAll(migrated, queries, 'articles_fts', 'teasers_fts')).toEqual(hitsBefore);
      // contentless: no copy of the text left
      const tables = migrated.prepare<[], { name: string }>(`SELECT name FROM sqlite_schema`).all();
      expect(tables.map((t) => t.name)).not.toContain('articles_fts_content');
      expect(tables.map((t) => t.name)).not.toContain('teasers_fts_content');
      expect(migrated.prepare('SELECT title FROM articles_fts LIMIT 1').pluck().get()).toBeNull();
      integrityCheck(migrated);
    } finally {
      migrated.close();
    }
  });

  it('stay equal to an index rebuilt from the rows through ingests, re-parses and deletes', async () => {
    const path = join(tempDir('masthead-fts-'), 'fts.db');
    const repository = repositoryAt(path);
    const stored: { id: number; sha256: string }[] = [];
    for (const { raw, page: parsed } of fixturePages.slice(0, 30)) {
      const input = record(parsed, raw);
      stored.push({ id: (await repository.ingest(input)).article.id, sha256: input.document.sha256 });
    }
    // a re-parse that changes every field the indexes hold, and one that drops the teasers
    const changed = page({
      title: 'Narwhals of the northern fjords',
      paragraphs: ['Icebreakers met a pod of narwhals.', 'Scientists counted tusks.'],
      teasers: [{ title: 'Glaciers retreat', summary: 'Meltwater measured' }],
    });
    for (const [index, replacement] of [changed, page({ teasers: [] })].entries()) {
      const target = stored[index + 2]!;
      const outcome = await repository.replaceParse(
        { articleId: target.id, documentSha256: target.sha256 },
        replacement,
        '9.9.10',
      );
      expect(outcome).toBe('updated');
    }
    await repository.deleteArticle(stored[7]!.id);
    await repository.deleteArticle(stored[8]!.id);
    await repository.ingest(record(page({ title: 'Narwhals again', teasers: [{ title: 'Glaciers' }] })));
    await closeAll();

    const db = new Database(path);
    try {
      const queries = [...corpusWords(), '"narwhals"', '"glaciers"', '"icebreakers"', '"meltwater"'];
      const hits = searchAll(db, queries, 'articles_fts', 'teasers_fts');
      expect(hits['articles "narwhals"']).toHaveLength(2);
      expect(hits['teasers "meltwater"']).toHaveLength(1);
      expect(hits).toEqual(searchRebuiltFromRows(db, queries));
      integrityCheck(db);
    } finally {
      db.close();
    }
  });
});
