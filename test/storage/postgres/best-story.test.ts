/**
 * An ingest finds its story in SQL (masthead_best_story, migrations/postgres/010), a re-parse
 * in TypeScript (bestStory over candidateFingerprints, src/storage/postgres/stories.ts): both
 * must name the same story for the same stored fingerprints, at the thresholds too (jaccard
 * 0.5, floor 0.25 with containment 0.7, a clear match at 0.9 ending the search, equal matches
 * going to the older story, 16 candidates at most, in shared-band order).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bestStory,
  candidateFingerprints,
  type CandidateRow,
} from '../../../src/storage/postgres/stories.js';
import {
  SIGNATURE_HASHES,
  signatureBytes,
  type StorySignature,
} from '../../../src/storage/story-signature.js';
import { freshPostgresUrl, postgresAvailable, postgresUnavailableReason } from '../../helpers/postgres.js';

/** A small deterministic generator (mulberry32): the same scenarios on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAND_KEYS = 32;
const SCENARIOS = 200;

interface Scenario {
  signature: StorySignature;
  candidates: {
    articleId: number;
    storyId: number;
    shingles: number;
    minHashes: Uint32Array;
    shared: number;
  }[];
}

/** A body's fingerprint and up to 20 stored ones sharing 1–32 of its band keys, `equal` of its 64 minima each. */
function scenario(index: number, next: () => number): Scenario {
  const pick = (n: number) => Math.floor(next() * n);
  const minHashes = Uint32Array.from({ length: SIGNATURE_HASHES }, () => pick(2 ** 32));
  const bandKeys = Array.from({ length: BAND_KEYS }, (_, k) => index * 1000 + k);
  // equal minima near the thresholds: 16 (0.25), 32 (0.5), 58 (0.906) and around them
  const equalChoices = [10, 15, 16, 17, 31, 32, 33, 40, 57, 58, 60, 64];
  const candidates = Array.from({ length: 1 + pick(20) }, (_, i) => {
    const equal = equalChoices[pick(equalChoices.length)]!;
    const other = Uint32Array.from(minHashes, (value, h) =>
      h < equal ? value : (value + 1 + pick(1000)) >>> 0,
    );
    return {
      articleId: index * 1000 + i + 1,
      storyId: index * 1000 + 1 + pick(5), // several candidates of one story, ties between stories
      shingles: 10 + pick(2000),
      minHashes: other,
      shared: 1 + pick(BAND_KEYS),
    };
  });
  return { signature: { minHashes, shingles: 10 + pick(2000), bandKeys }, candidates };
}

describe.skipIf(!postgresAvailable)(
  `masthead_best_story${postgresAvailable ? '' : ` (NOT RUN: ${postgresUnavailableReason})`}`,
  () => {
    let client: pg.Client;
    const next = random(13);
    const scenarios = Array.from({ length: SCENARIOS }, (_, index) => scenario(index + 1, next));

    beforeAll(async () => {
      client = new pg.Client({ connectionString: await freshPostgresUrl() });
      await client.connect();
      for (const { signature, candidates } of scenarios) {
        for (const candidate of candidates) {
          await client.query(
            `INSERT INTO story_fingerprints (article_id, story_id, shingles, signature) VALUES ($1, $2, $3, $4)`,
            [
              candidate.articleId,
              candidate.storyId,
              candidate.shingles,
              Buffer.from(signatureBytes(candidate.minHashes)),
            ],
          );
          await client.query(
            `INSERT INTO story_bands (band_key, article_id) SELECT unnest($1::bigint[]), $2::bigint`,
            [signature.bandKeys.slice(0, candidate.shared), candidate.articleId],
          );
        }
      }
    });
    afterAll(async () => {
      await client?.end();
    });

    it('names the story bestStory names, for every scenario', async () => {
      const named = { sql: [] as (number | null)[], typescript: [] as (number | null)[] };
      for (const { signature } of scenarios) {
        const { rows } = await client.query<CandidateRow>(candidateFingerprints('$1', '0'), [
          signature.bandKeys,
        ]);
        named.typescript.push(bestStory(signature, rows));
        const [row] = (
          await client.query<{ story: number | null }>(
            `SELECT masthead_best_story($1, $2, $3::bigint[]) AS story`,
            [Buffer.from(signatureBytes(signature.minHashes)), signature.shingles, signature.bandKeys],
          )
        ).rows;
        named.sql.push(row!.story);
      }
      expect(named.sql).toEqual(named.typescript);
      // the scenarios reach both outcomes: a story found, and none
      expect(named.typescript.filter((story) => story === null).length).toBeGreaterThan(0);
      expect(named.typescript.filter((story) => story !== null).length).toBeGreaterThan(SCENARIOS / 2);
    });
  },
);
