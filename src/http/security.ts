import cors from '@fastify/cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

type Directives = Record<string, string[]>;

const policy = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * Every response but /docs: nothing may load, no script may run, no form may post, no page
 * may frame it. Inline `<style>` is the one exception, for the HTML reader page
 * (`GET /v1/articles/{id}` as text/html, styled by one inline sheet and script-free). The
 * raw pages served by `/source` are untrusted HTML from our origin: under this policy their
 * scripts, images and forms do nothing.
 */
export const API_CSP_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI at /docs: its index page loads scripts, style sheets and icons from
 * /docs/static (`'self'`), the logo as a `data:` image, and fetches /docs/json and the API
 * (`connect-src 'self'`); it inlines no script. Swagger UI sets style attributes while it
 * renders, hence `'unsafe-inline'` for styles only. No `upgrade-insecure-requests`: the
 * server speaks plain HTTP, and that directive would send every sub-request to https.
 */
export const DOCS_CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/** The CSP header of /docs, for @fastify/swagger-ui's `staticCSP`. */
export const DOCS_CSP = policy(DOCS_CSP_DIRECTIVES);

/** Headers a browser script may read from a cross-origin response. */
const EXPOSED_HEADERS = [
  'location',
  'content-location',
  'etag',
  'link',
  'x-request-id',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
];

/**
 * CORS with @fastify/cors, only when origins are configured (`*` for any). Register it
 * before the route table starts tracking routes: the plugin adds an `OPTIONS *` route,
 * which must not make every unknown path look like a known one (405 instead of 404).
 */
export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  await app.register(cors, {
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-none-match', 'x-request-id'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}

/**
 * The headers helmet sets for `options`, computed once: masthead's options are static (no
 * nonces), so every response gets the same set. (@fastify/helmet builds the helmet
 * middleware anew on each request; replacing it, with callback hooks for the rest, took a
 * GET from ~107 to ~70 µs of server CPU.)
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: Error | null = new Error('helmet did not finish synchronously');
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure =
      error === undefined || error === null
        ? null
        : new Error('helmet refused the options', { cause: error });
  });
  if (failure !== null) throw failure;
  return Object.freeze(headers);
}

/**
 * Security headers: helmet's defaults (nosniff, frame and referrer policies, HSTS…) with
 * masthead's CSP, on every response; /docs gets its own CSP from swagger-ui (see DOCS_CSP).
 * With CORS on, responses may be read cross-origin, so CORP says so too.
 */
export function registerSecurityHeaders(app: FastifyInstance, corsOn: boolean): void {
  const headers = securityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
    crossOriginResourcePolicy: { policy: corsOn ? 'cross-origin' : 'same-origin' },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
