import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { JobRunner } from '../../ingest/reparse.js';
import type { Repository } from '../../storage/repository.js';
import { HttpProblem } from '../problem.js';
import { toJob } from '../representations.js';
import {
  BODY_PROBLEMS,
  PARAMETER_PROBLEMS,
  WRITE_PROBLEMS,
  jsonResponse,
  problemResponses,
} from '../responses.js';
import { JobIdParams, JobSchema, ReparseRequestSchema } from '../schemas.js';

export interface AdminRoutesOptions {
  repository: Repository;
  jobs: JobRunner;
  requireWriteAccess: preHandlerAsyncHookHandler;
}

export async function adminRoutes(app: FastifyInstance, options: AdminRoutesOptions): Promise<void> {
  const { repository, jobs, requireWriteAccess } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/v1/admin/reparse',
    {
      config: { routeKind: 'write' },
      preHandler: requireWriteAccess,
      schema: {
        operationId: 'startReparse',
        tags: ['admin'],
        security: [{ bearerAuth: [] }],
        summary: 'Re-parse stored pages',
        description:
          'Queues a background job that re-parses stored raw documents with the current parser ' +
          '(by default only those parsed by an older parser version) and rewrites their articles in ' +
          'place: same ids, never lost or duplicated; a page where the new parser finds no story keeps ' +
          'its article. One API node runs it; if that node stops, another takes it over and goes on. ' +
          'Follow its progress at the `Location` returned.',
        body: ReparseRequestSchema.nullish(),
        response: {
          202: jsonResponse('The job, queued; `Location` is where to follow it.', JobSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, ...BODY_PROBLEMS, ...WRITE_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      const job = await jobs.startReparse({ all: request.body?.all ?? false });
      const body = toJob(job);
      return reply.code(202).header('location', body.links.self).send(body);
    },
  );

  routes.get(
    '/v1/admin/jobs/:id',
    {
      config: { routeKind: 'read' },
      schema: {
        operationId: 'getJob',
        tags: ['admin'],
        security: [],
        summary: 'Get a background job',
        description: 'Status and progress of a background job such as a re-parse.',
        params: JobIdParams,
        response: {
          200: jsonResponse('The job.', JobSchema),
          ...problemResponses(...PARAMETER_PROBLEMS, 'not-found'),
        },
      },
    },
    async (request) => {
      const job = await repository.getJob(request.params.id);
      if (!job) throw new HttpProblem(404, 'not-found', `job ${request.params.id} does not exist`);
      return toJob(job);
    },
  );
}
