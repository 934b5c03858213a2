import {
  databaseLocation,
  errorMessage,
  EXIT,
  openForCommand,
  shownLocation,
  UsageError,
  type CliIo,
} from './common.js';

/**
 * Applies pending migrations to the database at `location` and says what was done:
 * `PATH: applied 001, 002; now at version 2` or `PATH: already at schema version 2`.
 */
export async function migrateDatabase(location: string): Promise<string> {
  const { repository, applied, location: shown } = await openForCommand(location);
  try {
    const { current } = await repository.schemaStatus();
    // An engine that does not say what it applied (null) is reported by its version alone.
    if (applied === null) return `${shown}: at schema version ${current}`;
    return applied.length === 0
      ? `${shown}: already at schema version ${current}`
      : `${shown}: applied ${applied.map((v) => String(v).padStart(3, '0')).join(', ')}; now at version ${current}`;
  } finally {
    await repository.close();
  }
}

export interface MigrateOptions {
  database?: string;
}

export async function migrateAction(options: MigrateOptions, io: CliIo): Promise<number> {
  const location = databaseLocation(options.database, io.env);
  try {
    io.stdout.write(`${await migrateDatabase(location)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`masthead: migrate ${shownLocation(location)}: ${errorMessage(error)}\n`);
    return EXIT.failed;
  }
}
