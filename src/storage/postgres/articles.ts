/**
 * Articles on PostgreSQL: ingest, single reads, re-parse and delete, with their raw documents,
 * editions, teasers, teaser links, search vectors, story fingerprints and learned shapes. The
 * same rules as src/storage/sqlite/articles.ts (read its comments); what differs is how rows
 * that several writers may create at once are created:
 *
 * - A raw document, publication or edition is looked up first and inserted only when missing,
 *   with `ON CONFLICT DO NOTHING`: a writer that loses the race to another transaction waits
 *   for it to commit, inserts nothing, and reads the winner's row. (Looking up first keeps ids
 *   dense: a conflicting insert would use up a sequence value.)
 * - Ids come from identity sequences, never reused. An article's id is taken with nextval()
 *   in its own INSERT (OVERRIDING SYSTEM VALUE), so that a new story can be named after it in
 *   the same row.
 * - The search vectors are written by the INSERT/UPDATE (unaccent() is not IMMUTABLE, so they
 *   cannot be generated columns).
 *
 * Write functions take the client of the caller's transaction; reads take any Queryable.
 */
import { searchVector } from './search.js';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { Edition, Platform } from '../../parser/types.js';
import { pageShapes, platformKey, shapeHash } from '../../parser/learned.js';
import { dateBounds, publicationKey, titleKey } from '../keys.js';
import {
  InvalidCursorError,
  type ArticleEditionRecord,
  type ArticleRecord,
  type ArticleSource,
  type IngestRecord,
  type LearnedShapeRecord,
  type Page,
  type PageQuery,
  type PageWithStory,
  type RawContentType,
  type StoredDocumentMatch,
  type TeaserRecord,
} from '../repository.js';
import { countWords } from '../word-count.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { signatureBytes, storySignature, type StorySignature } from '../story-signature.js';
import { assignStory, forgetStory, reassignStory } from './stories.js';
import { articleById, articleJson, EDITION_SELECT, toEdition, type EditionRow } from './rows.js';

/** A pool or a transaction's client. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

async function rowsOf<R extends QueryResultRow>(
  sql: Queryable,
  text: string,
  values: unknown[],
): Promise<R[]> {
  return (await sql.query<R>(text, values)).rows;
}

/** The search vector of an article: title (A), deck (B), body (C), as parameters $a, $b, $c. */
const articleVector = (title: string, deck: string, body: string): string =>
  `setweight(${searchVector(title)}, 'A') ||
   setweight(${searchVector(deck)}, 'B') ||
   setweight(${searchVector(body)}, 'C')`;

interface TeaserRow {
  position: number;
  title: string;
  summary: string | null;
  publication: string | null;
  date: string | null;
  partial: number;
  linked_article_id: number | null;
}

function toTeaser(row: TeaserRow): TeaserRecord {
  return {
    position: row.position,
    title: row.title,
    summary: row.summary,
    publication: row.publication,
    date: row.date,
    partial: row.partial === 1,
    linkedArticleId: row.linked_article_id,
  };
}

// ---- reads ---------------------------------------------------------------------------------

export const readArticle = (sql: Queryable, id: number): Promise<ArticleRecord | null> =>
  articleById(sql, id);

export async function readArticleByHash(sql: Queryable, sha256: string): Promise<StoredDocumentMatch | null> {
  const [row] = await rowsOf<{ article: ArticleRecord | null; content_type: RawContentType }>(
    sql,
    `SELECT ${articleJson('a.id')} AS article, r.content_type
       FROM raw_documents r JOIN articles a ON a.raw_document_id = r.id
      WHERE r.sha256 = $1`,
    [sha256],
  );
  return row?.article ? { article: row.article, contentType: row.content_type } : null;
}

export async function readArticleEdition(
  sql: Queryable,
  articleId: number,
): Promise<ArticleEditionRecord | undefined> {
  const [article] = await rowsOf<{ edition_id: number | null; page_locale: string | null }>(
    sql,
    `SELECT edition_id, page_locale FROM articles WHERE id = $1`,
    [articleId],
  );
  if (!article) return undefined;
  const [row] =
    article.edition_id === null
      ? []
      : await rowsOf<EditionRow>(sql, `${EDITION_SELECT} WHERE e.id = $1`, [article.edition_id]);
  return { pageLocale: article.page_locale, edition: row ? toEdition(row) : null };
}

async function articleExists(sql: Queryable, articleId: number): Promise<boolean> {
  return (await rowsOf(sql, `SELECT 1 FROM articles WHERE id = $1`, [articleId])).length > 0;
}

/** Every teaser of an article (what a re-parse compares); null when the article does not exist. */
export async function readTeasers(sql: Queryable, articleId: number): Promise<TeaserRecord[] | null> {
  if (!(await articleExists(sql, articleId))) return null;
  const rows = await rowsOf<TeaserRow>(
    sql,
    `SELECT position, title, summary, publication, date, partial, linked_article_id
       FROM teasers WHERE article_id = $1 ORDER BY position`,
    [articleId],
  );
  return rows.map(toTeaser);
}

/** Keyset on position, unique per article: a walk sees each teaser once, in page order. */
export async function readTeaserPage(
  sql: Queryable,
  articleId: number,
  query: PageQuery,
): Promise<Page<TeaserRecord> | null> {
  // An unknown article is a 404 whatever the cursor says, as on SQLite.
  if (!(await articleExists(sql, articleId))) return null;
  let after = 0;
  if (query.cursor) {
    const [cursorArticleId, position] = decodeCursor(query.cursor, 'article-teasers', [
      'number',
      'number',
    ] as const);
    if (cursorArticleId !== articleId) {
      throw new InvalidCursorError("the cursor belongs to another article's teasers");
    }
    after = position;
  }
  const rows = await rowsOf<TeaserRow>(
    sql,
    `SELECT position, title, summary, publication, date, partial, linked_article_id
       FROM teasers WHERE article_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
    [articleId, after, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toTeaser),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor('article-teasers', [articleId, last.position]) : null,
  };
}

export async function readSource(sql: Queryable, articleId: number): Promise<ArticleSource | null> {
  // convert_to: the UTF-8 bytes as bytea, one copy, no decoding to a string and back
  const [row] = await rowsOf<{ body: Buffer; content_type: RawContentType; sha256: string }>(
    sql,
    `SELECT convert_to(r.body, 'UTF8') AS body, r.content_type, r.sha256
       FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id
      WHERE a.id = $1`,
    [articleId],
  );
  return row ? { bytes: row.body, contentType: row.content_type, sha256: row.sha256 } : null;
}

export async function readLearnedShapes(
  sql: Queryable,
  minPublications: number,
  limit: number,
): Promise<LearnedShapeRecord[]> {
  const rows = await rowsOf<{
    platform: string;
    shape_hash: number;
    publications: number;
    shape: string | null;
  }>(
    sql,
    `SELECT platform, shape_hash, publications, shape FROM learned_shapes
      WHERE publications >= 2 AND stories_differ = 1 AND publications >= $1
      ORDER BY publications DESC, platform, shape_hash LIMIT $2`,
    [minPublications, limit],
  );
  return rows.map((row) => ({
    platform: row.platform === '' ? null : (row.platform as Platform),
    hash: row.shape_hash,
    publications: row.publications,
    shape: row.shape ?? '',
  }));
}

// ---- writes (on the caller's transaction) ---------------------------------------------------

async function findOrCreatePublication(client: PoolClient, name: string, now: string): Promise<number> {
  const lookup = `SELECT id FROM publications WHERE masthead_nocase(name) = masthead_nocase($1)`;
  const [existing] = await rowsOf<{ id: number }>(client, lookup, [name]);
  if (existing) return existing.id;
  const [inserted] = await rowsOf<{ id: number }>(
    client,
    `INSERT INTO publications (name, created_at) VALUES ($1, $2)
     ON CONFLICT ((masthead_nocase(name))) DO NOTHING RETURNING id`,
    [name, now],
  );
  if (inserted) return inserted.id;
  // another transaction created it and committed while we waited on its row
  const [created] = await rowsOf<{ id: number }>(client, lookup, [name]);
  if (!created) throw new Error(`publication ${JSON.stringify(name)} conflicted but is not visible`);
  return created.id;
}

async function findOrCreateEdition(
  client: PoolClient,
  edition: Edition | null,
  now: string,
): Promise<{ id: number; date: string | null } | null> {
  if (!edition?.publication) return null;
  const publicationId = await findOrCreatePublication(client, edition.publication, now);
  const lookup = `SELECT id, date FROM editions
                   WHERE publication_id = $1 AND date IS NOT DISTINCT FROM $2 AND platform IS NOT DISTINCT FROM $3`;
  const identity = [publicationId, edition.date, edition.platform];
  const [existing] = await rowsOf<{ id: number; date: string | null }>(client, lookup, identity);
  if (existing) return existing;
  const [inserted] = await rowsOf<{ id: number }>(
    client,
    `INSERT INTO editions (publication_id, date, label, platform, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT editions_identity DO NOTHING RETURNING id`,
    [publicationId, edition.date, edition.label, edition.platform, now],
  );
  if (inserted) return { id: inserted.id, date: edition.date };
  const [created] = await rowsOf<{ id: number; date: string | null }>(client, lookup, identity);
  if (!created) throw new Error('edition conflicted but is not visible');
  return created;
}

/** Column values shared by insert and re-parse. */
async function articleColumns(client: PoolClient, page: PageWithStory, now: string) {
  const story = page.story;
  const edition = await findOrCreateEdition(client, page.edition, now);
  const bounds = dateBounds(edition?.date ?? null);
  return {
    editionId: edition?.id ?? null,
    titleKey: story.title === null ? null : titleKey(story.title),
    publicationKey: edition && page.edition?.publication ? publicationKey(page.edition.publication) : null,
    editionStart: bounds.start,
    editionEnd: bounds.end,
    sortKey: bounds.start ?? '',
  };
}

/**
 * Teaser links with several writers. A teaser links to the story stored under its key
 * (publication key, title key), and a new story links the teasers waiting under its key; each
 * side looks for the other when it writes. Two transactions writing the two sides at once
 * would not see each other's uncommitted row, and the link would be lost for good. So a writer
 * first takes a transaction-level advisory lock on every key it will look up or be found by
 * (class 8010, the key's hash; sorted, so that two writers take shared keys in one order): the
 * second waits for the first's commit, and its next statement sees the first's rows. Writers
 * of unrelated keys do not wait for each other (a hash collision only makes one wait).
 */
function linkKeys(
  articleKeys: { titleKey: string | null; publicationKey: string | null },
  page: PageWithStory,
  pagePublicationKey: string | null,
): string[] {
  const keys = new Set<string>();
  if (articleKeys.titleKey !== null && articleKeys.publicationKey !== null)
    keys.add(`${articleKeys.publicationKey}\u001f${articleKeys.titleKey}`);
  for (const teaser of page.teasers) {
    const teaserPublication =
      teaser.publication === null ? pagePublicationKey : publicationKey(teaser.publication);
    if (teaserPublication !== null) keys.add(`${teaserPublication}\u001f${titleKey(teaser.title)}`);
  }
  return [...keys].sort();
}

/** The advisory locks of `keys` (a text[] parameter), in one expression: see linkKeys. */
const LOCK_LINK_KEYS = (keys: string): string =>
  `(SELECT count(pg_advisory_xact_lock(8010, hashtext(k))) FROM (SELECT k FROM unnest(${keys}::text[]) k ORDER BY k) sorted)`;

/**
 * Story ids with several writers: the same reasoning for two captures of one story written at
 * once (each would find no stored capture and start a story of its own). A writer locks its
 * body's band keys (class 8011) before it looks its story up; two captures of one story share
 * band keys, so the second looks up after the first's commit.
 */
const LOCK_BAND_KEYS = (keys: string): string =>
  `(SELECT count(pg_advisory_xact_lock(8011, (k % 2147483647)::int))
      FROM (SELECT DISTINCT k FROM unnest(${keys}::bigint[]) k ORDER BY k) sorted)`;

/** Takes the link and band locks (see linkKeys, LOCK_BAND_KEYS) before the statements that look up. */
async function lockKeys(
  client: PoolClient,
  links: readonly string[],
  signature: StorySignature | null,
): Promise<void> {
  const bands = signature?.bandKeys ?? [];
  if (links.length > 0 || bands.length > 0)
    await client.query(`SELECT ${LOCK_LINK_KEYS('$1')}, ${LOCK_BAND_KEYS('$2')}`, [links, bands]);
}

/** Teasers with their search vectors and links, for an article whose old teasers are gone: one statement. */
async function writeTeasers(
  client: PoolClient,
  articleId: number,
  page: PageWithStory,
  pagePublicationKey: string | null,
): Promise<void> {
  if (page.teasers.length === 0) return;
  const teasers = page.teasers;
  await client.query(
    `INSERT INTO teasers (article_id, position, title, summary, publication, date, partial,
                          title_key, publication_key, linked_article_id, search)
     SELECT $1, t.position, t.title, t.summary, t.publication, t.date, t.partial, t.title_key, t.publication_key,
            (SELECT a.id FROM articles a
              WHERE a.publication_key = t.publication_key AND a.title_key = t.title_key AND a.id <> $1
              ORDER BY a.id LIMIT 1),
            setweight(${searchVector('t.title')}, 'A') ||
            setweight(${searchVector('t.summary')}, 'B')
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[])
            AS t(position, title, summary, publication, date, partial, title_key, publication_key)`,
    [
      articleId,
      teasers.map((_, index) => index + 1),
      teasers.map((t) => t.title),
      teasers.map((t) => t.summary),
      teasers.map((t) => t.publication),
      teasers.map((t) => t.date),
      teasers.map((t) => (t.partial ? 1 : 0)),
      teasers.map((t) => titleKey(t.title)),
      teasers.map((t) => (t.publication === null ? pagePublicationKey : publicationKey(t.publication))),
    ],
  );
}

/** Teasers already stored that announce this story now get their link. */
async function linkWaiting(
  client: PoolClient,
  articleId: number,
  columns: { titleKey: string | null; publicationKey: string | null },
): Promise<void> {
  if (columns.titleKey === null || columns.publicationKey === null) return;
  await client.query(
    `UPDATE teasers SET linked_article_id = $1
      WHERE publication_key = $2 AND title_key = $3 AND linked_article_id IS NULL AND article_id <> $1`,
    [articleId, columns.publicationKey, columns.titleKey],
  );
}

/**
 * Counts the page's line shapes for its publication (migration 006; see the SQLite adapter's
 * learnShapes), in one statement: the presence rows, and for those that made the publication
 * count (its second story printing the shape), the shape's count of publications.
 */
async function learnShapes(
  client: PoolClient,
  page: PageWithStory,
  pagePublicationKey: string | null,
): Promise<void> {
  if (pagePublicationKey === null || pagePublicationKey === '') return;
  const shapes = pageShapes(page);
  if (shapes.size === 0) return;
  const platform = platformKey(page.edition?.platform);
  const { title, deck, paragraphs } = page.story;
  const first = title ?? deck ?? paragraphs[0] ?? null;
  const story = first === null ? null : shapeHash(titleKey(first));
  await client.query(
    `WITH page_shapes AS (SELECT * FROM unnest($3::bigint[], $4::text[]) AS s(hash, shape)),
     noted AS (
       INSERT INTO learned_line_publications (platform, shape_hash, publication_key, first_story)
       SELECT $1, hash, $2, $5 FROM page_shapes
       ON CONFLICT (platform, shape_hash, publication_key)
       DO UPDATE SET counted = 1
        WHERE learned_line_publications.counted = 0
          AND learned_line_publications.first_story IS DISTINCT FROM excluded.first_story
       RETURNING shape_hash, counted)
     INSERT INTO learned_shapes AS l (platform, shape_hash, publications, shape, first_story)
     SELECT $1, shape_hash, 1, NULL, $5 FROM noted WHERE counted = 1
     ON CONFLICT (platform, shape_hash)
     DO UPDATE SET publications = l.publications + 1,
                   shape = coalesce(l.shape, (SELECT s.shape FROM page_shapes s WHERE s.hash = excluded.shape_hash)),
                   stories_differ = greatest(l.stories_differ, (l.first_story IS DISTINCT FROM excluded.first_story)::int)`,
    [platform, pagePublicationKey, [...shapes.keys()], [...shapes.values()], story],
  );
}

/** A re-parse that changed nothing still teaches what it saw. */
export function learnPageShapes(client: PoolClient, page: PageWithStory): Promise<void> {
  return learnShapes(
    client,
    page,
    page.edition?.publication ? publicationKey(page.edition.publication) : null,
  );
}

/**
 * One ingest as migrations/postgres/010_ingest_function.sql's functions take it: everything
 * the client can compute without the database (keys, date bounds, fingerprint, line shapes).
 */
function ingestArgument(record: IngestRecord): Record<string, unknown> {
  const { document, page } = record;
  const story = page.story;
  const signature = storySignature(story.paragraphs);
  const edition = page.edition?.publication ? page.edition : null;
  // the keys as this page will store them (its publication key is known before its edition)
  const pagePublicationKey = edition?.publication ? publicationKey(edition.publication) : null;
  const articleTitleKey = story.title === null ? null : titleKey(story.title);
  // an edition found by its identity has the page's date: the bounds are known up front
  const bounds = dateBounds(edition?.date ?? null);
  const shapes =
    pagePublicationKey === null || pagePublicationKey === '' ? new Map<number, string>() : pageShapes(page);
  const first = story.title ?? story.deck ?? story.paragraphs[0] ?? null;
  return {
    sha256: document.sha256,
    contentType: document.contentType,
    body: document.body,
    sourceUrl: document.sourceUrl,
    receivedAt: document.receivedAt,
    publication: edition?.publication ?? null,
    editionDate: edition?.date ?? null,
    editionLabel: edition?.label ?? null,
    platform: edition?.platform ?? null,
    title: story.title,
    deck: story.deck,
    byline: story.byline,
    dateline: story.dateline,
    paragraphs: JSON.stringify(story.paragraphs),
    language: story.language,
    pageLocale: page.page_locale,
    wordCount: countWords(story.paragraphs),
    parserVersion: record.parserVersion,
    ingestedAt: record.ingestedAt,
    titleKey: articleTitleKey,
    publicationKey: pagePublicationKey,
    editionStart: bounds.start,
    editionEnd: bounds.end,
    sortKey: bounds.start ?? '',
    teaserCount: page.teasers.length,
    bodyText: story.paragraphs.join('\n'),
    shingles: signature?.shingles ?? null,
    signature:
      signature === null ? null : Buffer.from(signatureBytes(signature.minHashes)).toString('base64'),
    bandKeys: signature?.bandKeys ?? [],
    linkKeys: linkKeys(
      { titleKey: articleTitleKey, publicationKey: pagePublicationKey },
      page,
      pagePublicationKey,
    ),
    teasers: page.teasers.map((t, index) => ({
      position: index + 1,
      title: t.title,
      summary: t.summary,
      publication: t.publication,
      date: t.date,
      partial: t.partial ? 1 : 0,
      title_key: titleKey(t.title),
      publication_key: t.publication === null ? pagePublicationKey : publicationKey(t.publication),
    })),
    shapes: [...shapes].map(([hash, shape]) => ({ hash, shape })),
    shapePlatform: platformKey(page.edition?.platform),
    firstStory: first === null ? null : shapeHash(titleKey(first)),
  };
}

/**
 * One ingest's writes; the caller runs it inside a transaction (see group-commit.ts). Safe to
 * run again after a rollback. One statement: masthead_ingest (migration 010) takes the link
 * and band locks, looks the document, edition and story candidates up, creates the edition
 * when missing, and writes raw document, article with its search vector, fingerprint and
 * bands, teasers, links of the teasers waiting for this story, learned shapes. When another
 * transaction stored the same document meanwhile, nothing is written and its article returned.
 */
export async function writeIngest(
  client: PoolClient,
  record: IngestRecord,
): Promise<{ id: number; created: boolean }> {
  const [row] = await rowsOf<{ article_id: number; created: boolean }>(
    client,
    `SELECT article_id, created FROM masthead_ingest($1::jsonb)`,
    [JSON.stringify(ingestArgument(record))],
  );
  return { id: row!.article_id, created: row!.created };
}

/**
 * A group's ingests in one statement (masthead_ingest_group: writeIngest's for each, in
 * order), results in the records' order. Should one fail, the statement fails; the group
 * committer then replays the group with writeIngest, one savepoint each.
 */
export async function writeIngestGroup(
  client: PoolClient,
  records: readonly IngestRecord[],
): Promise<{ id: number; created: boolean }[]> {
  const rows = await rowsOf<{ article_id: number; created: boolean }>(
    client,
    `SELECT article_id, created FROM masthead_ingest_group($1::jsonb)`,
    [JSON.stringify(records.map(ingestArgument))],
  );
  if (rows.length !== records.length)
    throw new Error(`masthead_ingest_group returned ${rows.length} rows for ${records.length} records`);
  return rows.map((row) => ({ id: row.article_id, created: row.created }));
}

/** The article's raw document hash and edition, its row locked until the transaction ends; null when absent. */
export async function lockArticle(
  client: PoolClient,
  articleId: number,
): Promise<{ sha256: string; rawDocumentId: number; editionId: number | null } | null> {
  const [row] = await rowsOf<{ sha256: string; raw_document_id: number; edition_id: number | null }>(
    client,
    `SELECT r.sha256, a.raw_document_id, a.edition_id
       FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id
      WHERE a.id = $1 FOR UPDATE OF a`,
    [articleId],
  );
  return row ? { sha256: row.sha256, rawDocumentId: row.raw_document_id, editionId: row.edition_id } : null;
}

export async function setDocumentContentType(
  client: PoolClient,
  articleId: number,
  contentType: RawContentType,
): Promise<void> {
  await client.query(
    `UPDATE raw_documents SET content_type = $1 WHERE id = (SELECT raw_document_id FROM articles WHERE id = $2)`,
    [contentType, articleId],
  );
}

export async function setParserVersion(
  client: PoolClient,
  articleId: number,
  parserVersion: string,
): Promise<void> {
  await client.query(`UPDATE articles SET parser_version = $1 WHERE id = $2`, [parserVersion, articleId]);
}

/** An edition left without articles goes, and its publication with it when that was its last edition. */
async function deleteIfEmpty(client: PoolClient, editionId: number): Promise<void> {
  const [deleted] = await rowsOf<{ publication_id: number }>(
    client,
    `DELETE FROM editions e WHERE e.id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE edition_id = $1)
     RETURNING e.publication_id`,
    [editionId],
  );
  if (!deleted) return;
  await client.query(
    `DELETE FROM publications p WHERE p.id = $1 AND NOT EXISTS (SELECT 1 FROM editions WHERE publication_id = $1)`,
    [deleted.publication_id],
  );
}

/** Replaces the parse of a locked article (lockArticle); the caller compared it first. */
export async function writeReparse(
  client: PoolClient,
  articleId: number,
  previousEditionId: number | null,
  page: PageWithStory,
  parserVersion: string,
  now: string,
): Promise<void> {
  const columns = await articleColumns(client, page, now);
  await lockKeys(
    client,
    linkKeys(columns, page, columns.publicationKey),
    storySignature(page.story.paragraphs),
  );
  const story = page.story;
  await client.query(
    `UPDATE articles SET edition_id = $2, title = $3, deck = $4, byline = $5, dateline = $6, paragraphs = $7,
            language = $8, page_locale = $9, word_count = $10, parser_version = $11, title_key = $12,
            publication_key = $13, edition_start = $14, edition_end = $15, sort_key = $16, teaser_count = $17,
            search = ${articleVector('$3', '$4', '$18')}
      WHERE id = $1`,
    [
      articleId,
      columns.editionId,
      story.title,
      story.deck,
      story.byline,
      story.dateline,
      JSON.stringify(story.paragraphs),
      story.language,
      page.page_locale,
      countWords(story.paragraphs),
      parserVersion,
      columns.titleKey,
      columns.publicationKey,
      columns.editionStart,
      columns.editionEnd,
      columns.sortKey,
      page.teasers.length,
      story.paragraphs.join('\n'),
    ],
  );
  await client.query(`DELETE FROM teasers WHERE article_id = $1`, [articleId]);
  await writeTeasers(client, articleId, page, columns.publicationKey);
  // The story's title or publication may have changed: relink from scratch.
  await client.query(`UPDATE teasers SET linked_article_id = NULL WHERE linked_article_id = $1`, [articleId]);
  await linkWaiting(client, articleId, columns);
  await learnShapes(client, page, columns.publicationKey);
  await reassignStory(client, articleId, story.paragraphs);
  if (previousEditionId !== null && previousEditionId !== columns.editionId) {
    await deleteIfEmpty(client, previousEditionId);
  }
}

/** Deletes a locked article (lockArticle) with its teasers, links, fingerprint and raw document. */
export async function writeDelete(
  client: PoolClient,
  articleId: number,
  locked: { rawDocumentId: number; editionId: number | null },
): Promise<void> {
  await client.query(`UPDATE teasers SET linked_article_id = NULL WHERE linked_article_id = $1`, [articleId]);
  await forgetStory(client, articleId);
  await client.query(`DELETE FROM articles WHERE id = $1`, [articleId]); // teasers go with it (ON DELETE CASCADE)
  await client.query(
    `DELETE FROM raw_documents WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE raw_document_id = $1)`,
    [locked.rawDocumentId],
  );
  if (locked.editionId !== null) await deleteIfEmpty(client, locked.editionId);
}

/** A re-parse that changed nothing still gives a story to an article that has none. */
export async function assignStoryIfMissing(
  client: PoolClient,
  articleId: number,
  paragraphs: readonly string[],
): Promise<void> {
  const [row] = await rowsOf<{ story_id: number | null }>(
    client,
    `SELECT story_id FROM articles WHERE id = $1`,
    [articleId],
  );
  if (row && row.story_id === null) await assignStory(client, articleId, paragraphs);
}

/** Fingerprints up to `limit` articles that have no story yet, oldest first. */
export async function assignMissingStories(client: PoolClient, limit: number): Promise<number> {
  const rows = await rowsOf<{ id: number; paragraphs: string }>(
    client,
    `SELECT id, paragraphs FROM articles WHERE story_id IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  for (const row of rows) await assignStory(client, row.id, JSON.parse(row.paragraphs) as string[]);
  return rows.length;
}

/**
 * Takes a transaction-level advisory lock (class 8012) on each document of a group, sorted:
 * two nodes' groups that hold the same documents then wait for each other at the first shared
 * one, and the later finds the earlier's rows committed, instead of deadlocking on each other's
 * uncommitted inserts of the same sha256 (taken in arrival order, which differs per node).
 */
export async function lockDocuments(client: PoolClient, records: readonly IngestRecord[]): Promise<void> {
  await client.query(
    `SELECT count(pg_advisory_xact_lock(8012, k))
       FROM (SELECT DISTINCT hashtext(s) AS k FROM unnest($1::text[]) s ORDER BY 1) sorted`,
    [records.map((record) => record.document.sha256)],
  );
}
