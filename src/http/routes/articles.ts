import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ingests } from '../../ingest/ingest.js';
import type { Metrics } from '../metrics.js';
import type { Repository, TeaserRecord } from '../../storage/repository.js';
import { negotiate } from '../negotiate.js';
import { linkNext, publicationRef } from '../pagination.js';
import { documentEtag } from '../etag.js';
import { HttpProblem } from '../problem.js';
import { renderHtml } from '../../render/html.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderPlainText } from '../../render/plain-text.js';
import { storedView } from '../../render/story-view.js';
import { rankedWithinOf, selectFields, toArticleResponse, toTeaser, totalOf } from '../representations.js';
import {
  BODY_PROBLEMS,
  LIST_PROBLEMS,
  PAGE_PROBLEMS,
  PARAMETER_PROBLEMS,
  SEARCH_PROBLEMS,
  WRITE_PROBLEMS,
  jsonResponse,
  problemResponses,
} from '../responses.js';
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
  ingests: Ingests;
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

/**
 * The stored document as `/source` serves it: text, not `format: binary`. Ingest accepts only
 * valid UTF-8, so the text is the bytes; and generated clients read a text/* body as a string
 * whatever the schema says (hey-api's fetch client, orval's axios functions under Node), so a
 * binary schema would type as a Blob what arrives as a string.
 */
const SOURCE_TEXT = z.string().describe('The document as received (UTF-8).');

const notFound = (id: number) => new HttpProblem(404, 'not-found', `article ${id} does not exist`);

/** Representations of one article, JSON first: the default for any media type. */
const ARTICLE_MEDIA_TYPES = ['application/json', 'text/markdown', 'text/plain', 'text/html'] as const;
const RENDERERS = { 'text/markdown': renderMarkdown, 'text/plain': renderPlainText, 'text/html': renderHtml };

const RENDERED_DESCRIPTIONS = {
  'text/markdown': 'the clean story with its header and edition line, and the teasers.',
  'text/plain': 'the clean story with its header and edition line, and the teasers.',
  'text/html': 'a minimal, accessible reader page.',
} as const;

/**
 * The rendered representations, each its own operation too: generators merge every media type
 * of one response into a single type (`Article | string`) and most parse a body by the
 * operation, not by its Content-Type.
 */
const RENDERED_OPERATIONS = [
  {
    extension: 'md',
    mediaType: 'text/markdown',
    operationId: 'getArticleMarkdown',
    summary: 'Get an article as Markdown',
  },
  {
    extension: 'txt',
    mediaType: 'text/plain',
    operationId: 'getArticleText',
    summary: 'Get an article as plain text',
  },
  {
    extension: 'html',
    mediaType: 'text/html',
    operationId: 'getArticleHtml',
    summary: 'Get an article as an HTML page',
  },
] as const;

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
      config: { routeKind: 'write' },
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
          ...problemResponses(...PARAMETER_PROBLEMS, ...PAGE_PROBLEMS, ...WRITE_PROBLEMS, 'no-story'),
        },
      },
    },
    async (request, reply) => {
      const { submission, warning } = submissionFrom(request);
      if (warning !== null) reply.header(WARNING_HEADER, warning);
      const outcome = await options.ingests.ingest(submission);
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
      config: { routeKind: 'search' },
      schema: {
        operationId: 'listArticles',
        tags: ['articles'],
        security: [],
        summary: 'List and search articles',
        description:
          'Articles, newest edition first then by id, filtered by publication, edition, edition ' +
          'date range, story language, page UI language and platform. With `q`, a full-text search ' +
          'over title, deck and body in masthead\'s search grammar (see `q`: words, "phrases", ' +
          'prefix*, -exclusions, OR; never a syntax error) ordered by relevance, each item with a ' +
          'highlighted `snippet`. Pages through `cursor`/`next_cursor` ' +
          '(also in `Link: rel="next"`): a walk returns each article once, even while others are ' +
          'ingested. `sort` picks another order (edition date either way, order stored either way, ' +
          'relevance with `q`); each order has its own cursors. `total` counts the whole list up to ' +
          'LIST_TOTAL_BOUND (10,000), then says `exact: false`. `distinct=story` returns one article ' +
          'per story (captures of one story share `story_id`). `fields` selects the fields returned.',
        querystring: ArticleListQuerySchema,
        response: {
          200: jsonResponse('One page of articles.', ArticleListSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, ...SEARCH_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const fields = parseFields(query.fields);
      if (query.sort === 'relevance' && query.q === undefined) {
        throw new HttpProblem(
          400,
          'validation',
          'sort=relevance needs a search query: add q, or sort by another key',
          {
            errors: [{ path: 'querystring/sort', message: 'relevance needs q' }],
          },
        );
      }
      const page = await repository.listArticles({
        publication: publicationRef(query.publication),
        editionId: query.edition_id,
        from: query.from,
        to: query.to,
        language: query.language,
        pageLocale: query.page_locale,
        platform: query.platform,
        q: query.q,
        sort: query.sort,
        distinct: query.distinct,
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
        total: totalOf(page),
        ...(page.rankedWithin === undefined ? {} : { ranked_within: rankedWithinOf(page.rankedWithin) }),
      };
    },
  );

  /** The article rendered as `mediaType` (every teaser included). */
  async function renderArticle(id: number, mediaType: keyof typeof RENDERERS): Promise<string> {
    const article = await repository.getArticle(id);
    if (!article) throw notFound(id);
    const [edition, teasers] = await Promise.all([
      repository.getArticleEdition(article.id),
      allTeasers(repository, article.id),
    ]);
    return RENDERERS[mediaType](storedView({ article, edition: edition?.edition ?? null, teasers }));
  }

  routes.get(
    '/v1/articles/:id',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'getArticle',
        tags: ['articles'],
        security: [],
        summary: 'Get an article',
        description:
          'The main story of an ingested page, with a summary of its edition and links, in JSON. ' +
          'Browsers and curl may also negotiate `text/markdown`, `text/plain` or `text/html` ' +
          'through `Accept`; the same representations have their own operations ' +
          '(`/v1/articles/{id}.md`, `.txt`, `.html`), so that generated clients type this one as ' +
          'the JSON article.',
        params: IdParams,
        response: {
          200: jsonResponse('The article.', ArticleSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, 'not-found', 'not-acceptable'),
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
      if (mediaType !== 'application/json') {
        const rendered = await renderArticle(request.params.id, mediaType);
        // Sent as it is: the document types this operation as JSON only (see the description).
        return reply.type(`${mediaType}; charset=utf-8`).send(rendered as never);
      }
      // Stored by the last write that touched the article (one read by primary key), else built.
      const stored = await repository.getArticleRepresentation(request.params.id);
      if (stored !== null) {
        const { body } = stored;
        return reply
          .header('etag', stored.etag)
          .type('application/json; charset=utf-8')
          .send(
            (typeof body === 'string'
              ? body
              : Buffer.from(body.buffer, body.byteOffset, body.byteLength)) as never,
          );
      }
      const article = await repository.getArticle(request.params.id);
      if (!article) throw notFound(request.params.id);
      return reply.type('application/json').send(toArticleResponse(article));
    },
  );

  for (const { extension, mediaType, operationId, summary } of RENDERED_OPERATIONS) {
    routes.get(
      `/v1/articles/:id.${extension}`,
      {
        config: { routeKind: 'read' },
        schema: {
          operationId,
          tags: ['articles'],
          security: [],
          summary,
          description:
            `The article as \`${mediaType}\`, as \`GET /v1/articles/{id}\` answers to ` +
            `\`Accept: ${mediaType}\`: ${RENDERED_DESCRIPTIONS[mediaType]}`,
          params: IdParams,
          response: {
            200: {
              description: `The article as ${mediaType}.`,
              content: { [mediaType]: { schema: z.string() } },
            },
            ...problemResponses(...PARAMETER_PROBLEMS, 'not-found'),
          },
        },
      },
      async (request, reply) => {
        const rendered = await renderArticle(request.params.id, mediaType);
        return reply.type(`${mediaType}; charset=utf-8`).send(rendered);
      },
    );
  }

  routes.delete(
    '/v1/articles/:id',
    {
      config: { routeKind: 'write' },
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
          ...problemResponses(...PARAMETER_PROBLEMS, ...BODY_PROBLEMS, ...WRITE_PROBLEMS, 'not-found'),
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
      config: { routeKind: 'read' },
      schema: {
        operationId: 'getArticleSource',
        tags: ['articles'],
        security: [],
        summary: "Get an article's raw page",
        description:
          'The document exactly as it was received, with its content type (the one it was last sent ' +
          'with). Its `ETag` comes from the SHA-256 stored with the document and its content type.',
        params: IdParams,
        response: {
          200: {
            description: 'The raw document.',
            content: { 'text/plain': { schema: SOURCE_TEXT }, 'text/html': { schema: SOURCE_TEXT } },
          },
          ...problemResponses(...PARAMETER_PROBLEMS, 'not-found'),
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
        .header('etag', documentEtag(source.sha256, source.contentType))
        .type(`${source.contentType}; charset=utf-8`)
        .send(body as unknown as string);
    },
  );

  routes.get(
    '/v1/articles/:id/edition',
    {
      config: { routeKind: 'read' },
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
          ...problemResponses(...PARAMETER_PROBLEMS, 'not-found', 'no-edition'),
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
      config: { routeKind: 'read' },
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
          ...problemResponses(...PARAMETER_PROBLEMS, ...LIST_PROBLEMS, 'not-found'),
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
