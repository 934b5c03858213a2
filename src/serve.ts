import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { storageConfig, type Config } from './config.js';
import { representArticle } from './http/representations.js';
import { openRepository } from './storage/open.js';

/** How long in-flight requests get to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How often, while shutting down, connections that have gone idle are closed. */
const IDLE_SWEEP_MS = 100;

/**
 * Logs for people on a terminal (pino-pretty, in pino's transport thread), JSON lines for
 * everything else: a pipe, a file, Docker, a log collector.
 */
export function logTransport(stdout: { isTTY?: boolean }): { target: string; options: object } | undefined {
  if (stdout.isTTY !== true) return undefined;
  return { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } };
}

/** Host names that only this machine can reach. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * What the operator must hear at start-up about who may write and scrape: bound beyond
 * loopback without tokens (the Docker image's 0.0.0.0), every write through that address gets
 * 403, which looks like a bug from outside unless the log says why.
 */
export function accessWarnings(config: Pick<Config, 'host' | 'apiTokens' | 'metricsPublic'>): string[] {
  const loopbackOnly = LOOPBACK_HOSTS.has(config.host) || config.host.startsWith('127.');
  const warnings: string[] = [];
  if (config.apiTokens.length === 0) {
    warnings.push(
      loopbackOnly
        ? 'API_TOKENS is not set: write endpoints and /metrics accept loopback clients only'
        : `listening on ${config.host} without API_TOKENS: writes and /metrics from other machines ` +
            '(and through a mapped Docker port) get 403; set API_TOKENS=<token> and send Authorization: Bearer <token>',
    );
  }
  if (config.metricsPublic && !loopbackOnly) {
    warnings.push(`METRICS_PUBLIC=1: /metrics answers anyone who reaches ${config.host}`);
  }
  return warnings;
}

/**
 * Opens the storage (src/storage/open.ts: the engine's start-up check, then migrations),
 * builds the app and listens, with graceful shutdown on SIGTERM and SIGINT (the process exits once the app has closed). Used by `dist/server.js` (the Docker
 * entrypoint) and by `masthead serve`. Importing this module starts nothing.
 */
export async function startServer(config: Config): Promise<FastifyInstance> {
  // Damaged data is refused (DatabaseCheckError) before anything writes to it, not served.
  const storage = await openRepository({ ...storageConfig(config), represent: representArticle });
  const { repository } = storage;
  let app: FastifyInstance;
  try {
    const transport = logTransport(process.stdout);
    app = await buildApp(config, { repository }, transport ? { logger: { transport } } : {});
  } catch (error) {
    await repository.close();
    throw error;
  }

  for (const warning of accessWarnings(config)) app.log.warn(warning);
  for (const note of storage.notes) app.log[note.level](note.details ?? {}, note.message);
  app.log.info({ database: storage.location, engine: storage.engine }, 'database ready');

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    // node closes the connections idle at close() time only; a keep-alive connection whose
    // last response goes out later would hold the shutdown open until its client leaves.
    const sweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
    sweep.unref();
    // The repository closes last: the app's own close hooks (a running background job handed
    // back to the queue with its progress) still need it.
    app
      .close()
      .then(() => repository.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };

  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    await repository.close();
    throw error;
  }
  return app;
}
