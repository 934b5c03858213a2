import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ParseFunction } from '../../ingest/ingest.js';
import { PAGE_PROBLEMS, PARAMETER_PROBLEMS, jsonResponse, problemResponses } from '../responses.js';
import { pageBodyContent, ParsedPageSchema } from '../schemas.js';
import { refuseBatchBody, submissionFrom } from './pages.js';

export async function parseRoutes(app: FastifyInstance, options: { parse: ParseFunction }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/parse',
    {
      config: { routeKind: 'parse' },
      onRequest: refuseBatchBody,
      schema: {
        operationId: 'parsePage',
        tags: ['parse'],
        security: [],
        summary: 'Parse a page without storing it',
        description:
          'Runs the parser over a captured page and returns everything it found: the story, the ' +
          'edition, the teasers, the UI language, and every line it removed with the reason. ' +
          'Nothing is stored, so no token is needed.',
        body: { content: pageBodyContent } as never,
        response: {
          200: jsonResponse('What the parser found.', ParsedPageSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, ...PAGE_PROBLEMS, 'rate-limited', 'no-story'),
        },
      },
    },
    async (request) => {
      const { submission, warning } = submissionFrom(request);
      const page = await options.parse(submission);
      return warning === null ? page : { ...page, warnings: [warning, ...page.warnings] };
    },
  );
}
