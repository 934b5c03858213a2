/**
 * A throwaway PostgreSQL cluster on the loopback, for tests, CI and the multi-node test:
 * `initdb --no-sync -A trust` into a fresh directory, started with `pg_ctl` on a free port.
 * PostgreSQL refuses to run as root, so as root every command runs as the `postgres` user
 * (`runuser`), in a directory it owns. `fsync: false` is for tests only: a crash of the
 * machine may lose committed data.
 *
 * Used by test/helpers/postgres-global-setup.ts and, from bash, by scripts/postgres.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** The folder holding the data directory and the log. */
  dir: string;
  dataDir: string;
  port: number;
  binDir: string;
  /** `postgres://postgres@127.0.0.1:PORT/` (append a database name). */
  baseUrl: string;
}

/** The folder of `initdb`/`pg_ctl`: the newest of /usr/lib/postgresql/N/bin, else `pg_config --bindir`; null when none. */
export function findPostgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  return dir !== '' && existsSync(join(dir, 'initdb')) ? dir : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const runningAsRoot = process.getuid?.() === 0;

/** The command line that runs `binary` as the `postgres` user when we are root (PostgreSQL refuses root). */
export function postgresCommand(binary: string, args: string[]): [string, string[]] {
  return runningAsRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

/** Runs a PostgreSQL binary to completion, as the `postgres` user when we are root. */
export function runAsPostgres(binary: string, args: string[]): void {
  const [command, commandArgs] = postgresCommand(binary, args);
  execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface StartOptions {
  port?: number;
  /** Default false: test clusters skip fsync (never for data anyone keeps). */
  fsync?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}

/** Creates and starts a new cluster; stop it with stopPostgresCluster. */
export async function startPostgresCluster(options: StartOptions = {}): Promise<PostgresCluster> {
  const binDir = findPostgresBinDir();
  if (binDir === null)
    throw new Error('PostgreSQL binaries not found (/usr/lib/postgresql/*/bin, pg_config)');
  const dir = mkdtempSync(join(tmpdir(), 'masthead-pg-'));
  if (runningAsRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const dataDir = join(dir, 'data');
  const port = options.port ?? (await freePort());
  runAsPostgres(join(binDir, 'initdb'), [
    '--no-sync',
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '-D',
    dataDir,
  ]);
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    fsync: options.fsync === true ? 'on' : 'off',
    ...(options.fsync === true ? {} : { synchronous_commit: 'off', full_page_writes: 'off' }),
    max_connections: '200',
    ...options.settings,
  };
  const serverOptions = Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  runAsPostgres(join(binDir, 'pg_ctl'), [
    'start',
    '-w',
    '-t',
    '60',
    '-D',
    dataDir,
    '-l',
    join(dir, 'server.log'),
    '-o',
    serverOptions,
  ]);
  return { dir, dataDir, port, binDir, baseUrl: `postgres://postgres@127.0.0.1:${port}/` };
}

/** Stops the cluster (fast: open sessions are cut) and removes its folder. */
export function stopPostgresCluster(cluster: PostgresCluster): void {
  try {
    runAsPostgres(join(cluster.binDir, 'pg_ctl'), ['stop', '-m', 'fast', '-w', '-D', cluster.dataDir]);
  } finally {
    rmSync(cluster.dir, { recursive: true, force: true });
  }
}
