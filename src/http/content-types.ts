import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

/** Media types the API reads; anything else is answered 415 by fastify. */
export const TEXT_MEDIA_TYPES = ['text/plain', 'text/html'] as const;
export const JSON_MEDIA_TYPE = 'application/json';
export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

// `ignoreBOM` keeps a byte order mark in the text, so the stored document is the one sent.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function charsetOf(request: FastifyRequest): string | null {
  const header = request.headers['content-type'] ?? '';
  for (const parameter of header.split(';').slice(1)) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') {
      return value.trim().replace(/^"|"$/g, '').toLowerCase();
    }
  }
  return null;
}

/**
 * Bodies are decoded here, strictly: UTF-8 only (a declared other charset is a 415,
 * invalid bytes a 400), never silently patched with U+FFFD.
 */
function decodeUtf8(request: FastifyRequest, body: Buffer): string {
  const charset = charsetOf(request);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpProblem(415, 'unsupported-media-type', `charset "${charset}" is not supported; send UTF-8`);
  }
  try {
    return utf8.decode(body);
  } catch {
    throw new HttpProblem(400, 'invalid-encoding', 'the body is not valid UTF-8');
  }
}

export function registerContentTypes(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();

  app.addContentTypeParser(
    [...TEXT_MEDIA_TYPES, NDJSON_MEDIA_TYPE],
    { parseAs: 'buffer' },
    (request, body, done) => {
      try {
        done(null, decodeUtf8(request, body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );

  app.addContentTypeParser(JSON_MEDIA_TYPE, { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8(request, body as Buffer);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}
