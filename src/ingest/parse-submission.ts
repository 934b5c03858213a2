import { parsePage } from '../parser/index.js';
import type { LearnedBoilerplate, ParsedPage } from '../parser/types.js';
import { parseHtmlPage } from './html/parse-html.js';
import type { PageSubmission } from './ingest.js';

/**
 * Running the parser on a submission. Kept apart from ingest.ts so that the server's main
 * thread, which hands parsing to the worker pool, does not load the parser and htmlparser2
 * (~80 ms of start-up) unless it parses in process.
 */

/**
 * Plain text goes to the parser as it is; HTML first through the DOM-aware HTML stage (html/).
 * `learned` is what the corpus taught (corpus-learned boilerplate), passed in: the parser stays pure.
 */
export function parseSubmission(submission: PageSubmission, learned?: LearnedBoilerplate | null): ParsedPage {
  const options = { url: submission.sourceUrl, learned };
  if (submission.contentType === 'text/html') return parseHtmlPage(submission.body, options);
  return parsePage(submission.body, options);
}
