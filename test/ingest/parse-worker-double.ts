/**
 * A stand-in for src/ingest/parse-worker.ts that speaks the same protocol and parses like
 * it, except for three marker bodies that misbehave on purpose, so the pool's budget and
 * crash handling can be tested without depending on how long a real parse takes.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import type { ParseJobMessage, WorkerMessage } from '../../src/ingest/parse-pool.js';

export const HANG = '\u0000hang';
export const EXIT = '\u0000exit';
export const THROW = '\u0000throw';

function serve(port: MessagePort): void {
  port.on('message', (job: ParseJobMessage | { type: 'learned' }) => {
    if (job.type === 'learned') return;
    if (job.body === HANG) {
      // Never yields: only worker.terminate() can stop this thread.
      for (;;) Math.random();
    }
    if (job.body === EXIT) process.exit(7);
    if (job.body === THROW) {
      setImmediate(() => {
        throw new Error('boom outside the parse');
      });
      return;
    }
    const page = parseSubmission({ body: job.body, contentType: job.contentType, sourceUrl: job.sourceUrl });
    port.postMessage({ type: 'parsed', id: job.id, page } satisfies WorkerMessage);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

// The test imports this module for its markers; only a worker thread serves jobs.
if (parentPort) serve(parentPort);
