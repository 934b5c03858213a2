/**
 * Search latency on PostgreSQL (bounded and unbounded ranking) and SQLite, on the same
 * corpus: a database of scripts/generate-db.ts copied into a PostgreSQL database with the
 * tsvector the repository writes (title A, deck B, body C over `masthead`). Each case is
 * `listArticles({ q, limit: 20 })` through the adapters themselves (snippets and relations
 * included), run `--runs` times after two warm-ups, sequentially.
 *
 *   npx tsx scripts/generate-db.ts --articles 100000 --out /tmp/articles-100k.db
 *   npx tsx bench/search-postgres.ts --db /tmp/articles-100k.db \
 *     --postgres postgres://postgres@127.0.0.1:55491/ [--runs 50] [--candidates 500,200] [--skip-unbounded]
 *
 * The PostgreSQL database (`search_bench_<articles>`) is created once and reused.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migratePostgres } from '../src/storage/postgres/migrate.js';
import { postgresLists } from '../src/storage/postgres/lists.js';
import { RANKED_CANDIDATES } from '../src/storage/postgres/search.js';
import type { ArticleListQuery, Page } from '../src/storage/repository.js';
import { createSqliteRepository } from '../src/storage/sqlite/index.js';
import { percentile } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    postgres: { type: 'string' },
    runs: { type: 'string', default: '50' },
    /** Candidate bounds to compare besides RANKED_CANDIDATES, comma-separated. */
    candidates: { type: 'string', default: '' },
    /** More terms to measure (e.g. mid-frequency ones), comma-separated. */
    terms: { type: 'string', default: '' },
    /** Skip the unbounded ranking (seconds per search on a common term). */
    'skip-unbounded': { type: 'boolean', default: false },
  },
});
if (!values.db || !values.postgres) throw new Error('--db PATH and --postgres URL are required');
const runs = Number.parseInt(values.runs, 10);
const server = values.postgres.endsWith('/') ? values.postgres : `${values.postgres}/`;

const sqlite = new Database(values.db, { readonly: true });
const articleCount = (sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
const meta = JSON.parse(readFileSync(`${values.db}.meta.json`, 'utf8')) as { rareTerm: string };

/** The word whose document frequency is nearest 40% of the articles (fts5vocab). */
function commonTerm(): { term: string; documents: number } {
  const memory = new Database(values.db ?? '', { readonly: true });
  memory.exec(`CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'articles_fts', 'row')`);
  const row = memory
    .prepare(
      `SELECT term, doc AS documents FROM temp.vocab WHERE term GLOB '[a-z]*' AND length(term) > 3
        ORDER BY abs(doc - ?) LIMIT 1`,
    )
    .get(Math.round(articleCount * 0.4)) as { term: string; documents: number };
  memory.close();
  return row;
}

async function ensurePostgres(): Promise<string> {
  const name = `search_bench_${articleCount}`;
  const admin = new pg.Client({ connectionString: `${server}postgres` });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = `${server}${name}`;
  if (exists) return url;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await migratePostgres(pool);
  const started = performance.now();
  // Publications and editions with their ids, then articles in batches (ids kept).
  const client = await pool.connect();
  await client.query('BEGIN');
  for (const row of sqlite.prepare('SELECT id, name, created_at FROM publications ORDER BY id').iterate()) {
    const p = row as { id: number; name: string; created_at: string };
    await client.query(
      'INSERT INTO publications (id, name, created_at) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3)',
      [p.id, p.name, p.created_at],
    );
  }
  const editions = sqlite
    .prepare(
      'SELECT id, publication_id, date, label, platform, created_at, article_count FROM editions ORDER BY id',
    )
    .all() as Record<string, unknown>[];
  await client.query(
    `INSERT INTO editions (id, publication_id, date, label, platform, created_at, article_count)
     OVERRIDING SYSTEM VALUE
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, publication_id bigint, date text, label text,
       platform text, created_at text, article_count integer)`,
    [JSON.stringify(editions)],
  );
  await client.query('COMMIT');
  const select = sqlite.prepare(
    `SELECT a.id, a.raw_document_id, a.edition_id, a.title, a.deck, a.paragraphs, a.language, a.page_locale,
            a.word_count, a.parser_version, a.ingested_at, a.title_key, a.publication_key, a.edition_start,
            a.edition_end, a.sort_key, a.teaser_count, a.source_url, a.story_id,
            r.sha256, r.content_type, r.received_at
       FROM articles a JOIN raw_documents r ON r.id = a.raw_document_id
      WHERE a.id > ? ORDER BY a.id LIMIT 2000`,
  );
  let after = 0;
  for (;;) {
    const batch = select.all(after) as (Record<string, unknown> & { id: number })[];
    if (batch.length === 0) break;
    after = batch.at(-1)?.id ?? after;
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO raw_documents (id, sha256, content_type, body, source_url, received_at) OVERRIDING SYSTEM VALUE
       SELECT raw_document_id, sha256, content_type, '', source_url, received_at
         FROM jsonb_to_recordset($1::jsonb) AS x(raw_document_id bigint, sha256 text, content_type text,
              source_url text, received_at text)`,
      [JSON.stringify(batch)],
    );
    await client.query(
      `INSERT INTO articles (id, raw_document_id, edition_id, title, deck, paragraphs, language, page_locale,
                             word_count, parser_version, ingested_at, title_key, publication_key, edition_start,
                             edition_end, sort_key, teaser_count, source_url, story_id, search)
       OVERRIDING SYSTEM VALUE
       SELECT id, raw_document_id, edition_id, title, deck, paragraphs, language, page_locale, word_count,
              parser_version, ingested_at, title_key, publication_key, edition_start, edition_end, sort_key,
              teaser_count, source_url, story_id,
              setweight(to_tsvector('masthead', coalesce(title, '')), 'A') ||
              setweight(to_tsvector('masthead', coalesce(deck, '')), 'B') ||
              setweight(to_tsvector('masthead', array_to_string(ARRAY(SELECT json_array_elements_text(paragraphs::json)), E'\\n')), 'C')
         FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, raw_document_id bigint, edition_id bigint, title text,
              deck text, paragraphs text, language text, page_locale text, word_count integer, parser_version text,
              ingested_at text, title_key text, publication_key text, edition_start text, edition_end text,
              sort_key text, teaser_count integer, source_url text, story_id bigint)`,
      [JSON.stringify(batch)],
    );
    await client.query('COMMIT');
  }
  // The triggers counted each article into its edition again: restore the copied counts.
  await client.query(
    `UPDATE editions e SET article_count = (SELECT count(*) FROM articles a WHERE a.edition_id = e.id)`,
  );
  await client.query('VACUUM ANALYZE');
  client.release();
  await pool.end();
  console.log(
    `copied ${articleCount} articles to ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return url;
}

async function measure(
  label: string,
  list: (query: ArticleListQuery) => Promise<Page<unknown>>,
  q: string,
): Promise<void> {
  const timings: number[] = [];
  let total: unknown;
  for (let run = -2; run < runs; run += 1) {
    const started = performance.now();
    const page = await list({ q, limit: 20 });
    if (run >= 0) timings.push(performance.now() - started);
    total = page.total;
  }
  timings.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(40)} q=${q.padEnd(14)} p50 ${percentile(timings, 50).toFixed(1).padStart(7)} ms` +
      `  p99 ${percentile(timings, 99).toFixed(1).padStart(7)} ms  total ${JSON.stringify(total)}`,
  );
}

const common = commonTerm();
console.log(
  `${articleCount} articles; common term "${common.term}" in ${common.documents} (${((100 * common.documents) / articleCount).toFixed(0)}%), rare term "${meta.rareTerm}"; ${runs} runs each`,
);
const url = await ensurePostgres();
const pool = new pg.Pool({ connectionString: url, max: 4 });
const bounds = [RANKED_CANDIDATES, ...values.candidates.split(',').filter(Boolean).map(Number)];
const unbounded = postgresLists(pool, { rankedCandidates: Number.MAX_SAFE_INTEGER });
const repository = createSqliteRepository(values.db);
for (const q of [common.term, meta.rareTerm, ...values.terms.split(',').filter(Boolean)]) {
  await measure('sqlite (FTS5 bm25, search thread)', (query) => repository.listArticles(query), q);
  for (const bound of bounds) {
    const bounded = postgresLists(pool, { rankedCandidates: bound });
    await measure(`postgres bounded (${bound} newest ranked)`, (query) => bounded.listArticles(query), q);
  }
  if (!values['skip-unbounded']) {
    await measure('postgres unbounded (every match ranked)', (query) => unbounded.listArticles(query), q);
  }
}
await repository.close();
await pool.end();
sqlite.close();
