import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ingestPage } from '../../ingest/ingest.js';
import type { ArticleRecord, Repository } from '../../storage/repository.js';
import { HttpProblem } from '../problem.js';
import { jsonResponse, problemResponses } from '../responses.js';
import {
  ArticleEditionSchema,
  ArticleIdParams,
  ArticleSchema,
  pageBodyContent,
  TeaserListSchema,
  type ArticleResponse,
} from '../schemas.js';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { submissionFrom } from './pages.js';

export interface ArticleRoutesOptions {
  repository: Repository;
  requireWriteAccess: preHandlerAsyncHookHandler;
}

export function articlePath(id: number): string {
  return `/v1/articles/${id}`;
}

export function toArticleResponse(article: ArticleRecord): ArticleResponse {
  const self = articlePath(article.id);
  return {
    id: article.id,
    title: article.title,
    deck: article.deck,
    byline: article.byline,
    dateline: article.dateline,
    paragraphs: article.paragraphs,
    language: article.language,
    page_locale: article.pageLocale,
    word_count: article.wordCount,
    edition: article.edition,
    teaser_count: article.teaserCount,
    source_url: article.sourceUrl,
    ingested_at: article.ingestedAt,
    parser_version: article.parserVersion,
    links: { self, edition: `${self}/edition`, teasers: `${self}/teasers` },
  };
}

const notFound = (id: number) => new HttpProblem(404, 'not-found', `article ${id} does not exist`);

export async function articleRoutes(app: FastifyInstance, options: ArticleRoutesOptions): Promise<void> {
  const { repository, requireWriteAccess } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/articles',
    {
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
          ...problemResponses(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const outcome = await ingestPage(repository, submissionFrom(request));
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
    '/v1/articles/:id',
    {
      schema: {
        operationId: 'getArticle',
        tags: ['articles'],
        security: [],
        summary: 'Get an article',
        description: 'The main story of an ingested page, with a summary of its edition and links.',
        params: ArticleIdParams,
        response: { 200: jsonResponse('The article.', ArticleSchema), ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const article = await repository.getArticle(request.params.id);
      if (!article) throw notFound(request.params.id);
      return toArticleResponse(article);
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
        params: ArticleIdParams,
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
          'publication and date where the card printed them.',
        params: ArticleIdParams,
        response: {
          200: jsonResponse('The teasers, in page order.', TeaserListSchema),
          ...problemResponses(400, 404),
        },
      },
    },
    async (request) => {
      const teasers = await repository.listArticleTeasers(request.params.id);
      if (!teasers) throw notFound(request.params.id);
      return { items: teasers };
    },
  );
}
