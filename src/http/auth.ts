import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { HttpProblem } from './problem.js';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** The bearer token of the request's `Authorization` header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme = '', token = ''] = header.trim().split(' ', 2);
  if (scheme.toLowerCase() !== 'bearer' || token.length === 0) return null;
  return token;
}

/**
 * Whether a presented token is one of `tokens`. Tokens are compared as SHA-256 digests
 * with `timingSafeEqual`, so both sides always have 32 bytes (it throws on unequal
 * lengths) and the time taken does not depend on where they differ; every configured
 * token is checked, so timing does not tell which one matched or how many there are.
 */
export function tokenMatcher(tokens: readonly string[]): (presented: string | null) => boolean {
  const digests = tokens.map(digest);
  return (presented) => {
    const candidate = digest(presented ?? '');
    let accepted = false;
    for (const known of digests) {
      accepted = timingSafeEqual(candidate, known) || accepted;
    }
    return presented !== null && accepted;
  };
}

/**
 * Guards write endpoints (and `/metrics`). With tokens configured, a request needs one of them
 * as a bearer token (see `tokenMatcher`). With no tokens configured, only loopback clients
 * may write. `what` names the guarded thing in the 403.
 */
export function writeGuard(tokens: readonly string[], what = 'writes'): preHandlerAsyncHookHandler {
  const isKnownToken = tokenMatcher(tokens);
  return async (request) => {
    if (tokens.length === 0) {
      if (isLoopback(request.socket.remoteAddress)) return;
      throw new HttpProblem(
        403,
        'forbidden',
        `${what} are accepted from loopback clients only, because the server has no API_TOKENS configured`,
      );
    }
    const token = bearerToken(request);
    if (isKnownToken(token)) return;
    throw new HttpProblem(
      401,
      'unauthorized',
      token === null
        ? 'this endpoint needs an Authorization: Bearer <token> header'
        : 'the bearer token is not valid',
      {},
      { 'www-authenticate': 'Bearer realm="masthead"' },
    );
  };
}
