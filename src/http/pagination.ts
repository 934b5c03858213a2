import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PublicationRef } from '../storage/repository.js';

/**
 * Sets `Link: <…>; rel="next"` for a list page: the same request with `cursor` replaced.
 * Returns the body's `next_cursor`.
 */
export function linkNext(
  request: FastifyRequest,
  reply: FastifyReply,
  nextCursor: string | null,
): string | null {
  if (nextCursor === null) return null;
  const url = new URL(request.url, 'http://masthead.invalid');
  url.searchParams.set('cursor', nextCursor);
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
  return nextCursor;
}

/** `publication=` takes an id or an exact name; all digits means an id. */
export function publicationRef(value: string | undefined): PublicationRef | undefined {
  if (value === undefined) return undefined;
  return /^\d{1,15}$/.test(value) ? { id: Number(value) } : { name: value };
}
