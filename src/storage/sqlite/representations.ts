/**
 * Stored representations (migration 014): each article's JSON as served and its ETag, read by
 * primary key on GET. Triggers set a body to NULL in the transaction of any change it shows;
 * `refresh` builds the owed bodies again before that transaction commits, so a reader sees a
 * body only when it matches the rows. Without a `represent` function nothing is built, and
 * the bodies owed wait for a writer that has one (GET meanwhile builds from rows).
 */
import type Database from 'better-sqlite3';
import type { ArticleRecord, Represent, StoredRepresentation } from '../repository.js';

/**
 * Bodies one write transaction builds at most: a change to an early capture of a story with
 * thousands of captures owes them all; the rest wait for the next writes.
 */
export const REFRESH_LIMIT = 256;

export function representationStore(
  db: Database.Database,
  article: (id: number) => ArticleRecord | null,
  represent: Represent | undefined,
) {
  // Without a `represent` function the table is never read or written: nothing is prepared, so
  // a repository without one also opens a database migrated short of 014 (tests do).
  if (represent === undefined)
    return { read: (): StoredRepresentation | null => null, refresh: (): void => undefined };
  const statements = {
    stored: db.prepare<[number, string], { body: Buffer; etag: string }>(
      `SELECT body, etag FROM article_representations
        WHERE article_id = ? AND body IS NOT NULL AND format = ?`,
    ),
    owed: db.prepare<[number], { article_id: number }>(
      `SELECT article_id FROM article_representations WHERE body IS NULL ORDER BY article_id DESC LIMIT ?`,
    ),
    store: db.prepare<{ articleId: number; body: Buffer; etag: string; format: string }>(
      `UPDATE article_representations SET body = @body, etag = @etag, format = @format
        WHERE article_id = @articleId`,
    ),
  };
  return {
    read(articleId: number): StoredRepresentation | null {
      return statements.stored.get(articleId, represent.format) ?? null;
    },
    /** Builds the owed bodies (newest articles first); inside the caller's write transaction. */
    refresh(): void {
      for (const { article_id: articleId } of statements.owed.all(REFRESH_LIMIT)) {
        const record = article(articleId);
        if (record === null) continue;
        const { body, etag } = represent(record);
        statements.store.run({ articleId, body: Buffer.from(body), etag, format: represent.format });
      }
    },
  };
}
