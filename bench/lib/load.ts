/**
 * autocannon (no type declarations ship with it) behind a small typed wrapper, run in this
 * process as the load generator. Latencies of 2xx responses are recorded one by one, so that
 * runs split into segments (interleaved with a baseline's, to share the machine's drift)
 * merge into exact percentiles.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { percentile } from './stats.js';

export interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  '2xx': number;
  throughput: { total: number };
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: { setupRequest: (request: LoadRequest) => LoadRequest }[];
}

interface Instance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}

type Autocannon = (
  options: AutocannonOptions,
  done: (error: Error | null, result: AutocannonResult) => void,
) => Instance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  /** 2xx responses per second over the run. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  status: Record<string, number>;
  /** Response bytes per second. */
  bytesPerSecond: number;
  segments: number;
  /** CPU seconds (user + system) the server process spent during the run, when its pid is known. */
  serverCpuSeconds: number | null;
  /** Server CPU time per 2xx response, in microseconds: steadier than req/s on a shared machine. */
  cpuUsPerRequest: number | null;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Called for every request: returns what to send. */
  next?: () => LoadRequest;
  /** The server's pid, to account its CPU time (Linux /proc). */
  pid?: number;
}

const CLOCK_TICKS = 100;

/** User + system CPU seconds of a process (all its threads), from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

interface Raw {
  result: AutocannonResult;
  latencies: number[];
  cpu: number | null;
}

function run(options: LoadOptions): Promise<Raw> {
  const next = options.next;
  const latencies: number[] = [];
  const cpuBefore = options.pid === undefined ? null : cpuSeconds(options.pid);
  const cpu = () => {
    const after = options.pid === undefined ? null : cpuSeconds(options.pid);
    return cpuBefore === null || after === null ? null : after - cpuBefore;
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        ...(next
          ? { requests: [{ setupRequest: (request: LoadRequest) => ({ ...request, ...next() }) }] }
          : {}),
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, cpu: cpu() })),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

function summarise(raws: readonly Raw[]): LoadResult {
  const latencies = raws.flatMap((r) => r.latencies);
  const seconds = raws.reduce((sum, r) => sum + r.result.duration, 0);
  const ok = raws.reduce((sum, r) => sum + r.result['2xx'], 0);
  const status: Record<string, number> = {};
  for (const { result } of raws) {
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
      status[code] = (status[code] ?? 0) + stat.count;
    }
  }
  const cpu = raws.every((r) => r.cpu !== null) ? raws.reduce((total, r) => total + (r.cpu ?? 0), 0) : null;
  const sum = (pick: (r: AutocannonResult) => number) => raws.reduce((total, r) => total + pick(r.result), 0);
  return {
    rps: ok / Math.max(seconds, 1e-9),
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.reduce((m, v) => Math.max(m, v), 0),
    ok,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    seconds,
    status,
    bytesPerSecond: sum((r) => r.throughput.total) / Math.max(seconds, 1e-9),
    segments: raws.length,
    serverCpuSeconds: cpu,
    cpuUsPerRequest: cpu === null || ok === 0 ? null : (cpu / ok) * 1e6,
  };
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  return summarise([await run(options)]);
}

/**
 * Loads each target in turn, `segments` times, `seconds / segments` each time: A B A B …, so
 * that both see the same moments of a noisy machine. One result per target.
 */
export async function interleaved(
  targets: readonly Omit<LoadOptions, 'seconds'>[],
  seconds: number,
  segments: number,
): Promise<LoadResult[]> {
  const raws: Raw[][] = targets.map(() => []);
  const each = seconds / segments;
  for (let s = 0; s < segments; s += 1) {
    for (const [i, target] of targets.entries()) raws[i]?.push(await run({ ...target, seconds: each }));
  }
  return raws.map(summarise);
}
