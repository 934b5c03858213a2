/**
 * The real server (src/server.ts through tsx) and CLI (src/cli.ts) as child processes, for
 * tests of what happens between processes: several writers on one database file, start-up
 * refusals. Each child is stopped by its own pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildRun {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<Exit>;
}

/** Environment of a test server: loopback, any port, no write rate limit (one client sends fast). */
export function serverEnv(databasePath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'info',
    API_TOKENS: '',
    RATE_LIMIT_WRITES_PER_MINUTE: '0',
    ...extra,
  };
}

/** Runs `node --import tsx <script> ...args` from the project root, collecting its output. */
export function runTs(script: string, args: string[], env: NodeJS.ProcessEnv): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout, stderr, exited };
}

export interface ServerProcess extends ChildRun {
  url: string;
  /** SIGTERM, then the exit. */
  stop(): Promise<Exit>;
}

/** Starts src/server.ts (or `script`) and resolves once it listens; rejects with its output if it exits first. */
export function startServerProcess(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  script = 'src/server.ts',
): Promise<ServerProcess> {
  const run = runTs(script, args, env);
  const stop = async (): Promise<Exit> => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
    return run.exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      run.child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${run.stdout.join('')}${run.stderr.join('')}`));
    }, START_TIMEOUT_MS);
    const onData = (): void => {
      const listening = /"msg":"Server listening at (http:\/\/[^"]+)"/.exec(run.stdout.join(''));
      if (listening?.[1]) {
        clearTimeout(timer);
        run.child.stdout?.off('data', onData);
        resolve({ ...run, url: listening[1], stop });
      }
    };
    run.child.stdout?.on('data', onData);
    void run.exited.then(({ code }) => {
      clearTimeout(timer);
      reject(
        new Error(`server exited (${code}) before listening:\n${run.stdout.join('')}${run.stderr.join('')}`),
      );
    });
  });
}

/** POSTs a text page to /v1/articles; the status, or the network error's code. */
export async function postPage(
  url: string,
  body: string,
): Promise<{ status: number | string; text: string }> {
  try {
    const response = await fetch(`${url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    return { status: cause?.code ?? String(error), text: '' };
  }
}
