import type { FastifyInstance } from 'fastify';

/**
 * What a route's requests are, declared in its config (`config: { routeKind: 'search' }`), for
 * the policies that follow from it: the rate limit they count against (rate-limit.ts) and the
 * bound on a search's terms (search-bounds.ts).
 * - `read`: neither.
 * - `search`: reads that take a full-text `q`: bounded, and with `q` counted as searches.
 * - `write`: stores or deletes; counted as writes.
 * - `parse`: a stateless parse; counted against its own limit.
 */
export type RouteKind = 'read' | 'search' | 'write' | 'parse';

declare module 'fastify' {
  interface FastifyContextConfig {
    routeKind?: RouteKind;
  }
}

/**
 * Refuses, as it is added, an API route (under /v1) that does not declare its kind, so that a
 * new route cannot go without its policies. Call before the routes are registered.
 */
export function requireRouteKinds(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/v1/') || route.config?.routeKind !== undefined) return;
    const methods = [route.method].flat().join(',');
    throw new Error(
      `${methods} ${route.url}: say what kind of request it serves in its config (routeKind: ` +
        `'read' | 'search' | 'write' | 'parse'), which decides its rate limit and search bounds`,
    );
  });
}
