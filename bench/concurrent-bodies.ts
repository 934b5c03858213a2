/**
 * Memory under many large bodies at once: N concurrent `POST /v1/parse` of a ~1.9 MB page
 * (issue 10, item 5: 150 of them reached 979 MB RSS). Reports the server's RSS before and its
 * peak (VmHWM) after, the statuses, and the slowest `/healthz` polled meanwhile. Run it with
 * the default BODY_BUDGET_BYTES and with the budget out of the way (`--budget 4294967296`) to
 * see what the budget holds back, in the same build and the same minute.
 *
 *   npx tsx bench/concurrent-bodies.ts                       # default budget (64 MiB)
 *   npx tsx bench/concurrent-bodies.ts --budget 4294967296   # effectively no budget
 *   npx tsx bench/concurrent-bodies.ts --requests 150 --mb 1.9
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { storyPages, variants } from './lib/pages.js';
import { percentile } from './lib/stats.js';
import { ensureBuilt, log, processMemory, startMasthead, tempDir } from './lib/servers.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '150' },
    mb: { type: 'string', default: '1.9' },
    budget: { type: 'string' },
  },
});
const requests = Number(values.requests);
const bodyBytes = Math.round(Number(values.mb) * 1_000_000);

// One large page: story pages one after another, cut to the size asked for.
const pages = storyPages();
const parts: string[] = [];
for (let n = 0, bytes = 0; bytes < bodyBytes; n += 1) {
  const part = `${variants(pages, 1, n)[0] ?? ''}\n`;
  parts.push(part);
  bytes += Buffer.byteLength(part);
}
const body = Buffer.from(parts.join(''))
  .subarray(0, bodyBytes)
  .toString('utf8')
  .replace(/\uFFFD$/, '');

ensureBuilt();
const dir = tempDir('bodies');
const server = await startMasthead(
  join(dir.path, 'bench.db'),
  null,
  values.budget === undefined ? {} : { BODY_BUDGET_BYTES: values.budget },
);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
try {
  const before = processMemory(server.pid);
  let running = true;
  const health: number[] = [];
  const poller = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${server.url}/healthz`)).arrayBuffer();
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  log(`${requests} concurrent POST /v1/parse of ${Buffer.byteLength(body)} bytes`);
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: requests }, async () => {
      try {
        const response = await fetch(`${server.url}/v1/parse`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body,
        });
        await response.arrayBuffer();
        return String(response.status);
      } catch (error) {
        return `error (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await poller;
  const after = processMemory(server.pid);
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  console.log(
    `\nBODY_BUDGET_BYTES=${values.budget ?? 'default'}: ${requests} × ${Buffer.byteLength(body)} bytes in ${seconds.toFixed(1)} s`,
  );
  console.log(`statuses: ${[...counts].map(([status, n]) => `${status} × ${n}`).join(', ')}`);
  console.log(
    `RSS before ${before ? mb(before.rss) : '?'} MB, peak ${after ? mb(after.hwm) : '?'} MB (rise ${before && after ? mb(after.hwm - before.rss) : '?'} MB)`,
  );
  console.log(
    `/healthz meanwhile: ${health.length} polls, p50 ${percentile(health, 50).toFixed(0)} ms, max ${Math.max(...health).toFixed(0)} ms`,
  );
} finally {
  await server.stop();
  dir.remove();
}
