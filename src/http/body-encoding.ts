import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.js';

/**
 * Request bodies may be compressed (`Content-Encoding: gzip`, `deflate` or `br`). They are
 * decompressed as they arrive, in zlib's thread pool, and the body limit applies to the
 * decompressed bytes: a decompression bomb is stopped once the limit is passed, having
 * inflated at most the limit and one decoder chunk, whatever it would have grown to.
 * One coding per body; any other (or several stacked) is a 415 whose `Accept-Encoding`
 * names the supported ones (RFC 9110 §12.5.3). A body not valid for its coding is a 400.
 */
const DECODERS = {
  gzip: createGunzip,
  // RFC 9110 §8.4.1.3: a recipient should read x-gzip as gzip.
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
} as const;

type Coding = keyof typeof DECODERS;

export const SUPPORTED_CONTENT_CODINGS = ['gzip', 'deflate', 'br'] as const;

/** The body's codings in the order applied, without `identity` (which means none). */
function codingsOf(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

function isSupported(coding: string): coding is Coding {
  return Object.hasOwn(DECODERS, coding);
}

function unsupported(codings: string[]): HttpProblem {
  const sent = codings.join(', ');
  const detail =
    codings.length > 1
      ? `Content-Encoding "${sent}" stacks codings; send one of gzip, deflate or br`
      : `Content-Encoding "${sent}" is not supported; send gzip, deflate or br`;
  return new HttpProblem(
    415,
    'unsupported-media-type',
    detail,
    {},
    {
      'accept-encoding': SUPPORTED_CONTENT_CODINGS.join(', '),
    },
  );
}

/**
 * The decoded body, as fastify's body reader reads it: decoded bytes pass until they pass
 * `limit`, then it fails with a 413. `receivedEncodedLength` is the compressed bytes received
 * so far, which fastify holds to the limit too and checks against Content-Length.
 */
class DecodedBody extends Transform {
  receivedEncodedLength = 0;
  decoded = 0;
  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.decoded += chunk.length;
    if (this.decoded > this.limit) {
      callback(
        new HttpProblem(413, 'payload-too-large', `the decompressed body is larger than ${this.limit} bytes`),
      );
      return;
    }
    callback(null, chunk);
  }
}

function decodedBody(raw: Readable, coding: Coding, limit: number, log: FastifyBaseLogger): DecodedBody {
  const decoder = DECODERS[coding]();
  const body = new DecodedBody(limit);
  raw.on('data', (chunk: Buffer) => {
    body.receivedEncodedLength += chunk.length;
  });
  // The request stays out of any pipeline: destroying it would close the connection before
  // the answer goes out. A failure on either side stops the decoder, and the reason reaches
  // fastify as the body stream's error.
  raw.pipe(decoder).pipe(body);
  const stop = (): void => {
    raw.unpipe(decoder);
    decoder.destroy();
  };
  decoder.on('error', (error) => {
    stop();
    body.destroy(
      new HttpProblem(400, 'invalid-encoding', `the body is not valid ${coding}: ${error.message}`),
    );
  });
  body.on('error', (error) => {
    stop();
    if (error instanceof HttpProblem && error.status === 413) {
      log.info(
        {
          content_encoding: coding,
          encoded_bytes: body.receivedEncodedLength,
          decoded_bytes: body.decoded,
          limit,
        },
        'decoded body over the limit',
      );
    }
  });
  return body;
}

export function registerBodyEncodings(app: FastifyInstance): void {
  app.addHook('preParsing', (request, _reply, payload, done) => {
    const codings = codingsOf(request.headers['content-encoding']);
    if (codings.length === 0) return done(null, payload);
    const [coding] = codings;
    if (codings.length > 1 || coding === undefined || !isSupported(coding)) {
      return done(unsupported(codings));
    }
    const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
    done(null, decodedBody(payload, coding, limit, request.log));
  });
}
