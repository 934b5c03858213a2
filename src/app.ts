import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { writeGuard } from './http/auth.js';
import { registerContentTypes } from './http/content-types.js';
import { registerErrorHandling } from './http/errors.js';
import { markOptionalBodies, swaggerOptions } from './http/openapi.js';
import { trackRoutes } from './http/route-table.js';
import { registerEtags } from './http/etag.js';
import { adminRoutes } from './http/routes/admin.js';
import { articleRoutes } from './http/routes/articles.js';
import { batchRoutes } from './http/routes/batch.js';
import { catalogRoutes } from './http/routes/catalog.js';
import { healthRoutes } from './http/routes/health.js';
import { parseRoutes } from './http/routes/parse.js';
import { createJobRunner } from './ingest/reparse.js';
import type { Repository } from './storage/repository.js';

export interface AppDependencies {
  repository: Repository;
}

export type AppConfig = Pick<Config, 'bodyLimitBytes' | 'batchBodyLimitBytes' | 'apiTokens' | 'logLevel'>;

/**
 * Builds the HTTP application without listening, so tests can `inject` into it.
 * Registration order: outside plugins, own plugins, hooks, then routes.
 */
export async function buildApp(
  config: AppConfig,
  dependencies: AppDependencies,
  fastifyOptions: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    logger: { level: config.logLevel },
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    ...fastifyOptions,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes = trackRoutes(app);
  registerContentTypes(app);
  registerErrorHandling(app, routes);

  await app.register(swagger, swaggerOptions);
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    transformSpecification: (spec) => markOptionalBodies(spec),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => markOptionalBodies(app.swagger()));

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerEtags(app);

  const { repository } = dependencies;
  const requireWriteAccess = writeGuard(config.apiTokens);
  const jobs = createJobRunner(repository);
  app.addHook('onClose', async () => jobs.close());

  await app.register(healthRoutes, { repository });
  await app.register(parseRoutes);
  await app.register(articleRoutes, { repository, requireWriteAccess });
  await app.register(batchRoutes, { repository, requireWriteAccess, bodyLimit: config.batchBodyLimitBytes });
  await app.register(catalogRoutes, { repository });
  await app.register(adminRoutes, { repository, jobs, requireWriteAccess });

  return app;
}
