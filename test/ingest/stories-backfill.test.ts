/**
 * Articles stored before story ids (migration 007 leaves story_id NULL: SQL cannot compute
 * MinHash) get them from the start-up backfill, in bounded batches, from their stored bodies.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backfillStories } from '../../src/ingest/stories.js';
import type { Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { page, record } from '../helpers/records.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../helpers/temp-dir.js';

const BODY = [
  'Residents of some 400 flats in Tengah will be the first to live with a suite of new cooling measures.',
  'The trial will see blocks coated in heat-reflective paint and rooftop gardens planted on carparks.',
];
const OTHER = [
  'The road out of Pinerolo climbs in tight hairpins through chestnut woods towards the border.',
  'Three months and a little over six thousand kilometres in, the long-term car has settled in.',
];

let repository: Repository | undefined;
afterEach(async () => {
  await repository?.close();
  repository = undefined;
});

/** A database as migration 007 leaves one that held articles: no story ids, no bands. */
async function storedBeforeStories(
  bodies: string[][],
): Promise<{ repository: Repository; db: Database.Database }> {
  let db: Database.Database | undefined;
  const path = join(tempDir('masthead-stories-'), 'db.sqlite');
  repository = createSqliteRepository(path, { onOpen: (opened) => (db = opened) });
  for (const paragraphs of bodies) await repository.ingest(record(page({ paragraphs })));
  db!.exec(`UPDATE articles SET story_id = NULL; DELETE FROM story_fingerprints; DELETE FROM story_bands;`);
  return { repository, db: db! };
}

describe('backfillStories', () => {
  it('gives every article stored before story ids its story, batch by batch', async () => {
    const { repository: target } = await storedBeforeStories([BODY, OTHER, BODY, OTHER, BODY]);
    // before: each is a story of its own, with no captures
    expect((await target.getArticle(3))?.storyId).toBe(3);
    expect((await target.getArticle(1))?.captures).toEqual([]);

    const batches: number[] = [];
    const done = await backfillStories(target, { batchSize: 2, onBatch: (n) => batches.push(n) });
    expect(done).toBe(5);
    expect(batches).toEqual([2, 2, 1]);
    const stories = await Promise.all(
      [1, 2, 3, 4, 5].map(async (id) => (await target.getArticle(id))?.storyId),
    );
    expect(stories).toEqual([1, 2, 1, 2, 1]);
    expect((await target.getArticle(1))?.captures.map((c) => c.articleId)).toEqual([3, 5]);
    // nothing left: a second run reads one empty batch
    expect(await backfillStories(target, { batchSize: 2 })).toBe(0);
  });

  it('runs when the app starts, and stops when it closes', async () => {
    const { repository: target } = await storedBeforeStories([BODY, BODY]);
    const app = await buildApp({ ...loadConfig({}), logLevel: 'silent' }, { repository: target });
    await app.ready();
    for (let tries = 0; tries < 200 && (await target.getArticle(2))?.storyId !== 1; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await target.getArticle(2))?.storyId).toBe(1);
    await app.close();
  });
});
