import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { storageConfigProblem, type StorageConfig } from './storage/open.js';
import { DEFAULT_MAX_TAKEOVERS } from './storage/job-rows.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const commaList = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** `scheme://host[:port]` and nothing else, as browsers send it in `Origin`. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Requests per minute per client; 0 turns the limit off. */
const perMinute = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

const DEFAULT_BODY_BUDGET_BYTES = 64 * 1024 * 1024;

/** Every setting masthead reads from the environment; `.env.example` lists the same names. */
const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('./data/masthead.db'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_READ_URLS: z
    .string()
    .optional()
    .transform((raw) => commaList(raw)),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(2 * 1024 * 1024),
  BATCH_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(32 * 1024 * 1024),
  BODY_BUDGET_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(4 * 1024 * 1024 * 1024)
    .optional(),
  API_TOKENS: z
    .string()
    .optional()
    .transform((raw) => commaList(raw)),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  PARSE_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(Math.max(1, availableParallelism() - 1)),
  PARSE_BUDGET_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
  RATE_LIMIT_WRITES_PER_MINUTE: perMinute(600),
  RATE_LIMIT_SEARCHES_PER_MINUTE: perMinute(300),
  RATE_LIMIT_PARSE_PER_MINUTE: perMinute(300),
  CHANGES_RETAINED: z.coerce.number().int().min(1).max(1_000_000_000).default(1_000_000),
  LIST_TOTAL_BOUND: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  JOB_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  JOB_MAX_TAKEOVERS: z.coerce.number().int().min(0).max(1_000).default(DEFAULT_MAX_TAKEOVERS),
  METRICS_PUBLIC: z
    .enum(['0', '1', 'false', 'true'])
    .default('0')
    .transform((raw) => raw === '1' || raw === 'true'),
  SKIP_INTEGRITY_CHECK: z
    .enum(['0', '1', 'false', 'true'])
    .default('0')
    .transform((raw) => raw === '1' || raw === 'true'),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((raw) => commaList(raw))
    .refine((origins) => origins.every((origin) => origin === '*' || isOrigin(origin)), {
      message: 'use `*` or comma-separated origins such as https://app.example.com',
    }),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly databasePath: string;
  /** DATABASE_URL: where the data lives when set (`postgres://…`), in place of databasePath. */
  readonly databaseUrl: string | null;
  /** Replicas that serve reads (DATABASE_READ_URLS); empty: every read goes to the primary. */
  readonly databaseReadUrls: readonly string[];
  readonly bodyLimitBytes: number;
  /** Largest `POST /v1/articles:batch` body (up to 1,000 pages). */
  readonly batchBodyLimitBytes: number;
  /** Request-body bytes held at once across all requests; past it, 503 overloaded. */
  readonly bodyBudgetBytes: number;
  /** Bearer tokens accepted on write endpoints; empty means "loopback clients only". */
  readonly apiTokens: readonly string[];
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Longest a request may take to arrive, headers and body; a slower client gets 408. */
  readonly requestTimeoutMs: number;
  /** Worker threads that parse pages off the event loop. */
  readonly parseWorkers: number;
  /** Longest one page may parse before it is cut off (422 parse-timeout). */
  readonly parseBudgetMs: number;
  /** Per client (bearer token, else IP) per minute; 0 means no limit. */
  readonly rateLimits: {
    /** POST and DELETE under /v1, except POST /v1/parse. */
    readonly writesPerMinute: number;
    /** GET /v1/articles and GET /v1/teasers with `q`. */
    readonly searchesPerMinute: number;
    /** POST /v1/parse. */
    readonly parsePerMinute: number;
  };
  /** Origins allowed by CORS (`*` for any); empty means CORS is off. */
  readonly corsOrigins: readonly string[];
  /** Changes the feed keeps (GET /v1/changes); older tokens get 410 changes-gone. */
  readonly changesRetained: number;
  /** Lists count their items (`total`) up to this many; past it `total.exact` is false. */
  readonly listTotalBound: number;
  /** `/metrics` open to anyone; otherwise guarded as the writes are (token, else loopback only). */
  readonly metricsPublic: boolean;
  /** A running job whose node sent no heartbeat for this long is taken over by another node. */
  readonly jobLeaseMs: number;
  /** How often (± a fifth, at random) a node looks for a queued job it could run. */
  readonly jobPollMs: number;
  /** A job taken over this many times whose lease runs out again ends failed (a page that kills nodes). */
  readonly jobMaxTakeovers: number;
  /** Start without `PRAGMA quick_check` of the database file (to serve a damaged one anyway). */
  readonly skipIntegrityCheck: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PORT=`) means "unset", as in most twelve-factor tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}`);
  }
  const settings = parsed.data;
  // Room for two batches at the limit, or 32 pages at the default limit; one body must always fit.
  const largestBody = Math.max(settings.BODY_LIMIT_BYTES, settings.BATCH_BODY_LIMIT_BYTES);
  const bodyBudgetBytes = settings.BODY_BUDGET_BYTES ?? Math.max(DEFAULT_BODY_BUDGET_BYTES, largestBody);
  if (bodyBudgetBytes < largestBody) {
    throw new ConfigError(
      `invalid configuration:\n  BODY_BUDGET_BYTES: ${bodyBudgetBytes} is below the largest body allowed ` +
        `(${largestBody}, BODY_LIMIT_BYTES or BATCH_BODY_LIMIT_BYTES), which could then never be received`,
    );
  }
  const databaseUrl = settings.DATABASE_URL ?? null;
  const location = databaseUrl ?? settings.DATABASE_PATH;
  const locationProblem = storageConfigProblem({ location });
  if (locationProblem !== null) {
    const variable = databaseUrl === null ? 'DATABASE_PATH' : 'DATABASE_URL';
    throw new ConfigError(`invalid configuration:\n  ${variable}: ${locationProblem}`);
  }
  const replicasProblem = storageConfigProblem({ location, readUrls: settings.DATABASE_READ_URLS });
  if (replicasProblem !== null) {
    throw new ConfigError(`invalid configuration:\n  DATABASE_READ_URLS: ${replicasProblem}`);
  }
  return Object.freeze({
    host: settings.HOST,
    port: settings.PORT,
    databasePath: settings.DATABASE_PATH,
    databaseUrl,
    databaseReadUrls: Object.freeze(settings.DATABASE_READ_URLS),
    bodyLimitBytes: settings.BODY_LIMIT_BYTES,
    batchBodyLimitBytes: settings.BATCH_BODY_LIMIT_BYTES,
    bodyBudgetBytes,
    apiTokens: Object.freeze(settings.API_TOKENS),
    logLevel: settings.LOG_LEVEL,
    requestTimeoutMs: settings.REQUEST_TIMEOUT_MS,
    parseWorkers: settings.PARSE_WORKERS,
    parseBudgetMs: settings.PARSE_BUDGET_MS,
    rateLimits: Object.freeze({
      writesPerMinute: settings.RATE_LIMIT_WRITES_PER_MINUTE,
      searchesPerMinute: settings.RATE_LIMIT_SEARCHES_PER_MINUTE,
      parsePerMinute: settings.RATE_LIMIT_PARSE_PER_MINUTE,
    }),
    corsOrigins: Object.freeze(settings.CORS_ORIGINS),
    metricsPublic: settings.METRICS_PUBLIC,
    skipIntegrityCheck: settings.SKIP_INTEGRITY_CHECK,
    changesRetained: settings.CHANGES_RETAINED,
    listTotalBound: settings.LIST_TOTAL_BOUND,
    jobLeaseMs: settings.JOB_LEASE_MS,
    jobPollMs: settings.JOB_POLL_MS,
    jobMaxTakeovers: settings.JOB_MAX_TAKEOVERS,
  });
}

/** Where the data lives: DATABASE_URL when set, else DATABASE_PATH. */
export function databaseLocation(config: Pick<Config, 'databaseUrl' | 'databasePath'>): string {
  return config.databaseUrl ?? config.databasePath;
}

/** What the server opens (src/storage/open.ts): the location, replicas and storage settings. */
export function storageConfig(config: Config): StorageConfig {
  return {
    location: databaseLocation(config),
    readUrls: config.databaseReadUrls,
    changesRetained: config.changesRetained,
    totalBound: config.listTotalBound,
    skipIntegrityCheck: config.skipIntegrityCheck,
  };
}
