import { createHash } from 'node:crypto';
import { PARSER_VERSION } from '../parser/version.js';
import type { ParsedPage } from '../parser/types.js';
import type {
  ArticleRecord,
  IngestHints,
  IngestRecord,
  PageWithStory,
  RawContentType,
  Repository,
  StoredDocumentMatch,
} from '../storage/repository.js';
import { createLearnedSource, type LearnedSource, type VersionedLearned } from './learned.js';

/** A page as a client sent it: the document itself, what kind it is, and where it came from. */
export interface PageSubmission {
  body: string;
  contentType: RawContentType;
  sourceUrl: string | null;
}

/**
 * How an ingest ended, with the parse it made: `page` is what the parser read in this call
 * (callers label metrics and answer 422s with it); `null` when the document was found by its
 * hash and not parsed again.
 */
export type IngestOutcome =
  | { kind: 'created'; article: ArticleRecord; page: PageWithStory }
  | { kind: 'existing'; article: ArticleRecord; page: ParsedPage | null }
  | { kind: 'no-story'; page: ParsedPage };

/** What a parse of a page to store knows besides the page: what the corpus learned. */
export interface ParseContext {
  learned?: VersionedLearned | null;
}

/** Parses a submission; the server runs it in a worker pool with a per-page budget. */
export type ParseFunction = (submission: PageSubmission, context?: ParseContext) => Promise<ParsedPage>;

/** Parsing in this thread (CLI, tests); the module loads on first use. */
export const parseInProcess: ParseFunction = async (submission, context) =>
  (await import('./parse-submission.js')).parseSubmission(submission, context?.learned?.learned);

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hasStory(page: ParsedPage): page is PageWithStory {
  return page.story !== null;
}

/** A parsed submission, ready to store, or what answers it without a write. */
export type PreparedIngest =
  Exclude<IngestOutcome, { kind: 'created' }> | { kind: 'ready'; record: IngestRecord };

export interface IngestOptions {
  parse?: ParseFunction;
  now?: () => Date;
  /** What the corpus learned, shared with the app's re-parse jobs; by default one of this `createIngests`. */
  learned?: LearnedSource;
}

/**
 * The ingests of one repository, in two halves so that many pages can be parsed at once and
 * stored in order (the batch): `prepare` hashes, looks up and parses; `store` writes. The
 * pages being prepared are counted here: a store made while others are still being parsed
 * tells the repository that more follow (`IngestHints`), so that it commits them together
 * (group commit) instead of one fsync each. One per app, shared by its routes.
 */
export interface Ingests {
  prepare(submission: PageSubmission): Promise<PreparedIngest>;
  /** The repository applies stores in the order they are called: call in the order ids should follow. */
  store(record: IngestRecord): Promise<IngestOutcome>;
  /** Both halves: parses a page and stores it with its raw document (see `ingestPage`). */
  ingest(submission: PageSubmission): Promise<IngestOutcome>;
}

export function createIngests(repository: Repository, options: IngestOptions = {}): Ingests {
  const learned = options.learned ?? createLearnedSource(repository);
  let preparing = 0;
  const prepareOne = async (submission: PageSubmission): Promise<PreparedIngest> => {
    preparing += 1;
    try {
      return await prepare(repository, learned, submission, options);
    } finally {
      preparing -= 1;
    }
  };
  const store = async (record: IngestRecord): Promise<IngestOutcome> => {
    const hints: IngestHints = { moreFollow: preparing > 0 };
    const { article, created } = await repository.ingest(record, hints);
    if (created) learned.noteIngest();
    return created
      ? { kind: 'created', article, page: record.page }
      : { kind: 'existing', article, page: record.page };
  };
  return {
    prepare: prepareOne,
    store,
    async ingest(submission) {
      const prepared = await prepareOne(submission);
      return prepared.kind === 'ready' ? store(prepared.record) : prepared;
    },
  };
}

async function prepare(
  repository: Repository,
  learnedSource: LearnedSource,
  submission: PageSubmission,
  options: IngestOptions,
): Promise<PreparedIngest> {
  const sha256 = sha256Hex(submission.body);
  const existing = await repository.findArticleByDocumentHash(sha256);
  if (existing?.contentType === submission.contentType)
    return { kind: 'existing', article: existing.article, page: null };

  const learned = await learnedSource.current();
  const page = await (options.parse ?? parseInProcess)(submission, { learned });
  if (!hasStory(page)) return { kind: 'no-story', page };
  if (existing) {
    const retyped = await retype(repository, existing, submission.contentType, page, sha256);
    if (retyped) return retyped;
  }

  const timestamp = (options.now?.() ?? new Date()).toISOString();
  return {
    kind: 'ready',
    record: {
      document: {
        body: submission.body,
        contentType: submission.contentType,
        sha256,
        sourceUrl: submission.sourceUrl,
        receivedAt: timestamp,
      },
      page,
      parserVersion: PARSER_VERSION,
      ingestedAt: timestamp,
    },
  };
}

/**
 * The same bytes sent again with another media type (HTML first sent as text/plain, say): one
 * document still, now read as the client says it is. Its article is re-parsed in place and
 * keeps its id (when the new reading finds no story, the caller answers no-story and the stored
 * article stays as it was). Null when the article was deleted or replaced after the lookup:
 * nothing holds the document any more, so the caller stores the page anew.
 */
async function retype(
  repository: Repository,
  existing: StoredDocumentMatch,
  contentType: RawContentType,
  page: PageWithStory,
  sha256: string,
): Promise<PreparedIngest | null> {
  const articleId = existing.article.id;
  const outcome = await repository.replaceParse(
    { articleId, documentSha256: sha256, contentType },
    page,
    PARSER_VERSION,
  );
  if (outcome === 'missing' || outcome === 'document-changed') return null;
  // Deleted after the re-read: it was this article's reading when written.
  const article = (await repository.getArticle(articleId)) ?? existing.article;
  return { kind: 'existing', article, page };
}

/**
 * Parses a submitted page and stores it with its raw document. Idempotent by the
 * document's SHA-256 and media type: the same document twice yields the existing article,
 * parsed once; the same bytes with another media type re-read that article under it.
 * A page without a main story is not stored; the caller gets the parse to show why.
 * One page on its own: it never tells the store that more follow, and reads what the corpus
 * learned afresh (unless `options.learned` is given). Concurrent or repeated ingests share
 * one `createIngests`.
 */
export async function ingestPage(
  repository: Repository,
  submission: PageSubmission,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  return createIngests(repository, options).ingest(submission);
}
