import { randomUUID } from 'node:crypto';
import type { ServerOptions } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawRequestDefaultExpression,
} from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { writeGuard } from './http/auth.js';
import { registerBodyBudget } from './http/body-budget.js';
import { registerBodyEncodings } from './http/body-encoding.js';
import { CLIENT_ERROR_SERVER_OPTIONS, registerClientErrorAnswers } from './http/client-errors.js';
import { registerContentTypes } from './http/content-types.js';
import { registerEarlyAnswers } from './http/early-answers.js';
import { connectionErrorHandler, frameworkErrorHandler, registerErrorHandling } from './http/errors.js';
import { registerEtags } from './http/etag.js';
import { compiledSerializerCompiler } from './http/serializer.js';
import { createMetrics, registerMetrics, type Metrics } from './http/metrics.js';
import { finishDocument, swaggerOptions } from './http/openapi.js';
import { registerRateLimits } from './http/rate-limit.js';
import { requireRouteKinds } from './http/route-kind.js';
import { trackRoutes } from './http/route-table.js';
import { adminRoutes } from './http/routes/admin.js';
import { articleRoutes } from './http/routes/articles.js';
import { batchRoutes } from './http/routes/batch.js';
import { catalogRoutes } from './http/routes/catalog.js';
import { changeRoutes } from './http/routes/changes.js';
import { healthRoutes } from './http/routes/health.js';
import { parseRoutes } from './http/routes/parse.js';
import { boundSearchQueries } from './http/search-bounds.js';
import { DOCS_CSP, registerCors, registerSecurityHeaders } from './http/security.js';
import { createIngests, type ParseFunction } from './ingest/ingest.js';
import { createParsePool, type ParsePool } from './ingest/parse-pool.js';
import { backfillStories } from './ingest/stories.js';
import { createLearnedSource } from './ingest/learned.js';
import { createJobRunner } from './ingest/reparse.js';
import type { Repository } from './storage/repository.js';

export interface AppDependencies {
  repository: Repository;
  /** The app's metrics; a fresh set when omitted. */
  metrics?: Metrics;
  /** How pages are parsed; by default a worker pool with a per-page budget. */
  parse?: ParseFunction;
}

export type AppConfig = Pick<
  Config,
  | 'bodyLimitBytes'
  | 'batchBodyLimitBytes'
  | 'bodyBudgetBytes'
  | 'apiTokens'
  | 'metricsPublic'
  | 'logLevel'
  | 'requestTimeoutMs'
  | 'parseWorkers'
  | 'parseBudgetMs'
  | 'rateLimits'
  | 'corsOrigins'
  | 'jobLeaseMs'
  | 'jobPollMs'
> &
  Partial<Pick<Config, 'jobMaxTakeovers'>>;

/** Node checks for timed-out requests this often (its default, 30 s, makes timeouts meaningless). */
const CONNECTIONS_CHECKING_INTERVAL_MS = 1000;
/** Headers get at most this long, and never more than half the request timeout. */
const HEADERS_TIMEOUT_MS = 10_000;

/**
 * A slow client (one byte a second, or headers that never end) gets 408 once its request
 * has taken `requestTimeoutMs`, within one checking interval. Node enforces `requestTimeout`
 * only when `headersTimeout` is below it and checks connections every
 * `connectionsCheckingInterval`, so both are set here (measured: docs/reliability/http.md).
 */
export function serverTimeouts(requestTimeoutMs: number): { requestTimeout: number; http: ServerOptions } {
  return {
    requestTimeout: requestTimeoutMs,
    http: {
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, Math.floor(requestTimeoutMs / 2)),
      connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS,
    },
  };
}

/** A client's `X-Request-Id` is kept when it looks like an id; anything else gets a UUID. */
const CLIENT_REQUEST_ID = /^[\w.:@-]{1,128}$/;

function requestId(request: RawRequestDefaultExpression): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && CLIENT_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/**
 * JSON lines from pino, each with `request_id` for lines about a request. One access line per
 * request (`request completed`) carries method, URL, status and timing, never bodies; the
 * Authorization and Cookie headers are redacted should anything log request headers.
 */
function loggerOptions(config: AppConfig, overrides: FastifyServerOptions['logger']) {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
      censor: '[redacted]',
    },
    ...(typeof overrides === 'object' && overrides !== null ? overrides : {}),
  };
}

/**
 * Builds the HTTP application without listening, so tests can `inject` into it.
 * Registration order: outside plugins, own plugins, hooks, then routes.
 * `fastifyOptions` overrides server options; its `logger` object (a `stream`, say) is merged
 * over masthead's logger settings rather than replacing them.
 */
export async function buildApp(
  config: AppConfig,
  dependencies: AppDependencies,
  fastifyOptions: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const { logger, ...serverOptions } = fastifyOptions;
  const timeouts = serverTimeouts(config.requestTimeoutMs);
  const app: FastifyInstance = Fastify({
    bodyLimit: config.bodyLimitBytes,
    logger: loggerOptions(config, logger),
    // One access line per request (an onResponse hook below) instead of fastify's two: logging
    // was ~14 µs of a GET's ~64 µs (bench/read-path.ts, LOG_LEVEL=warn against info).
    logController: new LogController({ requestIdLogLabel: 'request_id', disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: requestId,
    requestTimeout: timeouts.requestTimeout,
    http: { ...timeouts.http, ...CLIENT_ERROR_SERVER_OPTIONS },
    clientErrorHandler: connectionErrorHandler(() => app.log),
    frameworkErrors: frameworkErrorHandler,
    ...serverOptions,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler);

  // Plugins. CORS first: its `OPTIONS *` route must stay out of the route table.
  await registerCors(app, config.corsOrigins);
  const routes = trackRoutes(app);
  requireRouteKinds(app);
  registerContentTypes(app);
  registerEarlyAnswers(app);
  registerBodyEncodings(app);
  registerErrorHandling(app, routes);
  registerSecurityHeaders(app, config.corsOrigins.length > 0);
  // Before the rate limits, whose 429 ends a request in its onRequest hook.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  registerClientErrorAnswers(app, routes);
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
  await registerRateLimits(app, {
    perMinute: {
      writes: config.rateLimits.writesPerMinute,
      searches: config.rateLimits.searchesPerMinute,
      parse: config.rateLimits.parsePerMinute,
    },
    apiTokens: config.apiTokens,
  });
  registerBodyBudget(app, config.bodyBudgetBytes);

  await app.register(swagger, swaggerOptions);
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: DOCS_CSP,
    transformSpecification: (spec) => finishDocument(spec),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => finishDocument(app.swagger()));

  // Hooks.
  registerEtags(app);
  boundSearchQueries(app);
  const { repository } = dependencies;
  const metrics =
    dependencies.metrics ??
    createMetrics({
      databaseSizeBytes: () => repository.sizeBytes(),
      storedPlatform: async (articleId) =>
        (await repository.getArticleEdition(articleId))?.edition?.platform ?? null,
    });
  registerMetrics(app, metrics, config.metricsPublic ? null : writeGuard(config.apiTokens, 'metrics'));

  // Routes.
  const requireWriteAccess = writeGuard(config.apiTokens);
  // Pages are parsed in worker threads with a per-page budget, so no input can stall the loop.
  const pool = dependencies.parse
    ? null
    : createParsePool({ size: config.parseWorkers, budgetMs: config.parseBudgetMs });
  const parse: ParseFunction =
    dependencies.parse ??
    ((submission, context) => (pool as ParsePool).parse(submission, 'ingest', context?.learned));
  // Stateless parses wait behind stored ingests in the pool, so anonymous traffic cannot starve writes.
  const parseStateless: ParseFunction =
    dependencies.parse ?? ((submission) => (pool as ParsePool).parse(submission, 'stateless'));
  // Jobs are claimed from the database by any node; this one polls once it is ready.
  // What the corpus learned: one snapshot for the ingest routes and the re-parse jobs, so a
  // re-parse's refresh and each stored page reach the next ingest.
  const learned = createLearnedSource(repository);
  const jobs = createJobRunner(repository, {
    parse,
    learned,
    leaseMs: config.jobLeaseMs,
    pollMs: config.jobPollMs,
    maxTakeovers: config.jobMaxTakeovers,
    onError: (error, action) => app.log.warn({ err: error }, `background jobs: could not ${action}`),
  });
  // Articles stored before story ids get theirs in the background (src/ingest/stories.ts).
  const stopBackfill = new AbortController();
  let backfill: Promise<void> = Promise.resolve();
  app.addHook('onReady', async () => {
    jobs.start();
    backfill = backfillStories(repository, { signal: stopBackfill.signal }).then(
      (count) => {
        if (count > 0) app.log.info({ articles: count }, 'story ids given to articles stored before them');
      },
      (error: unknown) => app.log.error({ err: error }, 'story id backfill stopped; the next start goes on'),
    );
  });
  // Jobs stop first (a running one goes back to the queue with its progress), then the workers.
  app.addHook('onClose', async () => {
    stopBackfill.abort();
    await backfill;
    await jobs.close();
    await pool?.close();
  });

  // One for both ingest routes: a single POST stored while a batch line is parsed waits for it too.
  const ingests = createIngests(repository, { parse, learned });
  const articleOptions = { repository, ingests, requireWriteAccess, metrics };
  const batchOptions = {
    ...articleOptions,
    bodyLimit: config.batchBodyLimitBytes,
    lineLimit: config.bodyLimitBytes,
  };
  await app.register(healthRoutes, { repository });
  await app.register(parseRoutes, { parse: parseStateless });
  await app.register(articleRoutes, articleOptions);
  await app.register(batchRoutes, batchOptions);
  await app.register(catalogRoutes, { repository });
  await app.register(changeRoutes, { repository });
  await app.register(adminRoutes, { repository, jobs, requireWriteAccess });

  return app;
}
