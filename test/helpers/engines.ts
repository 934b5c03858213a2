/**
 * The read side of the repository on each engine, for tests that are about behaviour and so
 * must pass on both: `describe.each(ENGINES)`. SQLite is the whole repository; PostgreSQL is
 * the list, search and change-feed reads (src/storage/postgres/lists.ts, changes.ts) over a
 * fresh database, with rows written by `postgresIngest` below until the PostgreSQL
 * repository's own ingest replaces it.
 */
import pg from 'pg';
import { dateBounds, publicationKey, titleKey } from '../../src/storage/keys.js';
import { postgresChanges } from '../../src/storage/postgres/changes.js';
import { postgresLists } from '../../src/storage/postgres/lists.js';
import { articleById } from '../../src/storage/postgres/rows.js';
import type { ArticleRecord, IngestRecord, Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite.js';
import { freshPostgresUrl, postgresAvailable } from './postgres.js';

export type EngineName = 'sqlite' | 'postgres';

export type ReadRepository = Pick<
  Repository,
  | 'listArticles'
  | 'listEditions'
  | 'getEdition'
  | 'listPublications'
  | 'getPublication'
  | 'searchTeasers'
  | 'listChanges'
  | 'deleteArticle'
  | 'close'
> & {
  engine: EngineName;
  ingest(input: IngestRecord): Promise<{ article: ArticleRecord }>;
  /** PostgreSQL only: the pool, for statements a test runs itself, and the database's URL. */
  pool?: pg.Pool;
  url?: string;
};

/** The engines this run can test (PostgreSQL when the run has a server: see postgres.ts). */
export const ENGINES: EngineName[] = postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite'];

export async function openEngine(
  engine: EngineName,
  options: { totalBound?: number; rankedCandidates?: number; changesRetained?: number } = {},
): Promise<ReadRepository> {
  if (engine === 'sqlite') {
    const repository = createSqliteRepository(':memory:', {
      totalBound: options.totalBound,
      changesRetained: options.changesRetained,
    });
    return {
      engine,
      ingest: (input) => repository.ingest(input),
      listArticles: (query) => repository.listArticles(query),
      listEditions: (query) => repository.listEditions(query),
      getEdition: (id) => repository.getEdition(id),
      listPublications: (query) => repository.listPublications(query),
      getPublication: (id) => repository.getPublication(id),
      searchTeasers: (query) => repository.searchTeasers(query),
      listChanges: (query) => repository.listChanges(query),
      deleteArticle: (id) => repository.deleteArticle(id),
      close: () => repository.close(),
    };
  }
  const url = await freshPostgresUrl();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const lists = postgresLists(pool, options);
  if (options.changesRetained !== undefined) {
    await pool.query('UPDATE change_feed SET retained = $1', [options.changesRetained]);
  }
  const changes = postgresChanges(pool);
  return {
    engine,
    pool,
    url,
    ingest: async (input) => {
      const id = await postgresIngest(pool, input);
      const article = await articleById(pool, id);
      if (!article) throw new Error(`article ${id} was not stored`);
      return { article };
    },
    ...lists,
    listChanges: (query) => changes.list(query),
    deleteArticle: async (id) =>
      (await pool.query('DELETE FROM articles WHERE id = $1', [id])).rowCount === 1,
    close: () => pool.end(),
  };
}

/**
 * Writes what the lists read, as the repository's ingest would: the document, publication,
 * edition, article with its keys and search vector, teasers linked both ways. A story is the
 * first article with the same paragraphs (the MinHash match of identical bodies).
 */
async function postgresIngest(pool: pg.Pool, input: IngestRecord): Promise<number> {
  const client = await pool.connect();
  try {
    const existing = await client.query<{ id: string }>(
      'SELECT a.id FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id WHERE r.sha256 = $1',
      [input.document.sha256],
    );
    if (existing.rows[0]) return Number(existing.rows[0].id); // the same bytes: nothing written
    await client.query('BEGIN');
    const { story, edition, teasers } = input.page;
    const document = await client.query<{ id: string }>(
      `INSERT INTO raw_documents (sha256, content_type, body, source_url, received_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        input.document.sha256,
        input.document.contentType,
        input.document.body,
        input.document.sourceUrl,
        input.document.receivedAt,
      ],
    );
    let editionId: string | null = null;
    if (edition?.publication) {
      const publication = await client.query<{ id: string }>(
        `INSERT INTO publications (name, created_at) VALUES ($1, $2)
         ON CONFLICT ((masthead_nocase(name))) DO UPDATE SET name = publications.name RETURNING id`,
        [edition.publication, input.ingestedAt],
      );
      const editionRow = await client.query<{ id: string }>(
        `INSERT INTO editions (publication_id, date, label, platform, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ON CONSTRAINT editions_identity DO UPDATE SET label = editions.label RETURNING id`,
        [publication.rows[0]?.id, edition.date, edition.label, edition.platform, input.ingestedAt],
      );
      editionId = editionRow.rows[0]?.id ?? null;
    }
    const bounds = dateBounds(edition?.date ?? null);
    const pagePublicationKey = edition?.publication ? publicationKey(edition.publication) : null;
    const paragraphs = JSON.stringify(story.paragraphs);
    const article = await client.query<{ id: string }>(
      `INSERT INTO articles (raw_document_id, edition_id, title, deck, byline, dateline, paragraphs, language,
                             page_locale, word_count, parser_version, ingested_at, title_key, publication_key,
                             edition_start, edition_end, sort_key, teaser_count, source_url, search)
       VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6, $7, 0, $8, $9, $10, $11, $12, $13, $14, $15, $16,
               setweight(to_tsvector('masthead', coalesce($3, '')), 'A') ||
               setweight(to_tsvector('masthead', coalesce($4, '')), 'B') ||
               setweight(to_tsvector('masthead', $17), 'C'))
       RETURNING id`,
      [
        document.rows[0]?.id,
        editionId,
        story.title,
        story.deck,
        paragraphs,
        story.language,
        input.page.page_locale,
        input.parserVersion,
        input.ingestedAt,
        story.title === null ? null : titleKey(story.title),
        pagePublicationKey,
        bounds.start,
        bounds.end,
        bounds.start ?? '',
        teasers.length,
        input.document.sourceUrl,
        story.paragraphs.join('\n'),
      ],
    );
    const id = Number(article.rows[0]?.id);
    await client.query(
      `UPDATE articles SET story_id = coalesce(
         (SELECT min(id) FROM articles WHERE paragraphs = $2 AND id <> $1 AND story_id IS NOT NULL), $1)
        WHERE id = $1`,
      [id, paragraphs],
    );
    for (const [index, teaser] of teasers.entries()) {
      const key = teaser.publication ? publicationKey(teaser.publication) : pagePublicationKey;
      await client.query(
        `INSERT INTO teasers (article_id, position, title, summary, publication, date, partial, title_key,
                              publication_key, linked_article_id, search)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
                 (SELECT a.id FROM articles a WHERE a.publication_key = $9 AND a.title_key = $8 AND a.id <> $1
                   ORDER BY a.id LIMIT 1),
                 setweight(to_tsvector('masthead', $3), 'A') || setweight(to_tsvector('masthead', coalesce($4, '')), 'B'))`,
        [
          id,
          index + 1,
          teaser.title,
          teaser.summary,
          teaser.publication,
          teaser.date,
          teaser.partial ? 1 : 0,
          titleKey(teaser.title),
          key,
        ],
      );
    }
    if (story.title !== null && pagePublicationKey !== null) {
      await client.query(
        `UPDATE teasers SET linked_article_id = $1
          WHERE publication_key = $2 AND title_key = $3 AND linked_article_id IS NULL AND article_id <> $1`,
        [id, pagePublicationKey, titleKey(story.title)],
      );
    }
    await client.query('COMMIT');
    return id;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
