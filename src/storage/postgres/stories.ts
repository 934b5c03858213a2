/**
 * Story ids on PostgreSQL: the same matching as src/storage/sqlite/stories.ts (read its header:
 * band lookup bounded to BAND_ROWS_READ rows, at most CANDIDATES_CONFIRMED fingerprints
 * confirmed, the best confirmed match gives the story). Here the candidates' fingerprints come
 * back in the lookup's own statement: one round trip per ingest instead of seventeen.
 *
 * Every function runs on the caller's client, inside its write transaction.
 */
import type { PoolClient } from 'pg';
import {
  bandKeys,
  compareSignatures,
  signatureBytes,
  signatureFromBytes,
  storySignature,
  type StorySignature,
} from '../story-signature.js';

const BAND_ROWS_READ = 256;
const CANDIDATES_CONFIRMED = 16;
const CLEAR_MATCH_JACCARD = 0.9;

export interface CandidateRow {
  story_id: number;
  shingles: number;
  signature: Buffer;
}

/**
 * The candidates' fingerprints for band keys `$keys` (bigint[]) other than article `$article`,
 * those sharing the most bands first: a subquery, so that an ingest can look its story up in
 * the statement that looks up its document and edition. The band rows read are the first
 * BAND_ROWS_READ by (band key, article id), one key after another through the primary key:
 * written as `band_key = ANY($keys)`, a table whose statistics say it is small (a new
 * database, before autovacuum has analysed it) was scanned whole instead, ~6 ms per ingest
 * at 10,000 rows. masthead_best_story (migrations/postgres/010) reads the same: change both.
 */
export const candidateFingerprints = (keys: string, article: string): string => `
  SELECT f.story_id, f.shingles, f.signature
    FROM (SELECT article_id, count(*) AS shared
            FROM (SELECT b.article_id
                    FROM (SELECT DISTINCT k FROM unnest(${keys}::bigint[]) k ORDER BY k) band,
                         LATERAL (SELECT s.article_id FROM story_bands s
                                   WHERE s.band_key = band.k AND s.article_id <> ${article}
                                   ORDER BY s.article_id LIMIT ${BAND_ROWS_READ}) b
                   LIMIT ${BAND_ROWS_READ}) band_rows
           GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT ${CANDIDATES_CONFIRMED}) c
    JOIN story_fingerprints f ON f.article_id = c.article_id
   ORDER BY c.shared DESC, c.article_id`;

/**
 * The story of the candidate most like `signature` (in candidateFingerprints' order), or null.
 * An ingest runs the same rule in SQL (masthead_best_story, migrations/postgres/010): change both.
 */
export function bestStory(signature: StorySignature, rows: readonly CandidateRow[]): number | null {
  let best: { storyId: number; jaccard: number } | null = null;
  for (const row of rows) {
    const minHashes = signatureFromBytes(row.signature);
    if (minHashes === null) continue;
    const result = compareSignatures(signature, { minHashes, shingles: row.shingles });
    // the most alike wins; between equals, the older story
    if (
      result.same &&
      (best === null ||
        result.jaccard > best.jaccard ||
        (result.jaccard === best.jaccard && row.story_id < best.storyId))
    ) {
      best = { storyId: row.story_id, jaccard: result.jaccard };
      if (result.jaccard >= CLEAR_MATCH_JACCARD) break;
    }
  }
  return best?.storyId ?? null;
}

async function matchingStory(
  client: PoolClient,
  articleId: number,
  signature: StorySignature,
): Promise<number | null> {
  const { rows } = await client.query<CandidateRow>(candidateFingerprints('$1', '$2'), [
    signature.bandKeys,
    articleId,
  ]);
  return bestStory(signature, rows);
}

/** Where a body belongs: its fingerprint (null: too short) and the stored story it is a capture of (null: none). */
export async function placeStory(
  client: PoolClient,
  paragraphs: readonly string[],
  articleId = 0,
): Promise<{ signature: StorySignature | null; storyId: number | null }> {
  const signature = storySignature(paragraphs);
  return {
    signature,
    storyId: signature === null ? null : await matchingStory(client, articleId, signature),
  };
}

/** Stores the fingerprint of an article written with story `storyId`, for later bodies to find. */
export async function rememberStory(
  client: PoolClient,
  articleId: number,
  storyId: number,
  signature: StorySignature | null,
): Promise<void> {
  if (signature === null) return;
  await client.query(
    `WITH fingerprint AS (
       INSERT INTO story_fingerprints (article_id, story_id, shingles, signature) VALUES ($1, $2, $3, $4))
     INSERT INTO story_bands (band_key, article_id)
     SELECT DISTINCT key, $1 FROM unnest($5::bigint[]) AS key
     ON CONFLICT DO NOTHING`,
    [
      articleId,
      storyId,
      signature.shingles,
      Buffer.from(signatureBytes(signature.minHashes)),
      signature.bandKeys,
    ],
  );
}

/** Removes the article's fingerprint and band rows. */
export async function forgetStory(client: PoolClient, articleId: number): Promise<void> {
  const { rows } = await client.query<{ signature: Buffer }>(
    `DELETE FROM story_fingerprints WHERE article_id = $1 RETURNING signature`,
    [articleId],
  );
  const minHashes = rows[0] ? signatureFromBytes(rows[0].signature) : null;
  if (minHashes === null) return;
  await client.query(`DELETE FROM story_bands WHERE band_key = ANY($1::bigint[]) AND article_id = $2`, [
    bandKeys(minHashes),
    articleId,
  ]);
}

/** Fingerprints a stored article's body and gives it a story: a matching capture's, or its own id. */
export async function assignStory(
  client: PoolClient,
  articleId: number,
  paragraphs: readonly string[],
): Promise<number> {
  const placed = await placeStory(client, paragraphs, articleId);
  const storyId = placed.storyId ?? articleId;
  await client.query(`UPDATE articles SET story_id = $2 WHERE id = $1`, [articleId, storyId]);
  await rememberStory(client, articleId, storyId, placed.signature);
  return storyId;
}

/** A re-parse: the body may have changed, so the article is matched again from scratch. */
export async function reassignStory(
  client: PoolClient,
  articleId: number,
  paragraphs: readonly string[],
): Promise<number> {
  await forgetStory(client, articleId);
  return assignStory(client, articleId, paragraphs);
}
