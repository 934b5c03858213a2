import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Repository } from '../storage/repository.js';

/**
 * Articles fingerprinted per transaction. Each costs its body's MinHash and a bounded lookup
 * in the engine (`assignMissingStories`); between batches the event loop serves requests.
 */
export const STORY_BACKFILL_BATCH = 50;

export interface StoryBackfillOptions {
  batchSize?: number;
  signal?: AbortSignal;
  /** Called after each batch with how many articles it fingerprinted. */
  onBatch?: (count: number) => void;
}

/**
 * Gives a story id to every article stored before story ids existed (migration 007 cannot:
 * SQL has no MinHash), oldest first, from the stored paragraphs: no re-parse needed. The
 * server runs it at start-up; it stops between batches when `signal` aborts, and a later
 * start goes on where it stopped (the articles still without a story are the work list).
 * Returns how many articles it fingerprinted.
 */
export async function backfillStories(
  repository: Repository,
  options: StoryBackfillOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? STORY_BACKFILL_BATCH;
  let total = 0;
  while (!options.signal?.aborted) {
    const count = await repository.assignMissingStories(batchSize);
    if (count > 0) options.onBatch?.(count);
    total += count;
    if (count < batchSize) break;
    await yieldToEventLoop();
  }
  return total;
}
