import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageWithStory, IngestRecord, Repository } from '../../src/storage/repository.js';
import { createSqliteRepository, openDatabase } from '../../src/storage/sqlite/index.js';
import { sha256Hex } from '../../src/ingest/ingest.js';
import { tempDir } from '../helpers/temp-dir.js';

function page(overrides: Partial<PageWithStory> = {}): PageWithStory {
  return {
    story: {
      title: 'A title',
      deck: 'A deck',
      byline: 'A. Writer',
      dateline: null,
      paragraphs: ['First paragraph about whales.', 'Second paragraph.'],
      language: 'en',
    },
    edition: {
      publication: 'The Straits Times',
      date: '2024-10-23',
      label: 'October 23, 2024',
      platform: 'magzter',
    },
    teasers: [
      { title: 'Teaser one', summary: 'Summary one', publication: null, date: null, partial: false },
      { title: 'Teaser two', summary: null, publication: 'Other Pub', date: '2024-09', partial: true },
    ],
    page_locale: 'de',
    removed: [],
    warnings: [],
    ...overrides,
  };
}

function record(body: string, parsed: PageWithStory = page()): IngestRecord {
  return {
    document: {
      body,
      contentType: 'text/plain',
      sha256: sha256Hex(body),
      sourceUrl: 'https://example.com/a',
      receivedAt: '2026-01-01T00:00:00.000Z',
    },
    page: parsed,
    parserVersion: '9.9.9',
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}

let repository: Repository | undefined;
afterEach(async () => {
  await repository?.close();
  repository = undefined;
});

// The engine-independent cases are in repository.test.ts, run on every engine; these look
// inside SQLite's own tables and settings.
describe('SQLite repository', () => {
  it('keeps the full-text index in step with the article', async () => {
    const dir = tempDir('masthead-db-');
    const path = join(dir, 'fts.db');
    repository = createSqliteRepository(path);
    await repository.ingest(record('fts page'));
    await repository.close();
    repository = undefined;
    const db = new Database(path, { readonly: true });
    const hits = db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'whales'`).all();
    expect(hits).toEqual([{ rowid: 1 }]);
    db.close();
  });

  it('rolls back the whole ingest when any part fails', async () => {
    const dir = tempDir('masthead-db-');
    const path = join(dir, 'rollback.db');
    repository = createSqliteRepository(path);
    const broken = page({
      teasers: [
        { title: null as unknown as string, summary: null, publication: null, date: null, partial: false },
      ],
    });
    await expect(repository.ingest(record('broken', broken))).rejects.toThrow(
      /store: unable to insert article/,
    );
    await repository.close();
    repository = undefined;
    const db = new Database(path, { readonly: true });
    for (const table of [
      'raw_documents',
      'publications',
      'editions',
      'articles',
      'teasers',
      'articles_fts',
    ]) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    db.close();
  });

  it('opens files with WAL, foreign keys, FULL sync, a busy timeout, creating the folder', () => {
    const dir = tempDir('masthead-db-');
    const db = openDatabase(join(dir, 'nested', 'deeper', 'm.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('sizeBytes is page_count × page_size of the file (what masthead_database_size_bytes shows)', async () => {
    const path = join(tempDir('masthead-db-'), 'm.db');
    repository = createSqliteRepository(path);
    for (let index = 0; index < 20; index += 1) {
      await repository.ingest(record(`${'x'.repeat(4000)} ${index}`));
    }
    const db = new Database(path, { readonly: true });
    try {
      const pages = db.pragma('page_count', { simple: true }) as number;
      expect(await repository.sizeBytes()).toBe(pages * (db.pragma('page_size', { simple: true }) as number));
      expect(pages).toBeGreaterThan(20);
    } finally {
      db.close();
    }
  });
});
