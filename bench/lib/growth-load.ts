/**
 * Load helpers for bench/growth.ts: autocannon runs whose latencies are collected from
 * its `response` events (fractional milliseconds; its own histogram rounds to whole ms,
 * too coarse for sub-millisecond reads), and percentiles over them.
 */
import { createRequire } from 'node:module';

import { percentile } from './stats.js';

interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: { path?: string }) => { path?: string };
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests?: AutocannonRequest[];
}

interface AutocannonResult {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(
    event: 'response',
    listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
  ): void;
}

type Autocannon = (options: AutocannonOptions) => AutocannonInstance;

// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Runs autocannon against `base` for `seconds`; `path()` gives each request's path. */
export async function load(
  base: string,
  options: { connections: number; seconds: number; path: () => string },
): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: options.path() }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    else non2xx += 1;
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const sum = times.reduce((total, t) => total + t, 0);
  return {
    requests: times.length,
    requestsPerSecond: times.length / elapsed,
    errors: result.errors + result.timeouts,
    non2xx,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    mean: times.length > 0 ? sum / times.length : Number.NaN,
  };
}
