/**
 * Ingest latency while an anonymous client floods `POST /v1/parse` (issue 10, item 8: parses
 * at the allowed rate raised ingest p50 from 12 to 641 ms). One client ingests story pages
 * back to back for `--seconds`, first alone, then while large pages are sent to `/v1/parse`
 * at `--flood-rate` per second (open loop: one every 1/rate s, whatever the answers; 5/s is
 * the default limit of 300 a minute). Reports ingest p50/p99 in both phases and every status.
 *
 *   npx tsx bench/parse-flood.ts
 *   npx tsx bench/parse-flood.ts --seconds 20 --flood-rate 10 --flood-kb 500 --body-budget 4294967296
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { storyPages, variants } from './lib/pages.js';
import { percentile } from './lib/stats.js';
import { ensureBuilt, log, startMasthead, tempDir } from './lib/servers.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    'flood-rate': { type: 'string', default: '5' },
    'flood-kb': { type: 'string', default: '1900' },
    /** BODY_BUDGET_BYTES of the server; 4294967296 takes the body budget out of the comparison. */
    'body-budget': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const floodRate = Number(values['flood-rate']);
const floodBytes = Number(values['flood-kb']) * 1000;

const pages = storyPages();
const floodParts: string[] = [];
for (let n = 0, bytes = 0; bytes < floodBytes; n += 1) {
  const part = variants(pages, 1, 1_000_000 + n)[0] ?? '';
  floodParts.push(part);
  bytes += Buffer.byteLength(part);
}
const floodPage = floodParts.join('');

type Counts = Map<string, number>;
const count = (counts: Counts, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const show = (counts: Counts) => [...counts].map(([status, n]) => `${status} × ${n}`).join(', ');

async function post(url: string, body: string): Promise<string> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body,
    });
    await response.arrayBuffer();
    return String(response.status);
  } catch (error) {
    return `error (${(error as Error).message})`;
  }
}

let pageNumber = 0;
/** Ingests one distinct page after another for `seconds`; latencies of the 201s. */
async function ingestFor(url: string, ms: number): Promise<{ latencies: number[]; statuses: Counts }> {
  const latencies: number[] = [];
  const statuses: Counts = new Map();
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const started = performance.now();
    const status = await post(`${url}/v1/articles`, variants(pages, 1, pageNumber++)[0] ?? '');
    if (status === '201') latencies.push(performance.now() - started);
    count(statuses, status);
  }
  return { latencies, statuses };
}

function report(phase: string, result: { latencies: number[]; statuses: Counts }): void {
  const { latencies, statuses } = result;
  console.log(
    `${phase.padEnd(28)} ingest p50 ${percentile(latencies, 50).toFixed(0).padStart(5)} ms, p99 ${percentile(latencies, 99).toFixed(0).padStart(5)} ms, ${(latencies.length / seconds).toFixed(0).padStart(4)}/s (${show(statuses)})`,
  );
}

ensureBuilt();
const dir = tempDir('flood');
const budget = values['body-budget'];
const server = await startMasthead(
  join(dir.path, 'bench.db'),
  null,
  budget === undefined ? {} : { BODY_BUDGET_BYTES: budget },
);
try {
  // Warm-up: the parse worker starts, the first pages are stored.
  await ingestFor(server.url, 1000);
  log(`ingests alone, ${seconds} s`);
  const alone = await ingestFor(server.url, seconds * 1000);

  log(`ingests during ${floodRate}/s parses of ${Buffer.byteLength(floodPage)} bytes, ${seconds} s`);
  const floodStatuses: Counts = new Map();
  const floods: Promise<void>[] = [];
  const timer = setInterval(() => {
    floods.push(
      post(`${server.url}/v1/parse`, floodPage).then((status) => void count(floodStatuses, status)),
    );
  }, 1000 / floodRate);
  const flooded = await ingestFor(server.url, seconds * 1000);
  clearInterval(timer);
  await Promise.all(floods);

  console.log();
  report('alone', alone);
  report(`during ${floodRate}/s parse flood`, flooded);
  console.log(`${''.padEnd(28)} flood: ${show(floodStatuses)}`);
} finally {
  await server.stop();
  dir.remove();
}
