import { hash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Whether an If-None-Match header (`*` or a list of tags, weak or strong) names this tag. */
export function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const target = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === target);
}

/** The strong ETag of a payload: its SHA-256, 27 base64url characters (162 bits). */
export function payloadEtag(payload: string | Buffer): string {
  return `"${hash('sha256', payload, 'base64url').slice(0, 27)}"`;
}

/** The same tag from a SHA-256 already known (hex), so that a stored document is not hashed per GET. */
export function sha256Etag(sha256Hex: string): string {
  return `"${Buffer.from(sha256Hex, 'hex').toString('base64url').slice(0, 27)}"`;
}

/**
 * A stored document's tag: its bytes' hash, marked by the media type it is served as when that
 * is not text/plain (the same bytes re-sent as HTML are another representation).
 */
export function documentEtag(sha256Hex: string, contentType: string): string {
  const tag = sha256Etag(sha256Hex);
  return contentType === 'text/plain' ? tag : `${tag.slice(0, -1)}.${contentType.replace(/^.*\//, '')}"`;
}

/**
 * Strong ETags on every successful GET (single resources and lists alike), and 304 Not
 * Modified when the client already has that representation. Writes and errors carry none.
 * A route that knows its payload's tag sets the `ETag` header itself and nothing is hashed.
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
    const known = reply.getHeader('etag');
    const etag = typeof known === 'string' ? known : payloadEtag(payload);
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
