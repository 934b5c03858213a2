/**
 * Where the server's start-up time goes, for bench/growth.ts: a child process that times
 * Node's own boot, then the import of each runtime dependency in package.json order, then
 * the rest of the application's modules (dist/app.js and the SQLite storage), then opening
 * the repository, buildApp() and listen() as dist/server.js does. A bare
 * `node:http` server's spawn → first 200 is the baseline, in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats.js';
import { ROOT } from './report.js';
import { HAS_TASKSET } from './servers.js';
import { freePort } from './servers.js';

export interface StartupBreakdown {
  /** Spawn → first 200 from a bare node:http server (no dependencies): the floor. */
  bareNodeMs: number;
  /** Process start → first line of the script (Node's boot), inside the child. */
  nodeBootMs: number;
  /** Import time of each runtime dependency, in order (each includes what it pulls in first). */
  dependencies: { name: string; ms: number }[];
  /** Importing dist/app.js and dist/storage/open.js after the dependencies are loaded (the engine loads at open). */
  applicationModulesMs: number;
  /** Sum of the above: the import-only floor of `node dist/server.js`. */
  totalImportMs: number;
  /** After the imports, in the same process: open + migrate check, buildApp, listen (ready). */
  openRepositoryMs: number;
  buildAppMs: number;
  listenMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function bareNode(): Promise<number> {
  const port = await freePort();
  const script = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
  const command = HAS_TASKSET ? 'taskset' : process.execPath;
  const args = HAS_TASKSET ? ['-c', '0', process.execPath, '-e', script] : ['-e', script];
  const started = performance.now();
  const child = spawn(command, args, { stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not yet
      }
      await sleep(5);
    }
  } finally {
    child.kill('SIGKILL');
  }
}

interface ImportRun {
  boot: number;
  deps: { name: string; ms: number }[];
  app: number;
  open: number;
  build: number;
  listen: number;
}

function importTimes(databasePath: string): ImportRun {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const names = Object.keys(pkg.dependencies ?? {});
  const script = `
    const boot = performance.now();
    const deps = [];
    for (const name of ${JSON.stringify(names)}) {
      const t = performance.now();
      try { await import(name); } catch { continue; }
      deps.push({ name, ms: performance.now() - t });
    }
    const t = performance.now();
    await import('./dist/app.js');
    const { openRepository } = await import('./dist/storage/open.js');
    const { loadConfig } = await import('./dist/config.js');
    const { buildApp } = await import('./dist/app.js');
    const app_ = performance.now() - t;
    const config = loadConfig();
    const t1 = performance.now();
    const { repository } = await openRepository({ location: config.databasePath, skipIntegrityCheck: true });
    const t2 = performance.now();
    const server = await buildApp(config, { repository });
    const t3 = performance.now();
    await server.listen({ host: '127.0.0.1', port: 0 });
    const t4 = performance.now();
    await server.close();
    await repository.close();
    console.log(JSON.stringify({ boot, deps, app: app_, open: t2 - t1, build: t3 - t2, listen: t4 - t3 }));`;
  const command = HAS_TASKSET ? 'taskset' : process.execPath;
  const base = ['--input-type=module', '-e', script];
  const args = HAS_TASKSET ? ['-c', '0', process.execPath, ...base] : base;
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      RATE_LIMIT_SEARCHES_PER_MINUTE: '0',
      RATE_LIMIT_PARSE_PER_MINUTE: '0',
    },
  });
  if (result.status !== 0) throw new Error(`import timing failed: ${result.stderr}`);
  const last = result.stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as ImportRun;
}

export async function startupBreakdown(databasePath: string, rounds = 3): Promise<StartupBreakdown> {
  const bare: number[] = [];
  const runs: ImportRun[] = [];
  for (let i = 0; i < rounds; i += 1) {
    bare.push(await bareNode());
    runs.push(importTimes(databasePath));
  }
  const names = runs[0]?.deps.map((d) => d.name) ?? [];
  const dependencies = names
    .map((name) => ({
      name,
      ms: median(runs.map((run) => run.deps.find((d) => d.name === name)?.ms ?? 0)),
    }))
    .sort((a, b) => b.ms - a.ms);
  const nodeBootMs = median(runs.map((run) => run.boot));
  const applicationModulesMs = median(runs.map((run) => run.app));
  return {
    bareNodeMs: median(bare),
    nodeBootMs,
    dependencies,
    applicationModulesMs,
    totalImportMs: nodeBootMs + dependencies.reduce((sum, d) => sum + d.ms, 0) + applicationModulesMs,
    openRepositoryMs: median(runs.map((run) => run.open)),
    buildAppMs: median(runs.map((run) => run.build)),
    listenMs: median(runs.map((run) => run.listen)),
  };
}
