import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { PARSER_VERSION } from '../parser/version.js';
import type { JobRecord, Repository } from '../storage/repository.js';
import { parseInProcess, type ParseFunction } from './ingest.js';
import { learnedSourceOf } from './learned.js';

/** Pages re-parsed per batch; between batches the event loop serves other requests. */
const REPARSE_BATCH_SIZE = 100;

export interface ReparseOptions {
  /** Re-parse every stored page, not only those parsed by an older parser version. */
  all?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** How to parse (the server passes its worker pool, so a hostile page cannot stall it). */
  parse?: ParseFunction;
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

/**
 * Re-parses stored raw documents with the current parser and rewrites their articles in
 * place (same ids), one transaction per article, so nothing is lost or duplicated even
 * if the run is interrupted: a second run picks up what the first did not reach.
 */
export async function reparseStored(
  repository: Repository,
  options: ReparseOptions = {},
): Promise<ReparseSummary> {
  const staleFor = options.all ? undefined : PARSER_VERSION;
  const total = await repository.countReparseCandidates({ staleFor });
  const summary: ReparseSummary = { total, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  let done = 0;
  let afterArticleId = 0;
  options.onProgress?.(done, total);
  // A re-parse applies all that was learned so far, older pages' lines included.
  learnedSourceOf(repository).invalidate();
  for (;;) {
    options.signal?.throwIfAborted();
    const pages = await repository.listReparseCandidates({
      afterArticleId,
      limit: REPARSE_BATCH_SIZE,
      staleFor,
    });
    if (pages.length === 0) break;
    for (const page of pages) {
      afterArticleId = page.articleId;
      try {
        const learned = await learnedSourceOf(repository).current();
        const parsed = await (options.parse ?? parseInProcess)(
          { body: page.body, contentType: page.contentType, sourceUrl: page.sourceUrl },
          { learned },
        );
        if (parsed.story === null) {
          summary.skipped += 1;
        } else {
          const outcome = await repository.replaceParse(
            { articleId: page.articleId, documentSha256: page.documentSha256 },
            { ...parsed, story: parsed.story },
            PARSER_VERSION,
          );
          if (outcome === 'missing' || outcome === 'document-changed') summary.skipped += 1;
          else {
            summary[outcome] += 1;
            // its lines were counted (pages stored before migration 006 teach here first)
            learnedSourceOf(repository).noteIngest();
          }
        }
      } catch {
        summary.failed += 1;
      }
      done += 1;
    }
    options.onProgress?.(Math.min(done, total), total);
    await yieldToEventLoop();
  }
  return summary;
}

/**
 * Runs re-parse jobs in the background of a server, recording their progress in the
 * repository so `GET /v1/admin/jobs/{id}` can report it.
 */
export function createJobRunner(repository: Repository, parse?: ParseFunction) {
  const running = new Map<string, { controller: AbortController; finished: Promise<void> }>();

  async function run(job: JobRecord, options: ReparseOptions, controller: AbortController): Promise<void> {
    await repository.updateJob(job.id, { status: 'running', startedAt: new Date().toISOString() });
    let lastReport = 0;
    try {
      const summary = await reparseStored(repository, {
        ...options,
        parse,
        signal: controller.signal,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - lastReport < 250 && done < total) return;
          lastReport = now;
          void repository.updateJob(job.id, { processed: done, total }).catch(() => undefined);
        },
      });
      await repository.updateJob(job.id, {
        status: 'succeeded',
        total: summary.total,
        processed: summary.total,
        updated: summary.updated,
        unchanged: summary.unchanged,
        skipped: summary.skipped,
        failed: summary.failed,
        finishedAt: new Date().toISOString(),
      });
    } catch (error) {
      const reason = controller.signal.aborted ? 'interrupted by shutdown; run it again' : String(error);
      await repository
        .updateJob(job.id, { status: 'failed', error: reason, finishedAt: new Date().toISOString() })
        .catch(() => undefined);
    }
  }

  return {
    /** Queues a re-parse and returns its job at once; the work runs in the background. */
    async startReparse(options: Pick<ReparseOptions, 'all'> = {}): Promise<JobRecord> {
      const total = await repository.countReparseCandidates({
        staleFor: options.all ? undefined : PARSER_VERSION,
      });
      const job = await repository.createJob('reparse', total);
      const controller = new AbortController();
      const finished = run(job, options, controller).finally(() => running.delete(job.id));
      running.set(job.id, { controller, finished });
      return job;
    },
    /** Waits for a job to end (tests, shutdown). */
    async settle(id: string): Promise<void> {
      await running.get(id)?.finished;
    },
    /** Stops every running job and waits for them to record that they stopped. */
    async close(): Promise<void> {
      for (const job of running.values()) job.controller.abort();
      await Promise.all([...running.values()].map((job) => job.finished));
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
