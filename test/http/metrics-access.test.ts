import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const REMOTE = '203.0.113.9';
const scrape = (app: TestApp, remoteAddress: string, authorization?: string) =>
  app.app.inject({ url: '/metrics', remoteAddress, headers: authorization ? { authorization } : {} });

async function appWith(config: Partial<AppConfig>): Promise<TestApp> {
  t = await buildTestApp(config);
  return t;
}

describe('GET /metrics is guarded like the writes', () => {
  it('with API_TOKENS set: 401 without a token, from anywhere; 200 with one', async () => {
    const app = await appWith({ apiTokens: ['s3cret'] });
    for (const address of [REMOTE, '127.0.0.1']) {
      const anonymous = await scrape(app, address);
      expect(anonymous.statusCode, address).toBe(401);
      expect(anonymous.json().type).toBe('urn:masthead:problem:unauthorized');
      expect(anonymous.body).not.toContain('http_requests_total');
    }
    const authorized = await scrape(app, REMOTE, 'Bearer s3cret');
    expect(authorized.statusCode).toBe(200);
    expect(authorized.body).toContain('http_requests_total');
  });

  it('without tokens: loopback only (403 for others)', async () => {
    const app = await appWith({ apiTokens: [] });
    expect((await scrape(app, '127.0.0.1')).statusCode).toBe(200);
    const remote = await scrape(app, REMOTE);
    expect(remote.statusCode).toBe(403);
    expect(remote.json().detail).toMatch(/metrics/);
  });

  it('METRICS_PUBLIC=1 opens it to anyone', async () => {
    expect(loadConfig({}).metricsPublic).toBe(false);
    expect(loadConfig({ METRICS_PUBLIC: '1' }).metricsPublic).toBe(true);
    const app = await appWith({ apiTokens: ['s3cret'], metricsPublic: true });
    expect((await scrape(app, REMOTE)).statusCode).toBe(200);
  });
});
