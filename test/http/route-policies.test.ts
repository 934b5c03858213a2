import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { SEARCH_QUERY_MAX_TERMS } from '../../src/http/search-bounds.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { hardeningApp, type HardeningApp } from './hardening/harness.js';

let t: HardeningApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Every route the app serves, `METHOD /path/:param`, read from fastify's own route tree. */
function servedRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│├└ ][─ ]{2} )*)([^\s│├└─]\S*) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    paths.length = depth;
    const path = (paths[depth - 1] ?? '') + match[2]!;
    paths.push(path);
    for (const method of match[3]!.split(', ')) routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

/** Distinct limits per class: the `RateLimit-Limit` of a response names the class it counted against. */
const LIMITS = { writesPerMinute: 1001, searchesPerMinute: 1002, parsePerMinute: 1003 };
const CLASS_OF_LIMIT: Record<string, string> = { '1001': 'writes', '1002': 'searches', '1003': 'parse' };

/**
 * The policies each /v1 route had when they were attached by URL in global hooks: its rate
 * limit (searches count only with `q`) and whether its `q` is bounded. Every other route has
 * neither. A new route must be added here, with the policies it needs.
 */
const V1_POLICIES: Record<string, { limit: string | null; boundedSearch: boolean }> = {
  'POST /v1/parse': { limit: 'parse', boundedSearch: false },
  'POST /v1/articles': { limit: 'writes', boundedSearch: false },
  'POST /v1/articles:batch': { limit: 'writes', boundedSearch: false },
  'DELETE /v1/articles/:id': { limit: 'writes', boundedSearch: false },
  'POST /v1/admin/reparse': { limit: 'writes', boundedSearch: false },
  'GET /v1/articles': { limit: 'searches', boundedSearch: true },
  'GET /v1/teasers': { limit: 'searches', boundedSearch: true },
  'GET /v1/articles/:id': { limit: null, boundedSearch: false },
  'GET /v1/articles/:id.md': { limit: null, boundedSearch: false },
  'GET /v1/articles/:id.txt': { limit: null, boundedSearch: false },
  'GET /v1/articles/:id.html': { limit: null, boundedSearch: false },
  'GET /v1/articles/:id/source': { limit: null, boundedSearch: false },
  'GET /v1/articles/:id/edition': { limit: null, boundedSearch: false },
  'GET /v1/articles/:id/teasers': { limit: null, boundedSearch: false },
  'GET /v1/admin/jobs/:id': { limit: null, boundedSearch: false },
  'GET /v1/publications': { limit: null, boundedSearch: false },
  'GET /v1/publications/:id': { limit: null, boundedSearch: false },
  'GET /v1/publications/:id/editions': { limit: null, boundedSearch: false },
  'GET /v1/editions': { limit: null, boundedSearch: false },
  'GET /v1/editions/:id': { limit: null, boundedSearch: false },
  'GET /v1/editions/:id/articles': { limit: null, boundedSearch: false },
  'GET /v1/changes': { limit: null, boundedSearch: false },
};

/** A HEAD route is its GET's: same policies. */
function expectedPolicy(route: string): { limit: string | null; boundedSearch: boolean } {
  const [method, path] = route.split(' ') as [string, string];
  const policy = V1_POLICIES[`${method === 'HEAD' ? 'GET' : method} ${path}`];
  if (path.startsWith('/v1/')) {
    expect(policy, `${route} is new: give it its policies, and add it to V1_POLICIES`).toBeDefined();
  }
  return policy ?? { limit: null, boundedSearch: false };
}

/** A request to the route, params filled in; a `q` on reads, which only searches count. */
function probe(route: string, query: string): { method: string; url: string } {
  const [method, path] = route.split(' ') as [string, string];
  const url = path.replace(/:id/g, '1').replace('/*', '/anything');
  return { method, url: method === 'GET' || method === 'HEAD' ? `${url}?${query}` : url };
}

describe('route policies', () => {
  it('every route counts against the rate limit it had, and only searches have their q bounded', async () => {
    t = await hardeningApp({ rateLimits: LIMITS });
    const routes = servedRoutes(t.app);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((route) => route.includes(' /v1/') && !route.startsWith('HEAD '))).toEqual(
      Object.keys(V1_POLICIES).sort(),
    );
    const tooManyTerms = Array.from({ length: SEARCH_QUERY_MAX_TERMS + 1 }, (_, n) => `w${n}`).join('+');
    for (const route of routes) {
      const policy = expectedPolicy(route);
      // Each probe from its own address: a class's budget is shared by its routes.
      const counted = await t.app.inject({
        ...probe(route, 'q=word'),
        remoteAddress: `10.0.0.${routes.indexOf(route) + 1}`,
      });
      const limit = counted.headers['ratelimit-limit'];
      expect(limit === undefined ? null : CLASS_OF_LIMIT[String(limit)], `${route} limit`).toBe(policy.limit);
      if (!route.startsWith('GET ')) continue;
      const search = await t.app.inject({ ...probe(route, `q=${tooManyTerms}`), remoteAddress: '10.1.0.1' });
      const bounded =
        search.statusCode === 400 &&
        search.json<{ type?: string }>().type === 'urn:masthead:problem:invalid-search';
      expect(bounded, `${route} bounds q`).toBe(policy.boundedSearch);
    }
  });

  it('refuses a /v1 route that does not say what kind of request it serves', async () => {
    const repository = createSqliteRepository(':memory:');
    const app = await buildApp({ ...loadConfig({}), logLevel: 'silent' }, { repository });
    try {
      expect(() => app.post('/v1/forgotten', async () => 'stored')).toThrow(/routeKind/);
      expect(() =>
        app.get('/v1/remembered', { config: { routeKind: 'read' } }, async () => 'ok'),
      ).not.toThrow();
      expect(() => app.get('/elsewhere', async () => 'ok')).not.toThrow();
    } finally {
      await app.close();
      await repository.close();
    }
  });
});
