import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken, tokenMatcher } from './auth.js';
import { HttpProblem } from './problem.js';

/** The requests each limit counts; one budget per client per class, shared by its routes. */
export type LimitClass = 'writes' | 'searches' | 'parse';

export interface RateLimitOptions {
  /** Requests per client per minute, by class; 0 turns that limit off. */
  perMinute: Record<LimitClass, number>;
  /** The configured API tokens: a valid bearer token is the client's key, else its IP. */
  apiTokens: readonly string[];
}

const WINDOW_MS = 60_000;

const WHAT: Record<LimitClass, string> = {
  writes: 'writes',
  searches: 'searches',
  parse: 'parse requests',
};

/**
 * Which limit a request counts against, by the kind its route declares (`config.routeKind`):
 * a search counts only when it has `q`; reads and routes outside the API count against none.
 */
export function limitClassOf(request: FastifyRequest): LimitClass | null {
  switch (request.routeOptions.config?.routeKind) {
    case 'write':
      return 'writes';
    case 'parse':
      return 'parse';
    case 'search':
      return (request.query as Record<string, unknown> | undefined)?.['q'] === undefined ? null : 'searches';
    default:
      return null;
  }
}

/**
 * Rate limits with @fastify/rate-limit's store, checked in one `onRequest` hook so a limited
 * request is refused before its body is read or its token checked. A client is its bearer
 * token when that token is valid (so clients behind one proxy keep separate budgets), else
 * its IP (so invented tokens buy nothing). Limited responses carry `RateLimit-Limit`,
 * `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy`; a 429 adds `Retry-After`
 * and is a `rate-limited` problem.
 */
export async function registerRateLimits(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  await app.register(rateLimit, { global: false });

  const isKnownToken = tokenMatcher(options.apiTokens);
  const keyOf = (request: FastifyRequest): string => {
    const token = bearerToken(request);
    if (token !== null && isKnownToken(token)) {
      return `token:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
    }
    return `ip:${rateLimit.normalizeIP(request.ip)}`;
  };

  const limiters = new Map(
    (Object.entries(options.perMinute) as [LimitClass, number][])
      .filter(([, max]) => max > 0)
      .map(([limitClass, max]) => [
        limitClass,
        app.createRateLimit({ max, timeWindow: WINDOW_MS, keyGenerator: keyOf }),
      ]),
  );
  if (limiters.size === 0) return;

  app.addHook('onRequest', async (request, reply) => {
    const limitClass = limitClassOf(request);
    const limiter = limitClass === null ? undefined : limiters.get(limitClass);
    if (limitClass === null || limiter === undefined) return;
    const limit = await limiter(request);
    if (limit.isAllowed) return;
    const headers = {
      'ratelimit-limit': String(limit.max),
      'ratelimit-remaining': String(limit.remaining),
      'ratelimit-reset': String(limit.ttlInSeconds),
      'ratelimit-policy': `${limit.max};w=${WINDOW_MS / 1000}`,
    };
    if (!limit.isExceeded) {
      reply.headers(headers);
      return;
    }
    throw new HttpProblem(
      429,
      'rate-limited',
      `more than ${limit.max} ${WHAT[limitClass]} per minute from this client; retry in ${limit.ttlInSeconds} s`,
      {},
      { ...headers, 'retry-after': String(limit.ttlInSeconds) },
    );
  });
}
