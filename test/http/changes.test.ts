import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { expectMatchesContract } from '../helpers/contract.js';
import { page, record } from '../helpers/records.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

interface ChangeList {
  items: { seq: number; token: string; kind: string; article_id: number; links: { article: string } }[];
  next: string;
  has_more: boolean;
}

async function changes(query: string): Promise<ChangeList> {
  const response = await t.app.inject(`/v1/changes${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expectMatchesContract('GET', '/v1/changes', response);
  return response.json<ChangeList>();
}

describe('GET /v1/changes', () => {
  it('pages through creates and a delete in commit order, resuming from next', async () => {
    const ids: number[] = [];
    for (let index = 0; index < 5; index += 1)
      ids.push((await t.repository.ingest(record(page()))).article.id);
    const deleted = await t.app.inject({ method: 'DELETE', url: `/v1/articles/${ids[1]}` });
    expect(deleted.statusCode).toBe(204);

    const seen: [string, number][] = [];
    let since = '';
    for (let pages = 0; pages < 10; pages += 1) {
      const body = await changes(`?limit=2${since}`);
      seen.push(...body.items.map((item): [string, number] => [item.kind, item.article_id]));
      expect(body.items.every((item) => item.links.article === `/v1/articles/${item.article_id}`)).toBe(true);
      since = `&since=${encodeURIComponent(body.next)}`;
      if (!body.has_more) break;
    }
    expect(seen).toEqual([...ids.map((id): [string, number] => ['created', id]), ['deleted', ids[1]!]]);
    // Nothing new: the same token answers no items and itself.
    const idle = await changes(`?limit=2${since}`);
    expect(idle.items).toEqual([]);
    expect(`&since=${encodeURIComponent(idle.next)}`).toBe(since);
  });

  it('answers 410 problem+json for a token from another database, 400 for a forged one or a limit over 1000', async () => {
    const other = await buildTestApp();
    try {
      await other.repository.ingest(record(page()));
      const foreign = (await other.app.inject('/v1/changes?since=now')).json<ChangeList>().next;
      const gone = await t.app.inject(`/v1/changes?since=${encodeURIComponent(foreign)}`);
      expect(gone.statusCode).toBe(410);
      expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(gone.json()).toMatchObject({ type: 'urn:masthead:problem:changes-gone' });
      expect(gone.json<{ detail: string }>().detail).toMatch(/resync/);
      expectMatchesContract('GET', '/v1/changes', gone);
    } finally {
      await other.close();
    }
    const forged = await t.app.inject('/v1/changes?since=abc');
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ type: 'urn:masthead:problem:invalid-cursor' });
    expect((await t.app.inject('/v1/changes?limit=1001')).statusCode).toBe(400);
    expect((await t.app.inject('/v1/changes?limit=1000')).statusCode).toBe(200);
  });
});
