/**
 * `npm run backup -- <file> [--force]`: an online copy of DATABASE_PATH (default
 * ./data/masthead.db) taken with SQLite's backup API through a second connection, so it
 * works while the server runs. Refuses to replace an existing file unless `--force`.
 * Restore: stop the server, copy the backup over DATABASE_PATH (removing any -wal and -shm
 * files beside it), start the server. See docs/reliability/durability.md.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseLocation, loadConfig } from '../src/config.js';
import { engineOf } from '../src/storage/open.js';
// SQLite's own backup API: this script is SQLite tooling (PostgreSQL has pg_dump and pg_basebackup).
import { BackupError, backupDatabase } from '../src/storage/sqlite/backup.js';

const { values, positionals } = parseArgs({
  options: { force: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const target = positionals[0];
if (positionals.length !== 1 || target === undefined) {
  console.error('usage: npm run backup -- <file> [--force]');
  process.exit(2);
}

const location = databaseLocation(loadConfig());
if (engineOf(location) !== 'sqlite') {
  console.error('npm run backup copies a SQLite file; back up PostgreSQL with pg_dump or pg_basebackup');
  process.exit(2);
}
const source = resolve(location);
try {
  const result = await backupDatabase(
    source,
    resolve(target),
    ({ totalPages, remainingPages }) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${totalPages - remainingPages}/${totalPages} pages`);
    },
    { overwrite: values.force },
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  const mib = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `backup: ${source} → ${resolve(target)}: ${result.pages} pages of ${result.pageSize} bytes (${mib} MiB), ` +
      `schema version ${result.schemaVersion}, ${result.restarts} restart(s), ${Math.round(result.milliseconds)} ms`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  console.error(`${error.message}${cause}`);
  process.exit(1);
}
