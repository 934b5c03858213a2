/**
 * The examples of the OpenAPI document taken from the seed page: its text (request bodies), the
 * parser's output for it (ParsedPage), and the article and teasers stored from it. They are the
 * generator's business, not the server's: `npm run openapi` adds them to the document it writes
 * (`addSeedExamples`); the document the server serves at /openapi.json goes without them.
 * test/http/openapi.test.ts checks that they are what the server really returns.
 */
import { PARSER_VERSION } from '../src/parser/version.js';
import { SEED_PAGE_TEXT } from './seed-example.js';
import { SEED_PARSE } from './seed-parse.js';

export { SEED_PAGE_TEXT, SEED_PARSE };

export const seedExamples = {
  article: {
    id: 1,
    title: null,
    deck: null,
    byline: null,
    dateline: 'SEOUL',
    paragraphs: SEED_PARSE.story?.paragraphs ?? [],
    language: 'en',
    page_locale: 'de',
    word_count: 306,
    edition: { id: 1, publication: 'The Straits Times', date: '2024-10-23' },
    teaser_count: 10,
    teased_by: [],
    story_id: 1,
    captures: [],
    source_url: null,
    ingested_at: '2026-11-30T06:30:00.000Z',
    parser_version: PARSER_VERSION,
    links: {
      self: '/v1/articles/1',
      edition: '/v1/articles/1/edition',
      teasers: '/v1/articles/1/teasers',
      source: '/v1/articles/1/source',
    },
  },
  teasers: {
    items: SEED_PARSE.teasers
      .slice(0, 2)
      .map((teaser, index) => ({ position: index + 1, ...teaser, article_id: null })),
    next_cursor: null,
  },
};

interface Media {
  schema?: { $ref?: string; type?: string };
  example?: unknown;
}
interface SeedDocument {
  components?: { schemas?: Record<string, Record<string, unknown>> };
  paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, Media> } }>>;
}

/**
 * The document with the seed examples: on the ParsedPage, PageSubmission, Article and
 * TeaserList components, and on every plain-text page body (the page endpoints).
 */
export function addSeedExamples<Document>(document: Document): Document {
  const { components, paths } = document as SeedDocument;
  const schemas = components?.schemas ?? {};
  const componentExamples: Record<string, unknown> = {
    PageSubmissionInput: { text: SEED_PAGE_TEXT },
    ParsedPage: SEED_PARSE,
    Article: seedExamples.article,
    TeaserList: seedExamples.teasers,
  };
  for (const [name, example] of Object.entries(componentExamples)) {
    const schema = schemas[name];
    if (schema === undefined) throw new Error(`openapi: no ${name} component for its seed example`);
    schema['examples'] = [example];
  }
  for (const item of Object.values(paths ?? {})) {
    for (const operation of Object.values(item)) {
      const text = operation.requestBody?.content?.['text/plain'];
      if (text?.schema?.type === 'string') text.example = SEED_PAGE_TEXT;
    }
  }
  return document;
}
