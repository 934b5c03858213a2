import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createMetrics } from '../../src/http/metrics.js';
import { ingestPage } from '../../src/ingest/ingest.js';
import { openRepository } from '../../src/storage/open.js';
import { fixtureText, SEED_ID } from '../helpers/app.js';
import { hardeningApp, type HardeningApp } from './hardening/harness.js';

const SEED = fixtureText(SEED_ID);
let t: HardeningApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The value of one sample in a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/i.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return undefined;
}

async function scrape(app: FastifyInstance): Promise<string> {
  const response = await app.inject('/metrics');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

describe('GET /metrics', () => {
  it('serves the Prometheus text format: HTTP, masthead and Node metrics', async () => {
    t = await hardeningApp();
    const text = await scrape(t.app);
    for (const [name, type] of [
      ['http_requests_total', 'counter'],
      ['http_request_duration_seconds', 'histogram'],
      ['masthead_ingests_total', 'counter'],
      ['masthead_parse_warnings_total', 'counter'],
      ['masthead_pages_without_story_total', 'counter'],
      ['nodejs_eventloop_lag_seconds', 'gauge'],
      ['nodejs_eventloop_lag_p99_seconds', 'gauge'],
      ['process_resident_memory_bytes', 'gauge'],
    ]) {
      expect(text, name).toContain(`# TYPE ${name} ${type}\n`);
      expect(text, name).toMatch(new RegExp(`# HELP ${name} \\S`));
    }
  });

  it('counts requests by route pattern and status, with latency histograms by route', async () => {
    t = await hardeningApp();
    await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: SEED,
    });
    for (const url of [
      '/v1/articles/1',
      '/v1/articles/1',
      '/v1/articles/2',
      '/v1/articles/abc',
      '/no/such/path?x=1',
    ]) {
      await t.app.inject(url);
    }
    const text = await scrape(t.app);
    const requests = (route: string, status: string, method = 'GET') =>
      sample(text, 'http_requests_total', { method, route, status });
    expect(requests('/v1/articles', '201', 'POST')).toBe(1);
    expect(requests('/v1/articles/:id', '200')).toBe(2);
    expect(requests('/v1/articles/:id', '404')).toBe(1);
    expect(requests('/v1/articles/:id', '400')).toBe(1);
    expect(requests('unmatched', '404')).toBe(1);
    // Raw URLs never become labels: the number of series is bounded by the routes.
    expect(text).not.toMatch(/route="\/v1\/articles\/(1|2|abc)"/);
    expect(text).not.toContain('/no/such/path');

    expect(
      sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/v1/articles/:id' }),
    ).toBe(4);
    expect(
      sample(text, 'http_request_duration_seconds_bucket', { route: '/v1/articles/:id', le: '+Inf' }),
    ).toBe(4);
    expect(sample(text, 'http_request_duration_seconds_sum', { route: '/v1/articles/:id' })).toBeGreaterThan(
      0,
    );
  });

  it('is left out of the OpenAPI document and of the rate limits', async () => {
    t = await hardeningApp({ rateLimits: { writesPerMinute: 1, searchesPerMinute: 1, parsePerMinute: 1 } });
    const spec = (await t.app.inject('/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths)).not.toContain('/metrics');
    for (let index = 0; index < 5; index += 1) {
      const response = await t.app.inject('/metrics');
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('recordIngest counts outcomes by platform and page locale, parse warnings and pages without story', async () => {
    // The stored edition's platform labels an ingest answered by hash, where nothing was parsed.
    const metrics = createMetrics({
      storedPlatform: async (id) => (await t?.repository.getArticleEdition(id))?.edition?.platform ?? null,
    });
    t = await hardeningApp({}, { dependencies: { metrics } });
    const submit = (body: string) =>
      ingestPage(t!.repository, { body, contentType: 'text/plain', sourceUrl: null });

    metrics.recordIngest(await submit(SEED));
    metrics.recordIngest(await submit(SEED));
    const noStory = await submit('Bereits Abonnent? Anmelden');
    expect(noStory.kind).toBe('no-story');
    metrics.recordIngest(noStory);
    await new Promise((resolve) => setImmediate(resolve));

    const text = await scrape(t.app);
    const ingests = (outcome: string, platform: string, locale: string) =>
      sample(text, 'masthead_ingests_total', { platform, page_locale: locale, outcome });
    expect(ingests('created', 'magzter', 'de')).toBe(1);
    // Found by its hash, not parsed again: labelled from the stored edition.
    expect(ingests('existing', 'magzter', 'de')).toBe(1);
    expect(sample(text, 'masthead_ingests_total', { outcome: 'no_story' })).toBe(1);
    expect(sample(text, 'masthead_pages_without_story_total')).toBe(1);
    const warnings = noStory.kind === 'no-story' ? noStory.page.warnings.length : 0;
    expect(sample(text, 'masthead_parse_warnings_total')).toBeGreaterThanOrEqual(warnings);
  });

  // The ingest routes (single and batch) report each outcome through `metrics.recordIngest`.
  it('POST /v1/articles and each batch line are counted', async () => {
    t = await hardeningApp();
    await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: SEED,
    });
    await t.app.inject({
      method: 'POST',
      url: '/v1/articles:batch',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: [JSON.stringify({ text: SEED }), JSON.stringify({ text: 'Bereits Abonnent? Anmelden' })].join(
        '\n',
      ),
    });
    await new Promise((resolve) => setImmediate(resolve));
    const text = await scrape(t.app);
    expect(
      sample(text, 'masthead_ingests_total', { outcome: 'created', platform: 'magzter', page_locale: 'de' }),
    ).toBe(1);
    expect(sample(text, 'masthead_ingests_total', { outcome: 'existing' })).toBe(1);
    expect(sample(text, 'masthead_ingests_total', { outcome: 'no_story' })).toBe(1);
  });

  it('masthead_database_size_bytes is what the repository reports (sizeBytes), read at scrape time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-metrics-'));
    const path = join(dir, 'm.db');
    const { repository } = await openRepository({ location: path });
    const app = await buildApp({ ...loadConfig({}), logLevel: 'silent' }, { repository });
    try {
      const before = sample(await scrape(app), 'masthead_database_size_bytes');
      expect(before).toBeGreaterThan(0);
      for (let index = 0; index < 20; index += 1) {
        await app.inject({
          method: 'POST',
          url: '/v1/articles',
          headers: { 'content-type': 'text/plain' },
          payload: `${SEED}\n${'x'.repeat(4000)} ${index}`,
        });
      }
      const after = sample(await scrape(app), 'masthead_database_size_bytes');
      expect(after).toBeGreaterThan(before ?? 0);
      // Through the port, whatever the engine; SQLite's figure is checked in test/storage/sqlite.test.ts.
      expect(after).toBe(await repository.sizeBytes());
    } finally {
      await app.close();
      await repository.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
