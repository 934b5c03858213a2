import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonTextDefect, textDefect } from './clean-text.js';
import { hasMoreItemsThan, jsonShapeDefect } from './json-shape.js';
import { HttpProblem } from './problem.js';

/**
 * Media types the API reads; anything else is answered 415 by fastify. Bodies are checked
 * before any handler sees them: a declared charset other than UTF-8 is a 415, invalid
 * UTF-8 a 400 (`invalid-encoding`), and a NUL or a lone surrogate anywhere in a text or
 * JSON body a 400 (`invalid-text`); JSON nested or sized beyond what any schema reads is a 400
 * (`validation`) before it is parsed (json-shape.ts), but a JSON list over its route's item limit is a 413
 * (`too-many-lines`), counted first. NDJSON bodies and JSON lists (the batch) are
 * checked line by line, item by item, by the batch route, so that one bad line fails alone.
 */
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

/**
 * fastify's JSON parser reports every failure as "not valid JSON"; parse again (only on
 * this error path) to say what is wrong: the syntax error, or a prototype-poisoning key.
 */
function jsonProblem(text: string, error: Error): Error {
  if ((error as Error & { code?: string }).code !== 'FST_ERR_CTP_INVALID_JSON_BODY') return error;
  try {
    JSON.parse(text);
  } catch (syntaxError) {
    return new HttpProblem(400, 'malformed-json', `malformed JSON: ${(syntaxError as Error).message}`);
  }
  return new HttpProblem(
    400,
    'malformed-json',
    'the JSON holds a "__proto__" key or a "constructor" key with "prototype": neither is accepted',
  );
}

/**
 * Route config of a route whose JSON body is a list of page submissions (the batch): the
 * structure allowed grows with the items allowed, and the route checks each item's text itself,
 * so that one bad item fails alone.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    jsonListBody?: { maxItems: number };
  }
}

/** A batch over its size in lines (NDJSON) or items (a JSON list): refused whole, nothing stored. */
export const tooManyItems = (maxItems: number, unit: 'lines' | 'items', count?: number): HttpProblem =>
  new HttpProblem(
    413,
    'too-many-lines',
    `a batch holds at most ${maxItems} ${unit}; this one has ${count ?? 'more'}`,
  );

/** Structural tokens one flat submission may use (`{`, `:`, `,`), with room to spare. */
const TOKENS_PER_LIST_ITEM = 16;

/** A JSON body no schema could use (too deep, too many values): refused before it is parsed. */
function shapeProblem(text: string, maxTokens?: number): HttpProblem | null {
  const defect = jsonShapeDefect(text, maxTokens);
  if (defect === null) return null;
  return new HttpProblem(
    400,
    'validation',
    `the JSON body ${defect}; request bodies are small flat objects`,
    {
      errors: [{ path: 'body', message: defect }],
    },
  );
}

const invalidText = (detail: string): HttpProblem =>
  new HttpProblem(400, 'invalid-text', `the body cannot be stored as it is: ${detail}`);

export function registerContentTypes(app: FastifyInstance): void {
  // `__proto__` and `constructor.prototype` keys are errors (400), never silently dropped.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();

  app.addContentTypeParser([...TEXT_MEDIA_TYPES], { parseAs: 'buffer' }, (request, body, done) => {
    try {
      const text = decodeUtf8(request, body as Buffer);
      const defect = textDefect(text);
      if (defect !== null) throw invalidText(defect);
      done(null, text);
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.addContentTypeParser(NDJSON_MEDIA_TYPE, { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, decodeUtf8(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.addContentTypeParser(JSON_MEDIA_TYPE, { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8(request, body as Buffer);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    const list = request.routeOptions.config?.jsonListBody;
    // Items are counted first: many small items exceed the structure budget before their number.
    const maxTokens = list ? list.maxItems * TOKENS_PER_LIST_ITEM : undefined;
    if (list && maxTokens !== undefined && hasMoreItemsThan(text, list.maxItems, maxTokens)) {
      done(tooManyItems(list.maxItems, 'items'), undefined);
      return;
    }
    const shape = shapeProblem(text, maxTokens);
    if (shape !== null) {
      done(shape, undefined);
      return;
    }
    void parseJson(request, text, (error, parsed?: unknown) => {
      if (error) return done(jsonProblem(text, error), undefined);
      if (list) return done(null, parsed);
      const defect = jsonTextDefect(parsed);
      if (defect !== null) return done(invalidText(defect), undefined);
      done(null, parsed);
    });
  });
}
