/** The Docker entrypoint (`node dist/server.js`): serves with the environment configuration. */
import { ConfigError, loadConfig, type Config } from './config.js';
import { startServer } from './serve.js';

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
startServer(config).catch((error: unknown) => {
  console.error('masthead: failed to start:', error);
  process.exit(1);
});
