import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { renderOpenApiYaml, renderSdkTypes, renderSeedParse } from '../../scripts/openapi-document.js';
import { addSeedExamples, SEED_PAGE_TEXT, seedExamples } from '../../scripts/openapi-examples.js';
import { examples } from '../../src/http/schemas.js';
import { buildTestApp, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';
import { expectMatchesContract, openapi, OPENAPI_PATH } from '../helpers/contract.js';

const committedYaml = readFileSync(OPENAPI_PATH, 'utf8');

describe('openapi.yaml', () => {
  it('is what the zod schemas generate today (run `npm run openapi` when this fails)', async () => {
    const yaml = await renderOpenApiYaml();
    expect(committedYaml).toBe(yaml);
    const sdk = readFileSync(new URL('../sdk/openapi.d.ts', import.meta.url), 'utf8');
    expect(sdk).toBe(await renderSdkTypes(yaml));
  });

  it("carries the parser's real output for the seed page as the ParsedPage example", async () => {
    const path = fileURLToPath(new URL('../../scripts/seed-parse.ts', import.meta.url));
    expect(readFileSync(path, 'utf8')).toBe(await renderSeedParse(path));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(committedYaml);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every operation: id, summary, description, errors, examples', () => {
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    let operations = 0;
    for (const [path, item] of Object.entries(openapi.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Record<string, unknown>>)) {
        if (!methods.includes(method)) continue;
        operations += 1;
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation['operationId'], where).toEqual(expect.any(String));
        expect(operation['summary'], where).toEqual(expect.any(String));
        expect(operation['description'], where).toEqual(expect.any(String));
        const responses = operation['responses'] as Record<
          string,
          { description: string; content?: Record<string, unknown> }
        >;
        for (const [status, response] of Object.entries(responses)) {
          expect(response.description, `${where} ${status}`).not.toBe('Default Response');
          if (Number(status) >= 400)
            expect(Object.keys(response.content ?? {}), `${where} ${status}`).toEqual([
              'application/problem+json',
            ]);
        }
      }
    }
    expect(operations).toBeGreaterThanOrEqual(7);
    const ingest = openapi.paths['/v1/articles']?.['post'] as unknown as {
      requestBody: { content: Record<string, { schema: unknown }> };
    };
    expect(Object.keys(ingest.requestBody.content).sort()).toEqual([
      'application/json',
      'text/html',
      'text/plain',
    ]);
    expect(committedYaml).toContain('Diese Geschichte stammt aus der October 23, 2024-Ausgabe');
  });

  it("describes search as masthead's grammar, never as FTS5 syntax (an engine detail clients cannot use)", () => {
    expect(committedYaml).not.toMatch(/FTS5 syntax/);
    const list = openapi.paths['/v1/articles']?.['get'] as unknown as { description: string };
    expect(list.description).toMatch(/masthead's search grammar/);
  });

  it('uses the seed page, byte for byte, as its request example', () => {
    expect(SEED_PAGE_TEXT).toBe(fixtureText(SEED_ID));
  });
});

describe('real responses match the contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is served by the server, less the seed examples the generator adds', async () => {
    const served = (await t.app.inject('/openapi.json')).json<typeof openapi>();
    expect(JSON.stringify(served)).not.toContain('SEOUL - As evidence mounts');
    expect(addSeedExamples(served)).toEqual(openapi);
  });

  it('for the seed page, and its examples are what the server really returns', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: SEED_PAGE_TEXT,
    });
    expectMatchesContract('POST', '/v1/articles', created);
    expect({ ...created.json(), ingested_at: seedExamples.article.ingested_at }).toEqual(
      seedExamples.article,
    );
    expectMatchesContract(
      'POST',
      '/v1/articles',
      await t.app.inject({ method: 'POST', url: '/v1/articles', payload: { text: SEED_PAGE_TEXT } }),
    );

    const article = await t.app.inject('/v1/articles/1');
    expectMatchesContract('GET', '/v1/articles/{id}', article);
    const edition = await t.app.inject('/v1/articles/1/edition');
    expectMatchesContract('GET', '/v1/articles/{id}/edition', edition);
    expect(edition.json()).toEqual(examples.edition);
    const teasers = await t.app.inject('/v1/articles/1/teasers');
    expectMatchesContract('GET', '/v1/articles/{id}/teasers', teasers);
    expect(teasers.json().items.slice(0, seedExamples.teasers.items.length)).toEqual(
      seedExamples.teasers.items,
    );

    expectMatchesContract(
      'POST',
      '/v1/parse',
      await t.app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'text/plain' },
        payload: SEED_PAGE_TEXT,
      }),
    );
    expectMatchesContract('GET', '/healthz', await t.app.inject('/healthz'));
    expectMatchesContract('GET', '/readyz', await t.app.inject('/readyz'));
  });

  it('for errors', async () => {
    expectMatchesContract('GET', '/v1/articles/{id}', await t.app.inject('/v1/articles/404'));
    expectMatchesContract('GET', '/v1/articles/{id}/teasers', await t.app.inject('/v1/articles/x/teasers'));
    expectMatchesContract(
      'POST',
      '/v1/articles',
      await t.app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { 'content-type': 'text/plain' },
        payload: 'Bereits Abonnent? Anmelden',
      }),
    );
    expectMatchesContract(
      'POST',
      '/v1/articles',
      await t.app.inject({ method: 'POST', url: '/v1/articles', payload: { text: 'x', nope: true } }),
    );
    expectMatchesContract(
      'POST',
      '/v1/articles',
      await t.app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { 'content-type': 'image/png' },
        payload: 'x',
      }),
    );
    expectMatchesContract(
      'POST',
      '/v1/parse',
      await t.app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { 'content-type': 'application/json' },
        payload: '{',
      }),
    );
  });
});
