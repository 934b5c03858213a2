/**
 * A small pool of worker threads that parse page submissions off the main thread, each
 * within a time budget, so that no single document can stall the server: a parse that
 * outlives its budget is cut off with `worker.terminate()` (which stops even a thread
 * stuck in a loop), a fresh worker takes the place of the old one, and the caller gets a
 * ParseBudgetExceededError.
 *
 * Workers start on demand, up to `size`, and then stay; an idle worker does not keep the
 * process alive. Jobs wait while every worker is busy, in two bounded FIFO queues: stored
 * ingests go first, so that anonymous `POST /v1/parse` traffic cannot starve them (it raised
 * ingest p50 from 12 to 641 ms), yet a waiting stateless parse starts at the latest after
 * INGESTS_PER_STATELESS_PARSE ingests, so it is never starved either. Messages
 * carry plain data only: the submission's strings in, the ParsedPage out (structured
 * clone, which the main thread reads back about twice as fast as the same page as JSON).
 */
import { Worker } from 'node:worker_threads';
import type { ParsedPage } from '../parser/types.js';
import type { RawContentType } from '../storage/repository.js';
import type { PageSubmission } from './ingest.js';
import type { VersionedLearned } from './learned.js';
import { siblingScript, workerEntry } from '../worker-entry.js';

/**
 * Jobs of each priority that may wait for a worker before `parse()` refuses more
 * (ParsePoolFullError): room for 128 concurrent ingests, while bounding what waits to 128
 * bodies per priority (the HTTP body budget bounds their bytes) and, with one worker, an
 * ingest's longest wait to about 128 budgets.
 */
export const DEFAULT_MAX_QUEUE = 128;

/** Ingests that may start ahead of a waiting stateless parse before it gets its turn. */
export const INGESTS_PER_STATELESS_PARSE = 3;

/** Whose parse it is: a page to store (ingest, re-parse), or a stateless `POST /v1/parse`. */
export type ParsePriority = 'ingest' | 'stateless';

/** Heap a worker may use before V8 stops it; the pool answers that job as a crash and respawns. */
export const DEFAULT_WORKER_HEAP_MB = 512;

export interface ParsePoolOptions {
  /** Worker threads, at least 1. */
  size: number;
  /** Milliseconds one document may take in its worker, from the moment the worker gets it. */
  budgetMs: number;
  /** Jobs of each priority that may wait while every worker is busy; more are refused. */
  maxQueue?: number;
  /** Old-generation heap limit per worker, in MiB. */
  workerHeapMb?: number;
  /** The worker entry; the default is parse-worker next to this module. Tests pass doubles. */
  workerUrl?: URL;
}

export interface ParsePoolStats {
  size: number;
  /** Live workers, starting or ready. */
  workers: number;
  busy: number;
  queued: number;
}

export interface ParsePool {
  /**
   * Parses in a worker, ingests ahead of stateless parses; rejects with one of the errors
   * below, never hangs past the budget once started.
   */
  parse(
    submission: PageSubmission,
    priority?: ParsePriority,
    learned?: VersionedLearned | null,
  ): Promise<ParsedPage>;
  stats(): ParsePoolStats;
  /** Terminates every worker and rejects queued and running jobs with ParsePoolClosedError. */
  close(): Promise<void>;
}

/** A document took longer than the budget; its worker was terminated. */
export class ParseBudgetExceededError extends Error {
  override name = 'ParseBudgetExceededError';
  constructor(readonly budgetMs: number) {
    super(`the page was not parsed within its ${budgetMs} ms budget and was cut off`);
  }
}

/** The worker crashed, ran out of memory, failed to start, or the parser threw. */
export class ParseWorkerError extends Error {
  override name = 'ParseWorkerError';
}

/** Every worker is busy and the queue of this priority holds `maxQueue` jobs already. */
export class ParsePoolFullError extends Error {
  override name = 'ParsePoolFullError';
  constructor(readonly maxQueue: number) {
    super(`the parse queue is full (${maxQueue} pages waiting)`);
  }
}

export class ParsePoolClosedError extends Error {
  override name = 'ParsePoolClosedError';
  constructor() {
    super('the parse pool is closed');
  }
}

/** Main thread → worker: one job, parsed with the learned snapshot of `learnedVersion` (0: none). */
export interface ParseJobMessage {
  type?: 'parse';
  id: number;
  body: string;
  contentType: RawContentType;
  sourceUrl: string | null;
  learnedVersion?: number;
}

/**
 * Main thread → worker: a new learned snapshot, sent to a worker once per version, before
 * the first job that needs it (a worker keeps the last one it got).
 */
export interface LearnedMessage {
  type: 'learned';
  learned: VersionedLearned;
}

/** Worker → main thread. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'parsed'; id: number; page: ParsedPage }
  | { type: 'failed'; id: number; message: string };

interface Job {
  id: number;
  submission: PageSubmission;
  learned: VersionedLearned | null;
  resolve(page: ParsedPage): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  /** Version of the learned snapshot the worker holds (0: none). */
  learnedVersion: number;
  /** Set once the slot has left the pool; its late events are ignored. */
  retired: boolean;
}

const DEFAULT_WORKER_URL = siblingScript('./parse-worker', import.meta.url);

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be an integer ≥ 1, got ${value}`);
  return value;
}

export function createParsePool(options: ParsePoolOptions): ParsePool {
  const size = positiveInteger('size', options.size);
  const budgetMs = positiveInteger('budgetMs', options.budgetMs);
  const maxQueue = positiveInteger('maxQueue', options.maxQueue ?? DEFAULT_MAX_QUEUE);
  const heapMb = positiveInteger('workerHeapMb', options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB);
  const entry = workerEntry(options.workerUrl ?? DEFAULT_WORKER_URL);

  const slots: Slot[] = [];
  const queues: Record<ParsePriority, Job[]> = { ingest: [], stateless: [] };
  /** Ingests started since a stateless parse last started while one was waiting. */
  let ingestsAhead = 0;
  const terminating = new Set<Promise<number>>();
  let nextId = 1;
  let closed = false;

  function retire(slot: Slot): void {
    if (slot.retired) return;
    slot.retired = true;
    slots.splice(slots.indexOf(slot), 1);
    const ended = slot.worker.terminate();
    terminating.add(ended);
    void ended.finally(() => terminating.delete(ended));
  }

  function finish(slot: Slot, job: Job): void {
    clearTimeout(job.timer);
    if (slot.job === job) slot.job = null;
  }

  /** The worker died (crash, out of memory, exit): its job fails, a new worker takes its place. */
  function lose(slot: Slot, cause: string): void {
    if (slot.retired) return;
    const { job, ready } = slot;
    retire(slot);
    if (job) {
      finish(slot, job);
      job.reject(new ParseWorkerError(`the parse worker crashed: ${cause}`));
    } else if (!ready) {
      // A worker that cannot even start would fail again: fail the waiting jobs instead of looping.
      for (const waiting of takeAll()) {
        waiting.reject(new ParseWorkerError(`the parse worker failed to start: ${cause}`));
      }
      return;
    }
    if (!closed) spawn();
    pump();
  }

  function spawn(): Slot {
    const worker = new Worker(entry, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    const slot: Slot = { worker, ready: false, job: null, learnedVersion: 0, retired: false };
    slots.push(slot);
    worker.on('message', (message: WorkerMessage) => {
      if (slot.retired) return;
      if (message.type === 'ready') {
        slot.ready = true;
        pump();
        return;
      }
      const job = slot.job;
      if (job?.id !== message.id) return;
      finish(slot, job);
      if (message.type === 'parsed') job.resolve(message.page);
      else job.reject(new ParseWorkerError(`the parser failed: ${message.message}`));
      pump();
    });
    worker.on('messageerror', (error) => lose(slot, error.message));
    worker.on('error', (error) => lose(slot, error.message));
    worker.on('exit', (code) => lose(slot, `exited with code ${code}`));
    return slot;
  }

  function dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    job.timer = setTimeout(() => {
      if (slot.job !== job) return;
      finish(slot, job);
      retire(slot);
      job.reject(new ParseBudgetExceededError(budgetMs));
      if (!closed) spawn();
      pump();
    }, budgetMs);
    const { body, contentType, sourceUrl } = job.submission;
    const learnedVersion = job.learned?.version ?? 0;
    if (job.learned !== null && slot.learnedVersion !== learnedVersion) {
      slot.worker.postMessage({ type: 'learned', learned: job.learned } satisfies LearnedMessage);
      slot.learnedVersion = learnedVersion;
    }
    slot.worker.postMessage({
      type: 'parse',
      id: job.id,
      body,
      contentType,
      sourceUrl,
      learnedVersion,
    } satisfies ParseJobMessage);
  }

  const queued = (): number => queues.ingest.length + queues.stateless.length;

  function takeAll(): Job[] {
    return [...queues.ingest.splice(0), ...queues.stateless.splice(0)];
  }

  /** The next job to start: an ingest, unless a stateless parse has waited its turn. */
  function next(): Job | undefined {
    const statelessTurn = queues.stateless.length > 0 && ingestsAhead >= INGESTS_PER_STATELESS_PARSE;
    if (queues.ingest.length > 0 && !statelessTurn) {
      if (queues.stateless.length > 0) ingestsAhead += 1;
      return queues.ingest.shift();
    }
    ingestsAhead = 0;
    return queues.stateless.shift();
  }

  /** Hands queued jobs to ready idle workers, starts workers the queue needs, and refs only busy ones. */
  function pump(): void {
    for (const slot of slots) {
      if (queued() === 0) break;
      if (slot.ready && slot.job === null) dispatch(slot, next()!);
    }
    const starting = slots.filter((slot) => !slot.ready).length;
    for (let missing = queued() - starting; missing > 0 && slots.length < size; missing -= 1) spawn();
    for (const slot of slots) {
      if (slot.job !== null || (!slot.ready && queued() > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  return {
    parse(submission, priority = 'ingest', learned = null) {
      if (closed) return Promise.reject(new ParsePoolClosedError());
      const queue = queues[priority];
      if (queue.length >= maxQueue) return Promise.reject(new ParsePoolFullError(maxQueue));
      return new Promise<ParsedPage>((resolve, reject) => {
        queue.push({ id: nextId++, submission, learned, resolve, reject });
        pump();
      });
    },

    stats() {
      return {
        size,
        workers: slots.length,
        busy: slots.filter((slot) => slot.job !== null).length,
        queued: queued(),
      };
    },

    async close() {
      closed = true;
      for (const job of takeAll()) job.reject(new ParsePoolClosedError());
      for (const slot of [...slots]) {
        const job = slot.job;
        if (job) {
          finish(slot, job);
          job.reject(new ParsePoolClosedError());
        }
        retire(slot);
      }
      await Promise.all([...terminating]);
    },
  };
}
