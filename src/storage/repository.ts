import type { ParsedPage, Platform, Story } from '../parser/types.js';

/**
 * The storage boundary. Routes and ingest talk to this interface only, so another
 * engine (PostgreSQL) can be added beside SQLite without touching them. Methods are
 * async even though better-sqlite3 is synchronous, because other engines are not.
 */
export interface Repository {
  /**
   * Stores a raw document and everything parsed from it in one transaction, and links
   * teasers to stories both ways. When a document with the same SHA-256 is already
   * stored, nothing is written and the existing article is returned with `created: false`.
   * Ingests are applied in the order they are called (an engine may commit several together,
   * but resolves each only once it is durable), so ids follow call order. Ids are never
   * reused: a new article's id is above every id ever issued, deleted ones included (SQLite:
   * migration 005; an identity column or sequence elsewhere). The same holds for editions and
   * publications.
   */
  ingest(input: IngestRecord, hints?: IngestHints): Promise<{ article: ArticleRecord; created: boolean }>;
  /** The article holding the document with these bytes, and the media type it was stored as. */
  findArticleByDocumentHash(sha256: string): Promise<StoredDocumentMatch | null>;
  getArticle(id: number): Promise<ArticleRecord | null>;
  /**
   * The article as GET serves it, stored beside it by the writes (see `Represent`): one read by
   * primary key. Null when none is stored for the article's current state (the engine was opened
   * without `represent`, the article predates migration 014, a refresh is still owed, or there is
   * no such article): the caller then builds it from `getArticle`. Never stale: every write that
   * changes what the representation shows discards it in the same transaction (migration 014).
   */
  getArticleRepresentation(id: number): Promise<StoredRepresentation | null>;
  /** The article's edition with its counts; `undefined` when the article does not exist. */
  getArticleEdition(articleId: number): Promise<ArticleEditionRecord | undefined>;
  /** One page of the article's teasers in page order (keyset on position); null when the article does not exist. */
  listArticleTeasers(articleId: number, query: PageQuery): Promise<Page<TeaserRecord> | null>;
  /** The raw document exactly as received; null when the article does not exist. */
  getArticleSource(articleId: number): Promise<ArticleSource | null>;
  /**
   * Removes the article with its teasers, links, search rows and raw document; false when
   * absent. Its id is retired: it will never name another article.
   */
  deleteArticle(articleId: number): Promise<boolean>;

  /**
   * In `sort` order (default: newest edition first, then id; with `q`, by relevance), with a
   * snippet per item when `q` is given, and `total` counted up to the engine's bound.
   */
  listArticles(query: ArticleListQuery): Promise<Page<ArticleListItem>>;
  listEditions(query: EditionListQuery): Promise<Page<EditionRecord>>;
  getEdition(id: number): Promise<EditionRecord | null>;
  listPublications(query: PageQuery): Promise<Page<PublicationRecord>>;
  getPublication(id: number): Promise<PublicationRecord | null>;
  searchTeasers(query: TeaserSearchQuery): Promise<Page<TeaserSearchItem>>;

  /**
   * Changes to articles in commit order, after `since` (a token from an earlier page or
   * change; `'now'`: the current head, with no items; absent: from the oldest change kept).
   * A change is recorded in the transaction that makes it, so a reader never sees a change
   * before the ones committed ahead of it. Throws ChangesGoneError when changes after `since`
   * are no longer kept (or the token belongs to another database), InvalidCursorError when
   * the token was never issued.
   */
  listChanges(query: ChangeQuery): Promise<ChangePage>;

  /**
   * Line shapes printed by pages of at least `minPublications` (≥ 2) distinct publications of
   * one platform, in stories of at least two titles (one syndicated story is not platform
   * text), most widespread first: what the corpus learned as platform text
   * (src/parser/learned.ts). Counted at ingest and re-parse, per publication, never per page.
   */
  learnedShapes(minPublications: number, limit: number): Promise<LearnedShapeRecord[]>;

  /** Stored pages to re-parse, by article id; `staleOnly` skips those parsed by `parserVersion`. */
  listReparseCandidates(query: ReparseCandidatesQuery): Promise<StoredPage[]>;
  countReparseCandidates(query: Omit<ReparseCandidatesQuery, 'afterArticleId' | 'limit'>): Promise<number>;
  /**
   * Replaces an article's parsed fields, teasers, links and search rows; keeps its id. Writes
   * only if the article still holds the raw document that was parsed, checked in the same
   * transaction as the write: 'missing' when the article is gone, 'document-changed' when it
   * holds another document (nothing is written either way).
   */
  replaceParse(target: ReparseTarget, page: PageWithStory, parserVersion: string): Promise<ReparseOutcome>;

  /**
   * Background jobs live in the database, not in the memory of the node that took the request,
   * so any node may run one and another may finish it. A job is queued by `createJob`; a node
   * claims it (`claimJob`), renews its lease with its progress (`heartbeatJob`) and ends it the
   * same way; a node that stops renewing (killed, stalled) loses it to the next claim once
   * `leaseMs` has passed, and the taker-over resumes after `resumeAfter` with the counts
   * recorded with it. Lease times come from the database's clock where nodes share a server.
   */
  createJob(kind: JobKind, total: number | null, spec: JobSpec): Promise<JobRecord>;
  /**
   * Claims the oldest job for `spec.parserVersion` that is queued, or running with no heartbeat
   * for `leaseMs` (its node died): sets it running, held by `nodeId`, heartbeat now. One claim
   * wins per job (one write transaction on SQLite, `FOR UPDATE SKIP LOCKED` on PostgreSQL).
   * Claiming a running job is a takeover, counted in `takeovers`; a running job whose lease ran
   * out after `maxTakeovers` takeovers (DEFAULT_MAX_TAKEOVERS) is not claimed but ended
   * `failed`, its `error` saying why and after which article. `null` when there is nothing to
   * claim.
   */
  claimJob(
    nodeId: string,
    leaseMs: number,
    parserVersion: string,
    maxTakeovers?: number,
  ): Promise<JobRecord | null>;
  /**
   * Renews `nodeId`'s lease on a running job and records `patch` with it (progress, and the
   * `resumeAfter` those counts reach). A patch whose status is not 'running' ends the claim:
   * 'succeeded'/'failed' finish the job, 'queued' hands it back for any node to claim at once.
   * Writes nothing and returns false when the node no longer holds the job (another node took it
   * over, or it was already ended): the caller must stop working on it.
   */
  heartbeatJob(id: string, nodeId: string, patch: JobPatch): Promise<boolean>;
  /** Unconditional write to a job's progress; runners use `heartbeatJob`, which is fenced. */
  updateJob(id: string, patch: JobPatch): Promise<void>;
  getJob(id: string): Promise<JobRecord | null>;

  /**
   * Fingerprints up to `limit` articles stored before story ids existed (migration 007), oldest
   * first, and gives each its story: what SQL could not compute. Returns how many it did; 0
   * once every article has a story. One transaction per call.
   */
  assignMissingStories(limit: number): Promise<number>;

  /** Schema version of the open database and the newest one this build knows. */
  schemaStatus(): Promise<{ current: number; latest: number }>;
  /**
   * Whether writes can be stored where the next start will find them: `full` after a write
   * failed for lack of space (until there is room again), `unavailable` while the database
   * file is missing or another file has taken its place.
   */
  health(): Promise<StorageHealth>;
  /** Bytes the stored data takes (SQLite: page_count × page_size), read when metrics are scraped. */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

/** One page of a list; `nextCursor` is opaque and null at the end. */
export interface LearnedShapeRecord {
  /** null: pages whose platform the parser could not tell. */
  platform: Platform | null;
  /** `shapeHash(lineShape(line))`, what the parser looks a line up by. */
  hash: number;
  /** Distinct publications that printed the shape. */
  publications: number;
  /** The folded line (`try 0 days for ¤0`). */
  shape: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** How many items the whole list has, where the list counts them (see Total). */
  total?: Total;
  /** A relevance search's: which of its matches were ranked (see RankedWithin). */
  rankedWithin?: RankedWithin;
}

/**
 * Ranking costs time per match, so a relevance search ranks the newest `newestMatches` matches
 * (by id, within the filters) and no others: each engine has its own bound. `allMatchesRanked`
 * false means there were more matches and the results are the best of the newest ones, not of
 * all: older articles need a narrower query or another order.
 */
export interface RankedWithin {
  newestMatches: number;
  allMatchesRanked: boolean;
}

/**
 * A list's size, counted up to a bound (10,000 by default; `LIST_TOTAL_BOUND`) so that the count
 * costs at most that many index entries: `exact` false means at least `value`.
 */
export interface Total {
  value: number;
  exact: boolean;
}

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

export type PublicationRef = { id: number } | { name: string };

export interface ArticleFilter {
  publication?: PublicationRef | undefined;
  editionId?: number | undefined;
  /** Edition date range, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a month- or year-precision edition falls in its month or year. */
  from?: string | undefined;
  to?: string | undefined;
  language?: string | undefined;
  pageLocale?: string | undefined;
  platform?: Platform | undefined;
}

export interface ArticleListQuery extends ArticleFilter, PageQuery {
  /** A search over title, deck and body, in masthead's grammar (`search-query.ts`). */
  q?: string | undefined;
  /** Default: `relevance` with `q`, else `-edition_date`. `relevance` needs `q`. */
  sort?: ArticleSort | undefined;
  /**
   * `story`: one article per story, the capture that comes first in the list's order among
   * those matching the filters (newest edition, then lowest id). Not combined with `q`.
   */
  distinct?: 'story' | undefined;
}

/**
 * `-edition_date`: newest edition first (a month-precision edition before that month's days,
 * undated last), then by id; `edition_date` is its exact reverse. `ingested`: in the order
 * stored (ids follow ingest order); `-ingested`: newest first. `relevance`: best match first.
 */
export type ArticleSort = 'edition_date' | '-edition_date' | 'ingested' | '-ingested' | 'relevance';
export const ARTICLE_SORTS: readonly ArticleSort[] = [
  '-edition_date',
  'edition_date',
  '-ingested',
  'ingested',
  'relevance',
];

/** `stored`: in the order stored (the default); `-stored`: newest first; `relevance`: best match first (needs `q`). */
export type TeaserSort = 'stored' | '-stored' | 'relevance';
export const TEASER_SORTS: readonly TeaserSort[] = ['stored', '-stored', 'relevance'];

/** `-date`: newest first, then by id (the default); `date`: its exact reverse. */
export type EditionSort = 'date' | '-date';
export const EDITION_SORTS: readonly EditionSort[] = ['-date', 'date'];

export interface ArticleListItem extends ArticleRecord {
  /** With `q`: the best-matching passage, HTML-escaped, matches in `<mark>`. */
  snippet?: string;
}

export interface EditionListQuery extends PageQuery {
  sort?: EditionSort | undefined;
  publication?: PublicationRef | undefined;
  from?: string | undefined;
  to?: string | undefined;
  platform?: Platform | undefined;
}

export interface TeaserSearchQuery extends PageQuery {
  q?: string | undefined;
  /** Default `stored`. */
  sort?: TeaserSort | undefined;
  publication?: string | undefined;
}

export interface PublicationRecord {
  id: number;
  name: string;
  editionCount: number;
  articleCount: number;
  firstEditionDate: string | null;
  lastEditionDate: string | null;
}

export interface TeaserSearchItem extends TeaserRecord {
  id: number;
  /** The article whose page printed this teaser. */
  pageArticleId: number;
}

export interface RawSource {
  body: string;
  contentType: RawContentType;
}

/** A stored document as it is served: its bytes in one read, and the hash computed at ingest. */
export interface ArticleSource {
  /** The document's UTF-8 bytes, exactly as received. */
  bytes: Uint8Array;
  contentType: RawContentType;
  /** Hex SHA-256 of `bytes`, stored with the document: serving it never hashes it again. */
  sha256: string;
}

export interface StoredPage extends RawSource {
  articleId: number;
  /** Hex SHA-256 of `body`: what a re-parse of this page hands back to `replaceParse`. */
  documentSha256: string;
  sourceUrl: string | null;
  parserVersion: string;
}

/** The article a re-parse writes to, and the document it parsed. */
export interface ReparseTarget {
  articleId: number;
  /** Hex SHA-256 of the raw document that was parsed (`StoredPage.documentSha256`). */
  documentSha256: string;
  /** The media type the document was parsed as, when it is not the one stored: stored with the parse. */
  contentType?: RawContentType;
  /**
   * The job this write belongs to and the node holding it. The write then also counts its
   * outcome in the job (processed + 1, the outcome's count + 1, `resumeAfter` = this article,
   * heartbeat now; 'missing'/'document-changed' count as skipped) in the same transaction, and
   * happens only if the node still holds the job: otherwise nothing is written and the outcome
   * is 'job-lost'. A takeover then never finds an article rewritten but not counted, and a node
   * that lost its job cannot write beside the one that took it.
   */
  job?: { id: string; nodeId: string };
}

export interface StoredDocumentMatch {
  article: ArticleRecord;
  contentType: RawContentType;
}

export type ReparseOutcome = 'updated' | 'unchanged' | 'missing' | 'document-changed' | 'job-lost';

export interface ReparseCandidatesQuery {
  afterArticleId: number;
  limit: number;
  /** Only pages whose article was parsed by another parser version than this one. */
  staleFor?: string | undefined;
}

export type JobKind = 'reparse';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobRecord {
  id: string;
  kind: JobKind;
  status: JobStatus;
  total: number | null;
  processed: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** What the job was asked, and the parser version whose nodes may run it. */
  options: JobOptions;
  parserVersion: string;
  /** The node holding the job while it runs (the last one, once it ended). */
  claimedBy: string | null;
  heartbeatAt: string | null;
  /**
   * Resume point: the last article id whose outcome the counts include (0 before any). A node
   * taking the job over continues after it. An article rewritten is counted in the same
   * transaction (ReparseTarget.job); a page with nothing to write (no story, parse failed) is
   * counted at the next heartbeat, so a takeover may do it again: with the same outcome,
   * counted once.
   */
  resumeAfter: number;
  /**
   * How many times another node took the job over after its lease ran out (a handed-back job,
   * `queued` on shutdown, is claimed without one). Past `maxTakeovers` it ends failed.
   */
  takeovers: number;
}

export interface JobOptions {
  /** Re-parse every stored page, not only those parsed by an older parser version. */
  all: boolean;
}

export interface JobSpec {
  options: JobOptions;
  parserVersion: string;
}

export type JobPatch = Partial<
  Omit<
    JobRecord,
    'id' | 'kind' | 'createdAt' | 'options' | 'parserVersion' | 'claimedBy' | 'heartbeatAt' | 'takeovers'
  >
>;

export type ChangeKind = 'created' | 'reparsed' | 'deleted';

export interface ChangeQuery {
  since?: string | undefined;
  limit: number;
}

export interface ChangeRecord {
  /** Position in the feed: strictly increasing in commit order, never reused. */
  seq: number;
  /** Opaque: resumes the feed after this change. */
  token: string;
  kind: ChangeKind;
  articleId: number;
  /** The page's URL as submitted (kept on deletes too), if one was given. */
  sourceUrl: string | null;
  changedAt: string;
}

export interface ChangePage {
  items: ChangeRecord[];
  /** Resumes after the last item (or where `since` was, when there are none). Never null. */
  next: string;
  /** More changes were committed after `next` already. */
  hasMore: boolean;
}

/** Changes after the client's token are no longer kept (or the token is from another database). */
export class ChangesGoneError extends Error {
  override name = 'ChangesGoneError';
}

/** A cursor that was not issued by this server, or has expired. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/** Too many searches are waiting for the search thread; the caller should retry shortly. */
export class SearchOverloadedError extends Error {
  override name = 'SearchOverloadedError';
  constructor(readonly maxWaiting: number) {
    super(`too many searches are waiting (${maxWaiting}); retry shortly`);
  }
}

export type RawContentType = 'text/plain' | 'text/html';

export interface RawDocument {
  /** The document exactly as received (decoded UTF-8, byte order mark kept). */
  body: string;
  contentType: RawContentType;
  /** Hex SHA-256 of `body`'s UTF-8 bytes: the idempotency key. */
  sha256: string;
  sourceUrl: string | null;
  receivedAt: string;
}

export type PageWithStory = ParsedPage & { story: Story };

/** What the caller knows about writes to come; an engine may ignore it. */
export interface IngestHints {
  /**
   * Other ingests are on their way (being parsed): an engine that commits several together
   * may wait a moment for them. Never set by a caller that awaits each ingest before the next.
   */
  moreFollow?: boolean;
}

export interface IngestRecord {
  document: RawDocument;
  page: PageWithStory;
  parserVersion: string;
  ingestedAt: string;
}

export interface EditionSummary {
  id: number;
  publication: string;
  date: string | null;
}

export interface ArticleRecord {
  id: number;
  title: string | null;
  deck: string | null;
  byline: string | null;
  dateline: string | null;
  paragraphs: string[];
  language: string | null;
  pageLocale: string | null;
  wordCount: number;
  edition: EditionSummary | null;
  teaserCount: number;
  /** Pages whose teasers announce this story. */
  teasedBy: { articleId: number; position: number }[];
  /**
   * The story this article is a capture of: the id of the story's first capture (which may
   * since have been deleted). Captures of the same story under other UI languages, from other
   * platforms or cut short share it (src/storage/story-signature.ts).
   */
  storyId: number;
  /** The story's other captures, oldest first, at most MAX_CAPTURES. */
  captures: CaptureRecord[];
  sourceUrl: string | null;
  ingestedAt: string;
  parserVersion: string;
}

/**
 * An article's JSON as served, and its strong ETag: built by the HTTP layer (which owns the
 * shape), stored by the engine beside the article so that a GET reads it in one step.
 */
export interface ArticleRepresentation {
  body: string;
  etag: string;
}

/**
 * Builds an article's representation; given to an engine when it is opened (as the parser is
 * given what the corpus learned), so that storage stores the HTTP shape without knowing it. An
 * engine opened without one stores none, and every GET builds from rows.
 */
export interface Represent {
  (article: ArticleRecord): ArticleRepresentation;
  /**
   * Names the shape of the bytes built (the API's article schema and serialization): a body
   * stored under another format (by an older build) is never served, only rebuilt when the
   * article next changes.
   */
  readonly format: string;
}

/** A stored representation as read: the body's UTF-8 bytes (or the text, on engines that return text). */
export interface StoredRepresentation {
  body: Uint8Array | string;
  etag: string;
}

/** At most this many other captures are listed on an article. */
export const MAX_CAPTURES = 20;

/** Another capture of an article's story: what a client needs to pick one. */
export interface CaptureRecord {
  articleId: number;
  platform: Platform | null;
  pageLocale: string | null;
  publication: string | null;
  editionDate: string | null;
}

export interface EditionRecord {
  id: number;
  publication: { id: number; name: string };
  date: string | null;
  label: string | null;
  platform: Platform | null;
  articleCount: number;
}

export interface ArticleEditionRecord {
  /** Null when the page printed no publication to file the article under. */
  edition: EditionRecord | null;
  pageLocale: string | null;
}

export interface TeaserRecord {
  position: number;
  title: string;
  summary: string | null;
  publication: string | null;
  date: string | null;
  partial: boolean;
  /** The stored story this teaser announces (same publication, same normalised title), if any. */
  linkedArticleId: number | null;
}

export type StorageHealth = { status: 'ok' } | { status: StorageFailure; detail: string };

/**
 * Failures of the storage's state rather than bugs: `busy`, another process kept the write
 * lock too long (retry); `full`, no space left; `unavailable`, the database file is gone or
 * replaced. Nothing was stored in any of them.
 */
export type StorageFailure = 'busy' | 'full' | 'unavailable';

/** Storage failures carry what was being done, so logs say more than "constraint failed". */
export class StorageError extends Error {
  override name = 'StorageError';
  /** Set when the failure is one of the storage's states (see StorageFailure), null for a bug. */
  readonly failure: StorageFailure | null;
  constructor(action: string, options: { cause: unknown; failure?: StorageFailure | null }) {
    super(`store: unable to ${action}`, { cause: options.cause });
    this.failure = options.failure ?? null;
  }
}

/** The database failed its start-up check (corrupted pages): the message says what to do. */
export class DatabaseCheckError extends Error {
  override name = 'DatabaseCheckError';
}
