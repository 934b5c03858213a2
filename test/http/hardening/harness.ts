import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp, type AppConfig, type AppDependencies } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { Repository } from '../../../src/storage/repository.js';
import { createSqliteRepository } from '../../../src/storage/sqlite/index.js';

export interface HardeningApp {
  app: FastifyInstance;
  repository: Repository;
  close(): Promise<void>;
}

/** No rate limits unless a test asks: other tests must not trip them by accident. */
const UNLIMITED = { writesPerMinute: 0, searchesPerMinute: 0, parsePerMinute: 0 };

/** A fresh app over an in-memory database, with any config, dependencies and server options. */
export async function hardeningApp(
  config: Partial<AppConfig> = {},
  options: { fastify?: FastifyServerOptions; dependencies?: Omit<AppDependencies, 'repository'> } = {},
): Promise<HardeningApp> {
  const repository = createSqliteRepository(':memory:');
  const app = await buildApp(
    { ...loadConfig({}), logLevel: 'silent', rateLimits: UNLIMITED, ...config },
    { repository, ...options.dependencies },
    options.fastify,
  );
  await app.ready();
  return {
    app,
    repository,
    async close() {
      await app.close();
      await repository.close();
    },
  };
}

/** Listens on an ephemeral loopback port; the app's own timeouts and limits apply. */
export async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request with node:http (Content-Length or chunked as the caller decides). */
export function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string | number> },
  write: (request: ReturnType<typeof httpRequest>) => void,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    // The server may answer and close while the body is still being written.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    write(request);
  });
}

/** A raw TCP connection, for requests node:http would not send (trickled, oversized headers). */
export function rawConnection(
  port: number,
): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('utf8');
    });
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

/** Splits a raw HTTP/1.1 response into status, lower-cased headers and body. */
export function parseRawResponse(raw: string): RawResponse {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: IncomingHttpHeaders = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}
