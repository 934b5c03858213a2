/**
 * Reading articles and editions on PostgreSQL: the row shapes, the one query that loads a
 * page of articles with their relations, and the mapping to the port's records, shared by
 * single reads and lists. The SQL mirrors src/storage/sqlite/articles.ts column for column.
 */
import type { Pool } from 'pg';
import type { Platform } from '../../parser/types.js';
import { MAX_CAPTURES, type ArticleRecord, type CaptureRecord, type EditionRecord } from '../repository.js';

/**
 * Positional parameters for one statement: `bind(value)` returns its `$n`. Every value a
 * user sends is bound, never written into SQL text; statements stay unnamed (no PREPARE), so
 * they work through pgbouncer in transaction pooling.
 */
export class Binds {
  readonly values: unknown[] = [];
  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * PostgreSQL text cannot hold U+0000 (the server refuses the whole statement), so no stored
 * value has one: a filter or cursor value with one matches nothing or was never issued.
 */
export const storable = (text: string): boolean => !text.includes('\u0000');

/** A bigint or count as pg returns it (a string, by default) as the number it is: ids stay below 2^53. */
export const toNumber = (value: string | number): number => Number(value);

export interface ArticleRow {
  id: string;
  title: string | null;
  deck: string | null;
  byline: string | null;
  dateline: string | null;
  paragraphs: string;
  language: string | null;
  page_locale: string | null;
  word_count: number;
  parser_version: string;
  ingested_at: string;
  source_url: string | null;
  edition_id: string | null;
  edition_date: string | null;
  publication_name: string | null;
  teaser_count: number;
  story_id: string | null;
  /** [[article_id, position], …] of the teasers linked to this article, in (article, position) order. */
  teased_by: [number, number][];
  /** [[id, platform, page_locale, publication, edition_date], …] of the story's other captures, oldest first. */
  captures: [number, Platform | null, string | null, string | null, string | null][];
}

/**
 * An article with who teases it and its story's other captures, in one statement: the
 * relations are bounded (one page's teasers, MAX_CAPTURES captures) and read by index
 * (teasers_linked, articles_story), as the SQLite adapter's two keyed reads per article are.
 * The columns of an `ArticleRow`; read FROM ARTICLE_FROM.
 */
export const ARTICLE_COLUMNS = `
         a.id, a.title, a.deck, a.byline, a.dateline, a.paragraphs, a.language, a.page_locale,
         a.word_count, a.parser_version, a.ingested_at, a.source_url,
         a.edition_id, e.date AS edition_date, p.name AS publication_name, a.teaser_count, a.story_id,
         (SELECT coalesce(json_agg(json_build_array(t.article_id, t.position)
                                   ORDER BY t.article_id, t.position), '[]'::json)
            FROM teasers t WHERE t.linked_article_id = a.id) AS teased_by,
         (SELECT coalesce(json_agg(json_build_array(c.id, c.platform, c.page_locale, c.publication_name,
                                                    c.edition_date) ORDER BY c.id), '[]'::json)
            FROM (SELECT o.id, oe.platform, o.page_locale, op.name AS publication_name, oe.date AS edition_date
                    FROM articles o
                    LEFT JOIN editions oe ON oe.id = o.edition_id
                    LEFT JOIN publications op ON op.id = oe.publication_id
                   WHERE o.story_id = a.story_id AND o.id <> a.id
                   ORDER BY o.id LIMIT ${MAX_CAPTURES}) c) AS captures`;

export const ARTICLE_FROM = `
    FROM articles a
    LEFT JOIN editions e ON e.id = a.edition_id
    LEFT JOIN publications p ON p.id = e.publication_id`;

const ARTICLE_SELECT = `SELECT ${ARTICLE_COLUMNS} ${ARTICLE_FROM}`;

export function toArticle(row: ArticleRow): ArticleRecord {
  const id = toNumber(row.id);
  return {
    id,
    title: row.title,
    deck: row.deck,
    byline: row.byline,
    dateline: row.dateline,
    paragraphs: JSON.parse(row.paragraphs) as string[],
    language: row.language,
    pageLocale: row.page_locale,
    wordCount: row.word_count,
    edition:
      row.edition_id === null || row.publication_name === null
        ? null
        : { id: toNumber(row.edition_id), publication: row.publication_name, date: row.edition_date },
    teaserCount: row.teaser_count,
    teasedBy: row.teased_by.map(([articleId, position]) => ({ articleId, position })),
    storyId: row.story_id === null ? id : toNumber(row.story_id),
    captures: row.captures.map(
      ([articleId, platform, pageLocale, publication, editionDate]): CaptureRecord => ({
        articleId,
        platform,
        pageLocale,
        publication,
        editionDate,
      }),
    ),
    sourceUrl: row.source_url,
    ingestedAt: row.ingested_at,
    parserVersion: row.parser_version,
  };
}

/** The articles with these ids, in the order given; an id deleted meanwhile is skipped. */
export async function articlesByIds(pool: Pool, ids: readonly number[]): Promise<ArticleRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await pool.query<ArticleRow>(`${ARTICLE_SELECT} WHERE a.id = ANY($1::bigint[])`, [ids]);
  const byId = new Map(rows.map((row) => [toNumber(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toArticle(row)] : [];
  });
}

/** One article with its relations, or null. */
export async function articleById(pool: Pool, id: number): Promise<ArticleRecord | null> {
  return (await articlesByIds(pool, [id]))[0] ?? null;
}

export interface EditionRow {
  id: string;
  date: string | null;
  label: string | null;
  platform: Platform | null;
  publication_id: string;
  publication_name: string;
  article_count: number;
}

export const EDITION_SELECT = `
  SELECT e.id, e.date, e.label, e.platform, p.id AS publication_id, p.name AS publication_name,
         e.article_count
    FROM editions e JOIN publications p ON p.id = e.publication_id`;

export function toEdition(row: EditionRow): EditionRecord {
  return {
    id: toNumber(row.id),
    publication: { id: toNumber(row.publication_id), name: row.publication_name },
    date: row.date,
    label: row.label,
    platform: row.platform,
    articleCount: row.article_count,
  };
}
