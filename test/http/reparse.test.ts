import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { sha256Hex, type ParseFunction } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { parsePage, PARSER_VERSION, type ParsedPage } from '../../src/parser/index.js';
import type {
  IngestRecord,
  PageWithStory,
  RawContentType,
  Repository,
} from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { expectMatchesContract } from '../helpers/contract.js';
import { buildTestApp, fixtureJson, fixtureText, SEED_ID, type TestApp } from '../helpers/app.js';

const OLD_VERSION = '0.0.1';
const seedText = fixtureText(SEED_ID);
const seedExpected = fixtureJson<{ body_paragraphs: string[] }>(SEED_ID, 'expected.json');
const otherText = fixtureText('003-ar-indiatoday-micromoguls');
const thirdText = fixtureText('008-es-globalmovie-importance-to-looks');
const NO_STORY_TEXT = 'Bereits Abonnent? Anmelden';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function storyPage(text: string): PageWithStory {
  const page = parsePage(text, { url: null });
  expect(page.story, 'the current parser finds a story in this fixture').not.toBeNull();
  return page as PageWithStory;
}

/** Stores a page the way an older parser would have: its real raw text, the given parse. */
async function storeOld(
  test: TestApp,
  body: string,
  page: PageWithStory,
  contentType: RawContentType = 'text/plain',
): Promise<number> {
  const now = new Date().toISOString();
  const record: IngestRecord = {
    document: { body, contentType, sha256: sha256Hex(body), sourceUrl: null, receivedAt: now },
    page,
    parserVersion: OLD_VERSION,
    ingestedAt: now,
  };
  const { article, created } = await test.repository.ingest(record);
  expect(created).toBe(true);
  expect(article.parserVersion).toBe(OLD_VERSION);
  return article.id;
}

/** The seed as an old parser read it: first paragraph lost, no teasers. */
function wrongSeed(): PageWithStory {
  const real = storyPage(seedText);
  return { ...real, story: { ...real.story, paragraphs: real.story.paragraphs.slice(1) }, teasers: [] };
}

/** Another page misread: wrong title and language, filed under a publication that does not exist. */
function wrongOther(): PageWithStory {
  const real = storyPage(otherText);
  return {
    ...real,
    story: { ...real.story, title: 'WRONG TITLE', language: 'xx' },
    edition: { publication: 'Wrong Paper', date: '1999-01', label: 'January 1999', platform: 'zinio' },
    page_locale: null,
  };
}

/** A test app whose pages are parsed by `parse` (ingests and re-parse jobs alike). */
async function buildAppParsingWith(parse: ParseFunction): Promise<TestApp> {
  const repository = createSqliteRepository(':memory:');
  const app = await buildApp({ ...loadConfig({}), logLevel: 'silent' }, { repository, parse });
  await app.ready();
  return {
    app,
    repository,
    async close() {
      await app.close();
      await repository.close();
    },
  };
}

interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  total: number | null;
  processed: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  links: { self: string };
}

async function startReparse(
  test: TestApp,
  body: unknown = {},
  headers: Record<string, string> = {},
): Promise<Job> {
  const response = await test.app.inject({
    method: 'POST',
    url: '/v1/admin/reparse',
    headers,
    payload: body as Record<string, unknown>,
  });
  expect(response.statusCode, response.body).toBe(202);
  expectMatchesContract('POST', '/v1/admin/reparse', response);
  const job = response.json<Job>();
  expect(response.headers['location']).toBe(`/v1/admin/jobs/${job.id}`);
  expect(job.links.self).toBe(`/v1/admin/jobs/${job.id}`);
  expect(job.kind).toBe('reparse');
  expect(['queued', 'running', 'succeeded']).toContain(job.status);
  expect(response.headers['etag']).toBeUndefined();
  return job;
}

/** Polls the job until it ends (about 5 s at most). */
/** Polls the job until it ends; the deadline is a hang detector (5 s of polls failed under load). */
async function waitForJob(test: TestApp, job: Job): Promise<Job> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const response = await test.app.inject(job.links.self);
    expect(response.statusCode).toBe(200);
    expectMatchesContract('GET', '/v1/admin/jobs/{id}', response);
    const current = response.json<Job>();
    expect(current.id).toBe(job.id);
    if (current.status === 'succeeded' || current.status === 'failed') {
      expect(current.finished_at).not.toBeNull();
      expect(current.started_at).not.toBeNull();
      return current;
    }
    await sleep(50);
  }
  throw new Error(`job ${job.id} did not finish in time`);
}

async function runReparse(test: TestApp, body: unknown = {}): Promise<Job> {
  const done = await waitForJob(test, await startReparse(test, body));
  expect(done.status, done.error ?? '').toBe('succeeded');
  expect(done.error).toBeNull();
  expect(done.processed).toBe(done.total);
  expect(done.updated + done.unchanged + done.skipped + done.failed).toBe(done.total);
  return done;
}

async function articleIds(test: TestApp): Promise<number[]> {
  const response = await test.app.inject('/v1/articles?limit=100');
  expect(response.statusCode).toBe(200);
  return (response.json().items as { id: number }[]).map((item) => item.id).sort((a, b) => a - b);
}

/** What the API shows of an article, minus what legitimately differs between two stores. */
async function articleView(test: TestApp, id: number) {
  const article = await test.app.inject(`/v1/articles/${id}`);
  expect(article.statusCode).toBe(200);
  const teasers = await test.app.inject(`/v1/articles/${id}/teasers`);
  const edition = await test.app.inject(`/v1/articles/${id}/edition`);
  const {
    id: _id,
    ingested_at: _ingestedAt,
    links: _links,
    edition: summary,
    teased_by: _teasedBy,
    ...fields
  } = article.json();
  const {
    id: _editionId,
    publication,
    ...editionFields
  } = edition.statusCode === 200 ? edition.json() : { id: 0, publication: null };
  return {
    ...fields,
    edition: summary === null ? null : { publication: summary.publication, date: summary.date },
    edition_detail: { ...editionFields, publication: publication?.name ?? null },
    teasers: teasers.json().items,
  };
}

/** The fields the parser decides, as the API serves them. */
function expectParsedAs(view: Awaited<ReturnType<typeof articleView>>, page: ParsedPage): void {
  const story = page.story;
  expect(story).not.toBeNull();
  expect(view).toMatchObject({
    title: story?.title,
    deck: story?.deck,
    byline: story?.byline,
    dateline: story?.dateline,
    paragraphs: story?.paragraphs,
    language: story?.language,
    page_locale: page.page_locale,
    parser_version: PARSER_VERSION,
    teaser_count: page.teasers.length,
  });
  expect(view.edition).toEqual(
    page.edition?.publication ? { publication: page.edition.publication, date: page.edition.date } : null,
  );
  expect(view.teasers).toEqual(
    page.teasers.map((teaser, index) => ({ position: index + 1, ...teaser, article_id: null })),
  );
}

describe('POST /v1/admin/reparse', () => {
  it('re-parses pages stored by an older parser in place: same ids, current fields', async () => {
    const test = (t = await buildTestApp());
    const seedId = await storeOld(test, seedText, wrongSeed());
    const otherId = await storeOld(test, otherText, wrongOther());
    // A page stored by the current parser, through the API.
    const current = await test.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: thirdText,
    });
    expect(current.statusCode).toBe(201);
    const currentId = current.json().id as number;
    const currentBefore = await articleView(test, currentId);
    const idsBefore = await articleIds(test);
    expect(idsBefore).toEqual([seedId, otherId, currentId].sort((a, b) => a - b));
    const ingestedBefore = (await test.app.inject(`/v1/articles/${seedId}`)).json().ingested_at;

    // What the old parse looks like from outside.
    const before = await articleView(test, seedId);
    expect(before.parser_version).toBe(OLD_VERSION);
    expect(before.paragraphs).toHaveLength(seedExpected.body_paragraphs.length - 1);
    expect(before.teasers).toEqual([]);
    expect((await test.app.inject('/v1/teasers?q=Seletar')).json().items).toEqual([]);
    expect((await test.app.inject('/v1/articles?q=grave')).json().items).toEqual([]);
    const publicationsBefore = (await test.app.inject('/v1/publications')).json().items;
    expect(publicationsBefore.map((p: { name: string }) => p.name)).toContain('Wrong Paper');

    const job = await startReparse(test);
    expect(job.total).toBe(2);
    const done = await waitForJob(test, job);
    expect(done).toMatchObject({
      status: 'succeeded',
      total: 2,
      processed: 2,
      updated: 2,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      error: null,
    });

    // Same articles, same ids, nothing added or lost.
    expect(await articleIds(test)).toEqual(idsBefore);
    const seedAfter = await articleView(test, seedId);
    expectParsedAs(seedAfter, parsePage(seedText, { url: null }));
    expect(seedAfter).toMatchObject({ dateline: 'SEOUL', paragraphs: seedExpected.body_paragraphs });
    expect(seedAfter.teasers).toHaveLength(10);
    expect((await test.app.inject(`/v1/articles/${seedId}`)).json().ingested_at).toBe(ingestedBefore);
    expectParsedAs(await articleView(test, otherId), parsePage(otherText, { url: null }));
    // The page stored by the current parser was not touched.
    expect(await articleView(test, currentId)).toEqual(currentBefore);

    // Search rows follow the new parse.
    const teaserHits = (await test.app.inject('/v1/teasers?q=Seletar')).json().items;
    expect(teaserHits.map((teaser: { page_article_id: number }) => teaser.page_article_id)).toEqual([seedId]);
    const articleHits = (await test.app.inject('/v1/articles?q=grave')).json().items;
    expect(articleHits.map((article: { id: number }) => article.id)).toEqual([seedId]);

    // The edition and publication the old parse invented are gone with their last article.
    const publications = (await test.app.inject('/v1/publications')).json().items;
    expect(publications.map((p: { name: string }) => p.name)).not.toContain('Wrong Paper');
    const editions = (await test.app.inject('/v1/editions?limit=100')).json().items;
    expect(editions.map((e: { date: string }) => e.date)).not.toContain('1999-01');

    // A re-parsed article reads exactly like the same page ingested today.
    const fresh = await buildTestApp();
    try {
      for (const [text, id] of [
        [seedText, seedId],
        [otherText, otherId],
      ] as const) {
        const ingested = await fresh.app.inject({
          method: 'POST',
          url: '/v1/articles',
          headers: { 'content-type': 'text/plain' },
          payload: text,
        });
        expect(ingested.statusCode).toBe(201);
        expect(await articleView(test, id)).toEqual(await articleView(fresh, ingested.json().id));
      }
    } finally {
      await fresh.close();
    }

    // Nothing is stale any more.
    const again = await runReparse(test);
    expect(again).toMatchObject({ total: 0, processed: 0, updated: 0, unchanged: 0, skipped: 0 });
    expect(await articleIds(test)).toEqual(idsBefore);

    // {"all": true} re-reads everything and finds nothing to change.
    const everything = await runReparse(test, { all: true });
    expect(everything).toMatchObject({
      total: 3,
      processed: 3,
      updated: 0,
      unchanged: 3,
      skipped: 0,
      failed: 0,
    });
    expect(await articleIds(test)).toEqual(idsBefore);
    expectParsedAs(await articleView(test, seedId), parsePage(seedText, { url: null }));
  });

  it('re-parses an HTML page from its raw HTML', async () => {
    const test = (t = await buildTestApp());
    const html = `<html><body>${seedText
      .split('\n')
      .map((line) => `<p>${line.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
      .join('\n')}</body></html>`;
    const expected = await test.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: { 'content-type': 'text/html' },
      payload: html,
    });
    const parsed = expected.json<ParsedPage>();
    expect(parsed.story).not.toBeNull();
    const id = await storeOld(test, html, { ...wrongSeed(), edition: null }, 'text/html');
    expect((await test.app.inject(`/v1/articles/${id}/edition`)).statusCode).toBe(404);
    await runReparse(test);
    expectParsedAs(await articleView(test, id), parsed);
    const source = await test.app.inject(`/v1/articles/${id}/source`);
    expect(source.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(source.body).toBe(html);
  });

  it('keeps the article of a page on which the current parser finds no story, and counts it skipped', async () => {
    const test = (t = await buildTestApp());
    expect(parsePage(NO_STORY_TEXT, { url: null }).story).toBeNull();
    const fake: PageWithStory = {
      story: {
        title: 'Kept title',
        deck: null,
        byline: null,
        dateline: null,
        paragraphs: ['A paragraph an old parser found here.'],
        language: 'en',
      },
      edition: {
        publication: 'Old Paper',
        date: '2020-02-02',
        label: 'February 2, 2020',
        platform: 'magzter',
      },
      teasers: [{ title: 'Old teaser', summary: null, publication: null, date: null, partial: false }],
      page_locale: 'de',
      removed: [],
      warnings: [],
    };
    const keptId = await storeOld(test, NO_STORY_TEXT, fake);
    const seedId = await storeOld(test, seedText, wrongSeed());
    const keptBefore = await articleView(test, keptId);

    const done = await runReparse(test);
    expect(done).toMatchObject({ total: 2, updated: 1, skipped: 1, unchanged: 0, failed: 0 });
    expect(await articleView(test, keptId)).toEqual(keptBefore);
    expect(keptBefore).toMatchObject({ title: 'Kept title', parser_version: OLD_VERSION, teaser_count: 1 });
    expect((await articleView(test, seedId)).parser_version).toBe(PARSER_VERSION);
    expect(await articleIds(test)).toEqual([keptId, seedId].sort((a, b) => a - b));
  });

  it('counts a page the current parser reads the same way as unchanged, and moves its version', async () => {
    const test = (t = await buildTestApp());
    const id = await storeOld(test, seedText, storyPage(seedText));
    const before = await articleView(test, id);
    expect(before.parser_version).toBe(OLD_VERSION);
    const done = await runReparse(test);
    expect(done).toMatchObject({ total: 1, updated: 0, unchanged: 1, skipped: 0, failed: 0 });
    expect(await articleView(test, id)).toEqual({ ...before, parser_version: PARSER_VERSION });
    expect((await runReparse(test)).total).toBe(0);
  });

  it('relinks teasers when a re-parse changes the story they announced', async () => {
    const test = (t = await buildTestApp());
    const real = storyPage(otherText);
    // An old parse filed this page as a Straits Times story titled like one of the seed's teasers.
    const announcedId = await storeOld(test, otherText, {
      ...real,
      story: { ...real.story, title: 'Beyond the Angkor Wat' },
      edition: {
        publication: 'The Straits Times',
        date: '2024-10-23',
        label: 'October 23, 2024',
        platform: 'magzter',
      },
    });
    const seed = await test.app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain' },
      payload: seedText,
    });
    expect(seed.statusCode).toBe(201);
    const seedId = seed.json().id as number;
    const teasersBefore = (await test.app.inject(`/v1/articles/${seedId}/teasers`)).json().items;
    const angkor = teasersBefore.find(
      (teaser: { title: string }) => teaser.title === 'Beyond the Angkor Wat',
    );
    expect(angkor?.article_id).toBe(announcedId);
    expect((await test.app.inject(`/v1/articles/${announcedId}`)).json().teased_by).toEqual([
      { article_id: seedId, position: angkor?.position },
    ]);
    expect((await test.app.inject(`/v1/articles/${seedId}/edition`)).json().article_count).toBe(2);

    expect((await runReparse(test)).updated).toBe(1);

    const teasersAfter = (await test.app.inject(`/v1/articles/${seedId}/teasers`)).json().items;
    expect(teasersAfter.every((teaser: { article_id: number | null }) => teaser.article_id === null)).toBe(
      true,
    );
    const announced = (await test.app.inject(`/v1/articles/${announcedId}`)).json();
    expect(announced.teased_by).toEqual([]);
    expect(announced.title).toBe(real.story.title);
    // The shared edition keeps the seed and loses the re-parsed article.
    expect((await test.app.inject(`/v1/articles/${seedId}/edition`)).json().article_count).toBe(1);
    expect(await articleIds(test)).toEqual([announcedId, seedId].sort((a, b) => a - b));
  });

  it("never writes a deleted page's story onto the article ingested after it", async () => {
    // The job and the ingests parse through this function; `interleave` runs once, while the
    // job parses X: X is deleted and Y ingested between the job's read and its write.
    let interleave: (() => Promise<void>) | undefined;
    const parse: ParseFunction = async (submission) => {
      const parsed = parseSubmission(submission);
      const run = submission.body === seedText ? interleave : undefined;
      interleave = run ? undefined : interleave;
      await run?.();
      return parsed;
    };
    const test = (t = await buildAppParsingWith(parse));
    const ingest = async (text: string): Promise<number> => {
      const response = await test.app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: { 'content-type': 'text/plain' },
        payload: text,
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as number;
    };
    const xId = await ingest(seedText);
    let yId: number | undefined;
    interleave = async () => {
      expect((await test.app.inject({ method: 'DELETE', url: `/v1/articles/${xId}` })).statusCode).toBe(204);
      yId = await ingest(otherText);
    };

    // Not runReparse: Y, stored while the job ran, is re-read too, beyond the job's `total`.
    const done = await waitForJob(test, await startReparse(test, { all: true }));
    if (yId === undefined) throw new Error('the job never parsed X');

    // Y's article is Y's story, and its source is Y.
    const y = await test.app.inject(`/v1/articles/${yId}`);
    expect(y.statusCode).toBe(200);
    expect(y.json().paragraphs).toEqual(parsePage(otherText, { url: null }).story?.paragraphs);
    expect((await test.app.inject(`/v1/articles/${yId}/source`)).body).toBe(otherText);
    // X's URLs answer 404 for good: its id went to nobody else.
    expect(yId).toBeGreaterThan(xId);
    for (const url of [`/v1/articles/${xId}`, `/v1/articles/${xId}/source`]) {
      expect((await test.app.inject(url)).statusCode, url).toBe(404);
    }
    // The write that found its article gone is counted as skipped, not as a failure.
    expect(done).toMatchObject({ status: 'succeeded', skipped: 1, failed: 0, error: null });
  });

  it('starts a default (stale-only) re-parse when POSTed without a body', async () => {
    const test = (t = await buildTestApp());
    await storeOld(test, seedText, wrongSeed());
    const response = await test.app.inject({ method: 'POST', url: '/v1/admin/reparse' });
    expect(response.statusCode, response.body).toBe(202);
    const job = response.json<Job>();
    expect(job.total).toBe(1);
    expect((await waitForJob(test, job)).status).toBe('succeeded');
  });

  it('rejects a body that is not a ReparseRequest', async () => {
    const test = (t = await buildTestApp());
    for (const payload of [{ all: 'yes' }, { everything: true }, { all: true, extra: 1 }]) {
      const response = await test.app.inject({ method: 'POST', url: '/v1/admin/reparse', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:validation' });
      expect(response.json().errors.length).toBeGreaterThan(0);
      expectMatchesContract('POST', '/v1/admin/reparse', response);
    }
  });

  it('is write-protected: 401 without a valid token when API_TOKENS is set', async () => {
    const test = (t = await buildTestApp({ apiTokens: ['s3cret'] }));
    const id = await storeOld(test, seedText, wrongSeed());
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/v1/admin/reparse',
        headers,
        payload: {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="masthead"');
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:unauthorized', status: 401 });
      expectMatchesContract('POST', '/v1/admin/reparse', response);
    }
    expect((await articleView(test, id)).parser_version).toBe(OLD_VERSION);
    const job = await startReparse(test, {}, { authorization: 'Bearer s3cret' });
    // Reading a job needs no token.
    expect((await waitForJob(test, job)).status).toBe('succeeded');
    expect((await articleView(test, id)).parser_version).toBe(PARSER_VERSION);
  });

  it('is loopback-only without API_TOKENS: 403 for a remote client', async () => {
    const test = (t = await buildTestApp({ apiTokens: [] }));
    const response = await test.app.inject({
      method: 'POST',
      url: '/v1/admin/reparse',
      remoteAddress: '203.0.113.9',
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    expectMatchesContract('POST', '/v1/admin/reparse', response);
  });
});

describe('a re-parse job on several API nodes (apps on one database file)', () => {
  const dirs: string[] = [];
  const apps: TestApp[] = [];
  const wakeOnCleanUp: (() => void)[] = [];
  afterEach(async () => {
    for (const wake of wakeOnCleanUp.splice(0)) wake();
    for (const app of apps.splice(0).reverse()) await app.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** An app (a node) on the database file, with a short job lease; its heartbeats wait for `beforeHeartbeat`. */
  async function appOnFile(
    path: string,
    parse: ParseFunction,
    beforeHeartbeat: () => Promise<void> = async () => undefined,
  ): Promise<TestApp> {
    const opened = createSqliteRepository(path);
    const repository: Repository = {
      ...opened,
      async heartbeatJob(id, nodeId, patch) {
        await beforeHeartbeat();
        return opened.heartbeatJob(id, nodeId, patch);
      },
    };
    // A lease long enough that a loaded machine's pauses never cost A the job before it stalls
    // on purpose (300 ms did: B then took over early); B waits it out once.
    const config = { ...loadConfig({}), logLevel: 'silent' as const, jobLeaseMs: 3_000, jobPollMs: 20 };
    const app = await buildApp(config, { repository, parse });
    await app.ready();
    const test: TestApp = {
      app,
      repository,
      async close() {
        await app.close();
        await opened.close();
      },
    };
    apps.push(test);
    return test;
  }

  it('outlives the node that took it: A stalls mid-job, B (same file) takes it over and finishes it with the right counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-reparse-nodes-'));
    dirs.push(dir);
    const path = join(dir, 'nodes.db');
    // A parses the first page, then stalls at the second (work and heartbeats), as a node
    // that was killed or cut off; it wakes up only once B is done.
    const parsedByA: string[] = [];
    let wakeA = (): void => undefined;
    let aStalled: Promise<void> | undefined;
    const stall = new Promise<void>((resolve) => (wakeA = resolve));
    const a = await appOnFile(
      path,
      async (submission) => {
        parsedByA.push(submission.body);
        if (parsedByA.length === 2) {
          aStalled = stall;
          await stall;
        }
        return parseSubmission(submission);
      },
      async () => aStalled,
    );
    wakeOnCleanUp.push(wakeA);
    await storeOld(a, seedText, wrongSeed());
    await storeOld(a, otherText, wrongOther());
    await storeOld(a, thirdText, storyPage(thirdText));
    const job = await startReparse(a, { all: true });
    expect(job.total).toBe(3);
    // B starts once A holds the job and has stalled (else B might claim it first).
    for (const deadline = Date.now() + 60_000; parsedByA.length < 2;) {
      if (Date.now() > deadline) throw new Error(`A never reached the second page: ${parsedByA.length}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const parsedByB: string[] = [];
    const b = await appOnFile(path, async (submission) => {
      parsedByB.push(submission.body);
      return parseSubmission(submission);
    });
    const done = await waitForJob(b, job);
    expect(done).toMatchObject({
      status: 'succeeded',
      total: 3,
      processed: 3,
      updated: 2,
      unchanged: 1,
      skipped: 0,
      failed: 0,
      error: null,
    });
    // B went on after the page A had recorded, or redid it (never counted twice), and did the rest.
    expect(parsedByA.slice(0, 2)).toEqual([seedText, otherText]);
    expect(parsedByB.slice(-2)).toEqual([otherText, thirdText]);
    const seed = await articleView(b, 1);
    expect(seed.paragraphs).toEqual(seedExpected.body_paragraphs);
    expect(seed.parser_version).toBe(PARSER_VERSION);
  });
});

describe('GET /v1/admin/jobs/{id}', () => {
  it('answers 404 for an unknown job and 400 for a malformed id', async () => {
    const test = (t = await buildTestApp());
    const unknown = await test.app.inject('/v1/admin/jobs/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ type: 'urn:masthead:problem:not-found', status: 404 });
    expectMatchesContract('GET', '/v1/admin/jobs/{id}', unknown);
    for (const id of ['nope', '123', '00000000-0000-4000-8000-00000000000', "x'; DROP TABLE jobs;--"]) {
      const response = await test.app.inject(`/v1/admin/jobs/${encodeURIComponent(id)}`);
      expect(response.statusCode, id).toBe(400);
      expect(response.json()).toMatchObject({ type: 'urn:masthead:problem:validation' });
      expect(response.json().errors[0].path).toBe('params/id');
      expectMatchesContract('GET', '/v1/admin/jobs/{id}', response);
    }
  });
});
