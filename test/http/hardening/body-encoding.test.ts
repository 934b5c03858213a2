/**
 * Request bodies sent with `Content-Encoding: gzip`, `deflate` or `br` are decompressed as
 * they arrive; BODY_LIMIT_BYTES applies to the decompressed bytes, so a decompression bomb
 * gets 413 after at most the limit has been inflated. Other codings get 415 with
 * `Accept-Encoding` naming the supported ones.
 */
import { Writable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureText, SEED_ID } from '../../helpers/app.js';
import { hardeningApp, listen, send, type HardeningApp } from './harness.js';

const SEED = fixtureText(SEED_ID);
const SUPPORTED = 'gzip, deflate, br';

let t: HardeningApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const COMPRESS: Record<string, (body: Buffer) => Buffer> = {
  gzip: (body) => gzipSync(body),
  'x-gzip': (body) => gzipSync(body),
  deflate: (body) => deflateSync(body),
  br: (body) => brotliCompressSync(body),
};

describe('compressed request bodies', () => {
  it.each(Object.keys(COMPRESS))('%s: the page is ingested as the plain body would be', async (encoding) => {
    t = await hardeningApp();
    const compressed = COMPRESS[encoding]?.(Buffer.from(SEED, 'utf8')) ?? Buffer.alloc(0);
    expect(compressed.length).toBeLessThan(Buffer.byteLength(SEED));
    const first = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain', 'content-encoding': encoding },
      payload: compressed,
    });
    expect(first.statusCode, first.body).toBe(201);
    // The plain page is the same document: the stored article comes back, unchanged.
    const plain = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: SEED,
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toEqual(first.json());
    const source = await t.app.inject(`/v1/articles/${first.json<{ id: number }>().id}/source`);
    expect(source.body).toBe(SEED);
  });

  it('a gzip JSON body on a listening server, Content-Length counting the compressed bytes', async () => {
    t = await hardeningApp();
    const port = await listen(t.app);
    const compressed = gzipSync(JSON.stringify({ text: SEED }));
    const response = await send(
      port,
      {
        path: '/v1/parse',
        headers: {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': compressed.length,
        },
      },
      (request) => request.end(compressed),
    );
    expect(response.status, response.body).toBe(200);
  });

  it('a body that is not valid for its coding gets 400 invalid-encoding', async () => {
    t = await hardeningApp();
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
      payload: SEED,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:invalid-encoding' });
  });

  it.each(['compress', 'zstd', 'gzip, br', 'gzip, gzip'])(
    'Content-Encoding: %s gets 415 naming the supported codings',
    async (encoding) => {
      t = await hardeningApp();
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { 'content-type': 'text/plain', 'content-encoding': encoding },
        payload: SEED,
      });
      expect(response.statusCode).toBe(415);
      expect(response.headers['accept-encoding']).toBe(SUPPORTED);
      expect(response.json()).toMatchObject({
        type: 'urn:masthead:problem:unsupported-media-type',
        detail: expect.stringContaining('gzip, deflate or br'),
      });
    },
  );

  it('identity is no coding at all', async () => {
    t = await hardeningApp();
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: { 'content-type': 'text/plain', 'content-encoding': 'identity' },
      payload: SEED,
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('a decompression bomb', () => {
  it('1 MiB of gzip inflating to 1 GiB gets 413 after inflating at most the limit', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    t = await hardeningApp({ logLevel: 'info' }, { fastify: { logger: { stream } } });
    const limit = t.app.initialConfig.bodyLimit ?? 0;
    const port = await listen(t.app);
    // gzip members may be concatenated (RFC 1952): 64 members of 16 MiB of zeros each.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const bomb = Buffer.concat(Array<Buffer>(64).fill(member));
    expect(bomb.length).toBeLessThan(limit);

    const rssBefore = process.memoryUsage().rss;
    const response = await send(
      port,
      {
        path: '/v1/articles',
        headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': bomb.length },
      },
      (request) => request.end(bomb),
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ type: 'urn:masthead:problem:payload-too-large' });

    const logged = lines
      .map((line) => JSON.parse(line) as { msg?: string; decoded_bytes?: number; encoded_bytes?: number })
      .find((line) => line.msg === 'decoded body over the limit');
    expect(logged, lines.join('\n')).toBeDefined();
    // At most the limit and one more decoder chunk (64 KiB of slack) was ever inflated.
    expect(logged?.decoded_bytes).toBeGreaterThan(limit);
    expect(logged?.decoded_bytes).toBeLessThanOrEqual(limit + 64 * 1024);
    expect(logged?.encoded_bytes).toBeLessThan(bomb.length);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
  });
});
