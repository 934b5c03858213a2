import type { ParsedPage, Platform, Story } from '../parser/types.js';

/**
 * The storage boundary. Routes and ingest talk to this interface only, so another
 * engine (PostgreSQL) can be added beside SQLite without touching them. Methods are
 * async even though better-sqlite3 is synchronous, because other engines are not.
 */
export interface Repository {
  /**
   * Stores a raw document and everything parsed from it in one transaction.
   * When a document with the same SHA-256 is already stored, nothing is written and
   * the existing article is returned with `created: false`.
   */
  ingest(input: IngestRecord): Promise<{ article: ArticleRecord; created: boolean }>;
  findArticleByDocumentHash(sha256: string): Promise<ArticleRecord | null>;
  getArticle(id: number): Promise<ArticleRecord | null>;
  /** The article's edition with its counts; `undefined` when the article does not exist. */
  getArticleEdition(articleId: number): Promise<ArticleEditionRecord | undefined>;
  /** Teasers in page order; null when the article does not exist. */
  listArticleTeasers(articleId: number): Promise<TeaserRecord[] | null>;
  /** Schema version of the open database and the newest one this build knows. */
  schemaStatus(): Promise<{ current: number; latest: number }>;
  close(): Promise<void>;
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
  sourceUrl: string | null;
  ingestedAt: string;
  parserVersion: string;
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
}

/** Storage failures carry what was being done, so logs say more than "constraint failed". */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(action: string, options: { cause: unknown }) {
    super(`store: unable to ${action}`, options);
  }
}
