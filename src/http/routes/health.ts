import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Repository } from '../../storage/repository.js';
import { HttpProblem } from '../problem.js';
import { jsonResponse, problemResponses } from '../responses.js';
import { HealthSchema, ReadinessSchema } from '../schemas.js';

export async function healthRoutes(app: FastifyInstance, options: { repository: Repository }): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['operations'],
        security: [],
        summary: 'Liveness',
        description: 'Answers 200 while the process is up.',
        response: { 200: jsonResponse('The process is up.', HealthSchema) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  routes.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['operations'],
        security: [],
        summary: 'Readiness',
        description:
          'Answers 200 when the database is reachable, its schema is current and it can take writes; ' +
          '503 otherwise (including while the disk is full, or when the database file has been ' +
          'deleted or replaced).',
        response: { 200: jsonResponse('Ready to serve.', ReadinessSchema), ...problemResponses('not-ready') },
      },
    },
    async () => {
      let status: { current: number; latest: number };
      try {
        status = await options.repository.schemaStatus();
      } catch (error) {
        app.log.error({ err: error }, 'readiness: database unreachable');
        throw new HttpProblem(503, 'not-ready', 'the database is unreachable');
      }
      const storage = await options.repository.health();
      if (storage.status !== 'ok') {
        app.log.error({ storage }, 'readiness: storage cannot take writes');
        throw new HttpProblem(503, 'not-ready', storage.detail);
      }
      if (status.current !== status.latest) {
        throw new HttpProblem(
          503,
          'not-ready',
          `the database schema is at version ${status.current}, this build needs ${status.latest}`,
        );
      }
      return { status: 'ready' as const, schema_version: status.current };
    },
  );
}
