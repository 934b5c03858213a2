import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createSqliteRepository } from './storage/sqlite.js';

/** How long in-flight requests get to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(config: Config): Promise<void> {
  const repository = createSqliteRepository(config.databasePath);
  const app = await buildApp(config, { repository });
  app.addHook('onClose', async () => repository.close());

  if (config.apiTokens.length === 0) {
    app.log.warn('API_TOKENS is not set: write endpoints accept loopback clients only');
  }
  app.log.info({ database: config.databasePath }, 'database ready');

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
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`masthead: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
main(config).catch((error: unknown) => {
  console.error('masthead: failed to start:', error);
  process.exit(1);
});
