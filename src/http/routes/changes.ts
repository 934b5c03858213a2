import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Repository } from '../../storage/repository.js';
import { articlePath } from '../representations.js';
import { PARAMETER_PROBLEMS, jsonResponse, problemResponses } from '../responses.js';
import { ChangeListSchema, ChangesQuerySchema } from '../schemas.js';

/** The change feed: what a downstream index needs to stay in sync without re-reading everything. */
export async function changeRoutes(app: FastifyInstance, options: { repository: Repository }): Promise<void> {
  const { repository } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/changes',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'listChanges',
        tags: ['changes'],
        security: [],
        summary: 'Follow changes to articles',
        description:
          'Articles created, re-parsed (stored fields changed) and deleted, in commit order, after the ' +
          '`since` token. Store `next` verbatim and pass it back as `since`: you get exactly the changes ' +
          'committed after it, none missed and none twice, however long you were away, as long as they ' +
          'are still kept (the newest CHANGES_RETAINED, 1,000,000 by default). Past that, or with a ' +
          'token from another database, 410 `changes-gone`: resync (take `since=now`, re-read ' +
          '`/v1/articles`, then follow from that token). `has_more` true: ask again at once.',
        querystring: ChangesQuerySchema,
        response: {
          200: jsonResponse('One page of changes.', ChangeListSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, 'invalid-cursor', 'changes-gone'),
        },
      },
    },
    async (request) => {
      const page = await repository.listChanges(request.query);
      return {
        items: page.items.map((change) => ({
          seq: change.seq,
          token: change.token,
          kind: change.kind,
          article_id: change.articleId,
          source_url: change.sourceUrl,
          changed_at: change.changedAt,
          links: { article: articlePath(change.articleId) },
        })),
        next: page.next,
        has_more: page.hasMore,
      };
    },
  );
}
