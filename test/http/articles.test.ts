import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, fixtureJson, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

interface ExpectedPage {
  title: string | null;
  deck: string | null;
  byline: string | null;
  dateline: string | null;
  publication: string | null;
  edition_date: string | null;
  edition_label: string | null;
  page_locale: string | null;
  body_paragraphs: string[];
  teasers: { title: string; summary: string | null; publication: string | null; date: string | null }[];
}

const seedText = fixtureText(SEED_ID);
const seed = fixtureJson<ExpectedPage>(SEED_ID, 'expected.json');

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const ingestText = (payload: string, contentType = 'text/plain; charset=utf-8') =>
  t.app.inject({ method: 'POST', url: '/v1/articles', headers: { 'content-type': contentType }, payload });

describe('POST /v1/articles', () => {
  it('ingests the seed page: 201, Location, and the story exactly as labelled', async () => {
    const response = await ingestText(seedText);
    expect(response.statusCode).toBe(201);
    expect(response.headers['location']).toBe('/v1/articles/1');
    const article = response.json();
    expect(article).toMatchObject({
      id: 1,
      title: seed.title,
      deck: seed.deck,
      byline: seed.byline,
      dateline: 'SEOUL',
      paragraphs: seed.body_paragraphs,
      language: 'en',
      page_locale: 'de',
      edition: { id: 1, publication: 'The Straits Times', date: '2024-10-23' },
      teaser_count: 10,
      source_url: null,
      links: { self: '/v1/articles/1', edition: '/v1/articles/1/edition', teasers: '/v1/articles/1/teasers' },
    });
    expect(article.paragraphs).toHaveLength(8);
    expect(article.word_count).toBeGreaterThan(300);
    expect(Date.parse(article.ingested_at)).not.toBeNaN();
  });

  it('is idempotent: the same text again gives 200 and the same article', async () => {
    const first = await ingestText(seedText);
    const second = await ingestText(seedText);
    expect(second.statusCode).toBe(200);
    expect(second.headers['content-location']).toBe('/v1/articles/1');
    expect(second.json()).toEqual(first.json());
    expect((await t.app.inject('/v1/articles/2')).statusCode).toBe(404);
  });

  it('accepts the page as JSON with its URL', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      payload: { text: seedText, url: 'https://www.magzter.com/stories/x' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      source_url: 'https://www.magzter.com/stories/x',
      dateline: 'SEOUL',
    });
  });

  it('accepts the page as HTML, in a body or in JSON', async () => {
    const html = `<html><body>${seedText
      .split('\n')
      .map((line) => `<p>${line.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
      .join('\n')}</body></html>`;
    const direct = await ingestText(html, 'text/html');
    expect(direct.statusCode).toBe(201);
    expect(direct.json().paragraphs).toEqual(seed.body_paragraphs);

    const wrapped = await t.app.inject({
      method: 'POST',
      url: '/v1/articles',
      payload: { html: `${html}<!-- v2 -->` },
    });
    expect(wrapped.statusCode).toBe(201);
    expect(wrapped.json().paragraphs).toEqual(seed.body_paragraphs);
  });

  it('answers 422 with the parse result for a page with no main story, storing nothing', async () => {
    const response = await ingestText('Bereits Abonnent? Anmelden');
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 422, type: 'urn:masthead:problem:no-story' });
    expect(problem.parse_result.story).toBeNull();
    expect((await t.app.inject('/v1/articles/1')).statusCode).toBe(404);
  });

  it('answers 422 no-story, with the reason, for text that is not a newsstand page', async () => {
    const packageJson = JSON.stringify(
      { name: 'x', version: '1.0.0', scripts: { test: 'vitest run' } },
      null,
      2,
    );
    // prose-like garbage: an e-mail, a log, a 404 page (issue 11)
    const prosey = ['373-xx-not-a-page-email', '374-xx-not-a-page-log', '371-pl-not-found-404'].map((id) =>
      fixtureText(id),
    );
    for (const garbage of ['Shopping list\nMilk\nEggs\nBread', packageJson, ...prosey]) {
      const response = await ingestText(garbage);
      expect(response.statusCode, garbage).toBe(422);
      const problem = response.json();
      expect(problem).toMatchObject({ status: 422, type: 'urn:masthead:problem:no-story' });
      expect(problem.parse_result.story).toBeNull();
      expect(problem.parse_result.edition).toBeNull();
      expect(problem.parse_result.warnings.some((w: string) => w.startsWith('no story:'))).toBe(true);
    }
    expect((await t.app.inject('/v1/articles/1')).statusCode).toBe(404);
  });

  it('answers 422 no-story for Markdown, chat exports and recipes (stranger-3 class 5), storing nothing', async () => {
    for (const id of [
      '470-xx-not-a-page-markdown-readme',
      '471-es-not-a-page-whatsapp-chat',
      '472-ca-not-a-page-recipe',
      '473-de-not-a-page-markdown-notes',
      '474-pt-not-a-page-recipe-quantities',
      '475-en-not-a-page-chat-brackets',
    ]) {
      const response = await ingestText(fixtureText(id));
      expect(response.statusCode, id).toBe(422);
      const problem = response.json();
      expect(problem).toMatchObject({ status: 422, type: 'urn:masthead:problem:no-story' });
      expect(problem.parse_result.story).toBeNull();
      expect(problem.parse_result.edition).toBeNull();
      expect(problem.parse_result.warnings.some((w: string) => w.startsWith('no story:'))).toBe(true);
    }
    expect((await t.app.inject('/v1/articles/1')).statusCode).toBe(404);
  });

  it('rejects JSON with both or neither of text and html, or unknown fields', async () => {
    for (const payload of [
      { text: 'a', html: '<p>a</p>' },
      { url: 'https://x.example' },
      { text: 'a', extra: 1 },
      { text: 'a', url: 'ftp://x' },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/v1/articles', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors.length).toBeGreaterThan(0);
    }
  });
});

describe('reading an ingested article', () => {
  beforeEach(async () => {
    expect((await ingestText(seedText)).statusCode).toBe(201);
  });

  it('GET /v1/articles/{id} returns the story', async () => {
    const response = await t.app.inject('/v1/articles/1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 1, dateline: 'SEOUL', paragraphs: seed.body_paragraphs });
  });

  it('GET /v1/articles/{id}/edition returns the source edition', async () => {
    const response = await t.app.inject('/v1/articles/1/edition');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: 1,
      publication: { id: 1, name: 'The Straits Times' },
      date: '2024-10-23',
      label: 'October 23, 2024',
      platform: 'magzter',
      page_locale: 'de',
      article_count: 1,
    });
  });

  it('GET /v1/articles/{id}/teasers returns the 10 teasers in order', async () => {
    const response = await t.app.inject('/v1/articles/1/teasers');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: seed.teasers.map((teaser, index) => ({
        position: index + 1,
        ...teaser,
        partial: false,
        article_id: null,
      })),
      next_cursor: null,
    });
  });

  it('answers 404 problem+json for an unknown id and 400 for a malformed one', async () => {
    for (const url of ['/v1/articles/99', '/v1/articles/99/edition', '/v1/articles/99/teasers']) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 404,
        detail: 'article 99 does not exist',
        instance: url,
      });
    }
    for (const url of ['/v1/articles/abc', '/v1/articles/0', '/v1/articles/1.5', '/v1/articles/-3/teasers']) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].path).toBe('params/id');
    }
  });
});

describe('POST /v1/parse', () => {
  it('parses without storing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: { 'content-type': 'text/plain' },
      payload: seedText,
    });
    expect(response.statusCode).toBe(200);
    const parsed = response.json();
    expect(parsed.story.paragraphs).toEqual(seed.body_paragraphs);
    expect(parsed.edition).toEqual({
      publication: 'The Straits Times',
      date: '2024-10-23',
      label: 'October 23, 2024',
      platform: 'magzter',
    });
    expect(parsed.page_locale).toBe('de');
    expect(parsed.teasers).toHaveLength(10);
    expect(parsed.removed.map((line: { text: string }) => line.text)).toEqual(
      expect.arrayContaining(['Bereits Abonnent ? Anmelden', 'Bereits Abonnent? Anmelden']),
    );
    expect((await t.app.inject('/v1/articles/1')).statusCode).toBe(404);
  });
});
