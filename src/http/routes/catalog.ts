import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Repository } from '../../storage/repository.js';
import { linkNext, publicationRef } from '../pagination.js';
import { HttpProblem } from '../problem.js';
import {
  rankedWithinOf,
  toArticleResponse,
  toEdition,
  toPublication,
  toTeaserSearchItem,
  totalOf,
} from '../representations.js';
import {
  LIST_PROBLEMS,
  PARAMETER_PROBLEMS,
  SEARCH_PROBLEMS,
  jsonResponse,
  problemResponses,
} from '../responses.js';
import {
  ArticleListSchema,
  EditionListQuerySchema,
  EditionListSchema,
  EditionSchema,
  IdParams,
  PageParams,
  PublicationListSchema,
  PublicationSchema,
  TeaserSearchListSchema,
  TeaserSearchQuerySchema,
} from '../schemas.js';

/** Editions, publications and teasers: the catalogue around the articles. */
export async function catalogRoutes(
  app: FastifyInstance,
  options: { repository: Repository },
): Promise<void> {
  const { repository } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/editions',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'listEditions',
        tags: ['editions'],
        security: [],
        summary: 'List editions',
        description:
          'Editions (one per publication, date and platform), newest first, filtered by publication ' +
          '(id or exact name), edition date range and platform; `sort=date` for oldest first. ' +
          'Cursor-paged, with `total`.',
        querystring: EditionListQuerySchema,
        response: {
          200: jsonResponse('One page of editions.', EditionListSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, ...LIST_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      const { sort, publication, from, to, platform, limit, cursor } = request.query;
      const page = await repository.listEditions({
        sort,
        publication: publicationRef(publication),
        from,
        to,
        platform,
        limit,
        cursor,
      });
      return {
        items: page.items.map(toEdition),
        next_cursor: linkNext(request, reply, page.nextCursor),
        total: totalOf(page),
      };
    },
  );

  routes.get(
    '/v1/editions/:id',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'getEdition',
        tags: ['editions'],
        security: [],
        summary: 'Get an edition',
        description:
          'One edition: publication, ISO date with the precision printed, the date as printed, platform.',
        params: IdParams,
        response: {
          200: jsonResponse('The edition.', EditionSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, 'not-found'),
        },
      },
    },
    async (request) => {
      const edition = await repository.getEdition(request.params.id);
      if (!edition) throw new HttpProblem(404, 'not-found', `edition ${request.params.id} does not exist`);
      return toEdition(edition);
    },
  );

  routes.get(
    '/v1/editions/:id/articles',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'listEditionArticles',
        tags: ['editions'],
        security: [],
        summary: "List an edition's articles",
        description: 'The stored articles of one edition, by id. Cursor-paged.',
        params: IdParams,
        querystring: PageParams,
        response: {
          200: jsonResponse('One page of articles.', ArticleListSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, ...LIST_PROBLEMS, 'not-found'),
        },
      },
    },
    async (request, reply) => {
      if (!(await repository.getEdition(request.params.id))) {
        throw new HttpProblem(404, 'not-found', `edition ${request.params.id} does not exist`);
      }
      const page = await repository.listArticles({ editionId: request.params.id, ...request.query });
      return {
        items: page.items.map(toArticleResponse),
        next_cursor: linkNext(request, reply, page.nextCursor),
        total: totalOf(page),
      };
    },
  );

  routes.get(
    '/v1/publications',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'listPublications',
        tags: ['publications'],
        security: [],
        summary: 'List publications',
        description:
          'Publications by name, each with its counts of editions and articles and its first and ' +
          'last edition dates. Cursor-paged.',
        querystring: PageParams,
        response: {
          200: jsonResponse('One page of publications.', PublicationListSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, ...LIST_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      const page = await repository.listPublications(request.query);
      return {
        items: page.items.map(toPublication),
        next_cursor: linkNext(request, reply, page.nextCursor),
        total: totalOf(page),
      };
    },
  );

  routes.get(
    '/v1/publications/:id',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'getPublication',
        tags: ['publications'],
        security: [],
        summary: 'Get a publication',
        description:
          'One publication with its counts of editions and articles and its first and last edition dates.',
        params: IdParams,
        response: {
          200: jsonResponse('The publication.', PublicationSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, 'not-found'),
        },
      },
    },
    async (request) => {
      const publication = await repository.getPublication(request.params.id);
      if (!publication)
        throw new HttpProblem(404, 'not-found', `publication ${request.params.id} does not exist`);
      return toPublication(publication);
    },
  );

  routes.get(
    '/v1/publications/:id/editions',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'listPublicationEditions',
        tags: ['publications'],
        security: [],
        summary: "List a publication's editions",
        description: 'The editions of one publication, newest first. Cursor-paged.',
        params: IdParams,
        querystring: PageParams,
        response: {
          200: jsonResponse('One page of editions.', EditionListSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, ...LIST_PROBLEMS, 'not-found'),
        },
      },
    },
    async (request, reply) => {
      if (!(await repository.getPublication(request.params.id))) {
        throw new HttpProblem(404, 'not-found', `publication ${request.params.id} does not exist`);
      }
      const page = await repository.listEditions({
        publication: { id: request.params.id },
        ...request.query,
      });
      return {
        items: page.items.map(toEdition),
        next_cursor: linkNext(request, reply, page.nextCursor),
        total: totalOf(page),
      };
    },
  );

  routes.get(
    '/v1/teasers',
    {
      config: { routeKind: 'search' },
      schema: {
        operationId: 'searchTeasers',
        tags: ['teasers'],
        security: [],
        summary: 'Search teasers',
        description:
          'Teasers of every stored page, in the order they were stored (`sort`: `-stored`, or ' +
          '`relevance` with `q`), with `total`, optionally filtered by a ' +
          'full-text query over titles and summaries and by publication. `article_id` links a ' +
          'teaser to the stored story it announces; `page_article_id` is the page it was printed on.',
        querystring: TeaserSearchQuerySchema,
        response: {
          200: jsonResponse('One page of teasers.', TeaserSearchListSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, ...SEARCH_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      if (request.query.sort === 'relevance' && request.query.q === undefined) {
        throw new HttpProblem(
          400,
          'validation',
          'sort=relevance needs a search query: add q, or sort by another key',
          {
            errors: [{ path: 'querystring/sort', message: 'relevance needs q' }],
          },
        );
      }
      const page = await repository.searchTeasers(request.query);
      return {
        items: page.items.map(toTeaserSearchItem),
        next_cursor: linkNext(request, reply, page.nextCursor),
        total: totalOf(page),
        ...(page.rankedWithin === undefined ? {} : { ranked_within: rankedWithinOf(page.rankedWithin) }),
      };
    },
  );
}
