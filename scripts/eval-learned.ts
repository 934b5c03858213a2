/**
 * What corpus-learned boilerplate does to the scores: every labelled page (golden, hold-out,
 * stranger hold-out) is ingested into an in-memory repository, as a server would store them;
 * the learned snapshot is built from it; each set is scored without and with the snapshot.
 * Prints the top learned shapes. Usage: npx tsx scripts/eval-learned.ts
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPage } from '../src/ingest/ingest.js';
import { loadLearned } from '../src/ingest/learned.js';
import { parsePage } from '../src/parser/index.js';
import { LEARNED_MAX_SHAPES } from '../src/parser/settings.js';
import { openRepository } from '../src/storage/open.js';
import { FIXTURE_PAGES_DIR, loadFixtures } from '../test/helpers/fixtures.js';
import { scorePage, summarize } from './lib/metrics.js';

const FIXTURES_DIR = join(FIXTURE_PAGES_DIR, '..');
/** Every labelled set: the golden pages, then each hold-out set in the order they were written. */
const setNames = readdirSync(FIXTURES_DIR)
  .filter((name) => name.startsWith('holdout'))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const sets = [
  { name: 'golden', fixtures: loadFixtures(FIXTURE_PAGES_DIR) },
  ...setNames.map((name) => ({ name, fixtures: loadFixtures(join(FIXTURES_DIR, name)) })),
];

const { repository } = await openRepository({ location: ':memory:' });
for (const { fixtures } of sets)
  for (const f of fixtures)
    await ingestPage(repository, { body: f.raw, contentType: 'text/plain', sourceUrl: f.source.url });
const learned = await loadLearned(repository);
const top = await repository.learnedShapes(2, LEARNED_MAX_SHAPES);
await repository.close();

console.log('top learned shapes (distinct publications, platform, shape):');
for (const s of top.slice(0, 20)) console.log(`  ${s.publications}  ${s.platform ?? '-'}  ${s.shape}`);
console.log('\nset                pages  body F1 (without → with)   leak pages (without → with)  exact');
for (const { name, fixtures } of sets) {
  const score = (withLearned: boolean) =>
    fixtures.map((f) =>
      scorePage(f, parsePage(f.raw, { url: f.source.url, learned: withLearned ? learned : null })),
    );
  const without = score(false);
  const withL = score(true);
  const a = summarize(without);
  const b = summarize(withL);
  const exact = (s: typeof without) => s.filter((p) => p.bodyF1 === 1 && p.leaks.length === 0).length;
  console.log(
    `${name.padEnd(18)} ${String(fixtures.length).padStart(5)}  ${a.bodyF1Mean.toFixed(4)} → ${b.bodyF1Mean.toFixed(4)}` +
      `          ${a.pagesWithLeaks} → ${b.pagesWithLeaks}                      body+no-leak ${exact(without)} → ${exact(withL)}`,
  );
}
