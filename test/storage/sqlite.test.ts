import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageWithStory, IngestRecord, Repository } from '../../src/storage/repository.js';
import { createSqliteRepository, openDatabase } from '../../src/storage/sqlite/index.js';
import { sha256Hex } from '../../src/ingest/ingest.js';

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

describe('SQLite repository', () => {
  it('stores an ingest and reads it back whole', async () => {
    repository = createSqliteRepository(':memory:');
    const { article, created } = await repository.ingest(record('page one'));
    expect(created).toBe(true);
    expect(article).toEqual({
      id: 1,
      title: 'A title',
      deck: 'A deck',
      byline: 'A. Writer',
      dateline: null,
      paragraphs: ['First paragraph about whales.', 'Second paragraph.'],
      language: 'en',
      pageLocale: 'de',
      wordCount: 6,
      edition: { id: 1, publication: 'The Straits Times', date: '2024-10-23' },
      teaserCount: 2,
      teasedBy: [],
      storyId: 1,
      captures: [],
      sourceUrl: 'https://example.com/a',
      ingestedAt: '2026-01-01T00:00:00.000Z',
      parserVersion: '9.9.9',
    });
    expect((await repository.listArticleTeasers(1, { limit: 100 }))?.items).toEqual([
      {
        position: 1,
        title: 'Teaser one',
        summary: 'Summary one',
        publication: null,
        date: null,
        partial: false,
        linkedArticleId: null,
      },
      {
        position: 2,
        title: 'Teaser two',
        summary: null,
        publication: 'Other Pub',
        date: '2024-09',
        partial: true,
        linkedArticleId: null,
      },
    ]);
    expect(await repository.getArticleEdition(1)).toEqual({
      pageLocale: 'de',
      edition: {
        id: 1,
        publication: { id: 1, name: 'The Straits Times' },
        date: '2024-10-23',
        label: 'October 23, 2024',
        platform: 'magzter',
        articleCount: 1,
      },
    });
  });

  it('returns the existing article for a document it already has, writing nothing', async () => {
    repository = createSqliteRepository(':memory:');
    const first = await repository.ingest(record('same text'));
    const second = await repository.ingest(record('same text', page({ page_locale: 'fr' })));
    expect(second.created).toBe(false);
    expect(second.article).toEqual(first.article);
    expect(await repository.getArticle(2)).toBeNull();
    expect(await repository.findArticleByDocumentHash(sha256Hex('same text'))).toEqual({
      article: first.article,
      contentType: 'text/plain',
    });
  });

  it('files articles of the same publication, date and platform under one edition', async () => {
    repository = createSqliteRepository(':memory:');
    await repository.ingest(record('a'));
    const sameEdition = page({
      edition: { publication: 'THE STRAITS TIMES', date: '2024-10-23', label: 'x', platform: 'magzter' },
    });
    const b = await repository.ingest(record('b', sameEdition));
    expect(b.article.edition?.id).toBe(1);
    const otherDay = await repository.ingest(
      record(
        'c',
        page({
          edition: { publication: 'The Straits Times', date: '2024-10-24', label: null, platform: 'magzter' },
        }),
      ),
    );
    expect(otherDay.article.edition?.id).toBe(2);
    const undated = await repository.ingest(
      record(
        'd',
        page({ edition: { publication: 'The Straits Times', date: null, label: null, platform: null } }),
      ),
    );
    const undatedAgain = await repository.ingest(
      record(
        'e',
        page({ edition: { publication: 'The Straits Times', date: null, label: null, platform: null } }),
      ),
    );
    expect(undatedAgain.article.edition?.id).toBe(undated.article.edition?.id);
    expect((await repository.getArticleEdition(1))?.edition?.articleCount).toBe(2);
  });

  it('stores an article with no edition when the page printed no publication', async () => {
    repository = createSqliteRepository(':memory:');
    const { article } = await repository.ingest(
      record(
        'x',
        page({ edition: { publication: null, date: '2024-04', label: 'April 2024', platform: 'magzter' } }),
      ),
    );
    expect(article.edition).toBeNull();
    expect(await repository.getArticleEdition(article.id)).toEqual({ edition: null, pageLocale: 'de' });
  });

  it('answers null/undefined for articles that do not exist', async () => {
    repository = createSqliteRepository(':memory:');
    expect(await repository.getArticle(7)).toBeNull();
    expect(await repository.getArticleEdition(7)).toBeUndefined();
    expect(await repository.listArticleTeasers(7, { limit: 100 })).toBeNull();
  });

  it('keeps the full-text index in step with the article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-db-'));
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
    const dir = mkdtempSync(join(tmpdir(), 'masthead-db-'));
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

  it('keeps the raw document byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-db-'));
    const path = join(dir, 'raw.db');
    const body = '\uFEFFline one\r\nline two\u00A0\u200B\n';
    repository = createSqliteRepository(path);
    await repository.ingest(record(body));
    await repository.close();
    repository = undefined;
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT body, sha256 FROM raw_documents').get()).toEqual({
      body,
      sha256: sha256Hex(body),
    });
    db.close();
  });

  it('opens files with WAL, foreign keys, FULL sync, a busy timeout, creating the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-db-'));
    const db = openDatabase(join(dir, 'nested', 'deeper', 'm.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('sizeBytes is page_count × page_size of the file (what masthead_database_size_bytes shows)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'masthead-db-')), 'm.db');
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
