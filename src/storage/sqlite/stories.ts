/**
 * Story ids (migration 007): which stored captures carry the same story. A body's fingerprint
 * (src/storage/story-signature.ts) is looked up by its band keys in `story_bands`, each key
 * reading at most BAND_MEMBERS_READ rows; at most CANDIDATES_CONFIRMED candidates, those
 * sharing the most bands, are confirmed on their stored signature; the best confirmed match
 * gives its story id, and without one the article starts its own story (its own id). So an
 * ingest reads at most 32 × 8 index rows and 16 signatures, however many articles are stored.
 *
 * Every function here runs inside the caller's write transaction.
 */
import type Database from 'better-sqlite3';
import { MAX_CAPTURES, type CaptureRecord } from '../repository.js';
import type { Platform } from '../../parser/types.js';
import {
  bandKeys,
  compareSignatures,
  signatureBytes,
  signatureFromBytes,
  storySignature,
  type StorySignature,
} from '../story-signature.js';

/** Rows read per band key: the oldest captures sharing it, which hold the story's id. */
const BAND_MEMBERS_READ = 8;
/** Candidates whose signatures are read and compared. */
const CANDIDATES_CONFIRMED = 16;

interface StoryRow {
  story_id: number | null;
  story_signature: Buffer | null;
  story_shingles: number | null;
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
    bandMembers: db.prepare<{ key: number; articleId: number; limit: number }, { article_id: number }>(`
      SELECT article_id FROM story_bands WHERE band_key = @key AND article_id <> @articleId
       ORDER BY article_id LIMIT @limit`),
    storyOf: db.prepare<[number], StoryRow>(
      `SELECT story_id, story_signature, story_shingles FROM articles WHERE id = ?`,
    ),
    setStory: db.prepare<{
      articleId: number;
      storyId: number;
      signature: Buffer | null;
      shingles: number | null;
    }>(`
      UPDATE articles SET story_id = @storyId, story_signature = @signature, story_shingles = @shingles
       WHERE id = @articleId`),
    insertBand: db.prepare<[number, number]>(
      `INSERT OR IGNORE INTO story_bands (band_key, article_id) VALUES (?, ?)`,
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

  /** The story of the stored capture most like `signature`, if one is the same story. */
  function matchingStory(articleId: number, signature: StorySignature): number | null {
    const sharedBands = new Map<number, number>();
    for (const key of signature.bandKeys) {
      for (const row of statements.bandMembers.all({ key, articleId, limit: BAND_MEMBERS_READ })) {
        sharedBands.set(row.article_id, (sharedBands.get(row.article_id) ?? 0) + 1);
      }
    }
    const candidates = [...sharedBands]
      .sort(([idA, bandsA], [idB, bandsB]) => bandsB - bandsA || idA - idB)
      .slice(0, CANDIDATES_CONFIRMED);
    let best: { storyId: number; jaccard: number } | null = null;
    for (const [candidateId] of candidates) {
      const row = statements.storyOf.get(candidateId);
      const minHashes = row?.story_signature ? signatureFromBytes(row.story_signature) : null;
      if (!row || row.story_id === null || minHashes === null || row.story_shingles === null) continue;
      const result = compareSignatures(signature, { minHashes, shingles: row.story_shingles });
      // the most alike wins; between equals, the older story
      if (
        result.same &&
        (best === null ||
          result.jaccard > best.jaccard ||
          (result.jaccard === best.jaccard && row.story_id < best.storyId))
      ) {
        best = { storyId: row.story_id, jaccard: result.jaccard };
      }
    }
    return best?.storyId ?? null;
  }

  /** Removes the article's band rows (their keys come back from its stored signature). */
  function forget(articleId: number): void {
    const row = statements.storyOf.get(articleId);
    const minHashes = row?.story_signature ? signatureFromBytes(row.story_signature) : null;
    if (minHashes === null) return;
    for (const key of bandKeys(minHashes)) statements.deleteBand.run(key, articleId);
  }

  /**
   * Fingerprints the article's body and gives it a story: a matching capture's, or its own id.
   * A body too short to fingerprint is a story of its own and is never matched.
   */
  function assign(articleId: number, paragraphs: readonly string[]): number {
    const signature = storySignature(paragraphs);
    if (signature === null) {
      statements.setStory.run({ articleId, storyId: articleId, signature: null, shingles: null });
      return articleId;
    }
    const storyId = matchingStory(articleId, signature) ?? articleId;
    statements.setStory.run({
      articleId,
      storyId,
      signature: Buffer.from(signatureBytes(signature.minHashes)),
      shingles: signature.shingles,
    });
    for (const key of signature.bandKeys) statements.insertBand.run(key, articleId);
    return storyId;
  }

  return {
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
      return (statements.storyOf.get(articleId)?.story_id ?? null) !== null;
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
