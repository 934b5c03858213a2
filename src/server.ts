/** The Docker entrypoint (`node dist/server.js`): serves with the environment configuration. */
import { ConfigError, loadConfig, type Config } from './config.js';
import { startServer } from './serve.js';
import { StorageConfigError } from './storage/open.js';
import { DatabaseCheckError } from './storage/repository.js';

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
// `node dist/server.js --skip-check`, as `masthead serve --skip-check`.
if (process.argv.includes('--skip-check')) config = { ...config, skipIntegrityCheck: true };
startServer(config).catch((error: unknown) => {
  // Like a bad configuration, a damaged database is the operator's to fix: one line, exit 2.
  if (error instanceof DatabaseCheckError || error instanceof StorageConfigError) {
    console.error(`masthead: ${error.message}`);
    process.exit(2);
  }
  console.error('masthead: failed to start:', error);
  process.exit(1);
});
