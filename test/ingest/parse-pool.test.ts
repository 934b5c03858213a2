import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageSubmission } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import {
  createParsePool,
  INGESTS_PER_STATELESS_PARSE,
  ParseBudgetExceededError,
  ParsePoolClosedError,
  ParsePoolFullError,
  ParseWorkerError,
  type ParsePool,
  type ParsePoolOptions,
} from '../../src/ingest/parse-pool.js';
import { loadFixtures } from '../helpers/fixtures.js';
import { fixtureText, SEED_ID } from '../helpers/app.js';
import { EXIT, HANG, THROW } from './parse-worker-double.js';

const DOUBLE_URL = new URL('./parse-worker-double.ts', import.meta.url);
/** Long enough for any real page here, so only the marker that hangs ever exceeds it. */
const DOUBLE_BUDGET_MS = 1500;

const pools: ParsePool[] = [];
function pool(options: ParsePoolOptions): ParsePool {
  const created = createParsePool(options);
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

function text(body: string): PageSubmission {
  return { body, contentType: 'text/plain', sourceUrl: null };
}

const seed = (): PageSubmission => text(fixtureText(SEED_ID));

describe('parse pool', () => {
  it('parses every fixture page exactly as in-process parsing does, more pages than workers at once', async () => {
    const fixtures = loadFixtures();
    // Every page queued at once: the queue must hold them all (the golden set outgrew the default).
    const parser = pool({ size: 2, budgetMs: 10_000, maxQueue: fixtures.length });
    const submissions = fixtures.map((fixture) => ({
      id: fixture.id,
      submission: { body: fixture.raw, contentType: 'text/plain', sourceUrl: fixture.source.url } as const,
    }));
    expect(submissions.length).toBeGreaterThan(2);
    const results = submissions.map(({ submission }) => parser.parse(submission));
    expect(parser.stats()).toMatchObject({ size: 2, queued: submissions.length });
    const pages = await Promise.all(results);
    for (const [index, { id, submission }] of submissions.entries()) {
      expect(pages[index], id).toStrictEqual(parseSubmission(submission));
    }
    expect(parser.stats()).toStrictEqual({ size: 2, workers: 2, busy: 0, queued: 0 });
  });

  it('flattens HTML in the worker, as in-process parsing does', async () => {
    const parser = pool({ size: 1, budgetMs: 10_000 });
    const html: PageSubmission = {
      body: `<html><head><script>var x = "not text";</script></head><body>${fixtureText(SEED_ID)
        .split('\n')
        .map((line) => `<p>${line.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
        .join('')}</body></html>`,
      contentType: 'text/html',
      sourceUrl: 'https://www.magzter.com/stories/x',
    };
    const page = await parser.parse(html);
    expect(page.story).not.toBeNull();
    expect(page).toStrictEqual(parseSubmission(html));
  });

  it('cuts off a hostile 1 MiB page over its budget, then restores the worker', async () => {
    const parser = pool({ size: 1, budgetMs: 1 });
    const hostile = text('a\n'.repeat(512 * 1024));
    const cutOff = await parser.parse(hostile).catch((error: unknown) => error);
    expect(cutOff).toBeInstanceOf(ParseBudgetExceededError);
    expect((cutOff as ParseBudgetExceededError).budgetMs).toBe(1);
    expect((cutOff as Error).message).toMatch(/1 ms budget/);
    expect(parser.stats()).toMatchObject({ workers: 1, busy: 0, queued: 0 });
  });

  it('terminates a worker stuck in a loop, and the next page parses in its replacement', async () => {
    const parser = pool({ size: 1, budgetMs: DOUBLE_BUDGET_MS, workerUrl: DOUBLE_URL });
    const stuck = parser.parse(text(HANG));
    const next = parser.parse(seed());
    await expect(stuck).rejects.toBeInstanceOf(ParseBudgetExceededError);
    expect(parser.stats().workers).toBe(1);
    expect(await next).toStrictEqual(parseSubmission(seed()));
    expect(await parser.parse(seed())).toStrictEqual(parseSubmission(seed()));
    expect(parser.stats()).toStrictEqual({ size: 1, workers: 1, busy: 0, queued: 0 });
  });

  it.each([
    ['exits', EXIT, /crashed: exited with code 7/],
    ['throws outside the parse', THROW, /crashed: boom outside the parse/],
  ])('rejects the job when its worker %s, and keeps working', async (_name, marker, message) => {
    const parser = pool({ size: 2, budgetMs: DOUBLE_BUDGET_MS, workerUrl: DOUBLE_URL });
    const results = [parser.parse(seed()), parser.parse(text(marker)), parser.parse(seed())];
    const [first, crashed, third] = await Promise.allSettled(results);
    expect(crashed?.status).toBe('rejected');
    const reason = (crashed as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(ParseWorkerError);
    expect(reason.message).toMatch(message);
    expect(first?.status).toBe('fulfilled');
    expect(third?.status).toBe('fulfilled');
    expect(await parser.parse(seed())).toStrictEqual(parseSubmission(seed()));
    expect(parser.stats()).toMatchObject({ workers: 2, busy: 0, queued: 0 });
  });

  it('fails waiting jobs, without respawning in a loop, when a worker cannot start', async () => {
    const broken = new URL(`data:text/javascript,${encodeURIComponent('throw new Error("no parser here")')}`);
    const parser = pool({ size: 2, budgetMs: 1000, workerUrl: broken });
    const results = await Promise.allSettled([parser.parse(seed()), parser.parse(seed())]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as Error;
      expect(reason).toBeInstanceOf(ParseWorkerError);
      expect(reason.message).toMatch(/failed to start: no parser here/);
    }
    // The other worker fails to start as well; neither is replaced until work comes again.
    await vi.waitFor(() => expect(parser.stats()).toMatchObject({ workers: 0, queued: 0 }));
    await expect(parser.parse(seed())).rejects.toThrow(/failed to start: no parser here/);
  });

  it('refuses work beyond its queue bound', async () => {
    const parser = pool({ size: 1, budgetMs: DOUBLE_BUDGET_MS, maxQueue: 1, workerUrl: DOUBLE_URL });
    const waiting = parser.parse(text(HANG)).catch((error: unknown) => error);
    await expect(parser.parse(seed())).rejects.toBeInstanceOf(ParsePoolFullError);
    await parser.close();
    expect(await waiting).toBeInstanceOf(ParsePoolClosedError);
  });

  it('close() terminates the workers and rejects running and queued jobs', async () => {
    const parser = pool({ size: 1, budgetMs: 60_000, workerUrl: DOUBLE_URL });
    // Let the worker start and parse once, so the next job really runs when close() comes.
    await parser.parse(seed());
    const jobs = Promise.allSettled([parser.parse(text(HANG)), parser.parse(seed())]);
    expect(parser.stats()).toMatchObject({ workers: 1, busy: 1, queued: 1 });
    await parser.close();
    for (const result of await jobs) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(ParsePoolClosedError);
    }
    expect(parser.stats()).toStrictEqual({ size: 1, workers: 0, busy: 0, queued: 0 });
    await expect(parser.parse(seed())).rejects.toBeInstanceOf(ParsePoolClosedError);
  });

  describe('stored ingests before stateless parses', () => {
    /** Starts jobs on one ready worker and returns the order in which they finish (= start order). */
    async function finishOrder(
      parser: ParsePool,
      jobs: [string, 'ingest' | 'stateless'][],
    ): Promise<string[]> {
      const order: string[] = [];
      await Promise.all(
        jobs.map(([name, priority]) => parser.parse(seed(), priority).then(() => order.push(name))),
      );
      return order;
    }

    it('an ingest queued after K stateless parses starts before them', async () => {
      const parser = pool({ size: 1, budgetMs: DOUBLE_BUDGET_MS, workerUrl: DOUBLE_URL });
      await parser.parse(seed());
      // The first job takes the idle worker; the rest wait in the queue.
      const order = await finishOrder(parser, [
        ['running', 'stateless'],
        ['parse 1', 'stateless'],
        ['parse 2', 'stateless'],
        ['parse 3', 'stateless'],
        ['ingest', 'ingest'],
      ]);
      expect(order).toEqual(['running', 'ingest', 'parse 1', 'parse 2', 'parse 3']);
    });

    it('stateless parses still get a turn while ingests keep coming', async () => {
      const parser = pool({ size: 1, budgetMs: DOUBLE_BUDGET_MS, workerUrl: DOUBLE_URL });
      await parser.parse(seed());
      const ingests = Array.from(
        { length: 3 * INGESTS_PER_STATELESS_PARSE },
        (_, n) => [`ingest ${n + 1}`, 'ingest'] as [string, 'ingest'],
      );
      const order = await finishOrder(parser, [
        ['running', 'ingest'],
        ['parse 1', 'stateless'],
        ['parse 2', 'stateless'],
        ...ingests,
      ]);
      const turn = INGESTS_PER_STATELESS_PARSE;
      expect(order.indexOf('parse 1')).toBe(1 + turn);
      expect(order.indexOf('parse 2')).toBe(2 + 2 * turn);
      expect(order.filter((name) => name.startsWith('ingest'))).toEqual(ingests.map(([name]) => name));
    });

    it('each kind has its own queue bound: a flood of stateless parses does not refuse ingests', async () => {
      const parser = pool({ size: 1, budgetMs: DOUBLE_BUDGET_MS, maxQueue: 2, workerUrl: DOUBLE_URL });
      await parser.parse(seed());
      const flood = [
        parser.parse(seed(), 'stateless'),
        parser.parse(seed(), 'stateless'),
        parser.parse(seed(), 'stateless'),
      ];
      await expect(parser.parse(seed(), 'stateless')).rejects.toBeInstanceOf(ParsePoolFullError);
      const ingest = parser.parse(seed(), 'ingest');
      expect(parser.stats()).toMatchObject({ busy: 1, queued: 3 });
      await Promise.all([...flood, ingest]);
    });
  });
});
