import { afterEach, describe, expect, it } from 'vitest';
import { fixtureText, SEED_ID } from '../../helpers/app.js';
import { hardeningApp, type HardeningApp } from './harness.js';
import { securityHeaders } from '../../../src/http/security.js';

const SEED = fixtureText(SEED_ID);
const ORIGIN = 'http://localhost:3000';

let t: HardeningApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type Csp = Map<string, string[]>;

function parseCsp(header: unknown): Csp {
  expect(typeof header, 'a Content-Security-Policy header').toBe('string');
  const directives: Csp = new Map();
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The sources a fetch directive allows, falling back to default-src as browsers do. */
function sourcesFor(csp: Csp, directive: string): string[] {
  return csp.get(directive) ?? csp.get('default-src') ?? ['*'];
}

/** Whether the policy lets a document at ORIGIN load `url` under `directive` (the cases used here). */
function allows(csp: Csp, directive: string, url: string): boolean {
  const sources = sourcesFor(csp, directive);
  if (sources.includes("'none'")) return false;
  const target = new URL(url, `${ORIGIN}/docs/`);
  if (target.protocol === 'data:') return sources.includes('data:');
  if (target.origin === ORIGIN && sources.includes("'self'")) return true;
  return sources.includes('*') || sources.includes(target.origin);
}

const attributes = (tag: string): Map<string, string> =>
  new Map(
    [...tag.matchAll(/(?<![\w-])([\w-]+)="([^"]*)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']),
  );

describe('security headers (helmet)', () => {
  it('are computed once from helmet, and HSTS is among them while X-Powered-By is not', () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"] } },
      xPoweredBy: true,
    });
    expect(Object.isFrozen(headers)).toBe(true);
    expect(headers['content-security-policy']).toBe("default-src 'none'");
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(Object.keys(headers)).not.toContain('x-powered-by');
    expect(() =>
      securityHeaders({ contentSecurityPolicy: { directives: { 'default-src': ["'self'; script-src *"] } } }),
    ).toThrow(/invalid/);
  });

  it('every response carries them, errors included', async () => {
    t = await hardeningApp();
    for (const url of ['/v1/articles', '/v1/nothing-here', '/healthz']) {
      const response = await t.app.inject(url);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      const csp = parseCsp(response.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('the HTML reader page: its inline style is allowed, scripts are not, and it has none', async () => {
    t = await hardeningApp();
    await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: SEED,
    });
    const response = await t.app.inject({ url: '/v1/articles/1', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const csp = parseCsp(response.headers['content-security-policy']);
    expect(response.body).toMatch(/<style>[^<]+<\/style>/);
    expect(sourcesFor(csp, 'style-src')).toContain("'unsafe-inline'");
    expect(sourcesFor(csp, 'script-src')).toEqual(["'none'"]);
    expect(response.body).not.toMatch(/<script|\son\w+=/i);
    // Nothing else on the page needs loading: no images, frames, fonts or external sheets.
    expect(response.body).not.toMatch(/<(img|iframe|link|object|embed)\b/i);
  });

  it('raw HTML pages served back by /source run no script and load nothing', async () => {
    t = await hardeningApp();
    const hostile = `<html><body><script>alert(1)</script><img src="https://evil.example/x.png"><p>${SEED.replaceAll('\n', '</p><p>')}</p></body></html>`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/html' },
      payload: hostile,
    });
    expect(created.statusCode).toBe(201);
    const source = await t.app.inject('/v1/articles/1/source');
    expect(source.body).toBe(hostile);
    const csp = parseCsp(source.headers['content-security-policy']);
    expect(allows(csp, 'script-src', '/inline')).toBe(false);
    expect(allows(csp, 'img-src', 'https://evil.example/x.png')).toBe(false);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('/docs: the CSP allows everything the Swagger UI page loads, and nothing inline but styles', async () => {
    t = await hardeningApp();
    const page = await t.app.inject('/docs');
    expect(page.statusCode).toBe(200);
    const csp = parseCsp(page.headers['content-security-policy']);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);

    const loads: { directive: string; url: string }[] = [];
    for (const [tag] of page.body.matchAll(/<script\b[^>]*>/g)) {
      const src = attributes(tag).get('src');
      expect(src, `an inline script: ${tag}`).toBeDefined();
      loads.push({ directive: 'script-src', url: src as string });
    }
    for (const [tag] of page.body.matchAll(/<link\b[^>]*>/g)) {
      const attrs = attributes(tag);
      const directive = attrs.get('rel') === 'stylesheet' ? 'style-src' : 'img-src';
      loads.push({ directive, url: attrs.get('href') as string });
    }
    for (const [tag] of page.body.matchAll(/<img\b[^>]*>/g)) {
      loads.push({ directive: 'img-src', url: attributes(tag).get('src') as string });
    }
    expect(page.body).not.toMatch(/<style\b|\sstyle="|\son\w+=/i);
    expect(loads.filter((load) => load.directive === 'script-src')).toHaveLength(3);
    expect(loads.filter((load) => load.directive === 'style-src')).toHaveLength(2);

    for (const load of loads) {
      expect(allows(csp, load.directive, load.url), `${load.directive} ${load.url}`).toBe(true);
      const asset = await t.app.inject(new URL(load.url, `${ORIGIN}/docs/`).pathname);
      expect(asset.statusCode, load.url).toBe(200);
    }

    // The initializer script shows the logo as a data: image and fetches the spec from ./json.
    const initializer = await t.app.inject('/docs/static/swagger-initializer.js');
    expect(initializer.body).toContain('data:image/svg+xml;base64,');
    expect(allows(csp, 'img-src', 'data:image/svg+xml;base64,AAAA')).toBe(true);
    expect(initializer.body).toContain("resolveUrl('./json')");
    expect(allows(csp, 'connect-src', '/docs/json')).toBe(true);
    expect((await t.app.inject('/docs/json')).statusCode).toBe(200);
    // Swagger UI sets style attributes as it renders; its style sheets use data: images.
    expect(sourcesFor(csp, 'style-src')).toContain("'unsafe-inline'");
    // Its bundle needs no eval: `Function("return this")` is only a global-object fallback.
    expect(sourcesFor(csp, 'script-src')).not.toContain("'unsafe-eval'");
    expect(sourcesFor(csp, 'script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });
});

describe('CORS', () => {
  const preflight = {
    method: 'OPTIONS' as const,
    url: '/v1/articles',
    headers: {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  };

  it('is off by default: no Access-Control-* header, and preflights are not answered', async () => {
    t = await hardeningApp();
    const response = await t.app.inject({ url: '/v1/articles', headers: { origin: 'https://app.example' } });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const options = await t.app.inject(preflight);
    expect(options.statusCode).toBe(405);
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('CORS_ORIGINS allows the listed origins only, with preflight', async () => {
    t = await hardeningApp({ corsOrigins: ['https://app.example', 'http://localhost:5173'] });
    const allowed = await t.app.inject({ url: '/v1/articles', headers: { origin: 'https://app.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(allowed.headers['vary']).toMatch(/Origin/);
    expect(String(allowed.headers['access-control-expose-headers'])).toMatch(/x-request-id/);
    expect(String(allowed.headers['access-control-expose-headers'])).toMatch(/retry-after/);
    expect(allowed.headers['cross-origin-resource-policy']).toBe('cross-origin');

    const other = await t.app.inject({ url: '/v1/articles', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    const options = await t.app.inject(preflight);
    expect(options.statusCode).toBe(204);
    expect(options.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(String(options.headers['access-control-allow-methods'])).toMatch(/POST/);
    expect(String(options.headers['access-control-allow-headers'])).toMatch(/authorization/);
    expect(options.headers['access-control-max-age']).toBe('600');
  });

  it('`*` allows any origin; unknown paths stay 404 and wrong methods 405', async () => {
    t = await hardeningApp({ corsOrigins: ['*'] });
    const response = await t.app.inject({ url: '/v1/articles', headers: { origin: 'https://any.example' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect((await t.app.inject('/v1/nothing-here')).statusCode).toBe(404);
    const wrong = await t.app.inject({ method: 'PUT', url: '/v1/articles/1' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers['allow']).toBe('DELETE, GET, HEAD');
  });
});
