/**
 * Write path: `POST /v1/articles` (16 connections, a distinct page per request) and
 * `POST /v1/articles:batch` (1,000-line NDJSON bodies) against masthead's built server in a
 * child process, production env. Baseline in the same run: raw better-sqlite3 inserts of the
 * same rows (same schema, masthead's pragmas) in one transaction — the storage limit. To say
 * which of parse, SQLite commits or HTTP dominates, also measured on the same pages: parsing
 * alone (single thread: the server parses in PARSE_WORKERS threads, cores − 1 by default),
 * the same raw inserts with one commit (fsync) per page, and repository.ingest() of pre-parsed
 * pages (masthead's storage layer: one at a time, one transaction each; and 16 at a time,
 * sharing group commits as concurrent ingests do).
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { parseSubmission } from '../src/ingest/parse-submission.js';
import { PARSER_VERSION } from '../src/parser/index.js';
import { dateBounds, publicationKey, titleKey } from '../src/storage/keys.js';
import type { IngestRecord } from '../src/storage/repository.js';
import { createSqliteRepository, openDatabase } from '../src/storage/sqlite/index.js';
import { countWords } from '../src/storage/word-count.js';
import { cpuSeconds, load, type LoadResult } from './lib/load.js';
import { ingestRecords, ndjsonBody, storyPages, variants } from './lib/pages.js';
import { fmt, log, ratio, writeResult, type BenchOptions, type Row } from './lib/report.js';
import { percentile } from './lib/stats.js';
import { ensureBuilt, startMasthead, tempDir } from './lib/servers.js';

const CONNECTIONS = 16;
const BATCH_LINES = 1000;
const TARGET_PAGES_PER_S = 1500;
const TARGET_P99_MS = 50;
const TARGET_BATCH_PAGES_PER_S = 8000;

/** Pages/s of parsing alone, single thread, as the server's parse worker does it. */
function parseCeiling(texts: readonly string[]): { pagesPerS: number; ms: number } {
  for (const body of texts.slice(0, 200))
    parseSubmission({ body, contentType: 'text/plain', sourceUrl: null });
  const start = performance.now();
  for (const body of texts) parseSubmission({ body, contentType: 'text/plain', sourceUrl: null });
  const ms = performance.now() - start;
  return { pagesPerS: (texts.length / ms) * 1000, ms };
}

/**
 * repository.ingest() of pre-parsed pages on a fresh database, `concurrent` at a time: one at
 * a time is one transaction (fsync) each; concurrent ingests share group commits.
 */
async function storeCeiling(path: string, input: readonly IngestRecord[], concurrent: number) {
  const repository = createSqliteRepository(path);
  try {
    const start = performance.now();
    for (let i = 0; i < input.length; i += concurrent) {
      await Promise.all(input.slice(i, i + concurrent).map((record) => repository.ingest(record)));
    }
    const ms = performance.now() - start;
    return { pagesPerS: (input.length / ms) * 1000, ms };
  } finally {
    await repository.close();
  }
}

/**
 * The rows an ingest writes (raw document, article, its search row, teasers and their search
 * rows), inserted with prepared statements on masthead's schema and pragmas, either all in one
 * transaction or one transaction per page.
 */
async function rawInserts(path: string, input: readonly IngestRecord[], perPage: boolean) {
  // The schema comes from masthead's migrations.
  await createSqliteRepository(path).close();
  const db: Database.Database = openDatabase(path);
  try {
    const insertDocument = db.prepare(
      'INSERT INTO raw_documents (sha256, content_type, body, source_url, received_at) VALUES (?, ?, ?, ?, ?)',
    );
    const insertArticle = db.prepare(`
      INSERT INTO articles (raw_document_id, edition_id, title, deck, byline, dateline, paragraphs, language,
                            page_locale, word_count, parser_version, ingested_at, title_key, publication_key,
                            edition_start, edition_end, sort_key)
      VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertSearch = db.prepare(
      'INSERT INTO articles_fts (rowid, title, deck, body) VALUES (?, ?, ?, ?)',
    );
    const insertTeaser = db.prepare(`
      INSERT INTO teasers (article_id, position, title, summary, publication, date, partial, title_key, publication_key)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertTeaserSearch = db.prepare('INSERT INTO teasers_fts (rowid, title, summary) VALUES (?, ?, ?)');
    // Everything the statements bind, computed before the clock starts.
    const rows = input.map(({ document, page, ingestedAt }) => {
      const story = page.story;
      const bounds = dateBounds(page.edition?.date ?? null);
      const pubKey = page.edition?.publication ? publicationKey(page.edition.publication) : null;
      return {
        document: [document.sha256, document.contentType, document.body, null, document.receivedAt] as const,
        article: [
          story.title,
          story.deck,
          story.byline,
          story.dateline,
          JSON.stringify(story.paragraphs),
          story.language,
          page.page_locale,
          countWords(story.paragraphs),
          PARSER_VERSION,
          ingestedAt,
          story.title === null ? null : titleKey(story.title),
          pubKey,
          bounds.start,
          bounds.end,
          bounds.start ?? '',
        ] as const,
        search: [story.title ?? '', story.deck ?? '', story.paragraphs.join('\n')] as const,
        teasers: page.teasers.map((t, i) => ({
          row: [
            i + 1,
            t.title,
            t.summary,
            t.publication,
            t.date,
            t.partial ? 1 : 0,
            titleKey(t.title),
            t.publication === null ? pubKey : publicationKey(t.publication),
          ] as const,
          search: [t.title, t.summary ?? ''] as const,
        })),
      };
    });
    let teaserRows = 0;
    const insertOne = (row: (typeof rows)[number]) => {
      const documentId = insertDocument.run(...row.document).lastInsertRowid;
      const articleId = insertArticle.run(documentId, ...row.article).lastInsertRowid;
      insertSearch.run(articleId, ...row.search);
      for (const teaser of row.teasers) {
        const teaserId = insertTeaser.run(articleId, ...teaser.row).lastInsertRowid;
        insertTeaserSearch.run(teaserId, ...teaser.search);
        teaserRows += 1;
      }
    };
    const one = db.transaction(insertOne);
    const all = db.transaction((list: typeof rows) => list.forEach(insertOne));
    const start = performance.now();
    if (perPage) for (const row of rows) one(row);
    else all(rows);
    const ms = performance.now() - start;
    return { pagesPerS: (rows.length / ms) * 1000, ms, pages: rows.length, teaserRows };
  } finally {
    db.close();
  }
}

interface BatchRun {
  lines: number;
  bodyBytes: number;
  ms: number;
  status: Record<string, number>;
  serverCpuSeconds?: number | null;
}

async function postBatch(url: string, body: string): Promise<BatchRun> {
  const start = performance.now();
  const response = await fetch(`${url}/v1/articles:batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`batch: ${response.status} ${text.slice(0, 300)}`);
  const status: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const code = String((JSON.parse(line) as { status: number }).status);
    status[code] = (status[code] ?? 0) + 1;
  }
  return { lines: BATCH_LINES, bodyBytes: Buffer.byteLength(body), ms, status };
}

export async function writePath(options: BenchOptions): Promise<Row[]> {
  const { rebuilt } = ensureBuilt();
  const seconds = options.quick ? 5 : 10;
  const batches = options.quick ? 2 : 5;
  const storagePages = options.quick ? 1000 : 2000;
  const pages = storyPages();
  const dir = tempDir('write');
  try {
    // Numbering ranges keep every document distinct across the passes.
    let counter = 0;
    const nextText = () => variants(pages, 1, counter++)[0] ?? '';
    const post = () => ({
      method: 'POST',
      path: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: nextText(),
    });

    log(`write path: POST /v1/articles, ${CONNECTIONS} connections, ${seconds} s`);
    const server = await startMasthead(join(dir.path, 'write.db'), options.serverCpu);
    let single: LoadResult;
    const batchRuns: BatchRun[] = [];
    try {
      await load({ url: server.url, connections: CONNECTIONS, seconds: 1, next: post });
      single = await load({
        url: server.url,
        connections: CONNECTIONS,
        seconds,
        next: post,
        pid: server.pid,
      });
      log(`write path: POST /v1/articles:batch, ${batches} × ${BATCH_LINES} lines`);
      const bodies = Array.from({ length: batches }, (_, i) =>
        ndjsonBody(variants(pages, BATCH_LINES, 10_000_000 + i * BATCH_LINES)),
      );
      for (const body of bodies) {
        const cpuBefore = cpuSeconds(server.pid);
        const run = await postBatch(server.url, body);
        const cpuAfter = cpuSeconds(server.pid);
        batchRuns.push({
          ...run,
          serverCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        });
      }
    } finally {
      await server.stop();
    }
    const created = batchRuns.reduce((sum, b) => sum + (b.status['201'] ?? 0), 0);
    const batchMs = batchRuns.reduce((sum, b) => sum + b.ms, 0);
    const batchPagesPerS = (created / batchMs) * 1000;

    log(`write path: parse ceiling, storage ceilings and raw inserts over ${storagePages} pages`);
    const texts = variants(pages, storagePages, 20_000_000);
    const parse = parseCeiling(texts);
    const input = ingestRecords(texts);
    const store = await storeCeiling(join(dir.path, 'store.db'), input, 1);
    const storeGrouped = await storeCeiling(join(dir.path, 'store-grouped.db'), input, CONNECTIONS);
    const rawOneTx = await rawInserts(join(dir.path, 'raw-one.db'), input, false);
    const rawPerPage = await rawInserts(join(dir.path, 'raw-each.db'), input, true);

    writeResult('write-path', {
      command: `npm run bench${options.quick ? ' -- --quick' : ''}`,
      rebuilt,
      serverCpu: options.serverCpu,
      loadCpu: options.loadCpu,
      parseWorkers: 'default (cores − 1, at least 1)',
      single: { connections: CONNECTIONS, seconds, result: single },
      batch: {
        lines: BATCH_LINES,
        runs: batchRuns,
        pagesPerS: batchPagesPerS,
        msPerPage: batchMs / Math.max(1, created),
        p99BatchMs: percentile(
          batchRuns.map((b) => b.ms),
          99,
        ),
      },
      ceilings: {
        pages: input.length,
        parseSingleThread: parse,
        repositoryIngestPerPageCommit: store,
        repositoryIngestGroupCommit: { concurrent: CONNECTIONS, ...storeGrouped },
        rawInsertsOneTransaction: rawOneTx,
        rawInsertsPerPageCommit: rawPerPage,
      },
      targets: {
        pagesPerS: TARGET_PAGES_PER_S,
        p99Ms: TARGET_P99_MS,
        batchPagesPerS: TARGET_BATCH_PAGES_PER_S,
      },
    });

    const raw = `${fmt(rawOneTx.pagesPerS)} (raw inserts, 1 tx)`;
    const info = (metric: string, value: number): Row => ({
      metric,
      value: fmt(value),
      baseline: raw,
      ratio: ratio(value, rawOneTx.pagesPerS),
      target: '—',
      met: null,
    });
    return [
      {
        metric: 'POST /v1/articles pages/s',
        value: fmt(single.rps),
        baseline: raw,
        ratio: ratio(single.rps, rawOneTx.pagesPerS),
        target: `≥ ${fmt(TARGET_PAGES_PER_S)}`,
        met: single.rps >= TARGET_PAGES_PER_S,
      },
      {
        metric: `POST /v1/articles p99 ms (server CPU ${single.cpuUsPerRequest === null ? '—' : fmt(single.cpuUsPerRequest / 1000, 2)} ms/page)`,
        value: fmt(single.p99, 1),
        baseline: '—',
        ratio: '—',
        target: `≤ ${TARGET_P99_MS} ms`,
        met: single.p99 <= TARGET_P99_MS,
      },
      {
        metric: 'POST /v1/articles:batch pages/s',
        value: fmt(batchPagesPerS),
        baseline: raw,
        ratio: ratio(batchPagesPerS, rawOneTx.pagesPerS),
        target: `≥ ${fmt(TARGET_BATCH_PAGES_PER_S)}`,
        met: batchPagesPerS >= TARGET_BATCH_PAGES_PER_S,
      },
      info('  ceiling: parse only, 1 thread, pages/s', parse.pagesPerS),
      info('  ceiling: repository.ingest, 1 commit/page, pages/s', store.pagesPerS),
      info(
        `  ceiling: repository.ingest, ${CONNECTIONS} at a time (group commit), pages/s`,
        storeGrouped.pagesPerS,
      ),
      info('  ceiling: raw inserts, 1 commit/page, pages/s', rawPerPage.pagesPerS),
    ];
  } finally {
    dir.remove();
  }
}
