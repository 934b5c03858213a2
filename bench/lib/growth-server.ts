/**
 * The built server (`node dist/server.js`) as a child process for bench/growth.ts: start
 * it on a database, time spawn → `/readyz` 200, read its RSS, stop it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from './servers.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HAS_TASKSET = spawnSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).status === 0;

export interface RunningServer {
  child: ChildProcess;
  base: string;
  startupMs: number;
  stderr: () => string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns the server (on core 0 when taskset exists) and waits for `/readyz` to answer 200. */
export async function startServer(databasePath: string): Promise<RunningServer> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_PATH: databasePath,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_WRITES_PER_MINUTE: '0',
    RATE_LIMIT_SEARCHES_PER_MINUTE: '0',
    RATE_LIMIT_PARSE_PER_MINUTE: '0',
    NODE_ENV: 'production',
  };
  const command = HAS_TASKSET ? 'taskset' : process.execPath;
  const args = HAS_TASKSET ? ['-c', '0', process.execPath, 'dist/server.js'] : ['dist/server.js'];
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    if (performance.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 60 s: ${stderr}`);
    }
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
  return { child, base, startupMs: performance.now() - started, stderr: () => stderr };
}

/** Resident set size and its peak (VmRSS, VmHWM) in bytes, from /proc. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const line = status.split('\n').find((l) => l.startsWith(`${name}:`));
    return Number.parseInt(line?.slice(name.length + 1).trim() ?? '0', 10) * 1024;
  };
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

export async function stopServer(server: RunningServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
