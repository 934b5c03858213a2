import { ConfigError, loadConfig } from '../../config.js';
import { startServer } from '../../serve.js';
import { StorageConfigError } from '../../storage/open.js';
import { DatabaseCheckError } from '../../storage/repository.js';
import { errorMessage, EXIT, UsageError, type CliIo } from './common.js';

export interface ServeOptions {
  /** Start without checking the database file's pages (SKIP_INTEGRITY_CHECK=1). */
  skipCheck?: boolean;
}

/** Starts the HTTP server; the process then runs until SIGTERM or SIGINT. */
export async function serveAction(options: ServeOptions, io: CliIo): Promise<number> {
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (options.skipCheck === true) config = { ...config, skipIntegrityCheck: true };
  try {
    await startServer(config);
  } catch (error) {
    if (error instanceof DatabaseCheckError || error instanceof StorageConfigError) {
      io.stderr.write(`masthead: ${error.message}\n`);
      return EXIT.damagedDatabase;
    }
    io.stderr.write(`masthead: failed to start: ${errorMessage(error)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
