/**
 * The parse pool's worker thread (see parse-pool.ts): parses one submission at a time,
 * HTML flattening included, and answers with the ParsedPage. Loaded as
 * `dist/ingest/parse-worker.js` by plain node, or as this file under tsx.
 */
import { parentPort } from 'node:worker_threads';
import { parseSubmission } from './parse-submission.js';
import type { ParseJobMessage, WorkerMessage } from './parse-pool.js';

if (parentPort === null) throw new Error('parse-worker runs only as a worker thread');
const port = parentPort;

port.on('message', (job: ParseJobMessage) => {
  let reply: WorkerMessage;
  try {
    const page = parseSubmission({ body: job.body, contentType: job.contentType, sourceUrl: job.sourceUrl });
    reply = { type: 'parsed', id: job.id, page };
  } catch (error) {
    reply = { type: 'failed', id: job.id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

port.postMessage({ type: 'ready' } satisfies WorkerMessage);
