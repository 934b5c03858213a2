/**
 * PostgreSQL builds an article's representation in one SQL function (`masthead_article`,
 * migration 013) that the SQLite adapter builds in TypeScript: the same writes on both engines
 * must read back as the same records, by id, by document and in lists. The scenario touches
 * every part of the representation: a story with more captures than are listed
 * (MAX_CAPTURES, oldest first, never the article itself), a capture deleted, teaser links,
 * an article without an edition, a re-parse that changes the title.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/ingest/ingest.js';
import {
  MAX_CAPTURES,
  type IngestRecord,
  type PageWithStory,
  type Repository,
} from '../../../src/storage/repository.js';
import { postgresEngine, sqliteEngine } from '../../helpers/engines.js';

const STORY_PARAGRAPHS = Array.from(
  { length: 12 },
  (_, i) => `Paragraph ${i} of a long story about the harbour, its ships and the people who load them.`,
);

function page(index: number, overrides: Partial<PageWithStory> = {}): PageWithStory {
  return {
    story: {
      title: `Story ${index}`,
      deck: index % 2 === 0 ? null : `Deck ${index}`,
      byline: 'A. Writer',
      dateline: null,
      paragraphs: [`Only paragraph of page ${index}, about nothing in particular.`],
      language: 'en',
    },
    edition: {
      publication: index % 3 === 0 ? 'The Straits Times' : 'Harbour Weekly',
      date: `2024-${String((index % 12) + 1).padStart(2, '0')}`,
      label: null,
      platform: index % 2 === 0 ? 'magzter' : 'zinio',
    },
    teasers: [],
    page_locale: index % 4 === 0 ? 'fr' : 'en',
    removed: [],
    warnings: [],
    ...overrides,
  };
}

function record(body: string, parsed: PageWithStory): IngestRecord {
  return {
    document: {
      body,
      contentType: 'text/plain',
      sha256: sha256Hex(body),
      sourceUrl: body.length % 2 === 0 ? null : 'https://example.com/a',
      receivedAt: '2026-01-01T00:00:00.000Z',
    },
    page: parsed,
    parserVersion: '9.9.9',
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** The same writes, in the same order, on a repository; returns the bodies stored. */
async function writeScenario(repository: Repository): Promise<string[]> {
  const bodies: string[] = [];
  const ingest = async (body: string, parsed: PageWithStory) => {
    bodies.push(body);
    return (await repository.ingest(record(body, parsed))).article;
  };
  // One story captured MAX_CAPTURES + 3 times, on several platforms, locales and editions.
  const captures = [];
  for (let i = 0; i < MAX_CAPTURES + 3; i += 1)
    captures.push(
      await ingest(
        `capture ${i}`,
        page(i, { story: { ...page(i).story, title: 'The harbour', paragraphs: STORY_PARAGRAPHS } }),
      ),
    );
  // Pages of their own, one without an edition, one teasing the harbour story and another.
  for (let i = 100; i < 104; i += 1) await ingest(`page ${i}`, page(i));
  await ingest('no edition', page(104, { edition: null }));
  await ingest(
    'teasing',
    page(105, {
      teasers: [
        { title: 'THE HARBOUR', summary: 'Ships', publication: null, date: 'OCT 2025', partial: false },
        { title: 'Story 101', summary: null, publication: 'Harbour Weekly', date: null, partial: true },
      ],
    }),
  );
  // The second capture goes: the others list the next oldest in its place.
  const gone = captures[1];
  if (gone) await repository.deleteArticle(gone.id);
  const renamed = captures[2];
  if (renamed) {
    const parsed = page(2, {
      story: { ...page(2).story, title: 'The harbour, again', paragraphs: STORY_PARAGRAPHS },
    });
    await repository.replaceParse(
      { articleId: renamed.id, documentSha256: sha256Hex('capture 2') },
      parsed,
      '9.9.10',
    );
  }
  return bodies;
}

const opened: Repository[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((repository) => repository.close()));
});

describe.skipIf(!postgresEngine.available)('article representation: PostgreSQL against SQLite', () => {
  it('reads the same records by id, by document and in lists after the same writes', async () => {
    const [sqlite, postgres] = [await sqliteEngine.open(), await postgresEngine.open()];
    opened.push(sqlite, postgres);
    const bodies = await writeScenario(sqlite);
    await writeScenario(postgres);

    const ids = Array.from({ length: bodies.length + 1 }, (_, i) => i + 1);
    const byId = async (repository: Repository) => Promise.all(ids.map((id) => repository.getArticle(id)));
    const sqliteArticles = await byId(sqlite);
    expect(await byId(postgres)).toEqual(sqliteArticles);

    // The scenario reached what it is about (so that the comparison above cannot pass empty).
    const listed = sqliteArticles.flatMap((article) => (article ? [article] : []));
    expect(listed).toHaveLength(bodies.length - 1);
    expect(Math.max(...listed.map((article) => article.captures.length))).toBe(MAX_CAPTURES);
    expect(listed.some((article) => article.teasedBy.length > 0)).toBe(true);
    expect(listed.some((article) => article.edition === null)).toBe(true);
    expect(listed.some((article) => article.title === 'The harbour, again')).toBe(true);

    const byDocument = async (repository: Repository) =>
      Promise.all(bodies.map((body) => repository.findArticleByDocumentHash(sha256Hex(body))));
    expect(await byDocument(postgres)).toEqual(await byDocument(sqlite));

    const list = async (repository: Repository) =>
      (await repository.listArticles({ limit: 50, sort: 'ingested' })).items;
    expect(await list(postgres)).toEqual(await list(sqlite));
  });
});
