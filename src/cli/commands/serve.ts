import { ConfigError, loadConfig } from '../../config.js';
import { startServer } from '../../serve.js';
import { errorMessage, EXIT, UsageError, type CliIo } from './common.js';

/** Starts the HTTP server; the process then runs until SIGTERM or SIGINT. */
export async function serveAction(io: CliIo): Promise<number> {
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  try {
    await startServer(config);
  } catch (error) {
    io.stderr.write(`masthead: failed to start: ${errorMessage(error)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
