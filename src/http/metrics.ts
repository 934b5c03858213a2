import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { IngestOutcome } from '../ingest/ingest.js';

/** Seconds; from a cache hit (~1 ms) to a 1 MiB page parsed and stored. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The `outcome` label of `masthead_ingests_total`. */
export type IngestOutcomeLabel = 'created' | 'existing' | 'no_story';

export interface Metrics {
  readonly registry: Registry;
  /**
   * Counts one ingest (`POST /v1/articles`, each batch line): outcome, platform and page
   * locale, the page's parse warnings, and pages without a story.
   */
  recordIngest(outcome: IngestOutcome): void;
  /** The Prometheus text exposition of this app's metrics and the process's. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  /** The database's size in bytes as the engine reports it (`repository.sizeBytes()`), read on every scrape. */
  databaseSizeBytes?: () => number | Promise<number>;
  /**
   * The platform of a stored article's edition (`repository.getArticleEdition`), for an ingest
   * answered from a document found by its hash: nothing was parsed, and an ArticleRecord carries
   * no platform. Without it such ingests are labelled `unknown`.
   */
  storedPlatform?: (articleId: number) => Promise<string | null>;
}

/**
 * Node's own metrics (CPU, memory, GC, event-loop delay as min/mean/p50/p90/p99/max…) describe
 * the process, not one app, so they live in one registry per process: each app would
 * otherwise start its own event-loop monitor and GC observer, never stopped.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (processRegistry === null) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const UNKNOWN = 'unknown';

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const ingests = new Counter({
    name: 'masthead_ingests_total',
    help: 'Pages submitted for ingest, by platform, page UI locale and outcome (created, existing, no_story).',
    labelNames: ['platform', 'page_locale', 'outcome'] as const,
    registers: [registry],
  });
  const warnings = new Counter({
    name: 'masthead_parse_warnings_total',
    help: 'Parser warnings on ingested pages.',
    registers: [registry],
  });
  const withoutStory = new Counter({
    name: 'masthead_pages_without_story_total',
    help: 'Ingested pages in which the parser found no main story (answered 422, not stored).',
    registers: [registry],
  });
  if (options.databaseSizeBytes) {
    const size = options.databaseSizeBytes;
    new Gauge({
      name: 'masthead_database_size_bytes',
      help: 'Size of the database in bytes as its engine reports it (SQLite: page_count × page_size), read at scrape time.',
      registers: [registry],
      async collect() {
        this.set(await size());
      },
    });
  }

  const storedPlatform = options.storedPlatform ?? (async () => null);
  const count = (outcome: IngestOutcomeLabel, platform: string, pageLocale: string | null): void => {
    ingests.inc({ platform, page_locale: pageLocale ?? UNKNOWN, outcome });
  };

  return {
    registry,
    recordIngest(outcome) {
      const label: IngestOutcomeLabel = outcome.kind === 'no-story' ? 'no_story' : outcome.kind;
      const { page } = outcome;
      if (page !== null) {
        count(label, page.edition?.platform ?? UNKNOWN, page.page_locale);
        warnings.inc(page.warnings.length);
        if (outcome.kind === 'no-story') withoutStory.inc();
      } else if (outcome.kind !== 'no-story') {
        // Found by its hash, so not parsed in this request: its platform is the stored edition's.
        const { article } = outcome;
        void storedPlatform(article.id).then(
          (platform) => count(label, platform ?? UNKNOWN, article.pageLocale),
          () => count(label, UNKNOWN, article.pageLocale),
        );
      }
    },
    async scrape() {
      const merged = Registry.merge([processMetrics(), registry]);
      return { contentType: merged.contentType, body: await merged.metrics() };
    },
  };
}

/**
 * `http_requests_total{method,route,status}` and `http_request_duration_seconds{method,route}`
 * for every response, labelled by route pattern (`/v1/articles/:id`), never the raw URL, so
 * the number of series stays bounded; requests that match no route are `route="unmatched"`.
 * `GET /metrics` serves them, outside the OpenAPI document and every rate limit.
 */
/**
 * Counts every response and serves `/metrics`; `guard` (the write guard, unless METRICS_PUBLIC)
 * keeps route names, traffic and database size from anyone who can reach the port.
 */
export function registerMetrics(
  app: FastifyInstance,
  metrics: Metrics,
  guard: preHandlerAsyncHookHandler | null,
): void {
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP responses, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request received to response sent, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS,
    registers: [metrics.registry],
  });

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });

  app.get(
    '/metrics',
    { schema: { hide: true }, ...(guard ? { preHandler: guard } : {}) },
    async (_request, reply) => {
      const { contentType, body } = await metrics.scrape();
      return reply.type(contentType).send(body);
    },
  );
}
