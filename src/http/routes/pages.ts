import type { FastifyRequest } from 'fastify';
import type { PageSubmission } from '../../ingest/ingest.js';
import { NDJSON_MEDIA_TYPE } from '../content-types.js';
import { HttpProblem } from '../problem.js';
import { jsonShapeDefect } from '../json-shape.js';
import type { z } from 'zod';
import type { IngestJsonSchema } from '../schemas.js';

type JsonSubmission = z.output<typeof IngestJsonSchema>;

/** The request's media type, lower-cased, without parameters. */
export function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** What a page endpoint reads; a batch of pages goes to `POST /v1/articles:batch`. */
export const PAGE_MEDIA_TYPES = 'text/plain, text/html or application/json';

/**
 * `onRequest` of the page endpoints: NDJSON is a batch, refused before its body is read (it
 * would otherwise be read as one page of text).
 */
export async function refuseBatchBody(request: FastifyRequest): Promise<void> {
  if (mediaType(request) === NDJSON_MEDIA_TYPE) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      `this endpoint reads one page as ${PAGE_MEDIA_TYPES}; send NDJSON (one page per line) to POST /v1/articles:batch`,
    );
  }
}

/** Sent with a page that was read otherwise than its Content-Type said. */
export const WARNING_HEADER = 'x-masthead-warning';

// A document that opens (after a BOM and white space) with a doctype or an <html> tag: a page
// of plain text never does. Anything less plain stays text.
const PLAINLY_HTML = /^\s*(?:<!--[^>]{0,200}-->\s*)?<(?:!doctype\s+html|html)[\s>]/i;
const TEXT_AS_HTML_WARNING =
  'the text/plain body is an HTML document: read as text/html (send Content-Type: text/html)';

/**
 * A text/plain body that is a JSON page submission (`{"text": …}` or `{"html": …}`): the client
 * meant application/json. Other JSON stays text (a package.json is no page: 422 no-story).
 */
function isJsonSubmission(body: string): boolean {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
  // Parsed only when shaped as a JSON body may be: a linear check, then a small parse.
  if (jsonShapeDefect(trimmed) !== null) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return (
      typeof value === 'object' &&
      value !== null &&
      (typeof (value as Record<string, unknown>)['text'] === 'string' ||
        typeof (value as Record<string, unknown>)['html'] === 'string')
    );
  } catch {
    return false;
  }
}

/** A page as received, and what the client should know about how it was read. */
export interface ReceivedPage {
  submission: PageSubmission;
  /** Set when the page was read as another media type than the one declared. */
  warning: string | null;
}

const received = (submission: PageSubmission, warning: string | null = null): ReceivedPage => ({
  submission,
  warning,
});

/**
 * The validated body of a page endpoint, whatever its media type, as a submission.
 * Validation already ran per media type (see `pageBodyContent`), so only the shape
 * is decided here.
 */
export function submissionFrom(request: FastifyRequest): ReceivedPage {
  // No Content-Type and no body: fastify runs no parser and validates nothing.
  if (request.body === undefined || request.body === null) {
    throw new HttpProblem(
      400,
      'validation',
      'send the page as the request body (text/plain, text/html or application/json)',
      {
        errors: [{ path: 'body', message: 'the page is missing' }],
      },
    );
  }
  const body = request.body as string | JsonSubmission;
  if (typeof body === 'string') {
    if (mediaType(request) === 'text/html')
      return received({ body, contentType: 'text/html', sourceUrl: null });
    if (PLAINLY_HTML.test(body.slice(0, 512))) {
      return received({ body, contentType: 'text/html', sourceUrl: null }, TEXT_AS_HTML_WARNING);
    }
    if (isJsonSubmission(body)) {
      throw new HttpProblem(
        415,
        'unsupported-media-type',
        'the text/plain body is JSON: send it with Content-Type: application/json ({"text": …} or {"html": …})',
      );
    }
    return received({ body, contentType: 'text/plain', sourceUrl: null });
  }
  return received(
    body.html !== undefined
      ? { body: body.html, contentType: 'text/html', sourceUrl: body.url ?? null }
      : { body: body.text ?? '', contentType: 'text/plain', sourceUrl: body.url ?? null },
  );
}
