import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { PARSER_VERSION } from '../parser/version.js';
import type { JobPatch, JobRecord, Repository } from '../storage/repository.js';
import { parseInProcess, type ParseFunction } from './ingest.js';
import { createLearnedSource, type LearnedSource } from './learned.js';

/** Pages re-parsed per batch; between batches the event loop serves other requests. */
const REPARSE_BATCH_SIZE = 100;

export interface ReparseOptions {
  /** Re-parse every stored page, not only those parsed by an older parser version. */
  all?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** How to parse (the server passes its worker pool, so a hostile page cannot stall it). */
  parse?: ParseFunction;
  /** What the corpus learned, shared with the app's ingests; by default one of this run. */
  learned?: LearnedSource | undefined;
  /** Goes on with a run another began (a job taken over): after its last page, from its counts. */
  resume?: ReparseProgress;
  /** After each page: the counts so far and the last article they include (what a job records). */
  onPage?: (progress: ReparseProgress) => void;
  /**
   * The job this run works for: each article's write counts its outcome in the job in the same
   * transaction, and is refused once this node no longer holds the job (the run then stops).
   */
  job?: { id: string; nodeId: string } | undefined;
  /**
   * Asked right before each write; false stops the run (AbortError) without writing: a job
   * runner that may have lost its job to another node must not write beside it.
   */
  mayWrite?: () => boolean;
}

export interface ReparseSummary {
  total: number;
  /** Pages whose stored fields changed. */
  updated: number;
  /** Pages the current parser reads the same way (only their parser_version moved). */
  unchanged: number;
  /**
   * Pages not written: the current parser finds no main story in them (the stored article is
   * kept as it was), or their article was deleted (or holds another document) by the time
   * the new parse was ready.
   */
  skipped: number;
  failed: number;
}

/** Where a run stands: its counts, pages done, and the last article id they include. */
export interface ReparseProgress extends ReparseSummary {
  done: number;
  afterArticleId: number;
}

/**
 * Re-parses stored raw documents with the current parser and rewrites their articles in
 * place (same ids), one transaction per article, so nothing is lost or duplicated even
 * if the run is interrupted: a second run picks up what the first did not reach, and a run
 * given `resume` starts after the last page another counted.
 */
export async function reparseStored(
  repository: Repository,
  options: ReparseOptions = {},
): Promise<ReparseSummary> {
  const staleFor = options.all ? undefined : PARSER_VERSION;
  const progress: ReparseProgress = options.resume
    ? { ...options.resume }
    : {
        total: await repository.countReparseCandidates({ staleFor }),
        updated: 0,
        unchanged: 0,
        skipped: 0,
        failed: 0,
        done: 0,
        afterArticleId: 0,
      };
  const total = progress.total;
  options.onProgress?.(progress.done, total);
  // A re-parse applies all that was learned so far, older pages' lines included.
  const learnedSource = options.learned ?? createLearnedSource(repository);
  learnedSource.invalidate();
  for (;;) {
    options.signal?.throwIfAborted();
    const pages = await repository.listReparseCandidates({
      afterArticleId: progress.afterArticleId,
      limit: REPARSE_BATCH_SIZE,
      staleFor,
    });
    if (pages.length === 0) break;
    for (const page of pages) {
      options.signal?.throwIfAborted();
      let outcome: 'updated' | 'unchanged' | 'skipped' | 'failed';
      try {
        const learned = await learnedSource.current();
        const parsed = await (options.parse ?? parseInProcess)(
          { body: page.body, contentType: page.contentType, sourceUrl: page.sourceUrl },
          { learned },
        );
        if (options.mayWrite?.() === false) throw new WriteFencedError();
        if (parsed.story === null) {
          outcome = 'skipped';
        } else {
          const written = await repository.replaceParse(
            { articleId: page.articleId, documentSha256: page.documentSha256, job: options.job },
            { ...parsed, story: parsed.story },
            PARSER_VERSION,
          );
          if (written === 'job-lost') throw new WriteFencedError();
          if (written === 'missing' || written === 'document-changed') outcome = 'skipped';
          else {
            outcome = written;
            // its lines were counted (pages stored before migration 006 teach here first)
            learnedSource.noteIngest();
          }
        }
      } catch (error) {
        if (error instanceof WriteFencedError) throw error;
        outcome = 'failed';
      }
      // The page's outcome and the resume point move together: a job records them as one.
      progress[outcome] += 1;
      progress.done += 1;
      progress.afterArticleId = page.articleId;
      options.onPage?.({ ...progress });
    }
    options.onProgress?.(Math.min(progress.done, total), total);
    await yieldToEventLoop();
  }
  const { updated, unchanged, skipped, failed } = progress;
  return { total, updated, unchanged, skipped, failed };
}

/** Thrown when `mayWrite` refuses: the run stops before writing. */
class WriteFencedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('stopped before writing: this run may no longer hold its job');
  }
}

export interface JobRunnerOptions {
  /** How to parse (the server passes its worker pool). */
  parse?: ParseFunction | undefined;
  /** What the corpus learned, shared with the app's ingests (see ReparseOptions.learned). */
  learned?: LearnedSource | undefined;
  /** This node's name in `claimed_by`; unique per process (default: host, pid, random). */
  nodeId?: string;
  /** A running job with no heartbeat for this long is taken over by another node. */
  leaseMs: number;
  /** How often (± a fifth) the node looks for a job to run when nothing nudged it. */
  pollMs: number;
  /** A job taken over this many times ends failed when its lease runs out again (JOB_MAX_TAKEOVERS). */
  maxTakeovers?: number | undefined;
  /** Told about storage errors while claiming or recording (the runner retries at its next poll). */
  onError?: (error: unknown, action: string) => void;
}

/** Host, pid and a random part: two processes never share one, even in one container. */
export function defaultNodeId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Progress fields of a job, from a run's progress. */
function progressPatch(progress: ReparseProgress): JobPatch {
  return {
    processed: progress.done,
    updated: progress.updated,
    unchanged: progress.unchanged,
    skipped: progress.skipped,
    failed: progress.failed,
    resumeAfter: progress.afterArticleId,
  };
}

/**
 * Runs re-parse jobs on this node, taking them from the database: any node may queue a job
 * (`startReparse`), and any node running this parser version may run it. Each node polls for
 * a job it can claim (every `pollMs` ± a fifth, and at once when nudged by a local
 * `startReparse` or after finishing one), runs one job at a time, and renews its lease with
 * its progress every quarter of `leaseMs`. A node killed or stalled stops renewing; after
 * `leaseMs` another node claims the job and resumes after the last page recorded with the
 * counts. Each article rewritten is counted in the job in the same transaction, so each page
 * is counted once (a page with nothing to write, recorded at the next heartbeat, may be read
 * again by the taker-over: same outcome, one count).
 *
 * A job is never worked on by two nodes at once: an article is written only in a transaction
 * that finds this node still holding the job; a node stops as soon as a write or heartbeat
 * finds the job taken over, and stops before writing once half a lease has passed without a
 * confirmed heartbeat (it may have lost the job without knowing).
 * On close (shutdown) the running job is handed back to the queue with its progress, for
 * another node, or this one's next start, to resume at once.
 */
export function createJobRunner(repository: Repository, options: JobRunnerOptions) {
  const nodeId = options.nodeId ?? defaultNodeId();
  const { leaseMs, pollMs } = options;
  const heartbeatMs = Math.max(1, Math.floor(leaseMs / 4));
  const report = options.onError ?? (() => undefined);
  let started = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  /** The poll in progress (claiming, then running what it claimed). */
  let polling: Promise<void> | null = null;
  let nudged = false;
  let current: { jobId: string; stop: (why: 'shutdown') => void } | null = null;

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    if (closed || !started) return;
    timer = setTimeout(poll, delayMs);
    timer.unref();
  }

  function poll(): void {
    if (closed || !started) return;
    if (polling) {
      nudged = true;
      return;
    }
    nudged = false;
    clearTimeout(timer);
    polling = claimAndRun()
      .catch((error: unknown) => {
        report(error, 'claim a job');
        return false;
      })
      .then((ran) => {
        polling = null;
        // After a job, or a nudge during the claim, another job may be waiting: look at once.
        schedule(ran || nudged ? 0 : pollMs * (0.8 + 0.4 * Math.random()));
      });
  }

  async function claimAndRun(): Promise<boolean> {
    const job = await repository.claimJob(nodeId, leaseMs, PARSER_VERSION, options.maxTakeovers);
    if (job === null) return false;
    if (closed) {
      await repository.heartbeatJob(job.id, nodeId, { status: 'queued' });
      return false;
    }
    await run(job);
    return true;
  }

  async function run(job: JobRecord): Promise<void> {
    const controller = new AbortController();
    let stopped: 'shutdown' | 'lost' | null = null;
    current = {
      jobId: job.id,
      stop: (why) => {
        stopped ??= why;
        controller.abort();
      },
    };
    const resume: ReparseProgress = {
      total: job.total ?? 0,
      updated: job.updated,
      unchanged: job.unchanged,
      skipped: job.skipped,
      failed: job.failed,
      done: job.processed,
      afterArticleId: job.resumeAfter,
    };
    let latest = resume;
    // The claim renewed the lease; `confirmedAt` is when the last renewal that held was sent.
    let confirmedAt = performance.now();
    let lastBeatAt = 0;
    /** The heartbeat in flight, if any (one at a time). */
    const beats: { inFlight: Promise<void> | null } = { inFlight: null };
    const loseJob = (): void => {
      stopped ??= 'lost';
      controller.abort();
    };
    const beat = (): Promise<void> => {
      if (beats.inFlight) return beats.inFlight;
      const sentAt = performance.now();
      lastBeatAt = sentAt;
      beats.inFlight = repository
        .heartbeatJob(job.id, nodeId, progressPatch(latest))
        .then(
          (held) => {
            if (held) confirmedAt = sentAt;
            else loseJob();
          },
          // Not fatal: the next beat retries; past half a lease the run stops writing.
          (error: unknown) => report(error, 'renew a job lease'),
        )
        .finally(() => (beats.inFlight = null));
      return beats.inFlight;
    };
    const holds = (): boolean => stopped === null && performance.now() - confirmedAt < leaseMs / 2;
    const ticker = setInterval(() => {
      if (!holds()) loseJob();
      else void beat();
    }, heartbeatMs);
    ticker.unref();

    let outcome: JobPatch | null;
    try {
      const summary = await reparseStored(repository, {
        all: job.options.all,
        parse: options.parse,
        learned: options.learned,
        signal: controller.signal,
        resume,
        job: { id: job.id, nodeId },
        mayWrite: holds,
        onPage: (progress) => (latest = progress),
        // Progress is visible a few times a second, not only at each heartbeat.
        onProgress: () => {
          if (performance.now() - lastBeatAt >= 250) void beat();
        },
      });
      outcome = {
        status: 'succeeded',
        total: summary.total,
        processed: summary.total,
        updated: summary.updated,
        unchanged: summary.unchanged,
        skipped: summary.skipped,
        failed: summary.failed,
        resumeAfter: latest.afterArticleId,
        finishedAt: new Date().toISOString(),
      };
    } catch (error) {
      if (stopped === 'shutdown') outcome = { ...progressPatch(latest), status: 'queued' };
      else if (stopped === 'lost' || (error as Error | undefined)?.name === 'AbortError') outcome = null;
      else outcome = { status: 'failed', error: String(error), finishedAt: new Date().toISOString() };
    } finally {
      clearInterval(ticker);
      current = null;
    }
    await beats.inFlight;
    // A node that lost the job writes nothing more; the fenced write is a no-op if it did anyway.
    if (outcome !== null) {
      await repository
        .heartbeatJob(job.id, nodeId, outcome)
        .catch((error: unknown) => report(error, 'end a job'));
    }
  }

  return {
    nodeId,
    /** Starts polling for jobs (a server calls it once it is ready); looks at once. */
    start(): void {
      if (started || closed) return;
      started = true;
      poll();
    },
    /**
     * Queues a re-parse and returns its job at once; whichever node claims it runs it (this one
     * is nudged, so a single node starts it without waiting for its next poll).
     */
    async startReparse(reparse: { all?: boolean } = {}): Promise<JobRecord> {
      const all = reparse.all === true;
      const total = await repository.countReparseCandidates({ staleFor: all ? undefined : PARSER_VERSION });
      const job = await repository.createJob('reparse', total, {
        options: { all },
        parserVersion: PARSER_VERSION,
      });
      poll();
      return job;
    },
    /** Stops polling, hands the running job back to the queue, and waits for that to be recorded. */
    async close(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      current?.stop('shutdown');
      await polling;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
