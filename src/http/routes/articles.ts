import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ingestPage, type ParseFunction } from '../../ingest/ingest.js';
import type { Metrics } from '../metrics.js';
import type { Repository, TeaserRecord } from '../../storage/repository.js';
import { negotiate } from '../negotiate.js';
import { linkNext, publicationRef } from '../pagination.js';
import { sha256Etag } from '../etag.js';
import { HttpProblem } from '../problem.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderPlainText } from '../render/plain-text.js';
import { selectFields, toArticleResponse, toTeaser } from '../representations.js';
import { jsonResponse, problemResponses } from '../responses.js';
import {
  ArticleEditionSchema,
  ArticleListQuerySchema,
  ArticleListSchema,
  ArticleSchema,
  ARTICLE_FIELDS,
  IdParams,
  pageBodyContent,
  PageParams,
  TeaserListSchema,
} from '../schemas.js';
import { refuseBatchBody, submissionFrom, WARNING_HEADER } from './pages.js';

export interface ArticleRoutesOptions {
  repository: Repository;
  requireWriteAccess: preHandlerAsyncHookHandler;
  parse: ParseFunction;
  metrics?: Pick<Metrics, 'recordIngest'>;
}

/**
 * Every teaser of an article, for the rendered representations, which print them all (page by
 * page, so no one query holds them all).
 */
async function allTeasers(repository: Repository, articleId: number): Promise<TeaserRecord[]> {
  const teasers: TeaserRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await repository.listArticleTeasers(articleId, { limit: TEASER_PAGE_MAX, cursor });
    if (!page) break;
    teasers.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return teasers;
}

/** The largest page a list serves (`limit` 1–100). */
const TEASER_PAGE_MAX = 100;

const notFound = (id: number) => new HttpProblem(404, 'not-found', `article ${id} does not exist`);

/** Representations of one article, JSON first: the default for any media type. */
const ARTICLE_MEDIA_TYPES = ['application/json', 'text/markdown', 'text/plain', 'text/html'] as const;
const RENDERERS = { 'text/markdown': renderMarkdown, 'text/plain': renderPlainText, 'text/html': renderHtml };

function parseFields(fields: string | undefined): string[] | null {
  if (fields === undefined) return null;
  const requested = fields.split(',');
  const unknown = requested.filter(
    (field) => !(ARTICLE_FIELDS as string[]).includes(field) && field !== 'snippet',
  );
  if (unknown.length > 0) {
    throw new HttpProblem(400, 'validation', `unknown field(s) in fields: ${unknown.join(', ')}`, {
      errors: [{ path: 'querystring/fields', message: `unknown: ${unknown.join(', ')}` }],
    });
  }
  return requested;
}

export async function articleRoutes(app: FastifyInstance, options: ArticleRoutesOptions): Promise<void> {
  const { repository, requireWriteAccess } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/articles',
    {
      onRequest: refuseBatchBody,
      preHandler: requireWriteAccess,
      schema: {
        operationId: 'ingestArticle',
        tags: ['articles'],
        summary: 'Ingest a page',
        description:
          'Parses a captured newsstand page and stores its main story, source edition and teasers ' +
          'together with the raw document. Idempotent by the SHA-256 of the document: sending the ' +
          'same document again returns the stored article with 200. A page with no main story is ' +
          'not stored: the 422 problem carries the parse result so you can see why.',
        security: [{ bearerAuth: [] }],
        body: { content: pageBodyContent } as never,
        response: {
          201: jsonResponse('Stored; `Location` points at the new article.', ArticleSchema),
          200: jsonResponse('This document was already ingested: the stored article.', ArticleSchema),
          ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503, 507),
        },
      },
    },
    async (request, reply) => {
      const { submission, warning } = submissionFrom(request);
      if (warning !== null) reply.header(WARNING_HEADER, warning);
      const outcome = await ingestPage(repository, submission, { parse: options.parse });
      options.metrics?.recordIngest(outcome);
      if (outcome.kind === 'no-story') {
        throw new HttpProblem(422, 'no-story', 'the page has no main story, so nothing was stored', {
          parse_result: outcome.page,
        });
      }
      const body = toArticleResponse(outcome.article);
      if (outcome.kind === 'created') {
        return reply.code(201).header('location', body.links.self).send(body);
      }
      return reply.code(200).header('content-location', body.links.self).send(body);
    },
  );

  routes.get(
    '/v1/articles',
    {
      schema: {
        operationId: 'listArticles',
        tags: ['articles'],
        security: [],
        summary: 'List and search articles',
        description:
          'Articles, newest edition first then by id, filtered by publication, edition, edition ' +
          'date range, story language, page UI language and platform. With `q`, a full-text search ' +
          'over title, deck and body (FTS5 syntax: words, "phrases", prefix*, AND, OR, NOT) ordered ' +
          'by relevance, each item with a highlighted `snippet`. Pages through `cursor`/`next_cursor` ' +
          '(also in `Link: rel="next"`): a walk returns each article once, even while others are ' +
          'ingested. `fields` selects the fields returned.',
        querystring: ArticleListQuerySchema,
        response: {
          200: jsonResponse('One page of articles.', ArticleListSchema),
          ...problemResponses(400, 429),
        },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const fields = parseFields(query.fields);
      const page = await repository.listArticles({
        publication: publicationRef(query.publication),
        editionId: query.edition_id,
        from: query.from,
        to: query.to,
        language: query.language,
        pageLocale: query.page_locale,
        platform: query.platform,
        q: query.q,
        limit: query.limit,
        cursor: query.cursor,
      });
      return {
        // With `q`, every item carries its snippet, whatever `fields` selects.
        items: page.items.map((item) => ({
          ...selectFields(toArticleResponse(item), fields),
          ...(item.snippet === undefined ? {} : { snippet: item.snippet }),
        })),
        next_cursor: linkNext(request, reply, page.nextCursor),
      };
    },
  );

  routes.get(
    '/v1/articles/:id',
    {
      schema: {
        operationId: 'getArticle',
        tags: ['articles'],
        security: [],
        summary: 'Get an article',
        description:
          'The main story of an ingested page, with a summary of its edition and links. Content ' +
          'negotiation: `application/json` (default), `text/markdown` and `text/plain` (the clean ' +
          'story with its header and edition line), `text/html` (a minimal, accessible reader page).',
        params: IdParams,
        response: {
          200: {
            description: 'The article, in the representation asked for.',
            content: {
              'application/json': { schema: ArticleSchema },
              'text/markdown': { schema: z.string() },
              'text/plain': { schema: z.string() },
              'text/html': { schema: z.string() },
            },
          },
          ...problemResponses(400, 404, 406),
        },
      },
    },
    async (request, reply) => {
      reply.header('vary', 'Accept');
      const mediaType = negotiate(request.headers.accept, ARTICLE_MEDIA_TYPES);
      if (mediaType === null) {
        throw new HttpProblem(
          406,
          'not-acceptable',
          `this resource is available as ${ARTICLE_MEDIA_TYPES.join(', ')}`,
        );
      }
      const article = await repository.getArticle(request.params.id);
      if (!article) throw notFound(request.params.id);
      if (mediaType === 'application/json')
        return reply.type('application/json').send(toArticleResponse(article));
      const [edition, teasers] = await Promise.all([
        repository.getArticleEdition(article.id),
        allTeasers(repository, article.id),
      ]);
      const view = { article, edition: edition?.edition ?? null, teasers };
      return reply.type(`${mediaType}; charset=utf-8`).send(RENDERERS[mediaType](view));
    },
  );

  routes.delete(
    '/v1/articles/:id',
    {
      preHandler: requireWriteAccess,
      schema: {
        operationId: 'deleteArticle',
        tags: ['articles'],
        security: [{ bearerAuth: [] }],
        summary: 'Delete an article',
        description:
          'Removes the article, its teasers, the links of other teasers to it, its search rows and ' +
          'its raw document; an edition or publication left with no article goes too. Ids are never ' +
          'reused: the deleted URLs answer 404 for good.',
        params: IdParams,
        response: {
          204: z.null().describe('Deleted; no body.'),
          ...problemResponses(400, 401, 403, 404, 413, 415, 429, 503, 507),
        },
      },
    },
    async (request, reply) => {
      if (!(await repository.deleteArticle(request.params.id))) throw notFound(request.params.id);
      return reply.code(204).send(null);
    },
  );

  routes.get(
    '/v1/articles/:id/source',
    {
      schema: {
        operationId: 'getArticleSource',
        tags: ['articles'],
        security: [],
        summary: "Get an article's raw page",
        description:
          'The document exactly as it was received, with its original content type. Its `ETag` ' +
          'comes from the SHA-256 stored with the document.',
        params: IdParams,
        response: {
          200: {
            description: 'The raw document.',
            content: { 'text/plain': { schema: z.string() }, 'text/html': { schema: z.string() } },
          },
          ...problemResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const source = await repository.getArticleSource(request.params.id);
      if (!source) throw notFound(request.params.id);
      // The stored bytes as they are (a view, not a copy), tagged by the hash stored with them.
      // fastify sends a Buffer unserialised; the schema documents it as the string it is.
      const { bytes } = source;
      const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return reply
        .header('etag', sha256Etag(source.sha256))
        .type(`${source.contentType}; charset=utf-8`)
        .send(body as unknown as string);
    },
  );

  routes.get(
    '/v1/articles/:id/edition',
    {
      schema: {
        operationId: 'getArticleEdition',
        tags: ['articles'],
        security: [],
        summary: "Get an article's source edition",
        description:
          'The edition the story was printed in: publication, date (with the precision printed), ' +
          'the date as printed, platform, and the UI language of the page it was captured from.',
        params: IdParams,
        response: {
          200: jsonResponse("The article's source edition.", ArticleEditionSchema),
          ...problemResponses(400, 404),
        },
      },
    },
    async (request) => {
      const found = await repository.getArticleEdition(request.params.id);
      if (!found) throw notFound(request.params.id);
      if (!found.edition) {
        throw new HttpProblem(
          404,
          'no-edition',
          `article ${request.params.id} has no known edition: its page printed no publication`,
        );
      }
      const { edition, pageLocale } = found;
      return {
        id: edition.id,
        publication: edition.publication,
        date: edition.date,
        label: edition.label,
        platform: edition.platform,
        page_locale: pageLocale,
        article_count: edition.articleCount,
      };
    },
  );

  routes.get(
    '/v1/articles/:id/teasers',
    {
      schema: {
        operationId: 'listArticleTeasers',
        tags: ['articles'],
        security: [],
        summary: "List an article's teasers",
        description:
          'The related-story teasers printed under the article, in page order. Each keeps its own ' +
          'publication and date where the card printed them, and `article_id` links it to the ' +
          'stored story it announces. Pages through `cursor`/`next_cursor` (also in ' +
          '`Link: rel="next"`) like every list; `teaser_count` on the article is the total.',
        params: IdParams,
        querystring: PageParams,
        response: {
          200: jsonResponse('One page of teasers, in page order.', TeaserListSchema),
          ...problemResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const page = await repository.listArticleTeasers(request.params.id, request.query);
      if (!page) throw notFound(request.params.id);
      return { items: page.items.map(toTeaser), next_cursor: linkNext(request, reply, page.nextCursor) };
    },
  );
}
