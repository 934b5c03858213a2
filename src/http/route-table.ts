import type { FastifyInstance } from 'fastify';

/**
 * The routes the app serves, by path pattern, so a request for a known path with the
 * wrong method can be answered 405 with `Allow` (fastify answers 404).
 */
export interface RouteTable {
  methodsFor(path: string): string[];
}

interface Entry {
  segments: string[];
  methods: Set<string>;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** fastify spells a literal colon `::` (`/v1/articles::batch`). */
const routeSegments = (url: string): string[] => splitPath(url.replaceAll('::', ':'));

function matches(pattern: string[], path: string[]): boolean {
  const wildcard = pattern.at(-1) === '*';
  const fixed = wildcard ? pattern.slice(0, -1) : pattern;
  if (wildcard ? path.length < fixed.length : path.length !== fixed.length) return false;
  return fixed.every((segment, index) => segment.startsWith(':') || segment === path[index]);
}

/** Records every route as it is added; call before registering routes. */
export function trackRoutes(app: FastifyInstance): RouteTable {
  const entries = new Map<string, Entry>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const entry = entries.get(route.url) ?? { segments: routeSegments(route.url), methods: new Set() };
    for (const method of methods) entry.methods.add(method);
    entries.set(route.url, entry);
  });
  return {
    methodsFor(path) {
      const segments = splitPath(path);
      const allowed = new Set<string>();
      for (const entry of entries.values()) {
        if (matches(entry.segments, segments)) entry.methods.forEach((method) => allowed.add(method));
      }
      return [...allowed].sort();
    },
  };
}
