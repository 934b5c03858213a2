/**
 * Reading articles and editions on PostgreSQL: the one function call that loads articles
 * with their relations (migration 013), the edition row and its mapping to the port's
 * records, shared by single reads and lists. The SQL mirrors src/storage/sqlite/articles.ts
 * column for column.
 */
import type { Pool } from 'pg';
import type { Platform } from '../../parser/types.js';
import { MAX_CAPTURES, type ArticleRecord, type EditionRecord } from '../repository.js';

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

/**
 * An article with who teases it and its story's other captures, as one json value in the
 * port's shape, built by `masthead_article` (migration 013): a plpgsql function keeps its
 * plans per server connection, where an unnamed statement of the same joins was planned on
 * every call. `id` is the SQL expression of the article's id; the value is null when there is
 * no such article. The one copy of the representation on PostgreSQL: reads by id, by document
 * and lists all go through it.
 */
export const articleJson = (id: string): string => `masthead_article(${id}, ${MAX_CAPTURES})`;

/** The articles with these ids, in the order given; an id deleted meanwhile is skipped. */
export async function articlesByIds(
  sql: Pick<Pool, 'query'>,
  ids: readonly number[],
): Promise<ArticleRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql.query<{ article: ArticleRecord | null }>(
    `SELECT ${articleJson('i.id')} AS article
       FROM unnest($1::bigint[]) WITH ORDINALITY AS i(id, n) ORDER BY i.n`,
    [ids],
  );
  return rows.flatMap(({ article }) => (article === null ? [] : [article]));
}

/** One article with its relations, or null: the read behind GET /v1/articles/{id}. */
export async function articleById(sql: Pick<Pool, 'query'>, id: number): Promise<ArticleRecord | null> {
  const { rows } = await sql.query<{ article: ArticleRecord | null }>(
    `SELECT ${articleJson('$1')} AS article`,
    [id],
  );
  return rows[0]?.article ?? null;
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
