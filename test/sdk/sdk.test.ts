import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fixtureJson, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';
import type { paths } from './openapi.js';

/**
 * A client generated from openapi.yaml (openapi-typescript types + openapi-fetch) talks
 * to a real listening server, as an SDK user would.
 */
describe('generated SDK against a running server', () => {
  let t: TestApp;
  let client: ReturnType<typeof createClient<paths>>;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    client = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ingests the seed and reads its story, edition and teasers', async () => {
    const expected = fixtureJson<{
      body_paragraphs: string[];
      teasers: { title: string; summary: string }[];
    }>(SEED_ID, 'expected.json');

    const ingested = await client.POST('/v1/articles', {
      body: { text: fixtureText(SEED_ID), url: 'https://www.magzter.com/stories/seed' },
    });
    expect(ingested.response.status).toBe(201);
    const id = ingested.data?.id ?? 0;
    expect(ingested.response.headers.get('location')).toBe(`/v1/articles/${id}`);

    const article = await client.GET('/v1/articles/{id}', { params: { path: { id } } });
    expect(article.data).toMatchObject({
      dateline: 'SEOUL',
      title: null,
      paragraphs: expected.body_paragraphs,
      page_locale: 'de',
    });

    const edition = await client.GET('/v1/articles/{id}/edition', { params: { path: { id } } });
    expect(edition.data).toMatchObject({
      publication: { name: 'The Straits Times' },
      date: '2024-10-23',
      label: 'October 23, 2024',
      platform: 'magzter',
      page_locale: 'de',
    });

    const teasers = await client.GET('/v1/articles/{id}/teasers', { params: { path: { id } } });
    expect(teasers.data?.items.map(({ title, summary }) => ({ title, summary }))).toEqual(
      expected.teasers.map(({ title, summary }) => ({ title, summary })),
    );
    expect(teasers.data?.next_cursor).toBeNull();
    // Paged like every list: three at a time, following next_cursor.
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.GET('/v1/articles/{id}/teasers', {
        params: { path: { id }, query: { limit: 3, cursor } },
      });
      walked.push(...(page.data?.items.map((teaser) => teaser.title) ?? []));
      cursor = page.data?.next_cursor ?? undefined;
    } while (cursor !== undefined);
    expect(walked).toEqual(expected.teasers.map((teaser) => teaser.title));
  });

  it('surfaces problems as typed errors', async () => {
    const missing = await client.GET('/v1/articles/{id}', { params: { path: { id: 987654 } } });
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.error).toMatchObject({ status: 404, detail: 'article 987654 does not exist' });
  });
  it('browses, searches, follows links and deletes', async () => {
    const ingested = await client.POST('/v1/articles', { body: { text: fixtureText(SEED_ID) } });
    const id = ingested.data?.id ?? 0;

    const search = await client.GET('/v1/articles', {
      params: { query: { q: '"special forces"', limit: 5 } },
    });
    expect(search.data?.items.find((item) => item.id === id)?.snippet).toMatch(/<mark>/);

    const byPublication = await client.GET('/v1/articles', {
      params: { query: { publication: 'The Straits Times', fields: 'id,edition' } },
    });
    const editionId = byPublication.data?.items.find((item) => item.id === id)?.edition?.id ?? 0;
    const edition = await client.GET('/v1/editions/{id}', { params: { path: { id: editionId } } });
    expect(edition.data?.label).toBe('October 23, 2024');
    const publicationId = edition.data?.publication.id ?? 0;
    const publication = await client.GET('/v1/publications/{id}', {
      params: { path: { id: publicationId } },
    });
    expect(publication.data).toMatchObject({ name: 'The Straits Times', first_edition_date: '2024-10-23' });
    const editions = await client.GET('/v1/publications/{id}/editions', {
      params: { path: { id: publicationId } },
    });
    expect(editions.data?.items.map((item) => item.id)).toContain(editionId);

    const teasers = await client.GET('/v1/teasers', { params: { query: { q: 'Angkor' } } });
    expect(teasers.data?.items.map((item) => item.title)).toContain('Beyond the Angkor Wat');

    const editionList = await client.GET('/v1/editions', {
      params: { query: { publication: String(publicationId) } },
    });
    expect(editionList.data?.items.map((item) => item.id)).toContain(editionId);
    const editionArticles = await client.GET('/v1/editions/{id}/articles', {
      params: { path: { id: editionId } },
    });
    expect(editionArticles.data?.items.map((item) => item.id)).toContain(id);
    const publications = await client.GET('/v1/publications', { params: { query: { limit: 100 } } });
    expect(publications.data?.items.map((item) => item.name)).toContain('The Straits Times');

    const source = await client.GET('/v1/articles/{id}/source', {
      params: { path: { id } },
      parseAs: 'text',
    });
    expect(source.data).toBe(fixtureText(SEED_ID));

    const job = await client.POST('/v1/admin/reparse', { body: { all: true } });
    expect(job.response.status).toBe(202);
    const jobId = job.data?.id ?? '';
    let status = job.data?.status;
    for (let tries = 0; tries < 100 && status !== 'succeeded' && status !== 'failed'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await client.GET('/v1/admin/jobs/{id}', { params: { path: { id: jobId } } })).data?.status;
    }
    expect(status).toBe('succeeded');

    const removed = await client.DELETE('/v1/articles/{id}', { params: { path: { id } } });
    expect(removed.response.status).toBe(204);
    const gone = await client.GET('/v1/articles/{id}', { params: { path: { id } } });
    expect(gone.response.status).toBe(404);
  });
});
