import { parsePage } from '../parser/index.js';
import type { LearnedBoilerplate, ParsedPage } from '../parser/types.js';
import { htmlToText } from './html-to-text.js';
import type { PageSubmission } from './ingest.js';

/**
 * Running the parser on a submission. Kept apart from ingest.ts so that the server's main
 * thread, which hands parsing to the worker pool, does not load the parser and htmlparser2
 * (~80 ms of start-up) unless it parses in process.
 */

/** The text the parser reads: HTML is flattened to lines first, plain text goes as it is. */
export function pageText(submission: PageSubmission): string {
  return submission.contentType === 'text/html' ? htmlToText(submission.body) : submission.body;
}

export function parseSubmission(submission: PageSubmission, learned?: LearnedBoilerplate | null): ParsedPage {
  return parsePage(pageText(submission), { url: submission.sourceUrl, learned });
}
