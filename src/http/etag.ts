import { hash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Whether an If-None-Match header (`*` or a list of tags, weak or strong) names this tag. */
export function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const target = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === target);
}

/**
 * Strong ETags on every successful GET (single resources and lists alike), and 304 Not
 * Modified when the client already has that representation. Writes and errors carry none.
 */
export function registerEtags(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every response, and a promise per response
  // is measurable at this rate.
  app.addHook('onSend', (request, reply, payload, done) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) {
      done(null, payload);
      return;
    }
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
      done(null, payload);
      return;
    }
    const etag = `"${hash('sha256', payload, 'base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch !== undefined && noneMatch(ifNoneMatch, etag)) {
      reply.code(304);
      done(null, '');
      return;
    }
    done(null, payload);
  });
}
