import { parsePage } from '../parser/index.js';
import type { ParsedPage } from '../parser/types.js';
import { parseHtmlPage } from './html/parse-html.js';
import type { PageSubmission } from './ingest.js';

/**
 * Running the parser on a submission. Kept apart from ingest.ts so that the server's main
 * thread, which hands parsing to the worker pool, does not load the parser and htmlparser2
 * (~80 ms of start-up) unless it parses in process.
 */

/** Plain text goes to the parser as it is; HTML first through the DOM-aware HTML stage (html/). */
export function parseSubmission(submission: PageSubmission): ParsedPage {
  if (submission.contentType === 'text/html')
    return parseHtmlPage(submission.body, { url: submission.sourceUrl });
  return parsePage(submission.body, { url: submission.sourceUrl });
}
