import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPage, type PageSubmission, type ParseFunction } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { createJobRunner, reparseStored } from '../../src/ingest/reparse.js';
import { PARSER_VERSION } from '../../src/parser/version.js';
import type { JobRecord, Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { fixtureText, SEED_ID } from '../helpers/app.js';
import { page, record } from '../helpers/records.js';

let repository: Repository | undefined;
afterEach(async () => {
  await repository?.close();
  repository = undefined;
});

describe('reparseStored', () => {
  it('parses through the parse function it is given (the server passes its worker pool)', async () => {
    repository = createSqliteRepository(':memory:');
    const seed = fixtureText(SEED_ID);
    for (const body of [seed, fixtureText('004-en-womansera-hope')]) {
      await ingestPage(repository, { body, contentType: 'text/plain', sourceUrl: null });
    }
    const parsed: PageSubmission[] = [];
    const recording: ParseFunction = async (submission) => {
      parsed.push(submission);
      return parseSubmission(submission);
    };
    const summary = await reparseStored(repository, { all: true, parse: recording });
    expect(summary).toMatchObject({ total: 2, unchanged: 2, failed: 0 });
    expect(parsed.map((submission) => submission.body)).toEqual([seed, fixtureText('004-en-womansera-hope')]);
    expect((await repository.getArticle(1))?.parserVersion).toBe(PARSER_VERSION);
  });
});

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Polls `read` until `done` holds; a generous hang detector, not a timing assertion. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await sleep(10);
  }
}

/** What happened on every node, in order: pages parsed and articles written. */
interface Event {
  node: string;
  /** `attempt`: replaceParse called; `write`: it stored (not refused as 'job-lost'). */
  kind: 'parse' | 'attempt' | 'write' | 'claim';
  articleId?: number;
}

const PAGES = 30;

describe('re-parse jobs on several nodes (one database file, one repository each)', () => {
  const dirs: string[] = [];
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A database file holding PAGES stored pages (article ids 1..PAGES). */
  async function databaseWithPages(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-jobs-'));
    dirs.push(dir);
    const path = join(dir, 'jobs.db');
    const seeding = createSqliteRepository(path);
    for (let n = 0; n < PAGES; n += 1)
      await seeding.ingest(record(page({ title: `Story ${n}` }), `page ${n}`));
    await seeding.close();
    return path;
  }

  /**
   * A node: its own repository on the file, and a runner whose parse returns the stored parse
   * (so a page re-parses as 'unchanged') after `beforeParse` lets it; its heartbeats wait for
   * `beforeHeartbeat`. Every parse, write and claim is logged in `events`.
   */
  function startNode(
    path: string,
    name: string,
    events: Event[],
    settings: {
      leaseMs: number;
      beforeParse?: (articleBody: string) => Promise<void> | void;
      beforeHeartbeat?: () => Promise<void>;
    },
  ) {
    const opened = createSqliteRepository(path);
    const repository: Repository = {
      ...opened,
      async replaceParse(target, parsed, version) {
        // A write refused inside its transaction because the node lost the job ('job-lost')
        // stored nothing: only writes that happened are events.
        events.push({ node: name, kind: 'attempt', articleId: target.articleId });
        const written = await opened.replaceParse(target, parsed, version);
        if (written !== 'job-lost') events.push({ node: name, kind: 'write', articleId: target.articleId });
        return written;
      },
      async heartbeatJob(id, nodeId, patch) {
        await settings.beforeHeartbeat?.();
        return opened.heartbeatJob(id, nodeId, patch);
      },
      async claimJob(nodeId, leaseMs, parserVersion, maxTakeovers) {
        const job = await opened.claimJob(nodeId, leaseMs, parserVersion, maxTakeovers);
        if (job) events.push({ node: name, kind: 'claim' });
        return job;
      },
    };
    const parse: ParseFunction = async (submission) => {
      const n = Number(/^page (\d+)$/.exec(submission.body)?.[1]);
      events.push({ node: name, kind: 'parse', articleId: n + 1 });
      await settings.beforeParse?.(submission.body);
      return page({ title: `Story ${n}` });
    };
    const runner = createJobRunner(repository, {
      parse,
      nodeId: name,
      leaseMs: settings.leaseMs,
      pollMs: 20,
      // Short leases on a loaded machine may pass from node to node: these tests are about who
      // writes, not about the cap on takeovers (test/storage/jobs.test.ts).
      maxTakeovers: 1_000,
    });
    runner.start();
    const node = {
      repository,
      runner,
      async close() {
        await runner.close();
        await opened.close();
      },
    };
    closing.push(() => node.close());
    return node;
  }

  const finished = (job: JobRecord | null): boolean =>
    job?.status === 'succeeded' || job?.status === 'failed';
  const parsedBy = (events: Event[], node: string): number[] =>
    events.filter((e) => e.node === node && e.kind === 'parse').map((e) => e.articleId ?? 0);

  it('a job queued on one node is claimed and run by exactly one node, each page once', async () => {
    const path = await databaseWithPages();
    const events: Event[] = [];
    const a = startNode(path, 'A', events, { leaseMs: 5_000 });
    const b = startNode(path, 'B', events, { leaseMs: 5_000 });
    const queued = await a.runner.startReparse({ all: true });
    expect(queued).toMatchObject({ status: 'queued', total: PAGES, options: { all: true } });

    const job = await until(() => b.repository.getJob(queued.id), finished, 'the job');
    expect(job).toMatchObject({ status: 'succeeded', total: PAGES, processed: PAGES, unchanged: PAGES });
    expect(job).toMatchObject({ updated: 0, skipped: 0, failed: 0 });
    const runners = new Set(events.filter((e) => e.kind !== 'claim').map((e) => e.node));
    expect(runners.size, 'one node ran the job').toBe(1);
    expect(events.filter((e) => e.kind === 'claim')).toHaveLength(1);
    expect(job?.claimedBy).toBe([...runners][0]);
    const ids = parsedBy(events, job?.claimedBy ?? '');
    expect(ids).toEqual(Array.from({ length: PAGES }, (_, i) => i + 1));
  });

  it('a job survives its node: when A stops renewing mid-job, B takes it over after the lease and finishes it, counting each page once', async () => {
    const path = await databaseWithPages();
    const events: Event[] = [];
    // A records its progress up to page 12 (it waits at page 13 for it to be recorded), then
    // freezes at page 20: its work and its heartbeats hang, as in a stalled or cut-off process.
    const frozen = gate();
    let aFrozen = false;
    let jobId = '';
    const a = startNode(path, 'A', events, {
      leaseMs: 400,
      beforeHeartbeat: async () => {
        if (aFrozen) await frozen.opened;
      },
      beforeParse: async () => {
        const page = parsedBy(events, 'A').length;
        if (page === 13) {
          await until(
            () => a.repository.getJob(jobId),
            (job) => (job?.resumeAfter ?? 0) >= 12,
            'a heartbeat',
          );
        }
        if (page === 20) {
          aFrozen = true;
          await frozen.opened;
        }
      },
    });
    const queued = await a.runner.startReparse({ all: true });
    jobId = queued.id;
    await until(async () => aFrozen, Boolean, 'A reaching its 20th page');
    const held = await a.repository.getJob(queued.id);
    expect(held).toMatchObject({ status: 'running', claimedBy: 'A' });
    expect(held?.resumeAfter).toBeGreaterThanOrEqual(12);
    expect(held?.resumeAfter).toBeLessThan(20);

    // B comes up once A is stuck, so only a takeover can give it the job.
    const b = startNode(path, 'B', events, { leaseMs: 400 });
    const job = await until(() => b.repository.getJob(queued.id), finished, 'the job');
    expect(job).toMatchObject({ status: 'succeeded', claimedBy: 'B', total: PAGES, processed: PAGES });
    // Counted once each: A's writes were counted with them, B went on from there.
    expect([job?.updated, job?.unchanged, job?.skipped, job?.failed]).toEqual([0, PAGES, 0, 0]);
    // B resumed after what A had recorded, and nothing was left out.
    const byB = parsedBy(events, 'B');
    expect(byB[0]).toBe((held?.resumeAfter ?? 0) + 1);
    expect(new Set([...parsedBy(events, 'A'), ...byB])).toEqual(
      new Set(Array.from({ length: PAGES }, (_, i) => i + 1)),
    );

    // A wakes up: it finds the job gone, and writes nothing more.
    const aAttemptsBefore = events.filter((e) => e.node === 'A' && e.kind === 'attempt').length;
    frozen.open();
    await a.runner.close();
    expect(events.filter((e) => e.node === 'A' && e.kind === 'attempt')).toHaveLength(aAttemptsBefore);
    expect(await b.repository.getJob(queued.id)).toMatchObject({
      status: 'succeeded',
      claimedBy: 'B',
      processed: PAGES,
    });
  });

  it('never runs a job on two nodes at once: every write is by the node that claimed it last', async () => {
    const path = await databaseWithPages();
    const events: Event[] = [];
    const frozen = gate();
    let aFrozen = false;
    let aParses = 0;
    const a = startNode(path, 'A', events, {
      leaseMs: 400,
      beforeHeartbeat: async () => {
        if (aFrozen) await frozen.opened;
      },
      beforeParse: async () => {
        aParses += 1;
        if (aParses === 5) {
          aFrozen = true;
          await frozen.opened;
        }
      },
    });
    const queued = await a.runner.startReparse({ all: true });
    await until(async () => aFrozen, Boolean, 'A reaching its 5th page');
    // B claims the job, and A wakes up in the middle of B's run.
    const b = startNode(path, 'B', events, {
      leaseMs: 400,
      beforeParse: () => {
        if (parsedBy(events, 'B').length === 3) frozen.open();
      },
    });
    await until(() => b.repository.getJob(queued.id), finished, 'the job');
    await a.runner.close();

    const bClaimed = events.findIndex((e) => e.node === 'B' && e.kind === 'claim');
    expect(bClaimed).toBeGreaterThan(-1);
    // Every write is by the node that claimed the job last. (Under load B's short lease may run
    // out and A take the job back: then A writes, as the holder.)
    let holder = '';
    const byOthers = events.flatMap((e) => {
      if (e.kind === 'claim') holder = e.node;
      return e.kind === 'write' && e.node !== holder ? [e] : [];
    });
    expect(byOthers).toEqual([]);
    expect(await b.repository.getJob(queued.id)).toMatchObject({
      status: 'succeeded',
      processed: PAGES,
      unchanged: PAGES,
    });
  });

  it('on close a node hands its running job back to the queue with its progress; another resumes it at once', async () => {
    const path = await databaseWithPages();
    const events: Event[] = [];
    const paused = gate();
    let pausedAt = false;
    const a = startNode(path, 'A', events, {
      // A long lease: B can only get the job because A hands it back.
      leaseMs: 600_000,
      beforeParse: async () => {
        if (parsedBy(events, 'A').length === 10) {
          pausedAt = true;
          await paused.opened;
        }
      },
    });
    const queued = await a.runner.startReparse({ all: true });
    await until(async () => pausedAt, Boolean, 'A reaching its 10th page');
    const closed = a.runner.close();
    paused.open();
    await closed;
    const handedBack = await a.repository.getJob(queued.id);
    expect(handedBack).toMatchObject({
      status: 'queued',
      error: null,
      finishedAt: null,
      processed: 9,
      resumeAfter: 9,
    });

    const b = startNode(path, 'B', events, { leaseMs: 600_000 });
    const job = await until(() => b.repository.getJob(queued.id), finished, 'the job');
    expect(job).toMatchObject({
      status: 'succeeded',
      claimedBy: 'B',
      processed: PAGES,
      unchanged: PAGES,
      failed: 0,
    });
    expect(parsedBy(events, 'B')).toEqual(Array.from({ length: PAGES - 9 }, (_, i) => i + 10));
  });
});
