import { Readable } from 'node:stream';
import type { FastifyInstance, FastifySchemaCompiler, preHandlerAsyncHookHandler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IngestOutcome, Ingests } from '../../ingest/ingest.js';
import { jsonTextDefect } from '../clean-text.js';
import { jsonShapeDefect } from '../json-shape.js';
import type { Metrics } from '../metrics.js';
import { parsePoolProblem } from '../parse-budget.js';
import { storageProblem } from '../storage-problem.js';
import type { IngestRecord } from '../../storage/repository.js';
import { JSON_MEDIA_TYPE, NDJSON_MEDIA_TYPE, tooManyItems } from '../content-types.js';
import { HttpProblem, PROBLEMS, problemTitle, problemType, type ProblemKind } from '../problem.js';
import { articlePath } from '../representations.js';
import { mediaType } from './pages.js';
import { BODY_PROBLEMS, PARAMETER_PROBLEMS, problemResponses } from '../responses.js';
import { BatchResultSchema, IngestJsonSchema } from '../schemas.js';

/** Lines one batch may hold. */
export const BATCH_MAX_LINES = 1000;

/** Lines of one batch in flight at once: enough to keep the parse workers and group commit fed. */
export const BATCH_WINDOW = 16;

type BatchResult = z.output<typeof BatchResultSchema>;

/**
 * The JSON form of a batch, as documented: a list of page submissions. Not validated as a whole
 * (see `itemsCheckedOneByOne`): each item is checked on its own, like an NDJSON line.
 */
const BatchJsonBody = z
  .array(IngestJsonSchema)
  .min(1)
  .max(BATCH_MAX_LINES)
  .describe('Page submissions, as the JSON body of `POST /v1/articles`; answered in the same order.');

const NdjsonBody = z.string().min(1).describe('One JSON page submission per line.');

/** Validates the NDJSON body as a whole; hands the JSON list to the route to check item by item. */
const itemsCheckedOneByOne: FastifySchemaCompiler<unknown> = (route) =>
  route.schema === BatchJsonBody ? (value: unknown) => ({ value }) : validatorCompiler(route as never);

type LineProblem = NonNullable<BatchResult['problem']>;

/**
 * A line answered with a problem: its status and title are its kind's (PROBLEMS), as on
 * POST /v1/articles, so a line cannot pair a kind with another status.
 */
function failedLine(
  line: number,
  kind: ProblemKind,
  detail: string,
  errors?: LineProblem['errors'],
): BatchResult {
  const status = PROBLEMS[kind].status;
  const problem: LineProblem = { type: problemType(kind), title: problemTitle(status), status, detail };
  return { line, status, problem: errors === undefined ? problem : { ...problem, errors } };
}

export interface BatchRoutesOptions {
  ingests: Ingests;
  requireWriteAccess: preHandlerAsyncHookHandler;
  /** Largest batch body, in bytes. */
  bodyLimit: number;
  /** Largest line, in bytes: the single-page body limit of `POST /v1/articles`. */
  lineLimit: number;
  metrics?: Pick<Metrics, 'recordIngest'>;
}

export async function batchRoutes(app: FastifyInstance, options: BatchRoutesOptions): Promise<void> {
  const { ingests, requireWriteAccess } = options;

  type PreparedLine = { kind: 'answered'; result: BatchResult } | { kind: 'store'; record: IngestRecord };

  function lineFailure(error: unknown, line: number): BatchResult {
    const problem = parsePoolProblem(error) ?? storageProblem(error);
    if (problem) return failedLine(line, problem.kind, problem.detail);
    app.log.error({ err: error, line }, 'batch: line failed');
    return failedLine(line, 'internal', 'this line could not be stored');
  }

  function answered(outcome: IngestOutcome, line: number): BatchResult {
    options.metrics?.recordIngest(outcome);
    if (outcome.kind === 'no-story') {
      return failedLine(line, 'no-story', 'the page has no main story, so nothing was stored');
    }
    const id = outcome.article.id;
    return { line, status: outcome.kind === 'created' ? 201 : 200, id, location: articlePath(id) };
  }

  /** A line or item larger than POST /v1/articles takes (`label`: "line 3", "item 3"): its own 413. */
  function tooLargeForAPage(bytes: number, line: number, label: string): PreparedLine | null {
    if (bytes <= options.lineLimit) return null;
    return {
      kind: 'answered',
      result: failedLine(
        line,
        'payload-too-large',
        `${label} is ${bytes} bytes; a page may have at most ${options.lineLimit} bytes`,
      ),
    };
  }

  /** Validates and parses one NDJSON line; never rejects: a bad line becomes its own result. */
  async function prepareLine(text: string, line: number): Promise<PreparedLine> {
    // A page too large for POST /v1/articles is too large here: checked before anything reads it.
    const tooLarge = tooLargeForAPage(Buffer.byteLength(text, 'utf8'), line, `line ${line}`);
    if (tooLarge !== null) return tooLarge;
    const shape = jsonShapeDefect(text);
    if (shape !== null) {
      return {
        kind: 'answered',
        result: failedLine(line, 'validation', `line ${line} ${shape}; a page submission is a flat object`, [
          { path: 'line', message: shape },
        ]),
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return {
        kind: 'answered',
        result: failedLine(
          line,
          'malformed-json',
          `line ${line} is not valid JSON: ${(error as Error).message}`,
        ),
      };
    }
    return prepareSubmission(json, line, `line ${line}`);
  }

  /** Validates and parses one item of a JSON list, as `prepareLine` does a line. */
  async function prepareItem(item: unknown, line: number): Promise<PreparedLine> {
    const tooLarge = tooLargeForAPage(
      Buffer.byteLength(JSON.stringify(item) ?? '', 'utf8'),
      line,
      `item ${line}`,
    );
    if (tooLarge !== null) return tooLarge;
    return prepareSubmission(item, line, `item ${line}`);
  }

  /** Checks and parses one parsed submission (`label` names it in problems: "line 3", "item 3"). */
  async function prepareSubmission(json: unknown, line: number, label: string): Promise<PreparedLine> {
    const defect = jsonTextDefect(json);
    if (defect !== null) {
      return {
        kind: 'answered',
        result: failedLine(line, 'invalid-text', `${label} cannot be stored as it is: ${defect}`),
      };
    }
    const parsed = IngestJsonSchema.safeParse(json);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({
        path: [label.split(' ')[0], ...issue.path].join('/'),
        message: issue.message,
      }));
      return {
        kind: 'answered',
        result: failedLine(line, 'validation', `${label} is not a page submission`, errors),
      };
    }
    const { text: pageText, html, url } = parsed.data;
    try {
      const prepared = await ingests.prepare({
        body: html ?? pageText ?? '',
        contentType: html === undefined ? 'text/plain' : 'text/html',
        sourceUrl: url ?? null,
      });
      return prepared.kind === 'ready'
        ? { kind: 'store', record: prepared.record }
        : { kind: 'answered', result: answered(prepared, line) };
    } catch (error) {
      return { kind: 'answered', result: lineFailure(error, line) };
    }
  }

  /** Stores a prepared line; never rejects. */
  async function storeLine(record: IngestRecord, line: number): Promise<BatchResult> {
    try {
      return answered(await ingests.store(record), line);
    } catch (error) {
      return lineFailure(error, line);
    }
  }

  /** One line or item of a batch, numbered from 1, and how to prepare it. */
  interface BatchEntry {
    line: number;
    prepare: () => Promise<PreparedLine>;
  }

  /**
   * One result per entry, in order. Up to BATCH_WINDOW entries are parsed at once, so the
   * parse workers stay busy while earlier ones are stored; stores are started in order (ids
   * follow the lines, and of two equal documents the first line creates the article) without
   * waiting for each other's commit, so the repository can commit several lines together.
   */
  async function* results(entries: BatchEntry[]): AsyncGenerator<BatchResult> {
    let previousStoreStarted: Promise<unknown> = Promise.resolve();
    const start = ({ line, prepare }: BatchEntry): Promise<BatchResult> => {
      const prepared = prepare();
      // Wrapped in an object so that the chain waits for the store to start, not to commit.
      const storeStarted = previousStoreStarted
        .then(() => prepared)
        .then((p) => ({
          result: p.kind === 'store' ? storeLine(p.record, line) : Promise.resolve(p.result),
        }));
      previousStoreStarted = storeStarted;
      return storeStarted.then((started) => started.result);
    };
    const inFlight: Promise<BatchResult>[] = [];
    let next = 0;
    while (next < entries.length && inFlight.length < BATCH_WINDOW) inFlight.push(start(entries[next++]!));
    while (inFlight.length > 0) {
      const result = await inFlight.shift()!;
      if (next < entries.length) inFlight.push(start(entries[next++]!));
      yield result;
    }
  }

  async function* ndjson(lines: AsyncIterable<BatchResult>): AsyncGenerator<string> {
    for await (const result of lines) yield `${JSON.stringify(result)}\n`;
  }

  /** The JSON form: every result, in item order, as one array. */
  async function answerList(items: unknown): Promise<BatchResult[]> {
    if (!Array.isArray(items) || items.length === 0) {
      throw new HttpProblem(400, 'validation', 'send a non-empty JSON array of page submissions', {
        errors: [{ path: 'body', message: 'expected a non-empty array' }],
      });
    }
    if (items.length > BATCH_MAX_LINES) throw tooManyItems(BATCH_MAX_LINES, 'items', items.length);
    const answers: BatchResult[] = [];
    const entries = items.map((item: unknown, index) => ({
      line: index + 1,
      prepare: () => prepareItem(item, index + 1),
    }));
    for await (const result of results(entries)) answers.push(result);
    return answers;
  }

  app.post(
    '/v1/articles::batch',
    {
      preHandler: requireWriteAccess,
      bodyLimit: options.bodyLimit,
      config: { routeKind: 'write', jsonListBody: { maxItems: BATCH_MAX_LINES } },
      validatorCompiler: itemsCheckedOneByOne,
      // Only NDJSON and JSON: checked before the body is read, so no other parser ever sees it.
      onRequest: async (request) => {
        const type = mediaType(request);
        if (type !== NDJSON_MEDIA_TYPE && type !== JSON_MEDIA_TYPE) {
          throw new HttpProblem(
            415,
            'unsupported-media-type',
            `send ${JSON_MEDIA_TYPE} (an array of page submissions) or ${NDJSON_MEDIA_TYPE} (one per line)`,
          );
        }
      },
      schema: {
        operationId: 'ingestArticlesBatch',
        tags: ['articles'],
        security: [{ bearerAuth: [] }],
        summary: 'Ingest many pages',
        description:
          `Up to ${BATCH_MAX_LINES} page submissions (each as the JSON body of \`POST /v1/articles\`), ` +
          'as a JSON array, answered with a JSON array of results in the same order; or as ' +
          'newline-delimited JSON (`application/x-ndjson`, one submission per line), answered with a ' +
          'stream of results, one NDJSON line per non-empty input line, in order. Each result gives ' +
          'the line (or item) number, the status it would have had on its own (201, 200, 400, 413, ' +
          '422), and the article id or a problem. A line or item is held to the single-page body ' +
          'limit (413 on that line). One bad line does not fail the others.',
        body: {
          content: {
            [JSON_MEDIA_TYPE]: { schema: BatchJsonBody },
            [NDJSON_MEDIA_TYPE]: { schema: NdjsonBody },
          },
        } as never,
        response: {
          200: {
            description:
              'One BatchResult per item, in order. An `application/x-ndjson` request is answered ' +
              'as `application/x-ndjson`: the same results, one per line, streamed as they are ready.',
            content: { [JSON_MEDIA_TYPE]: { schema: z.array(BatchResultSchema) } },
          },
          ...problemResponses(
            ...PARAMETER_PROBLEMS,
            ...BODY_PROBLEMS,
            'too-many-lines',
            'unauthorized',
            'forbidden',
            'rate-limited',
          ),
        },
      },
    },
    async (request, reply) => {
      if (mediaType(request) === JSON_MEDIA_TYPE) {
        return reply.type(JSON_MEDIA_TYPE).send(await answerList(request.body));
      }
      const lines = (request.body as string).split('\n');
      const entries = lines.flatMap((text, index) =>
        text.trim() === '' ? [] : [{ line: index + 1, prepare: () => prepareLine(text, index + 1) }],
      );
      if (entries.length > BATCH_MAX_LINES) throw tooManyItems(BATCH_MAX_LINES, 'lines', entries.length);
      return reply.type(`${NDJSON_MEDIA_TYPE}; charset=utf-8`).send(Readable.from(ndjson(results(entries))));
    },
  );
}
