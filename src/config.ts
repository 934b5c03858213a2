import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting masthead reads from the environment; `.env.example` lists the same names. */
const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('./data/masthead.db'),
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
  API_TOKENS: z
    .string()
    .optional()
    .transform((raw) =>
      (raw ?? '')
        .split(',')
        .map((token) => token.trim())
        .filter((token) => token.length > 0),
    ),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly databasePath: string;
  readonly bodyLimitBytes: number;
  /** Largest `POST /v1/articles:batch` body (up to 1,000 pages). */
  readonly batchBodyLimitBytes: number;
  /** Bearer tokens accepted on write endpoints; empty means "loopback clients only". */
  readonly apiTokens: readonly string[];
  readonly logLevel: (typeof LOG_LEVELS)[number];
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
  return Object.freeze({
    host: settings.HOST,
    port: settings.PORT,
    databasePath: settings.DATABASE_PATH,
    bodyLimitBytes: settings.BODY_LIMIT_BYTES,
    batchBodyLimitBytes: settings.BATCH_BODY_LIMIT_BYTES,
    apiTokens: Object.freeze(settings.API_TOKENS),
    logLevel: settings.LOG_LEVEL,
  });
}
