/**
 * What "nothing acknowledged is lost and nothing half-written is visible" means for a
 * masthead database, as SQL over a better-sqlite3 handle. Shared by the crash, shutdown
 * and backup tests. Each check returns a list of violations (empty when all is well), so
 * that a failure says what is wrong.
 */
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import { markerSentence } from '../../scripts/lib/marked-pages.js';
import { sha256Hex } from '../../src/ingest/ingest.js';
import { parsePage } from '../../src/parser/index.js';

/** An article a writer was told is stored (a 201, or the crash child's ack line). */
export interface AcknowledgedArticle {
  id: number;
  /** SHA-256 of the document sent. */
  sha256: string;
  /** The page's unique marker word (see scripts/lib/marked-pages.ts). */
  marker: string;
  /** Teasers and paragraphs as the writer was told they were stored. */
  teasers: number;
  paragraphs: number;
}

/** `PRAGMA integrity_check`'s rows joined: `ok` when the file is sound. */
export function integrityCheck(db: Database.Database): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((row) => row.integrity_check)
    .join('\n');
}

/** Each query lists the ids that break one rule; the key names the rule. */
const PARTIAL_INGEST_QUERIES: Record<string, string> = {
  'raw document without an article': `SELECT r.id FROM raw_documents r
    WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.raw_document_id = r.id)`,
  'article without its raw document': `SELECT a.id FROM articles a
    WHERE NOT EXISTS (SELECT 1 FROM raw_documents r WHERE r.id = a.raw_document_id)`,
  'article without its search row': `SELECT a.id FROM articles a
    WHERE NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = a.id)`,
  'search row without an article': `SELECT f.rowid FROM articles_fts f
    WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.rowid)`,
  'teaser of a missing article': `SELECT t.id FROM teasers t
    WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)`,
  'teaser without its search row': `SELECT t.id FROM teasers t
    WHERE NOT EXISTS (SELECT 1 FROM teasers_fts f WHERE f.rowid = t.id)`,
  'teaser search row without a teaser': `SELECT f.rowid FROM teasers_fts f
    WHERE NOT EXISTS (SELECT 1 FROM teasers t WHERE t.id = f.rowid)`,
  'article whose teaser positions are not 1..n': `SELECT article_id FROM teasers
    GROUP BY article_id HAVING max(position) <> count(*) OR min(position) <> 1`,
  'article with a missing edition': `SELECT a.id FROM articles a
    WHERE a.edition_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM editions e WHERE e.id = a.edition_id)`,
  'edition with a missing publication': `SELECT e.id FROM editions e
    WHERE NOT EXISTS (SELECT 1 FROM publications p WHERE p.id = e.publication_id)`,
};

function listIds(ids: unknown[]): string {
  const shown = ids.slice(0, 10).map(String).join(', ');
  return ids.length > 10 ? `${shown} (+${ids.length - 10} more)` : shown;
}

/**
 * Violations of the rules every committed state obeys. One ingest writes the raw document,
 * the article, its teasers, both search indexes and its edition in one transaction, so a
 * crash may lose a whole ingest but must never show part of one. `fts` also runs FTS5's
 * own `integrity-check` (a write statement: skip it on read-only connections).
 */
export function partialIngestViolations(db: Database.Database, options: { fts?: boolean } = {}): string[] {
  const violations: string[] = [];
  for (const [rule, sql] of Object.entries(PARTIAL_INGEST_QUERIES)) {
    const ids = db
      .prepare(sql)
      .raw()
      .all()
      .map((row) => (row as unknown[])[0]);
    if (ids.length > 0) violations.push(`${rule}: ${listIds(ids)}`);
  }
  if (options.fts ?? true) {
    for (const table of ['articles_fts', 'teasers_fts']) {
      try {
        db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
      } catch (error) {
        violations.push(`${table} integrity-check: ${(error as Error).message}`);
      }
    }
  }
  return violations;
}

interface StoredRow {
  sha256: string;
  body: string;
  paragraphs: string;
  teasers: number;
  edition_id: number | null;
  publication: string | null;
}

/**
 * Violations for acknowledged articles that are missing or incomplete: the article row,
 * its raw document with the right SHA-256 (as stored and as recomputed from the body), the
 * marker sentence in body and paragraphs, as many paragraphs and teasers as acknowledged,
 * its edition with a publication, and its search row (found by searching the marker).
 * With `reparse`, the stored body is parsed again and must give the stored paragraphs and
 * teaser count (the parser is deterministic).
 */
export function acknowledgedViolations(
  db: Database.Database,
  acknowledged: readonly AcknowledgedArticle[],
  options: { reparse?: boolean } = {},
): string[] {
  const stored = db.prepare<[number], StoredRow>(`
    SELECT r.sha256, r.body, a.paragraphs, a.edition_id, p.name AS publication,
           (SELECT count(*) FROM teasers t WHERE t.article_id = a.id) AS teasers
      FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id
      LEFT JOIN editions e ON e.id = a.edition_id
      LEFT JOIN publications p ON p.id = e.publication_id
     WHERE a.id = ?`);
  const searchHit = db.prepare<[string, number], { id: number }>(
    `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`,
  );
  const violations: string[] = [];
  for (const ack of acknowledged) {
    const problems: string[] = [];
    const row = stored.get(ack.id);
    if (!row) {
      violations.push(`article ${ack.id} (${ack.marker}): missing`);
      continue;
    }
    const sentence = markerSentence(ack.marker);
    const paragraphs = JSON.parse(row.paragraphs) as string[];
    if (row.sha256 !== ack.sha256) problems.push('raw document sha256 differs from the one sent');
    if (sha256Hex(row.body) !== ack.sha256) problems.push('raw document body does not hash to its sha256');
    if (!row.body.includes(sentence)) problems.push('raw document lacks the marker');
    if (!paragraphs.includes(sentence)) problems.push('paragraphs lack the marker');
    if (paragraphs.length !== ack.paragraphs)
      problems.push(`${paragraphs.length} paragraphs, acknowledged ${ack.paragraphs}`);
    if (row.teasers !== ack.teasers) problems.push(`${row.teasers} teasers, acknowledged ${ack.teasers}`);
    if (row.edition_id === null || row.publication === null) problems.push('no edition with a publication');
    if (!searchHit.get(`"${ack.marker}"`, ack.id)) problems.push('search does not find its marker');
    if (options.reparse) {
      const page = parsePage(row.body);
      if (!isDeepStrictEqual(page.story?.paragraphs, paragraphs))
        problems.push('paragraphs differ from a re-parse');
      if (page.teasers.length !== row.teasers) problems.push(`re-parse gives ${page.teasers.length} teasers`);
    }
    if (problems.length > 0) violations.push(`article ${ack.id} (${ack.marker}): ${problems.join('; ')}`);
  }
  return violations;
}

/**
 * The cheap check for many acknowledged articles: each id is present with the SHA-256
 * acknowledged for it. Used for earlier rounds, whose full check already passed.
 */
export function missingAcknowledged(
  db: Database.Database,
  acknowledged: readonly AcknowledgedArticle[],
): number[] {
  const sha = db.prepare<[number], { sha256: string }>(
    `SELECT r.sha256 FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id WHERE a.id = ?`,
  );
  return acknowledged.filter((ack) => sha.get(ack.id)?.sha256 !== ack.sha256).map((ack) => ack.id);
}
