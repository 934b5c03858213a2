/**
 * What corpus-learned boilerplate costs (src/parser/learned.ts, migration 006):
 *  - parser: parsePage of the base commit (a path given as PARSER_BASE, e.g. /work/main)
 *    against this tree's, without and with the snapshot learned from every fixture page,
 *    interleaved rounds in one process (same-run ratios);
 *  - ingest: µs per stored page spent counting line shapes (articles.ts learnShapes: pageShapes
 *    and the two upserts), against a whole repository.ingest, over 1,000 pages of 300 publications;
 *  - growth: bytes of the learned tables per 1,000 pages (dbstat).
 * Usage: PARSER_BASE=/work/main npx tsx bench/learned-cost.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { articleStore } from '../src/storage/sqlite/articles.js';
import { registerFunctions } from '../src/storage/sqlite/index.js';
import { PARSER_VERSION } from '../src/parser/version.js';
import { parsePage, type ParsedPage } from '../src/parser/index.js';
import { pageShapes } from '../src/parser/learned.js';
import { loadLearned } from '../src/ingest/learned.js';
import { ingestPage, sha256Hex } from '../src/ingest/ingest.js';
import { createSqliteRepository } from '../src/storage/sqlite/index.js';
import type { PageWithStory } from '../src/storage/repository.js';
import { loadFixturePages } from './lib/pages.js';
import { median } from './lib/stats.js';

const pages = loadFixturePages();
const texts = pages.map((p) => p.text);

async function parserAB(): Promise<void> {
  const base = process.env.PARSER_BASE;
  const old = base
    ? ((await import(join(base, 'src/parser/index.ts'))) as { parsePage: typeof parsePage }).parsePage
    : null;
  const repo = createSqliteRepository(':memory:');
  for (const text of texts)
    await ingestPage(repo, { body: text, contentType: 'text/plain', sourceUrl: null });
  const learned = await loadLearned(repo);
  await repo.close();
  const learnedCount = [...learned.shapes.values()].reduce((n, m) => n + m.size, 0);
  const round = (work: (t: string) => unknown): number => {
    const start = process.hrtime.bigint();
    for (const t of texts) work(t);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const sides: Record<string, (t: string) => unknown> = {
    ...(old ? { base: (t: string) => old(t) } : {}),
    'this, no snapshot': (t) => parsePage(t),
    [`this, snapshot of ${learnedCount} shapes`]: (t) => parsePage(t, { learned }),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  const order = Object.entries(sides);
  for (let r = 0; r < 25; r++)
    // rotated each round, so no side always runs first (JIT and drift hit all alike)
    for (const [name, work] of [...order.slice(r % order.length), ...order.slice(0, r % order.length)]) {
      const ms = round(work);
      if (r >= 5) samples[name]!.push(ms);
    }
  const first = median(samples[Object.keys(sides)[0]!]!);
  console.log(`parser ${PARSER_VERSION}, ${texts.length} pages, median of 20 interleaved rounds:`);
  for (const [name, s] of Object.entries(samples)) {
    const m = median(s);
    console.log(
      `  ${name.padEnd(32)} ${m.toFixed(2)} ms/round  ${((m * 1000) / texts.length).toFixed(1)} µs/page  ×${(m / first).toFixed(3)}`,
    );
  }
}

/** 1,000 distinct stored pages of 300 publications, from the fixture parses. */
function syntheticPages(count: number): { body: string; page: PageWithStory }[] {
  const parsed = texts.map((t) => parsePage(t)).filter((p): p is PageWithStory => p.story !== null);
  const words = ['alpha', 'bravo', 'delta', 'kilo', 'lima', 'oscar', 'romeo', 'tango', 'zulu', 'echo'];
  const tag = (k: number): string =>
    [k % 10, Math.floor(k / 10) % 10, Math.floor(k / 100) % 10].map((d) => words[d]).join(' ');
  return Array.from({ length: count }, (_, k) => {
    const src = parsed[k % parsed.length] as ParsedPage & PageWithStory;
    const page: PageWithStory = {
      ...src,
      story: { ...src.story, paragraphs: src.story.paragraphs.map((p) => `${tag(k)} ${p}`) },
      edition: {
        publication: `Publication ${tag(k % 300)}`,
        date: null,
        label: null,
        platform: src.edition?.platform ?? 'magzter',
      },
    };
    return { body: `${k}\n${texts[k % texts.length]}`, page };
  });
}

async function ingestCost(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'learned-cost-'));
  try {
    const synthetic = syntheticPages(1000);
    const repo = createSqliteRepository(join(dir, 'a.db'));
    const start = process.hrtime.bigint();
    for (const [k, { body, page }] of synthetic.entries()) {
      const now = new Date(Date.UTC(2026, 0, 1, 0, 0, k)).toISOString();
      await repo.ingest({
        document: {
          body,
          contentType: 'text/plain',
          sha256: sha256Hex(body),
          sourceUrl: null,
          receivedAt: now,
        },
        page,
        parserVersion: PARSER_VERSION,
        ingestedAt: now,
      });
    }
    const ingestUs = Number(process.hrtime.bigint() - start) / 1e3 / synthetic.length;
    await repo.close();

    // the learned part alone: the same shapes and statements, one transaction per page
    const db = new Database(join(dir, 'a.db'));
    db.exec('DELETE FROM learned_line_publications; DELETE FROM learned_shapes;');
    registerFunctions(db);
    // the store's own statements (articles.ts), outside any other write
    const learn = articleStore(db).learnShapes;
    const t0 = process.hrtime.bigint();
    // inside one transaction, as in an ingest's: the statements' cost, no commit of their own
    db.transaction(() => {
      for (const { page } of synthetic) learn(page);
    })();
    const learnUs = Number(process.hrtime.bigint() - t0) / 1e3 / synthetic.length;
    const t1 = process.hrtime.bigint();
    for (const { page } of synthetic) pageShapes(page);
    const shapesUs = Number(process.hrtime.bigint() - t1) / 1e3 / synthetic.length;
    const size = (name: string): number =>
      (db.prepare('SELECT sum(pgsize) AS b FROM dbstat WHERE name = ?').get(name) as { b: number | null })
        .b ?? 0;
    const rows = (name: string): number =>
      (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n;
    const articles = size('articles') + size('raw_documents');
    console.log(`ingest, 1,000 pages of 300 publications (file database, one fsync'd commit per ingest):`);
    console.log(`  whole repository.ingest           ${ingestUs.toFixed(0)} µs/page`);
    console.log(
      `  learned counting alone            ${learnUs.toFixed(0)} µs/page (of which pageShapes ${shapesUs.toFixed(1)} µs), inside the ingest's transaction`,
    );
    console.log(
      `  learned_line_publications         ${rows('learned_line_publications')} rows, ${(size('learned_line_publications') / 1024).toFixed(0)} KiB`,
    );
    console.log(
      `  learned_shapes                    ${rows('learned_shapes')} rows, ${((size('learned_shapes') + size('learned_shapes_learned')) / 1024).toFixed(0)} KiB`,
    );
    console.log(`  articles + raw_documents          ${(articles / 1024).toFixed(0)} KiB (for scale)`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await parserAB();
await ingestCost();
