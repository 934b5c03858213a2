/**
 * The Repository contract, on every engine (test/helpers/engines.ts): what the port promises
 * (src/storage/repository.ts), whatever stores it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/ingest/ingest.js';
import { createPostgresRepository } from '../../src/storage/postgres/index.js';
import type { IngestRecord, PageWithStory, Repository } from '../../src/storage/repository.js';
import { engines, postgresEngine } from '../helpers/engines.js';
import { freshPostgresUrl } from '../helpers/postgres.js';

function page(overrides: Partial<PageWithStory> = {}): PageWithStory {
  return {
    story: {
      title: 'A title',
      deck: 'A deck',
      byline: 'A. Writer',
      dateline: null,
      paragraphs: ['First paragraph about whales.', 'Second paragraph.'],
      language: 'en',
    },
    edition: {
      publication: 'The Straits Times',
      date: '2024-10-23',
      label: 'October 23, 2024',
      platform: 'magzter',
    },
    teasers: [
      { title: 'Teaser one', summary: 'Summary one', publication: null, date: null, partial: false },
      { title: 'Teaser two', summary: null, publication: 'Other Pub', date: '2024-09', partial: true },
    ],
    page_locale: 'de',
    removed: [],
    warnings: [],
    ...overrides,
  };
}

function record(body: string, parsed: PageWithStory = page()): IngestRecord {
  return {
    document: {
      body,
      contentType: 'text/plain',
      sha256: sha256Hex(body),
      sourceUrl: 'https://example.com/a',
      receivedAt: '2026-01-01T00:00:00.000Z',
    },
    page: parsed,
    parserVersion: '9.9.9',
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}

const opened: Repository[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((repository) => repository.close()));
});

describe.each(engines)('Repository contract: $name', (engine) => {
  async function open(): Promise<Repository> {
    const repository = await engine.open();
    opened.push(repository);
    return repository;
  }

  describe.skipIf(!engine.available)('', () => {
    it('stores an ingest and reads it back whole', async () => {
      const repository = await open();
      const { article, created } = await repository.ingest(record('page one'));
      expect(created).toBe(true);
      expect(article).toEqual({
        id: 1,
        title: 'A title',
        deck: 'A deck',
        byline: 'A. Writer',
        dateline: null,
        paragraphs: ['First paragraph about whales.', 'Second paragraph.'],
        language: 'en',
        pageLocale: 'de',
        wordCount: 6,
        edition: { id: 1, publication: 'The Straits Times', date: '2024-10-23' },
        teaserCount: 2,
        teasedBy: [],
        storyId: 1,
        captures: [],
        sourceUrl: 'https://example.com/a',
        ingestedAt: '2026-01-01T00:00:00.000Z',
        parserVersion: '9.9.9',
      });
      expect(await repository.getArticle(1)).toEqual(article);
      expect((await repository.listArticleTeasers(1, { limit: 100 }))?.items).toEqual([
        {
          position: 1,
          title: 'Teaser one',
          summary: 'Summary one',
          publication: null,
          date: null,
          partial: false,
          linkedArticleId: null,
        },
        {
          position: 2,
          title: 'Teaser two',
          summary: null,
          publication: 'Other Pub',
          date: '2024-09',
          partial: true,
          linkedArticleId: null,
        },
      ]);
      expect(await repository.getArticleEdition(1)).toEqual({
        pageLocale: 'de',
        edition: {
          id: 1,
          publication: { id: 1, name: 'The Straits Times' },
          date: '2024-10-23',
          label: 'October 23, 2024',
          platform: 'magzter',
          articleCount: 1,
        },
      });
    });

    it('returns the existing article for a document it already has, writing nothing', async () => {
      const repository = await open();
      const first = await repository.ingest(record('same text'));
      const second = await repository.ingest(record('same text', page({ page_locale: 'fr' })));
      expect(second.created).toBe(false);
      expect(second.article).toEqual(first.article);
      expect(await repository.getArticle(2)).toBeNull();
      expect(await repository.findArticleByDocumentHash(sha256Hex('same text'))).toEqual({
        article: first.article,
        contentType: 'text/plain',
      });
      expect(await repository.findArticleByDocumentHash(sha256Hex('other text'))).toBeNull();
    });

    it('gives one article to the same document ingested twice in one group', async () => {
      const repository = await open();
      const [a, b] = await Promise.all([
        repository.ingest(record('twice'), { moreFollow: true }),
        repository.ingest(record('twice')),
      ]);
      expect([a.created, b.created]).toEqual([true, false]);
      expect(b.article.id).toBe(a.article.id);
    });

    it('files articles of the same publication, date and platform under one edition', async () => {
      const repository = await open();
      await repository.ingest(record('a'));
      const sameEdition = page({
        edition: { publication: 'THE STRAITS TIMES', date: '2024-10-23', label: 'x', platform: 'magzter' },
      });
      const b = await repository.ingest(record('b', sameEdition));
      expect(b.article.edition?.id).toBe(1);
      const otherDay = await repository.ingest(
        record(
          'c',
          page({
            edition: {
              publication: 'The Straits Times',
              date: '2024-10-24',
              label: null,
              platform: 'magzter',
            },
          }),
        ),
      );
      expect(otherDay.article.edition?.id).toBe(2);
      const undated = await repository.ingest(
        record(
          'd',
          page({ edition: { publication: 'The Straits Times', date: null, label: null, platform: null } }),
        ),
      );
      const undatedAgain = await repository.ingest(
        record(
          'e',
          page({ edition: { publication: 'The Straits Times', date: null, label: null, platform: null } }),
        ),
      );
      expect(undatedAgain.article.edition?.id).toBe(undated.article.edition?.id);
      expect((await repository.getArticleEdition(1))?.edition?.articleCount).toBe(2);
    });

    it('stores an article with no edition when the page printed no publication', async () => {
      const repository = await open();
      const { article } = await repository.ingest(
        record(
          'x',
          page({ edition: { publication: null, date: '2024-04', label: 'April 2024', platform: 'magzter' } }),
        ),
      );
      expect(article.edition).toBeNull();
      expect(await repository.getArticleEdition(article.id)).toEqual({ edition: null, pageLocale: 'de' });
    });

    it('answers null/undefined for articles that do not exist', async () => {
      const repository = await open();
      expect(await repository.getArticle(7)).toBeNull();
      expect(await repository.getArticleEdition(7)).toBeUndefined();
      expect(await repository.listArticleTeasers(7, { limit: 100 })).toBeNull();
      expect(await repository.getArticleSource(7)).toBeNull();
      expect(await repository.deleteArticle(7)).toBe(false);
    });

    it('rolls back the whole ingest when any part fails, and fails that ingest alone', async () => {
      const repository = await open();
      const broken = page({
        edition: { publication: 'Broken Pub', date: '2024-01-01', label: null, platform: null },
        teasers: [
          { title: null as unknown as string, summary: null, publication: null, date: null, partial: false },
        ],
      });
      // in one group with a good ingest: the bad one rejects, the good one is stored
      const [bad, good] = await Promise.allSettled([
        repository.ingest(record('broken', broken), { moreFollow: true }),
        repository.ingest(record('good')),
      ]);
      expect(bad.status).toBe('rejected');
      expect((bad as PromiseRejectedResult).reason).toMatchObject({
        message: 'store: unable to insert article',
      });
      expect(good.status).toBe('fulfilled');
      expect(await repository.findArticleByDocumentHash(sha256Hex('broken'))).toBeNull();
      const stored = (good as PromiseFulfilledResult<{ article: { id: number } }>).value.article;
      expect(await repository.getArticle(stored.id)).not.toBeNull();
      // nothing of the broken page's edition was kept: the good page's edition is the only one
      expect((await repository.getArticleEdition(stored.id))?.edition?.publication.name).toBe(
        'The Straits Times',
      );
    });

    it('keeps the raw document byte for byte, with its hash', async () => {
      const repository = await open();
      const body = '\uFEFFline one\r\nline two\u00A0\u200B\n€';
      const { article } = await repository.ingest(record(body));
      const source = await repository.getArticleSource(article.id);
      expect(Buffer.from(source!.bytes).equals(Buffer.from(body, 'utf8'))).toBe(true);
      expect(source).toMatchObject({ contentType: 'text/plain', sha256: sha256Hex(body) });
    });

    it('deletes an article with its edition and publication when they are left empty, and never reuses its id', async () => {
      const repository = await open();
      const first = await repository.ingest(record('first'));
      const second = await repository.ingest(
        record(
          'second',
          page({ edition: { publication: 'Other', date: null, label: null, platform: null } }),
        ),
      );
      expect(await repository.deleteArticle(second.article.id)).toBe(true);
      expect(await repository.getArticle(second.article.id)).toBeNull();
      expect(await repository.findArticleByDocumentHash(sha256Hex('second'))).toBeNull();
      const third = await repository.ingest(
        record('third', page({ edition: { publication: 'Other', date: null, label: null, platform: null } })),
      );
      expect(third.article.id).toBeGreaterThan(second.article.id);
      expect(third.article.edition!.id).toBeGreaterThan(second.article.edition!.id);
      expect(await repository.getArticle(first.article.id)).not.toBeNull();
    });

    it('links teasers to stories both ways, and unlinks them when the story goes', async () => {
      const repository = await open();
      const teasing = await repository.ingest(
        record(
          'teasing',
          page({
            teasers: [
              { title: 'Whale Story!', summary: null, publication: null, date: null, partial: false },
            ],
          }),
        ),
      );
      const story = await repository.ingest(
        record('story', page({ story: { ...page().story, title: 'whale story' }, teasers: [] })),
      );
      expect(story.article.teasedBy).toEqual([{ articleId: teasing.article.id, position: 1 }]);
      const teasingAgain = await repository.ingest(
        record(
          'teasing again',
          page({
            story: { ...page().story, title: 'Other' },
            teasers: [{ title: 'WHALE STORY', summary: null, publication: null, date: null, partial: false }],
          }),
        ),
      );
      expect(
        (await repository.listArticleTeasers(teasingAgain.article.id, { limit: 10 }))?.items[0]
          ?.linkedArticleId,
      ).toBe(story.article.id);
      await repository.deleteArticle(story.article.id);
      expect(
        (await repository.listArticleTeasers(teasing.article.id, { limit: 10 }))?.items[0]?.linkedArticleId,
      ).toBeNull();
    });

    it("gives a recapture of a story the first capture's story id", async () => {
      const repository = await open();
      const paragraphs = Array.from(
        { length: 12 },
        (_, i) => `Paragraph ${i} of a long enough story about the harbour and its ships, told at length.`,
      );
      const first = await repository.ingest(
        record('capture one', page({ story: { ...page().story, paragraphs } })),
      );
      const second = await repository.ingest(
        record('capture two', page({ page_locale: 'fr', story: { ...page().story, paragraphs } })),
      );
      expect(second.article.storyId).toBe(first.article.id);
      expect((await repository.getArticle(first.article.id))?.captures.map((c) => c.articleId)).toEqual([
        second.article.id,
      ]);
    });

    it('re-parses: unchanged, updated, missing and document-changed', async () => {
      const repository = await open();
      const { article } = await repository.ingest(record('to reparse'));
      const target = { articleId: article.id, documentSha256: sha256Hex('to reparse') };
      expect(await repository.replaceParse(target, page(), '10.0.0')).toBe('unchanged');
      expect((await repository.getArticle(article.id))?.parserVersion).toBe('10.0.0');
      const changed = page({ story: { ...page().story, title: 'A new title' } });
      expect(await repository.replaceParse(target, changed, '10.0.1')).toBe('updated');
      expect(await repository.getArticle(article.id)).toMatchObject({
        id: article.id,
        title: 'A new title',
        parserVersion: '10.0.1',
      });
      expect(
        await repository.replaceParse({ ...target, documentSha256: sha256Hex('other') }, page(), '10.0.2'),
      ).toBe('document-changed');
      expect(await repository.replaceParse({ ...target, articleId: 999 }, page(), '10.0.2')).toBe('missing');
      expect(
        await repository.listReparseCandidates({ afterArticleId: 0, limit: 10, staleFor: '10.0.1' }),
      ).toEqual([]);
      expect(await repository.countReparseCandidates({ staleFor: '10.0.2' })).toBe(1);
      expect((await repository.listReparseCandidates({ afterArticleId: 0, limit: 10 }))[0]).toMatchObject({
        articleId: article.id,
        documentSha256: sha256Hex('to reparse'),
        body: 'to reparse',
        parserVersion: '10.0.1',
      });
    });

    it('keeps jobs and their progress', async () => {
      const repository = await open();
      const job = await repository.createJob('reparse', 3, {
        options: { all: true },
        parserVersion: '1.0.0',
      });
      expect(job).toMatchObject({
        kind: 'reparse',
        status: 'queued',
        total: 3,
        processed: 0,
        error: null,
        options: { all: true },
        parserVersion: '1.0.0',
        claimedBy: null,
        resumeAfter: 0,
      });
      await repository.updateJob(job.id, {
        status: 'running',
        processed: 2,
        startedAt: '2026-01-01T00:00:00.000Z',
      });
      expect(await repository.getJob(job.id)).toMatchObject({
        status: 'running',
        processed: 2,
        startedAt: '2026-01-01T00:00:00.000Z',
      });
      expect(await repository.getJob('no-such-job')).toBeNull();
    });

    const spec = (parserVersion = '1.0.0') => ({ options: { all: false }, parserVersion });

    it('claims a queued job for its parser version, oldest first, each once', async () => {
      const repository = await open();
      // Queued in different milliseconds: jobs are first in, first claimed at that resolution.
      const first = await repository.createJob('reparse', 1, spec());
      await sleep(3);
      const second = await repository.createJob('reparse', 1, spec());
      const other = await repository.createJob('reparse', 1, spec('2.0.0'));
      const claimed = await repository.claimJob('A', 60_000, '1.0.0');
      expect(claimed).toMatchObject({ id: first.id, status: 'running', claimedBy: 'A' });
      expect(claimed?.heartbeatAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(claimed?.startedAt).toBe(claimed?.heartbeatAt);
      expect(await repository.claimJob('B', 60_000, '1.0.0')).toMatchObject({
        id: second.id,
        claimedBy: 'B',
      });
      // Both held with fresh leases: nothing left for this version; the other version's job waits for its nodes.
      expect(await repository.claimJob('C', 60_000, '1.0.0')).toBeNull();
      expect(await repository.claimJob('D', 60_000, '2.0.0')).toMatchObject({ id: other.id, claimedBy: 'D' });
    });

    it('renews a lease only for its holder; once it ran out another node takes the job with its progress', async () => {
      const repository = await open();
      const job = await repository.createJob('reparse', 5, spec());
      await repository.claimJob('A', 60_000, '1.0.0');
      expect(await repository.heartbeatJob(job.id, 'A', { processed: 2, unchanged: 2, resumeAfter: 7 })).toBe(
        true,
      );
      expect(await repository.heartbeatJob(job.id, 'B', { processed: 3 })).toBe(false);
      // A lease of 1 ms has run out after this pause: B takes the job over.
      await sleep(20);
      const taken = await repository.claimJob('B', 1, '1.0.0');
      expect(taken).toMatchObject({
        id: job.id,
        claimedBy: 'B',
        status: 'running',
        processed: 2,
        unchanged: 2,
        resumeAfter: 7,
      });
      expect(await repository.heartbeatJob(job.id, 'A', { processed: 9, resumeAfter: 9 })).toBe(false);
      // Handing it back (shutdown): queued, any node claims it at once whatever the lease.
      expect(await repository.heartbeatJob(job.id, 'B', { status: 'queued' })).toBe(true);
      expect(await repository.heartbeatJob(job.id, 'B', { processed: 3 })).toBe(false);
      expect(await repository.claimJob('C', 60_000, '1.0.0')).toMatchObject({
        id: job.id,
        claimedBy: 'C',
        processed: 2,
      });
      expect(
        await repository.heartbeatJob(job.id, 'C', {
          status: 'succeeded',
          finishedAt: '2026-01-01T00:00:00.000Z',
        }),
      ).toBe(true);
      expect(await repository.claimJob('D', 1, '1.0.0')).toBeNull();
    });

    it("counts a job's re-parse in the same transaction, and writes nothing for a node that lost the job", async () => {
      const repository = await open();
      const { article } = await repository.ingest(record('job page'));
      const job = await repository.createJob('reparse', 1, spec());
      await repository.claimJob('A', 60_000, '1.0.0');
      const target = {
        articleId: article.id,
        documentSha256: sha256Hex('job page'),
        job: { id: job.id, nodeId: 'A' },
      };
      expect(await repository.replaceParse(target, page(), '1.0.0')).toBe('unchanged');
      expect(await repository.getJob(job.id)).toMatchObject({
        processed: 1,
        unchanged: 1,
        updated: 0,
        resumeAfter: article.id,
      });
      // An older heartbeat landing after that count does not undo it.
      expect(await repository.heartbeatJob(job.id, 'A', { processed: 0, unchanged: 0, resumeAfter: 0 })).toBe(
        true,
      );
      expect(await repository.getJob(job.id)).toMatchObject({
        processed: 1,
        unchanged: 1,
        resumeAfter: article.id,
      });
      // B takes the job over; A's next write is refused whole.
      await sleep(20);
      await repository.claimJob('B', 1, '1.0.0');
      const changed = page({ story: { ...page().story, title: 'Rewritten by a node that lost its job' } });
      expect(await repository.replaceParse(target, changed, '1.0.1')).toBe('job-lost');
      expect(await repository.getArticle(article.id)).toMatchObject({
        title: 'A title',
        parserVersion: '1.0.0',
      });
      expect(await repository.getJob(job.id)).toMatchObject({
        claimedBy: 'B',
        processed: 1,
        unchanged: 1,
        updated: 0,
      });
      // The holder's write goes through and is counted (a missing article counts as skipped).
      expect(
        await repository.replaceParse({ ...target, job: { id: job.id, nodeId: 'B' } }, changed, '1.0.1'),
      ).toBe('updated');
      expect(
        await repository.replaceParse(
          { articleId: 999, documentSha256: 'x'.repeat(64), job: { id: job.id, nodeId: 'B' } },
          changed,
          '1.0.1',
        ),
      ).toBe('missing');
      expect(await repository.getJob(job.id)).toMatchObject({
        processed: 3,
        unchanged: 1,
        updated: 1,
        skipped: 1,
        resumeAfter: 999,
      });
    });

    it('reports its schema, health and size', async () => {
      const repository = await open();
      const status = await repository.schemaStatus();
      expect(status.current).toBe(status.latest);
      expect(await repository.health()).toEqual({ status: 'ok' });
      expect(await repository.sizeBytes()).toBeGreaterThan(0);
    });
  });
});

describe.skipIf(!postgresEngine.available)('PostgreSQL: several nodes on one database', () => {
  async function nodes(count: number): Promise<Repository[]> {
    const url = await freshPostgresUrl();
    const repositories = await Promise.all(
      Array.from({ length: count }, () => createPostgresRepository({ url })),
    );
    opened.push(...repositories);
    return repositories;
  }

  /** `records` ingested by one node as one burst (one group commit, so its transaction stays open while the other node writes). */
  const burst = (node: Repository, records: IngestRecord[]) =>
    Promise.all(records.map((r, i) => node.ingest(r, { moreFollow: i < records.length - 1 })));

  it('gives each of 12 jobs to exactly one of 4 nodes claiming at once (FOR UPDATE SKIP LOCKED)', async () => {
    const nodes4 = await nodes(4);
    const spec = { options: { all: false }, parserVersion: '1.0.0' };
    const jobs = [];
    for (let i = 0; i < 12; i += 1) jobs.push(await nodes4[0]!.createJob('reparse', 1, spec));
    const claims = await Promise.all(
      nodes4.flatMap((node, n) =>
        Array.from({ length: 4 }, () => node.claimJob(`node-${n}`, 60_000, '1.0.0')),
      ),
    );
    const won = claims.filter((job) => job !== null);
    expect(won.map((job) => job.id).sort()).toEqual(jobs.map((job) => job.id).sort());
    for (const job of won) expect((await nodes4[0]!.getJob(job.id))?.claimedBy).toBe(job.claimedBy);
  });

  it('gives the same documents ingested by two nodes at once one article each, created once', async () => {
    const [a, b] = await nodes(2);
    const documents = Array.from({ length: 40 }, (_, i) => record(`concurrent document ${i}`));
    const [fromA, fromB] = await Promise.all([burst(a!, documents), burst(b!, documents)]);
    fromA.forEach((x, i) => {
      const y = fromB[i]!;
      expect([x.created, y.created].sort()).toEqual([false, true]);
      expect(x.article.id).toBe(y.article.id);
    });
  });

  it('gives documents of the same new publications ingested by two nodes at once one publication and edition each', async () => {
    const [a, b] = await nodes(2);
    const parsed = (i: number) =>
      page({ edition: { publication: `New Pub ${i}`, date: '2025-01-01', label: null, platform: null } });
    const count = 40;
    const [fromA, fromB] = await Promise.all([
      burst(
        a!,
        Array.from({ length: count }, (_, i) => record(`one ${i}`, parsed(i))),
      ),
      burst(
        b!,
        Array.from({ length: count }, (_, i) => record(`two ${i}`, parsed(i))),
      ),
    ]);
    for (let i = 0; i < count; i++) {
      const [x, y] = [fromA[i]!, fromB[i]!];
      expect(x.created && y.created).toBe(true);
      expect(x.article.edition?.id).toBe(y.article.edition?.id);
      const edition = (await a!.getArticleEdition(x.article.id))?.edition;
      expect(edition?.articleCount).toBe(2);
      expect((await b!.getArticleEdition(y.article.id))?.edition?.publication.id).toBe(
        edition?.publication.id,
      );
    }
  });

  it('links a teaser and its story written by two nodes at once', async () => {
    const [a, b] = await nodes(2);
    const count = 40;
    // Each pair has its own publication, stored beforehand, and the two pages of a pair are in
    // editions of their own: the two nodes' transactions share no row to wait on.
    const edition = (i: number, date: string) => ({
      publication: `Pub ${i}`,
      date,
      label: null,
      platform: null,
    });
    for (let i = 0; i < count; i++) {
      await a!.ingest(record(`seed ${i}`, page({ edition: edition(i, '2020-01-01'), teasers: [] })));
    }
    const teasing = Array.from({ length: count }, (_, i) =>
      record(
        `teasing ${i}`,
        page({
          edition: edition(i, '2024-01-01'),
          story: { ...page().story, title: `Teasing page ${i}` },
          teasers: [
            { title: `Story number ${i}`, summary: null, publication: null, date: null, partial: false },
          ],
        }),
      ),
    );
    const stories = Array.from({ length: count }, (_, i) =>
      record(
        `story ${i}`,
        page({
          edition: edition(i, '2024-02-02'),
          story: { ...page().story, title: `Story number ${i}` },
          teasers: [],
        }),
      ),
    );
    const [teasers, storied] = await Promise.all([burst(a!, teasing), burst(b!, stories)]);
    for (let i = 0; i < count; i++) {
      const story = await a!.getArticle(storied[i]!.article.id);
      expect(story?.teasedBy, `story ${i}`).toEqual([{ articleId: teasers[i]!.article.id, position: 1 }]);
    }
  });

  it('gives two captures of one story written by two nodes at once one story', async () => {
    const [a, b] = await nodes(2);
    const count = 20;
    const edition = (i: number, date: string) => ({
      publication: `Pub ${i}`,
      date,
      label: null,
      platform: null,
    });
    for (let i = 0; i < count; i++) {
      await a!.ingest(record(`seed ${i}`, page({ edition: edition(i, '2020-01-01'), teasers: [] })));
    }
    const body = (i: number) =>
      Array.from(
        { length: 10 },
        (_, p) => `Story ${i} paragraph ${p}: the harbour, its ships and the night shift.`,
      );
    const capture = (i: number, locale: string, date: string) =>
      record(
        `capture ${i} ${locale}`,
        page({
          edition: edition(i, date),
          page_locale: locale,
          story: { ...page().story, paragraphs: body(i) },
          teasers: [],
        }),
      );
    const [english, french] = await Promise.all([
      burst(
        a!,
        Array.from({ length: count }, (_, i) => capture(i, 'en', '2024-01-01')),
      ),
      burst(
        b!,
        Array.from({ length: count }, (_, i) => capture(i, 'fr', '2024-02-02')),
      ),
    ]);
    for (let i = 0; i < count; i++) {
      const [x, y] = [
        await a!.getArticle(english[i]!.article.id),
        await a!.getArticle(french[i]!.article.id),
      ];
      expect(x?.storyId, `story ${i}`).toBe(y?.storyId);
    }
  });
});
