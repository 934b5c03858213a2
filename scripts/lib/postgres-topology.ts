/**
 * What a deployment beyond one machine puts around its PostgreSQL primary, on the loopback,
 * for the multi-node test and the benchmarks: a streaming replica (`pg_basebackup -R`, a hot
 * standby that follows the primary's WAL) and pgbouncer in transaction pooling in front of the
 * primary. Both run as the `postgres` user when we are root, as the cluster does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, postgresCommand, runAsPostgres, type PostgresCluster } from './postgres-cluster.js';

export interface Replica {
  dataDir: string;
  port: number;
  /** `postgres://postgres@127.0.0.1:PORT/` (append a database name). */
  baseUrl: string;
  stop(): void;
}

/**
 * A hot standby of `primary`, streaming its WAL (asynchronous: a read right after a commit
 * may not see it yet). Resolves once the standby accepts read-only connections. `name` is its
 * folder under the primary's: one name per replica.
 */
export async function startReplica(primary: PostgresCluster, name = 'replica'): Promise<Replica> {
  const dataDir = join(primary.dir, name);
  const port = await freePort();
  runAsPostgres(join(primary.binDir, 'pg_basebackup'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    dataDir,
    '-R', // writes standby.signal and primary_conninfo: the copy starts as a standby
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  // A standby refuses to start with fewer connections (and the like) than its primary has.
  const primarySettings = new pg.Client({ connectionString: `${primary.baseUrl}postgres` });
  await primarySettings.connect();
  const { rows } = await primarySettings
    .query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('max_connections', 'max_worker_processes', 'max_wal_senders',
                       'max_prepared_transactions', 'max_locks_per_transaction')`,
    )
    .finally(() => primarySettings.end());
  const settings = [
    ...rows.map((row) => `-c ${row.name}=${row.setting}`),
    `-c port=${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${primary.dir}`,
    '-c hot_standby=on',
  ].join(' ');
  runAsPostgres(join(primary.binDir, 'pg_ctl'), [
    'start',
    '-w',
    '-t',
    '60',
    '-D',
    dataDir,
    '-l',
    join(primary.dir, `${name}.log`),
    '-o',
    settings,
  ]);
  const stop = (): void => {
    if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
    runAsPostgres(join(primary.binDir, 'pg_ctl'), ['stop', '-m', 'fast', '-w', '-D', dataDir]);
  };
  return { dataDir, port, baseUrl: `postgres://postgres@127.0.0.1:${port}/`, stop };
}

/** Waits until the replica has replayed everything the primary had committed when called. */
export async function waitForReplay(
  primaryUrl: string,
  replicaUrl: string,
  timeoutMs = 30_000,
): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await primary.connect();
  await replica.connect();
  try {
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const target = rows[0]?.lsn;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replayed = await replica.query<{ caught_up: boolean }>(
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up',
        [target],
      );
      if (replayed.rows[0]?.caught_up === true) return;
      if (Date.now() > deadline) throw new Error(`replica did not replay up to ${String(target)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await primary.end();
    await replica.end();
  }
}

export interface Pgbouncer {
  port: number;
  /** `postgres://postgres@127.0.0.1:PORT/` (append a database name). */
  baseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * pgbouncer in transaction pooling in front of `primary`: a server connection belongs to a
 * client for one transaction only, so session state (named prepared statements, session
 * advisory locks, SET) does not survive between transactions. Every database is passed
 * through; `trust`, loopback only.
 */
export async function startPgbouncer(primary: PostgresCluster, poolSize = 20): Promise<Pgbouncer> {
  const port = await freePort();
  const config = join(primary.dir, 'pgbouncer.ini');
  const users = join(primary.dir, 'pgbouncer-users.txt');
  writeFileSync(users, '"postgres" ""\n');
  writeFileSync(
    config,
    [
      '[databases]',
      `* = host=127.0.0.1 port=${primary.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir = ${primary.dir}`,
      'auth_type = trust',
      `auth_file = ${users}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 1000',
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${join(primary.dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  const [command, args] = postgresCommand('/usr/sbin/pgbouncer', [config]);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `postgres://postgres@127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited: ${stderr.join('')}`);
    const client = new pg.Client({ connectionString: `${baseUrl}postgres` });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`pgbouncer did not accept connections: ${stderr.join('')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    port,
    baseUrl,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Whether pgbouncer is installed (Debian: `apt-get install pgbouncer`). */
export function pgbouncerAvailable(): boolean {
  return existsSync('/usr/sbin/pgbouncer');
}
