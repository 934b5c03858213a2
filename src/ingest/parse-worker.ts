/**
 * The parse pool's worker thread (see parse-pool.ts): parses one submission at a time,
 * HTML flattening included, and answers with the ParsedPage. Loaded as
 * `dist/ingest/parse-worker.js` by plain node, or as this file under tsx.
 */
import { parentPort } from 'node:worker_threads';
import { parseSubmission } from './parse-submission.js';
import type { LearnedMessage, ParseJobMessage, WorkerMessage } from './parse-pool.js';
import type { VersionedLearned } from './learned.js';

if (parentPort === null) throw new Error('parse-worker runs only as a worker thread');
const port = parentPort;

/** The last learned snapshot the pool sent; a job names the version it was queued with. */
let learned: VersionedLearned | null = null;

port.on('message', (message: ParseJobMessage | LearnedMessage) => {
  if (message.type === 'learned') {
    learned = message.learned;
    return;
  }
  const job = message;
  let reply: WorkerMessage;
  try {
    const snapshot = job.learnedVersion && learned?.version === job.learnedVersion ? learned.learned : null;
    const page = parseSubmission(
      { body: job.body, contentType: job.contentType, sourceUrl: job.sourceUrl },
      snapshot,
    );
    reply = { type: 'parsed', id: job.id, page };
  } catch (error) {
    reply = { type: 'failed', id: job.id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

port.postMessage({ type: 'ready' } satisfies WorkerMessage);
