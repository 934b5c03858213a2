/**
 * Stored representations on PostgreSQL (migration 014): each article's JSON as served and its
 * ETag, read by primary key on GET. Triggers set a body to NULL and bump its `version` in the
 * transaction of any change it shows. An ingest stores its articles' bodies in its own
 * transaction (`readWithin`); after any write commits, the node that wrote builds the bodies
 * still owed (those of other articles the write changed): one statement reads each owed row's
 * version with its article (one snapshot), one UPDATE stores the bodies whose version is still
 * the one read. A change committed in between, or holding the row, wins; so does a NULL body:
 * GET then builds from rows. Several nodes may refresh the same rows at once: they store the
 * same text.
 */
import type { Pool, PoolClient } from 'pg';
import type { ArticleRecord, Represent, StoredRepresentation } from '../repository.js';
import { batchedReads } from './read-batch.js';
import { articleJson } from './rows.js';

interface OwedBody {
  id: number;
  version: number;
  article: ArticleRecord | null;
}

/** Bodies one refresh builds at most; the rest wait for the next writes (GET builds them meanwhile). */
export const REFRESH_LIMIT = 256;

export function postgresRepresentations(primary: Pool, represent: Represent | undefined) {
  /** Stores the bodies of these articles, each only if its row still has the version read with it. */
  async function store(sql: Pick<Pool | PoolClient, 'query'>, owed: readonly OwedBody[]): Promise<void> {
    if (represent === undefined) return;
    const built = owed.flatMap(({ id, version, article }) =>
      article === null ? [] : [{ id, version, ...represent(article) }],
    );
    if (built.length === 0) return;
    await sql.query(
      `UPDATE article_representations r SET body = u.body, etag = u.etag, format = $5
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS u(id, version, body, etag)
        WHERE r.article_id = u.id AND r.version = u.version`,
      [
        built.map((b) => b.id),
        built.map((b) => b.version),
        built.map((b) => b.body),
        built.map((b) => b.etag),
        represent.format,
      ],
    );
  }

  async function refreshOnce(): Promise<void> {
    if (represent === undefined) return;
    const { rows } = await primary.query<OwedBody>(
      `SELECT r.article_id AS id, r.version, ${articleJson('r.article_id')} AS article
         FROM article_representations r
        WHERE r.body IS NULL
        ORDER BY r.article_id DESC LIMIT ${REFRESH_LIMIT}`,
    );
    await store(primary, rows);
  }

  /**
   * The articles with these ids as the caller's transaction sees them (after its writes), in
   * that order (null: no such article), each owed body stored in the same transaction: an
   * ingest answers with what it wrote and GET finds it stored at COMMIT, without reading the
   * article again afterwards. The version read with an article is the one the UPDATE
   * requires, so a change another transaction commits in between wins (its body stays owed).
   */
  async function readWithin(client: PoolClient, ids: readonly number[]): Promise<(ArticleRecord | null)[]> {
    const { rows } = await client.query<OwedBody & { owed: boolean | null }>(
      `SELECT i.id, r.version, r.body IS NULL AS owed, ${articleJson('i.id')} AS article
         FROM unnest($1::bigint[]) WITH ORDINALITY AS i(id, n)
         LEFT JOIN article_representations r ON r.article_id = i.id
        ORDER BY i.n`,
      [ids],
    );
    await store(
      client,
      rows.filter((row) => row.owed === true),
    );
    return rows.map((row) => row.article);
  }

  // One refresh at a time; a write that commits while one runs gets the next one (the running
  // one may have read before that COMMIT), shared by every write that asked meanwhile.
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  function refresh(): Promise<void> {
    if (running === null) {
      // Best effort: a body left owed is built from rows by GET, and by the next refresh.
      running = refreshOnce()
        .catch(() => undefined)
        .finally(() => {
          running = null;
        });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return refresh();
    });
    return queued;
  }

  // GETs by id, many per statement under load (see read-batch.ts).
  const format = represent?.format;
  const readStored = batchedReads<number, StoredRepresentation>(async (ids) => {
    const { rows } = await primary.query<StoredRepresentation & { id: number }>(
      `SELECT article_id AS id, body, etag FROM article_representations
        WHERE article_id = ANY($1::bigint[]) AND body IS NOT NULL AND format = $2`,
      [ids, format],
    );
    return new Map(rows.map(({ id, body, etag }) => [id, { body, etag }]));
  });

  return {
    read: (articleId: number): Promise<StoredRepresentation | null> =>
      format === undefined ? Promise.resolve(null) : readStored(articleId),
    readWithin,
    refresh,
  };
}
