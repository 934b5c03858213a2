import { createHash } from 'node:crypto';
import { PARSER_VERSION } from '../parser/version.js';
import type { ParsedPage } from '../parser/types.js';
import type {
  ArticleRecord,
  IngestRecord,
  PageWithStory,
  RawContentType,
  Repository,
  StoredDocumentMatch,
} from '../storage/repository.js';
import { learnedSourceOf, type VersionedLearned } from './learned.js';

/** A page as a client sent it: the document itself, what kind it is, and where it came from. */
export interface PageSubmission {
  body: string;
  contentType: RawContentType;
  sourceUrl: string | null;
}

export type IngestOutcome =
  | { kind: 'created'; article: ArticleRecord }
  | { kind: 'existing'; article: ArticleRecord }
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
  | { kind: 'existing'; article: ArticleRecord }
  | { kind: 'no-story'; page: ParsedPage }
  | { kind: 'ready'; record: IngestRecord };

/**
 * Ingests of each repository between the start of their preparation and its end: when one is
 * stored while others are still being parsed, the store is told that more follow, so that it
 * can commit them together (group commit) instead of one fsync each.
 */
const preparing = new WeakMap<Repository, number>();

function countPreparing(repository: Repository, delta: number): void {
  preparing.set(repository, (preparing.get(repository) ?? 0) + delta);
}

/**
 * The first half of an ingest, which may run for many pages at once: hashes the document,
 * looks for it, and parses it. Nothing is written.
 */
export async function prepareIngest(
  repository: Repository,
  submission: PageSubmission,
  options: { parse?: ParseFunction; now?: () => Date } = {},
): Promise<PreparedIngest> {
  countPreparing(repository, 1);
  try {
    return await prepare(repository, submission, options);
  } finally {
    countPreparing(repository, -1);
  }
}

async function prepare(
  repository: Repository,
  submission: PageSubmission,
  options: { parse?: ParseFunction; now?: () => Date },
): Promise<PreparedIngest> {
  const sha256 = sha256Hex(submission.body);
  const existing = await repository.findArticleByDocumentHash(sha256);
  if (existing?.contentType === submission.contentType)
    return { kind: 'existing', article: existing.article };

  const learned = await learnedSourceOf(repository).current();
  const page = await (options.parse ?? parseInProcess)(submission, { learned });
  if (existing) return retype(repository, existing, submission.contentType, page, sha256);
  if (!hasStory(page)) return { kind: 'no-story', page };

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
 * keeps its id; when the new reading finds no story, the stored article stays as it was.
 */
async function retype(
  repository: Repository,
  existing: StoredDocumentMatch,
  contentType: RawContentType,
  page: ParsedPage,
  sha256: string,
): Promise<PreparedIngest> {
  if (!hasStory(page)) return { kind: 'no-story', page };
  const articleId = existing.article.id;
  await repository.replaceParse({ articleId, documentSha256: sha256, contentType }, page, PARSER_VERSION);
  // Deleted or replaced meanwhile: what is stored under this id now is the answer either way.
  const article = await repository.getArticle(articleId);
  return article ? { kind: 'existing', article } : { kind: 'existing', article: existing.article };
}

/**
 * The second half: stores a prepared page. The repository applies stores in the order they
 * are called, so callers that prepare pages concurrently call this in their own order.
 */
export async function storeIngest(repository: Repository, record: IngestRecord): Promise<IngestOutcome> {
  const moreFollow = (preparing.get(repository) ?? 0) > 0;
  const { article, created } = await repository.ingest(record, { moreFollow });
  if (created) learnedSourceOf(repository).noteIngest();
  return { kind: created ? 'created' : 'existing', article };
}

/**
 * Parses a submitted page and stores it with its raw document. Idempotent by the
 * document's SHA-256 and media type: the same document twice yields the existing article,
 * parsed once; the same bytes with another media type re-read that article under it.
 * A page without a main story is not stored; the caller gets the parse to show why.
 */
export async function ingestPage(
  repository: Repository,
  submission: PageSubmission,
  options: { parse?: ParseFunction; now?: () => Date } = {},
): Promise<IngestOutcome> {
  const prepared = await prepareIngest(repository, submission, options);
  return prepared.kind === 'ready' ? storeIngest(repository, prepared.record) : prepared;
}
