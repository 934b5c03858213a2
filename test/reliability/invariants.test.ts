/** The reliability checks themselves: each rule reports the damage it is meant to catch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { markedPages } from '../../scripts/lib/marked-pages.js';
import { ingestPage, sha256Hex } from '../../src/ingest/ingest.js';
import { createSqliteRepository, registerFunctions } from '../../src/storage/sqlite/index.js';
import {
  acknowledgedViolations,
  integrityCheck,
  missingAcknowledged,
  partialIngestViolations,
  type AcknowledgedArticle,
} from './invariants.js';

const dir = mkdtempSync(join(tmpdir(), 'masthead-invariants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loses an article's search row as a half-written ingest would (the index is contentless: 'delete' with its values). */
function deleteArticleSearchRow(db: Database.Database, id: number): void {
  db.prepare(
    `INSERT INTO articles_fts (articles_fts, rowid, title, deck, body)
     SELECT 'delete', id, ifnull(title, ''), ifnull(deck, ''),
            ifnull((SELECT group_concat(p.value, char(10) ORDER BY p.key) FROM json_each(paragraphs) p), '')
       FROM articles WHERE id = ?`,
  ).run(id);
}

async function database(name: string): Promise<{ db: Database.Database; acks: AcknowledgedArticle[] }> {
  const path = join(dir, `${name}.db`);
  const repository = createSqliteRepository(path);
  const pages = markedPages();
  const acks: AcknowledgedArticle[] = [];
  for (let n = 0; n < 3; n += 1) {
    const page = pages(n, `${name}x${n}`);
    const outcome = await ingestPage(repository, page.submission);
    if (outcome.kind !== 'created') throw new Error(outcome.kind);
    acks.push({
      id: outcome.article.id,
      sha256: sha256Hex(page.submission.body),
      marker: page.marker,
      teasers: outcome.article.teaserCount,
      paragraphs: outcome.article.paragraphs.length,
    });
  }
  await repository.close();
  const db = new Database(path);
  registerFunctions(db);
  return { db, acks };
}

describe('reliability invariants', () => {
  it('pass on a database written by the repository', async () => {
    const { db, acks } = await database('clean');
    expect(integrityCheck(db)).toBe('ok');
    expect(partialIngestViolations(db)).toEqual([]);
    expect(acknowledgedViolations(db, acks, { reparse: true })).toEqual([]);
    expect(missingAcknowledged(db, acks)).toEqual([]);
    db.close();
  });

  it('report half-written ingests', async () => {
    const { db } = await database('partial');
    db.prepare(
      `INSERT INTO raw_documents (sha256, content_type, body, received_at) VALUES (?, 'text/plain', 'x', 'now')`,
    ).run('f'.repeat(64));
    deleteArticleSearchRow(db, 2);
    db.prepare(
      `INSERT INTO teasers_fts (teasers_fts, rowid, title, summary)
       SELECT 'delete', id, title, ifnull(summary, '') FROM teasers WHERE id = (SELECT max(id) FROM teasers)`,
    ).run();
    expect(partialIngestViolations(db)).toEqual([
      'raw document without an article: 4',
      'article without its search row: 2',
      expect.stringMatching(/^teaser without its search row: \d+$/),
    ]);
    db.close();
  });

  it('report acknowledged articles that are missing or incomplete', async () => {
    const { db, acks } = await database('lost');
    const [first, second, third] = acks as [AcknowledgedArticle, AcknowledgedArticle, AcknowledgedArticle];
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM teasers WHERE article_id = ?').run(first.id);
    deleteArticleSearchRow(db, second.id);
    db.prepare('DELETE FROM teasers WHERE article_id = ?').run(third.id);
    db.prepare('DELETE FROM articles WHERE id = ?').run(third.id);
    expect(acknowledgedViolations(db, acks)).toEqual([
      `article ${first.id} (${first.marker}): 0 teasers, acknowledged ${first.teasers}`,
      `article ${second.id} (${second.marker}): search does not find its marker`,
      `article ${third.id} (${third.marker}): missing`,
    ]);
    expect(missingAcknowledged(db, acks)).toEqual([third.id]);
    expect(missingAcknowledged(db, [{ ...first, sha256: '0'.repeat(64) }])).toEqual([first.id]);
    db.close();
  });
});
