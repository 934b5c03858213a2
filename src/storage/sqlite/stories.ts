/**
 * Story ids (migration 007): which stored captures carry the same story. A body's fingerprint
 * (src/storage/story-signature.ts) is looked up by its band keys in `story_bands` in one
 * statement reading at most BAND_ROWS_READ rows; at most CANDIDATES_CONFIRMED candidates, those
 * sharing the most bands first, are confirmed on their stored fingerprint; the best confirmed
 * match gives its story id (the first reaching CLEAR_MATCH_JACCARD ends the search), and
 * without one the article starts its own story (its own id). So an ingest reads at most 256
 * index rows and 16 fingerprints, however many articles are stored.
 *
 * Every function here runs inside the caller's write transaction.
 */
import type Database from 'better-sqlite3';
import { MAX_CAPTURES, type CaptureRecord } from '../repository.js';
import type { Platform } from '../../parser/types.js';
import {
  BANDS,
  bandKeys,
  compareSignatures,
  signatureBytes,
  signatureFromBytes,
  storySignature,
  type StorySignature,
} from '../story-signature.js';

/** Band rows read per lookup (32 bands × 8 captures). */
const BAND_ROWS_READ = 256;
/** Candidates whose fingerprints are read and compared. */
const CANDIDATES_CONFIRMED = 16;
/**
 * A candidate this alike is the story: no other is looked at (a recapture of the same page is
 * found with one fingerprint read). Two stored stories both this alike to one body would be
 * alike to each other, so which is taken does not matter.
 */
const CLEAR_MATCH_JACCARD = 0.9;

interface FingerprintRow {
  story_id: number;
  shingles: number;
  signature: Buffer;
}

interface CaptureRow {
  id: number;
  platform: Platform | null;
  page_locale: string | null;
  publication_name: string | null;
  edition_date: string | null;
}

export function storyStore(db: Database.Database) {
  const statements = {
    // One statement for every band, its reads bounded by the inner LIMIT; only the candidates
    // come back, those sharing the most bands first (a recapture shares all 32).
    candidates: db.prepare<number[], { article_id: number }>(`
      SELECT article_id FROM (
        SELECT article_id FROM story_bands
         WHERE band_key IN (${Array.from({ length: BANDS }, () => '?').join(', ')}) AND article_id <> ?
         LIMIT ${BAND_ROWS_READ})
       GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT ${CANDIDATES_CONFIRMED}`),
    fingerprint: db.prepare<[number], FingerprintRow>(
      `SELECT story_id, shingles, signature FROM story_fingerprints WHERE article_id = ?`,
    ),
    storyIdOf: db.prepare<[number], { story_id: number | null }>(
      `SELECT story_id FROM articles WHERE id = ?`,
    ),
    setStory: db.prepare<{ articleId: number; storyId: number }>(
      `UPDATE articles SET story_id = @storyId WHERE id = @articleId`,
    ),
    insertFingerprint: db.prepare<{
      articleId: number;
      storyId: number;
      shingles: number;
      signature: Buffer;
    }>(`
      INSERT INTO story_fingerprints (article_id, story_id, shingles, signature)
      VALUES (@articleId, @storyId, @shingles, @signature)`),
    deleteFingerprint: db.prepare<[number]>(`DELETE FROM story_fingerprints WHERE article_id = ?`),
    // every band of one article in one statement
    insertBands: db.prepare<number[]>(
      `INSERT OR IGNORE INTO story_bands (band_key, article_id)
       VALUES ${Array.from({ length: BANDS }, () => '(?, ?)').join(', ')}`,
    ),
    deleteBand: db.prepare<[number, number]>(`DELETE FROM story_bands WHERE band_key = ? AND article_id = ?`),
    captures: db.prepare<{ storyId: number; articleId: number; limit: number }, CaptureRow>(`
      SELECT a.id, e.platform, a.page_locale, p.name AS publication_name, e.date AS edition_date
        FROM articles a
        LEFT JOIN editions e ON e.id = a.edition_id
        LEFT JOIN publications p ON p.id = e.publication_id
       WHERE a.story_id = @storyId AND a.id <> @articleId
       ORDER BY a.id LIMIT @limit`),
    unassigned: db.prepare<[number], { id: number; paragraphs: string }>(
      `SELECT id, paragraphs FROM articles WHERE story_id IS NULL ORDER BY id LIMIT ?`,
    ),
  };

  /** The story of the stored capture most like `signature`, if one is the same story (`articleId` aside). */
  function matchingStory(articleId: number, signature: StorySignature): number | null {
    let best: { storyId: number; jaccard: number } | null = null;
    for (const candidate of statements.candidates.all(...signature.bandKeys, articleId)) {
      const row = statements.fingerprint.get(candidate.article_id);
      const minHashes = row ? signatureFromBytes(row.signature) : null;
      if (!row || minHashes === null) continue;
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

  /** Removes the article's fingerprint and band rows (their keys come back from its signature). */
  function forget(articleId: number): void {
    const row = statements.fingerprint.get(articleId);
    const minHashes = row ? signatureFromBytes(row.signature) : null;
    if (minHashes === null) return;
    for (const key of bandKeys(minHashes)) statements.deleteBand.run(key, articleId);
    statements.deleteFingerprint.run(articleId);
  }

  /**
   * The stored story a body belongs to (null: none, it starts a story), with its fingerprint;
   * null too when the body is too short to fingerprint (a story of its own, never matched).
   * Reads only: an ingest calls it before inserting the article, so that the story id goes
   * into the INSERT instead of an UPDATE rewriting the new row.
   */
  function place(
    paragraphs: readonly string[],
    articleId = 0,
  ): { signature: StorySignature | null; storyId: number | null } {
    const signature = storySignature(paragraphs);
    return { signature, storyId: signature === null ? null : matchingStory(articleId, signature) };
  }

  /** Stores the fingerprint of an article written with story `storyId`, for later bodies to find. */
  function remember(articleId: number, storyId: number, signature: StorySignature | null): void {
    if (signature === null) return;
    statements.insertFingerprint.run({
      articleId,
      storyId,
      shingles: signature.shingles,
      signature: Buffer.from(signatureBytes(signature.minHashes)),
    });
    statements.insertBands.run(...signature.bandKeys.flatMap((key) => [key, articleId]));
  }

  /** Fingerprints a stored article's body and gives it a story: a matching capture's, or its own id. */
  function assign(articleId: number, paragraphs: readonly string[]): number {
    const placed = place(paragraphs, articleId);
    const storyId = placed.storyId ?? articleId;
    statements.setStory.run({ articleId, storyId });
    remember(articleId, storyId, placed.signature);
    return storyId;
  }

  return {
    place,
    remember,
    assign,
    /** A re-parse: the body may have changed, so the article is matched again from scratch. */
    reassign(articleId: number, paragraphs: readonly string[]): number {
      forget(articleId);
      return assign(articleId, paragraphs);
    },
    /** An article leaving: its band rows go (its id stays on the other captures as their story's). */
    forget,
    /** Fingerprints articles stored before migration 007 (re-parse does the same for the ones it touches). */
    assignMissing(limit: number): number {
      const rows = statements.unassigned.all(limit);
      for (const row of rows) assign(row.id, JSON.parse(row.paragraphs) as string[]);
      return rows.length;
    },
    hasStory(articleId: number): boolean {
      return (statements.storyIdOf.get(articleId)?.story_id ?? null) !== null;
    },
    captures(articleId: number, storyId: number): CaptureRecord[] {
      return statements.captures.all({ storyId, articleId, limit: MAX_CAPTURES }).map((row) => ({
        articleId: row.id,
        platform: row.platform,
        pageLocale: row.page_locale,
        publication: row.publication_name,
        editionDate: row.edition_date,
      }));
    },
  };
}

export type StoryStore = ReturnType<typeof storyStore>;
