/**
 * Memory: peak resident set of masthead's server process (dist/server.js, production env,
 * BODY_LIMIT_BYTES=4 MiB, parse workers included: they are threads of the same process) while
 * `POST /v1/parse` handles a 2 MiB page, and while `POST /v1/articles:batch` streams a
 * 1,000-line batch. A fresh server per scenario, so VmHWM (the kernel's peak RSS) belongs to
 * that scenario alone; VmRSS is also sampled every 5 ms. Baseline: the same server idle, after
 * one small request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_PAGE, fill, MiB } from './lib/worst-case-inputs.js';
import { ndjsonBody, storyPages, variants } from './lib/pages.js';
import { fmt, log, ratio, writeResult, type BenchOptions, type Row } from './lib/report.js';
import { ensureBuilt, processMemory, startMasthead, tempDir } from './lib/servers.js';

const BODY_LIMIT = 4 * MiB;
const PAGE_BYTES = 2 * MiB;
const BATCH_LINES = 1000;
/** The RSS ceiling for the server (its growth section), used as the reference here. */
const TARGET_RSS_MB = 200;

const mb = (bytes: number) => bytes / 2 ** 20;

interface Scenario {
  name: string;
  request: { path: string; contentType: string; body: string };
}

async function measure(scenario: Scenario, database: string, cpu: number | null) {
  const server = await startMasthead(database, cpu, { BODY_LIMIT_BYTES: String(BODY_LIMIT) });
  try {
    // One small request of the same kind, so lazy start-up work is not counted as the peak.
    const small = await fetch(`${server.url}${scenario.request.path}`, {
      method: 'POST',
      headers: { 'content-type': scenario.request.contentType },
      body:
        scenario.request.contentType === 'text/plain'
          ? readFileSync(FIXTURE_PAGE, 'utf8')
          : ndjsonBody([readFileSync(FIXTURE_PAGE, 'utf8')]),
    });
    await small.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const idle = processMemory(server.pid) ?? { rss: 0, hwm: 0 };

    let maxRss = idle.rss;
    const sampler = setInterval(() => {
      const now = processMemory(server.pid);
      if (now) maxRss = Math.max(maxRss, now.rss);
    }, 5);
    const start = performance.now();
    const response = await fetch(`${server.url}${scenario.request.path}`, {
      method: 'POST',
      headers: { 'content-type': scenario.request.contentType },
      body: scenario.request.body,
    });
    const text = await response.text();
    const ms = performance.now() - start;
    clearInterval(sampler);
    const after = processMemory(server.pid) ?? { rss: 0, hwm: 0 };
    return {
      name: scenario.name,
      status: response.status,
      responseBytes: Buffer.byteLength(text),
      requestBytes: Buffer.byteLength(scenario.request.body),
      ms,
      idleRss: idle.rss,
      idleHwm: idle.hwm,
      sampledMaxRss: maxRss,
      peakHwm: after.hwm,
      rssAfter: after.rss,
    };
  } finally {
    await server.stop();
  }
}

export async function memory(options: BenchOptions): Promise<Row[]> {
  const { rebuilt } = ensureBuilt();
  const dir = tempDir('memory');
  try {
    const page = fill(readFileSync(FIXTURE_PAGE, 'utf8'), PAGE_BYTES);
    const batch = ndjsonBody(variants(storyPages(), BATCH_LINES, 30_000_000));
    const scenarios: Scenario[] = [
      {
        name: 'POST /v1/parse, 2 MiB page',
        request: { path: '/v1/parse', contentType: 'text/plain', body: page },
      },
      {
        name: `POST /v1/articles:batch, ${BATCH_LINES} lines`,
        request: { path: '/v1/articles:batch', contentType: 'application/x-ndjson', body: batch },
      },
    ];
    const results = [];
    for (const [i, scenario] of scenarios.entries()) {
      log(`memory: ${scenario.name}`);
      results.push(await measure(scenario, join(dir.path, `memory-${i}.db`), options.serverCpu));
    }
    writeResult('memory', {
      command: `npm run bench${options.quick ? ' -- --quick' : ''}`,
      rebuilt,
      bodyLimitBytes: BODY_LIMIT,
      scenarios: results,
      targetRssMB: TARGET_RSS_MB,
    });
    return results.map((r) => ({
      metric: `peak RSS MB: ${r.name} (${r.status}, ${fmt(r.ms)} ms)`,
      value: fmt(mb(Math.max(r.peakHwm, r.sampledMaxRss)), 1),
      baseline: `${fmt(mb(r.idleRss), 1)} (idle)`,
      ratio: ratio(Math.max(r.peakHwm, r.sampledMaxRss), r.idleRss),
      target: `≤ ${TARGET_RSS_MB} MB (ref.)`,
      met: mb(Math.max(r.peakHwm, r.sampledMaxRss)) <= TARGET_RSS_MB,
    }));
  } finally {
    dir.remove();
  }
}
