import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient as generateHeyApi } from '@hey-api/openapi-ts';
import { isAxiosError } from 'axios';
import createFetchClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { generate as generateOrval } from 'orval';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fixtureJson, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

/**
 * Clients generated from the document the server serves, by three common generators with their
 * default settings (openapi-typescript + openapi-fetch, @hey-api/openapi-ts, orval with its
 * axios functions), type-checked and then run against that server: the round trips an SDK user
 * makes first. Generation takes a few seconds per generator; the timeouts are hang detectors.
 */

const OTHER_PAGES = ['001-fr-nzlistener-american-scream', '004-en-womansera-hope'];
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

interface Expected {
  body_paragraphs: string[];
  teasers: { title: string }[];
}

/** What every generated client must type as it is: checked by the TypeScript compiler. */
const TYPE_CHECKS = {
  'openapi-typescript-check.ts': `
    import createClient from 'openapi-fetch';
    import type { components, paths } from './openapi-typescript/schema.js';
    type Schemas = components['schemas'];
    const client = createClient<paths>({ baseUrl: 'http://localhost' });
    export async function typed(id: number) {
      const ingested = await client.POST('/v1/articles', { body: { text: 'page' } });
      const found = await client.GET('/v1/articles/{id}', { params: { path: { id } } });
      const article: Schemas['Article'] | undefined = found.data;
      const problem: Schemas['Problem'] | undefined = found.error;
      const batch = await client.POST('/v1/articles:batch', { body: [{ text: 'page' }, { html: '<p>page</p>' }] });
      const results: Schemas['BatchResult'][] | undefined = batch.data;
      const markdown = await client.GET('/v1/articles/{id}.md', { params: { path: { id } }, parseAs: 'text' });
      return { ingested, article, problem, results, markdown: markdown.data };
    }`,
  'hey-api-check.ts': `
    import { getArticle, getArticleMarkdown, getArticleSource, ingestArticle, ingestArticlesBatch } from './hey-api/index.js';
    import type { Article, BatchResult, Problem } from './hey-api/index.js';
    export async function typed(id: number) {
      const ingested = await ingestArticle({ body: { text: 'page' } });
      const found = await getArticle({ path: { id } });
      const article: Article | undefined = found.data;
      const problem: Problem | undefined = found.error;
      const results: BatchResult[] | undefined = (await ingestArticlesBatch({ body: [{ text: 'page' }] })).data;
      const markdown: string | undefined = (await getArticleMarkdown({ path: { id } })).data;
      const source: string | undefined = (await getArticleSource({ path: { id } })).data;
      return { ingested, article, problem, results, markdown, source };
    }`,
  'orval-check.ts': `
    import { getArticle, getArticleMarkdown, getArticleSource, ingestArticle, ingestArticlesBatch } from './orval/api.js';
    import type { Article, BatchResult, Problem } from './orval/api.js';
    export async function typed(id: number, problem: Problem) {
      const ingested: Article = (await ingestArticle({ text: 'page' })).data;
      const article: Article = (await getArticle(id)).data;
      const results: BatchResult[] = (await ingestArticlesBatch([{ text: 'page' }])).data;
      const markdown: string = (await getArticleMarkdown(id)).data;
      const source: string = (await getArticleSource(id)).data;
      return { ingested, article, problem, results, markdown, source };
    }`,
};

/**
 * Compiler errors in the checks above, one line each. Errors inside the generated code are the
 * generator's (orval 7.13's axios functions do not compile against axios 1.21's types).
 */
function typeErrors(dir: string): string[] {
  const program = ts.createProgram(
    Object.keys(TYPE_CHECKS).map((file) => join(dir, file)),
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
    },
  );
  const checks = new Set(Object.keys(TYPE_CHECKS).map((file) => join(dir, file)));
  const inChecks = (diagnostic: ts.Diagnostic) => checks.has(diagnostic.file?.fileName ?? '');
  return ts
    .getPreEmitDiagnostics(program)
    .filter(inChecks)
    .map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName.slice(dir.length + 1)}: ` : '';
      return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    });
}

type FetchResult = { data?: unknown; error?: unknown; response: Response };
interface LooseFetchClient {
  GET(path: string, init?: object): Promise<FetchResult>;
  POST(path: string, init?: object): Promise<FetchResult>;
}

/** The bytes of a binary response, whichever way the client delivered them. */
async function textOf(data: unknown): Promise<string> {
  if (data instanceof Blob) return data.text();
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  return String(data);
}

describe('clients generated from the served document with default settings', () => {
  let t: TestApp;
  let origin: string;
  let documentUrl: string;
  let served: { servers?: { url: string }[] };
  let dir: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    documentUrl = `${origin}/openapi.json`;
    served = (await (await fetch(documentUrl)).json()) as typeof served;

    dir = mkdtempSync(join(tmpdir(), 'masthead-sdk-'));
    // Generated code imports its runtime (axios, openapi-fetch) as a user's project would.
    symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const input = join(dir, 'openapi.json');
    writeFileSync(input, JSON.stringify(served));

    mkdirSync(join(dir, 'openapi-typescript'));
    const types = astToString(await openapiTS(new URL(pathToFileURL(input).href)));
    writeFileSync(join(dir, 'openapi-typescript', 'schema.d.ts'), types);
    await generateHeyApi({ input, output: join(dir, 'hey-api'), logs: { level: 'silent' } });
    await generateOrval({ input: { target: input }, output: { target: join(dir, 'orval', 'api.ts') } });
    for (const [file, source] of Object.entries(TYPE_CHECKS)) writeFileSync(join(dir, file), source);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names a server relative to the document, so Swagger UI and clients reach the host that served it', async () => {
    const docs = (await (await fetch(`${origin}/docs/json`)).json()) as typeof served;
    for (const document of [served, docs]) {
      expect(document.servers?.length).toBeGreaterThan(0);
      for (const server of document.servers ?? []) {
        // Swagger UI's CSP allows `connect-src 'self'` only.
        expect(new URL(server.url, documentUrl).origin).toBe(origin);
      }
    }
    const { client } = (await import(pathToFileURL(join(dir, 'hey-api', 'client.gen.ts')).href)) as {
      client: { getConfig(): { baseUrl?: string } };
    };
    expect(new URL(client.getConfig().baseUrl ?? '', documentUrl).origin).toBe(origin);
  });

  it('offers the JSON submission first in every request body, so generators send JSON', () => {
    const { paths } = served as {
      paths: Record<string, Record<string, { requestBody?: { content: object } }>>;
    };
    const firstMediaTypes = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        operation.requestBody ? [`${method} ${path}: ${Object.keys(operation.requestBody.content)[0]}`] : [],
      ),
    );
    expect(firstMediaTypes.length).toBeGreaterThan(3);
    for (const entry of firstMediaTypes) expect(entry).toMatch(/: application\/json$/);
  });

  it('types the JSON article, the text representations, the source, the batch and problems', () => {
    expect(typeErrors(dir)).toEqual([]);
  }, 120_000);

  it('openapi-typescript + openapi-fetch: round trip', async () => {
    // Typed use is checked by the compiler above; here the calls run against the server.
    const client = createFetchClient({ baseUrl: origin }) as unknown as LooseFetchClient;
    const expected = fixtureJson<Expected>(SEED_ID, 'expected.json');

    const ingested = await client.POST('/v1/articles', {
      body: { text: fixtureText(SEED_ID), url: 'https://www.magzter.com/stories/seed' },
    });
    expect(ingested.response.status).toBe(201);
    const id = (ingested.data as { id: number }).id;

    const article = await client.GET('/v1/articles/{id}', { params: { path: { id } } });
    expect(article.data).toMatchObject({ id, paragraphs: expected.body_paragraphs });
    const markdown = await client.GET('/v1/articles/{id}.md', { params: { path: { id } }, parseAs: 'text' });
    expect(markdown.data).toContain(expected.body_paragraphs[1]);
    const source = await client.GET('/v1/articles/{id}/source', {
      params: { path: { id } },
      parseAs: 'blob',
    });
    expect(await textOf(source.data)).toBe(fixtureText(SEED_ID));

    const edition = await client.GET('/v1/articles/{id}/edition', { params: { path: { id } } });
    expect(edition.data).toMatchObject({ publication: { name: 'The Straits Times' }, date: '2024-10-23' });
    const teasers = await client.GET('/v1/articles/{id}/teasers', { params: { path: { id } } });
    expect((teasers.data as { items: { title: string }[] }).items.map((teaser) => teaser.title)).toEqual(
      expected.teasers.map((teaser) => teaser.title),
    );

    const batch = await client.POST('/v1/articles:batch', {
      body: [...OTHER_PAGES.map((page) => ({ text: fixtureText(page) })), { text: '' }],
    });
    expect(batch.response.status).toBe(200);
    const results = batch.data as { line: number; status: number; id?: number }[];
    expect(results.map((result) => [result.line, result.status])).toEqual([
      [1, 201],
      [2, 201],
      [3, 400],
    ]);

    const first = await client.GET('/v1/articles', { params: { query: { limit: 2 } } });
    const firstPage = first.data as { items: { id: number }[]; next_cursor: string | null };
    expect(firstPage.items).toHaveLength(2);
    const next = await client.GET('/v1/articles', {
      params: { query: { limit: 2, cursor: firstPage.next_cursor ?? undefined } },
    });
    const ids = [...firstPage.items, ...(next.data as { items: { id: number }[] }).items].map(
      (item) => item.id,
    );
    expect(ids.sort((a, b) => a - b)).toEqual([id, results[0]?.id, results[1]?.id]);
    const search = await client.GET('/v1/articles', { params: { query: { q: '"special forces"' } } });
    expect((search.data as { items: { id: number }[] }).items.map((item) => item.id)).toEqual([id]);

    const missing = await client.GET('/v1/articles/{id}', { params: { path: { id: 987654 } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ status: 404, detail: 'article 987654 does not exist' });
  });

  it('@hey-api/openapi-ts (its fetch client): round trip', async () => {
    const sdk = (await import(pathToFileURL(join(dir, 'hey-api', 'index.ts')).href)) as Record<
      string,
      (options?: object) => Promise<FetchResult>
    >;
    const { client } = (await import(pathToFileURL(join(dir, 'hey-api', 'client.gen.ts')).href)) as {
      client: { setConfig(config: { baseUrl: string }): void };
    };
    // Outside a browser there is no page origin to resolve the relative server against.
    client.setConfig({ baseUrl: origin });
    const call = (name: string, options?: object) => {
      const operation = sdk[name];
      if (typeof operation !== 'function') throw new Error(`the generated SDK has no ${name}`);
      return operation(options);
    };
    const expected = fixtureJson<Expected>(SEED_ID, 'expected.json');

    const ingested = await call('ingestArticle', { body: { text: fixtureText(SEED_ID) } });
    expect([200, 201]).toContain(ingested.response.status);
    const id = (ingested.data as { id: number }).id;

    const article = await call('getArticle', { path: { id } });
    expect(article.data).toMatchObject({ id, paragraphs: expected.body_paragraphs });
    const markdown = await call('getArticleMarkdown', { path: { id } });
    expect(markdown.data).toContain(expected.body_paragraphs[1]);
    const source = await call('getArticleSource', { path: { id } });
    // Typed as the string it is (a binary schema would type a Blob that never arrives).
    expect(source.data).toBe(fixtureText(SEED_ID));

    const edition = await call('getArticleEdition', { path: { id } });
    expect(edition.data).toMatchObject({ publication: { name: 'The Straits Times' } });
    const teasers = await call('listArticleTeasers', { path: { id }, query: { limit: 3 } });
    const teaserPage = teasers.data as { items: { title: string }[]; next_cursor: string | null };
    const more = await call('listArticleTeasers', {
      path: { id },
      query: { limit: 3, cursor: teaserPage.next_cursor ?? undefined },
    });
    expect(
      [...teaserPage.items, ...(more.data as { items: { title: string }[] }).items].map(
        (teaser) => teaser.title,
      ),
    ).toEqual(expected.teasers.slice(0, 6).map((teaser) => teaser.title));

    const batch = await call('ingestArticlesBatch', {
      body: [{ text: fixtureText(OTHER_PAGES[0] ?? '') }, { text: fixtureText(SEED_ID) }, { page: 'no' }],
    });
    expect(batch.response.status).toBe(200);
    expect((batch.data as { line: number; status: number }[]).map((result) => result.status)).toEqual([
      expect.any(Number),
      200,
      400,
    ]);

    const first = await call('listArticles', { query: { limit: 1 } });
    const cursor = (first.data as { next_cursor: string | null }).next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await call('listArticles', { query: { limit: 1, cursor } });
    expect((second.data as { items: unknown[] }).items).toHaveLength(1);
    const search = await call('listArticles', { query: { q: '"special forces"' } });
    expect((search.data as { items: { id: number }[] }).items.map((item) => item.id)).toContain(id);

    const missing = await call('getArticle', { path: { id: 987654 } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ status: 404, detail: 'article 987654 does not exist' });
  });

  it('orval (its axios functions): round trip', async () => {
    const api = (await import(pathToFileURL(join(dir, 'orval', 'api.ts')).href)) as Record<
      string,
      (...args: unknown[]) => Promise<{ status: number; data: unknown }>
    >;
    // orval's functions use axios' default instance; the base URL is per call or on axios.
    const options = { baseURL: origin };
    const call = (name: string, ...args: unknown[]) => {
      const operation = api[name];
      if (typeof operation !== 'function') throw new Error(`the generated client has no ${name}`);
      return operation(...args, options);
    };
    const expected = fixtureJson<Expected>(SEED_ID, 'expected.json');

    const ingested = await call('ingestArticle', { text: fixtureText(SEED_ID) });
    expect([200, 201]).toContain(ingested.status);
    const id = (ingested.data as { id: number }).id;

    const article = await call('getArticle', id);
    expect(article.data).toMatchObject({ id, paragraphs: expected.body_paragraphs });
    const markdown = await call('getArticleMarkdown', id);
    expect(markdown.data).toContain(expected.body_paragraphs[1]);
    const source = await call('getArticleSource', id);
    // Typed as the string it is (a binary schema would type a Blob that never arrives).
    expect(source.data).toBe(fixtureText(SEED_ID));

    const edition = await call('getArticleEdition', id);
    expect(edition.data).toMatchObject({ publication: { name: 'The Straits Times' } });
    const teasers = await call('listArticleTeasers', id, {});
    expect((teasers.data as { items: { title: string }[] }).items.map((teaser) => teaser.title)).toEqual(
      expected.teasers.map((teaser) => teaser.title),
    );

    const batch = await call('ingestArticlesBatch', [
      { text: fixtureText(OTHER_PAGES[1] ?? '') },
      { text: 'x'.repeat(3), url: 'not a url' },
    ]);
    expect(batch.status).toBe(200);
    expect((batch.data as { status: number }[]).map((result) => result.status)).toEqual([
      expect.any(Number),
      400,
    ]);

    const first = await call('listArticles', { limit: 1 });
    const cursor = (first.data as { next_cursor: string | null }).next_cursor;
    const second = await call('listArticles', { limit: 1, cursor });
    expect((second.data as { items: unknown[] }).items).toHaveLength(1);
    const search = await call('listArticles', { q: '"special forces"' });
    expect((search.data as { items: { id: number }[] }).items.map((item) => item.id)).toContain(id);

    const missing = await call('getArticle', 987654).catch((error: unknown) => error);
    expect(isAxiosError(missing)).toBe(true);
    expect(isAxiosError(missing) && missing.response?.data).toMatchObject({
      status: 404,
      detail: 'article 987654 does not exist',
    });
  });
});
