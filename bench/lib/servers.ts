/**
 * Child-process servers for the HTTP benchmarks: masthead's built `dist/server.js` with a
 * production environment, and the baselines in bench/lib/baseline-server.ts. Each is pinned to
 * `cpu` with taskset when given; stopped by its own pid (SIGTERM, then SIGKILL). Each records
 * its start-up time (spawn → ready), which bench/growth.ts reports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log, ROOT } from './report.js';

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** Spawn → first ready answer, in milliseconds. */
  startupMs: number;
  stop: () => Promise<void>;
}

/** The Node flags `npm start` runs the server with (package.json): benchmarks measure what ships. */
export const SERVER_NODE_FLAGS: readonly string[] = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(' ')
  .slice(1, -1);

export const HAS_TASKSET = spawnSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).status === 0;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `masthead-bench-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

function newestMtime(dir: string, suffix: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, suffix));
    else if (entry.name.endsWith(suffix)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build` when dist/server.js is missing or older than any file in src/. */
export function ensureBuilt(): { rebuilt: boolean } {
  const server = join(ROOT, 'dist/server.js');
  const stale =
    !existsSync(server) ||
    newestMtime(join(ROOT, 'src'), '.ts') > statSync(server).mtimeMs ||
    newestMtime(join(ROOT, 'migrations'), '.sql') > statSync(server).mtimeMs;
  if (!stale) return { rebuilt: false };
  log('dist/ is stale: npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${String(result.status)})`);
  return { rebuilt: true };
}

/** Environment of a production masthead server for benchmarks: rate limits off, logs to /dev/null. */
export function productionEnv(databasePath: string, port: number, extra: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_PATH: databasePath,
    RATE_LIMIT_WRITES_PER_MINUTE: '0',
    RATE_LIMIT_SEARCHES_PER_MINUTE: '0',
    RATE_LIMIT_PARSE_PER_MINUTE: '0',
    ...extra,
  };
}

/** When a server counts as up, and how closely that is watched. */
export interface Readiness {
  /** Path polled until it answers. */
  path: string;
  /** 200 only (a start-up timed to readiness), or anything below 500 (just listening). */
  status: 'ok' | 'below-500';
  /** Poll interval: short where the start-up time itself is measured. */
  pollMs: number;
  timeoutMs: number;
}

const LISTENING: Omit<Readiness, 'path'> = { status: 'below-500', pollMs: 50, timeoutMs: 120_000 };

async function waitUntilUp(url: string, child: ChildProcess, readiness: Readiness): Promise<void> {
  const deadline = Date.now() + readiness.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before listening`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (readiness.status === 'ok' ? response.status === 200 : response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, readiness.pollMs));
  }
  throw new Error(`server at ${url} did not come up within ${readiness.timeoutMs} ms`);
}

export interface SpawnOptions {
  /** Arguments to `node`. */
  args: string[];
  env: Record<string, string>;
  port: number;
  cpu: number | null;
  readiness: Readiness;
}

export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const [command, args] =
    options.cpu === null
      ? [process.execPath, options.args]
      : ['taskset', ['-c', String(options.cpu), process.execPath, ...options.args]];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: options.env,
    // stdout (the request log) goes to /dev/null, as to a log shipper that keeps up; stderr shows.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilUp(`${url}${options.readiness.path}`, child, options.readiness);
  } catch (error) {
    await stop();
    throw error;
  }
  const startupMs = performance.now() - started;
  if (child.pid === undefined) throw new Error('server has no pid');
  return { child, pid: child.pid, port: options.port, url, startupMs, stop };
}

/** masthead's `dist/server.js` in production mode on `databasePath`; up once `/healthz` answers. */
export async function startMasthead(
  databasePath: string,
  cpu: number | null,
  extraEnv: Record<string, string> = {},
  readiness: Readiness = { path: '/healthz', ...LISTENING },
): Promise<ServerProcess> {
  const port = await freePort();
  return spawnServer({
    args: [...SERVER_NODE_FLAGS, join(ROOT, 'dist/server.js')],
    env: productionEnv(databasePath, port, extraEnv),
    port,
    cpu,
    readiness,
  });
}

export type BaselineMode = 'hello' | 'json' | 'zod' | 'fjs' | 'db-zod';

/** A baseline server from bench/lib/baseline-server.ts (run with tsx's loader). */
export async function startBaseline(
  mode: BaselineMode,
  cpu: number | null,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  return spawnServer({
    args: ['--import', 'tsx', join(ROOT, 'bench/lib/baseline-server.ts'), mode],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), ...env },
    port,
    cpu,
    readiness: { path: '/ready', ...LISTENING },
  });
}

/** Memory of a process from /proc/<pid>/status, in bytes: current and peak resident set. */
export function processMemory(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => {
      const line = status.split('\n').find((l) => l.startsWith(`${name}:`));
      const kb = Number.parseInt(line?.split(/\s+/)[1] ?? '', 10);
      return Number.isFinite(kb) ? kb * 1024 : 0;
    };
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return null;
  }
}

export { log };
