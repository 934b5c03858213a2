import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureText, SEED_ID } from '../../helpers/app.js';
import { hardeningApp, type HardeningApp } from './harness.js';

const SEED = fixtureText(SEED_ID);
const TOKEN = 's3cret-token-that-must-never-be-logged';

let t: HardeningApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** An app whose log lines (JSON, one per line) land in the returned array. */
async function loggedApp(level: 'info' | 'trace') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.length > 0),
      );
      done();
    },
  });
  t = await hardeningApp({ logLevel: level, apiTokens: [TOKEN] }, { fastify: { logger: { stream } } });
  return { app: t.app, lines };
}

/** Sentences of the page, long enough that finding one in a log means page text leaked. */
const SENTENCES = SEED.split('\n')
  .filter((line) => line.length > 40)
  .map((line) => line.slice(0, 40));

describe('logs: JSON lines with request_id, no page text, no tokens', () => {
  it.each(['info', 'trace'] as const)('at %s, while ingesting pages with a bearer token', async (level) => {
    const { app, lines } = await loggedApp(level);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const responses = [
      await app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { ...auth, 'content-type': 'text/plain' },
        payload: SEED,
      }),
      await app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { ...auth, 'content-type': 'application/json' },
        payload: JSON.stringify({ html: `<p>${SEED.replaceAll('\n', '</p><p>')}.</p>` }),
      }),
      await app.inject({
        method: 'POST',
        url: '/v1/articles:batch',
        headers: { ...auth, 'content-type': 'application/x-ndjson' },
        payload: `${JSON.stringify({ text: `${SEED}\n.` })}\n{"text": "${SEED.slice(0, 80)}`,
      }),
      // Errors whose messages could quote the body: malformed JSON, a bad token, a 404.
      await app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { ...auth, 'content-type': 'application/json' },
        payload: `{"text": "${SEED.slice(0, 300)}`,
      }),
      await app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { authorization: `Bearer ${TOKEN}x`, 'content-type': 'text/plain' },
        payload: SEED,
      }),
      await app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'text/plain' },
        payload: SEED,
      }),
      await app.inject({ url: '/v1/articles/1', headers: { accept: 'text/html' } }),
      await app.inject({ url: '/v1/articles/1/source' }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([
      201, 201, 200, 400, 401, 200, 200, 200,
    ]);
    expect(lines.length).toBeGreaterThanOrEqual(responses.length);

    for (const line of lines) {
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(typeof record['level']).toBe('number');
      expect(line).not.toContain(TOKEN);
      for (const sentence of SENTENCES)
        expect(line, `page text in a log line: ${line}`).not.toContain(sentence);
    }

    // Every line about a request names it by request_id (not reqId), the id sent back to the client.
    const requestLines = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((record) => 'req' in record || 'res' in record);
    for (const record of requestLines) {
      expect(typeof record['request_id']).toBe('string');
      expect(record).not.toHaveProperty('reqId');
    }
    // One access line per request: method, URL, status and time, under the id the client got.
    const access = requestLines.filter((record) => record['msg'] === 'request completed');
    expect(access).toHaveLength(responses.length);
    for (const [index, response] of responses.entries()) {
      const line = access.find((record) => record['request_id'] === response.headers['x-request-id']);
      expect(line, `access line of response ${index}`).toMatchObject({
        req: { method: expect.any(String), url: expect.any(String) },
        res: { statusCode: response.statusCode },
        responseTime: expect.any(Number),
      });
    }
  });

  it("keeps a client's X-Request-Id when it looks like an id, and replaces one that does not", async () => {
    const { app, lines } = await loggedApp('info');
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-1234.abc:def' } });
    expect(kept.headers['x-request-id']).toBe('trace-1234.abc:def');
    expect(lines.some((line) => line.includes('"request_id":"trace-1234.abc:def"'))).toBe(true);
    for (const bad of ['a'.repeat(200), 'two words', 'line\\nbreak', 'ÿ-latin1']) {
      const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': bad } });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('redacts the Authorization header should anything log request headers', async () => {
    const { app, lines } = await loggedApp('info');
    app.log.info({ headers: { authorization: `Bearer ${TOKEN}`, cookie: 'session=1' } }, 'headers');
    await app.inject('/healthz');
    const logged = lines.find((line) => line.includes('"msg":"headers"'));
    expect(logged).toContain('[redacted]');
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain('session=1');
  });
});
