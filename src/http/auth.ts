import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { HttpProblem } from './problem.js';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme = '', token = ''] = header.trim().split(' ', 2);
  if (scheme.toLowerCase() !== 'bearer' || token.length === 0) return null;
  return token;
}

/**
 * Guards write endpoints. With tokens configured, a request needs one of them as a
 * bearer token; tokens are compared as SHA-256 digests with `timingSafeEqual` (equal
 * lengths, constant time) and every configured token is checked, so timing tells
 * nothing. With no tokens configured, only loopback clients may write.
 */
export function writeGuard(tokens: readonly string[]): preHandlerAsyncHookHandler {
  const digests = tokens.map(digest);
  return async (request) => {
    if (digests.length === 0) {
      if (isLoopback(request.socket.remoteAddress)) return;
      throw new HttpProblem(
        403,
        'forbidden',
        'writes are accepted from loopback clients only, because the server has no API_TOKENS configured',
      );
    }
    const token = bearerToken(request);
    const presented = digest(token ?? '');
    let accepted = false;
    for (const candidate of digests) {
      accepted = timingSafeEqual(presented, candidate) || accepted;
    }
    if (token !== null && accepted) return;
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
