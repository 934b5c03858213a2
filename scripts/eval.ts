/**
 * `npm run eval`: scores the parser on the labelled pages and exits 1 when any figure
 * falls below its threshold.
 *
 *   npm run eval                       # test/fixtures/pages
 *   npm run eval -- --dir <folder>     # another folder of labelled pages (e.g. a hold-out set)
 *   npm run eval -- --verbose          # also list every page's misses
 *   npm run eval -- --json out.json    # also write the figures as JSON
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { normalizedLines, parsePage } from '../src/parser/index.js';
import { FIXTURE_PAGES_DIR, loadFixtures, type Fixture } from './lib/fixtures.js';
import {
  bodyTokenF1,
  EXACT_FIELDS,
  scorePage,
  summarize,
  type PageScore,
  type Summary,
} from './lib/metrics.js';

/** The gate. On the fixtures the target is perfection; these leave no room for a regression that matters. */
const THRESHOLDS = {
  bodyF1Mean: 0.99,
  bodyF1Min: 0.9,
  pagesWithLeaks: 0,
  storyPresence: 1,
  fieldAccuracy: 0.95,
  teaserPrecision: 0.95,
  teaserRecall: 0.95,
  removalsAccounted: 0.95,
};

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: FIXTURE_PAGES_DIR },
    verbose: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const fixtures = loadFixtures(values.dir);
if (fixtures.length === 0) {
  console.error(`no labelled pages under ${values.dir}`);
  process.exit(2);
}
/** Median time of a full pass over the pages, after warm-up: a figure to watch, never a gate. */
function timePerPage(rounds = 15): { microseconds: number; kilobytesPerPage: number } {
  const run = () => {
    for (const fixture of fixtures) parsePage(fixture.raw, { url: fixture.source.url });
  };
  for (let i = 0; i < 3; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / fixtures.length);
  }
  samples.sort((a, b) => a - b);
  const bytes = fixtures.reduce((sum, f) => sum + Buffer.byteLength(f.raw), 0);
  return {
    microseconds: samples[Math.floor(rounds / 2)] ?? 0,
    kilobytesPerPage: bytes / fixtures.length / 1024,
  };
}

const scores = fixtures.map((fixture) =>
  scorePage(fixture, parsePage(fixture.raw, { url: fixture.source.url })),
);
const summary = summarize(scores);

/** What a generic extractor does on these pages: every line becomes body. */
function naiveBodyF1(fixture: Fixture): number {
  return bodyTokenF1(normalizedLines(fixture.raw), fixture.expected.body_paragraphs);
}
const storyPages = fixtures.filter((f) => f.expected.body_paragraphs.length > 0);
const naiveF1 = storyPages.reduce((sum, f) => sum + naiveBodyF1(f), 0) / (storyPages.length || 1);

interface Row {
  metric: string;
  value: string;
  threshold: string;
  ok: boolean;
}
const pct = (x: number) => x.toFixed(4);
const rows: Row[] = [
  {
    metric: 'body token F1, mean',
    value: pct(summary.bodyF1Mean),
    threshold: `≥ ${THRESHOLDS.bodyF1Mean}`,
    ok: summary.bodyF1Mean >= THRESHOLDS.bodyF1Mean,
  },
  {
    metric: 'body token F1, worst page',
    value: pct(summary.bodyF1Min),
    threshold: `≥ ${THRESHOLDS.bodyF1Min}`,
    ok: summary.bodyF1Min >= THRESHOLDS.bodyF1Min,
  },
  {
    metric: 'pages with leaks',
    value: String(summary.pagesWithLeaks),
    threshold: `≤ ${THRESHOLDS.pagesWithLeaks}`,
    ok: summary.pagesWithLeaks <= THRESHOLDS.pagesWithLeaks,
  },
  {
    metric: 'story / no story right',
    value: pct(summary.storyPresence),
    threshold: `≥ ${THRESHOLDS.storyPresence}`,
    ok: summary.storyPresence >= THRESHOLDS.storyPresence,
  },
  ...EXACT_FIELDS.map((field) => ({
    metric: `${field} accuracy`,
    value: pct(summary.fieldAccuracy[field]),
    threshold: `≥ ${THRESHOLDS.fieldAccuracy}`,
    ok: summary.fieldAccuracy[field] >= THRESHOLDS.fieldAccuracy,
  })),
  {
    metric: 'teaser precision',
    value: pct(summary.teaserPrecision),
    threshold: `≥ ${THRESHOLDS.teaserPrecision}`,
    ok: summary.teaserPrecision >= THRESHOLDS.teaserPrecision,
  },
  {
    metric: 'teaser recall',
    value: pct(summary.teaserRecall),
    threshold: `≥ ${THRESHOLDS.teaserRecall}`,
    ok: summary.teaserRecall >= THRESHOLDS.teaserRecall,
  },
  {
    metric: 'removed lines accounted',
    value: pct(summary.removalsAccounted),
    threshold: `≥ ${THRESHOLDS.removalsAccounted}`,
    ok: summary.removalsAccounted >= THRESHOLDS.removalsAccounted,
  },
];

function printTable(): void {
  const width = Math.max(...rows.map((row) => row.metric.length));
  console.log(`masthead parser evaluation: ${summary.pages} labelled pages in ${values.dir}\n`);
  console.log(`${'metric'.padEnd(width)}  ${'value'.padStart(8)}  threshold  `);
  for (const row of rows) {
    console.log(
      `${row.metric.padEnd(width)}  ${row.value.padStart(8)}  ${row.threshold.padEnd(9)}  ${row.ok ? 'ok' : 'BELOW'}`,
    );
  }
  const timing = timePerPage();
  console.log(
    `\nparse time: median ${timing.microseconds.toFixed(0)} µs per page (mean page ${timing.kilobytesPerPage.toFixed(1)} KiB, single thread)`,
  );
  console.log(
    `baseline, every line as body (what generic extractors keep): body token F1 ${pct(naiveF1)} over ${storyPages.length} story pages`,
  );
}

function pageMisses(score: PageScore): string[] {
  const misses: string[] = [];
  if (score.bodyF1 < 1) misses.push(`body F1 ${pct(score.bodyF1)}`);
  if (!score.storyPresenceRight) misses.push('story presence');
  for (const field of EXACT_FIELDS) if (!score.fields[field]) misses.push(field);
  if (score.teasers.matched < Math.max(score.teasers.found, score.teasers.wanted)) {
    misses.push(
      `teasers ${score.teasers.matched}/${score.teasers.wanted} matched, ${score.teasers.found} found`,
    );
  }
  if (score.leaks.length > 0)
    misses.push(`leaks: ${score.leaks.map((text) => JSON.stringify(text.slice(0, 60))).join(', ')}`);
  if (score.missingRemovals.length > 0)
    misses.push(`${score.missingRemovals.length} expected removals missing`);
  return misses;
}

printTable();
const imperfect = scores
  .map((score) => ({ id: score.id, misses: pageMisses(score) }))
  .filter((page) => page.misses.length > 0);
console.log(`\n${scores.length - imperfect.length}/${scores.length} pages exact`);
if (values.verbose || imperfect.length <= 10) {
  for (const page of imperfect) console.log(`  ${page.id}: ${page.misses.join('; ')}`);
}
if (values.json) {
  const report: { summary: Summary; naiveBodyF1: number; pages: PageScore[] } = {
    summary,
    naiveBodyF1: naiveF1,
    pages: scores,
  };
  writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
}
const failed = rows.filter((row) => !row.ok);
if (failed.length > 0) {
  console.error(`\nbelow threshold: ${failed.map((row) => row.metric).join(', ')}`);
  process.exit(1);
}
