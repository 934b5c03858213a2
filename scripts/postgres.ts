/**
 * A throwaway PostgreSQL cluster from the shell (CI, the multi-node test, trying the adapter):
 *
 *   eval "$(npx tsx scripts/postgres.ts start)"   # sets MASTHEAD_PG_DIR, MASTHEAD_PG_URL (no database name)
 *   npx tsx scripts/postgres.ts stop "$MASTHEAD_PG_DIR"
 *
 * `start --fsync` keeps fsync on (benchmarks); `--port N` picks the port; `--database NAME`
 * creates an empty database (the server migrates it on start). Same code as the
 * test harness (scripts/lib/postgres-cluster.ts): runs as the `postgres` user when root.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresCluster, stopPostgresCluster, type PostgresCluster } from './lib/postgres-cluster.js';

const [command, ...args] = process.argv.slice(2);
const STATE_FILE = 'masthead-cluster.json';

if (command === 'start') {
  const portAt = args.indexOf('--port');
  const cluster = await startPostgresCluster({
    fsync: args.includes('--fsync'),
    ...(portAt >= 0 ? { port: Number(args[portAt + 1]) } : {}),
  });
  writeFileSync(join(cluster.dir, STATE_FILE), JSON.stringify(cluster));
  const databaseAt = args.indexOf('--database');
  const database = databaseAt >= 0 ? args[databaseAt + 1] : undefined;
  if (database !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`not a plain database name: ${database}`);
    const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`).finally(() => admin.end());
  }
  console.log(`export MASTHEAD_PG_DIR='${cluster.dir}' MASTHEAD_PG_URL='${cluster.baseUrl}'`);
} else if (command === 'stop' && args[0] !== undefined) {
  const state = join(args[0], STATE_FILE);
  if (!existsSync(state)) throw new Error(`no cluster started by this script in ${args[0]}`);
  stopPostgresCluster(JSON.parse(readFileSync(state, 'utf8')) as PostgresCluster);
} else {
  console.error('usage: tsx scripts/postgres.ts start [--fsync] [--port N] [--database NAME] | stop DIR');
  process.exit(2);
}
