import type { FastifyRequest } from 'fastify';
import type { PageSubmission } from '../../ingest/ingest.js';
import { HttpProblem } from '../problem.js';
import type { z } from 'zod';
import type { IngestJsonSchema } from '../schemas.js';

type JsonSubmission = z.output<typeof IngestJsonSchema>;

/** The request's media type, lower-cased, without parameters. */
export function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * The validated body of a page endpoint, whatever its media type, as a submission.
 * Validation already ran per media type (see `pageBodyContent`), so only the shape
 * is decided here.
 */
export function submissionFrom(request: FastifyRequest): PageSubmission {
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
    return {
      body,
      contentType: mediaType(request) === 'text/html' ? 'text/html' : 'text/plain',
      sourceUrl: null,
    };
  }
  return body.html !== undefined
    ? { body: body.html, contentType: 'text/html', sourceUrl: body.url ?? null }
    : { body: body.text ?? '', contentType: 'text/plain', sourceUrl: body.url ?? null };
}
