/**
 * `npm run eval`: scores the parser on the golden pages and exits 1 when any figure
 * falls below its threshold; then reports (never gates) the six hold-out sets beside them,
 * with the gap between the golden figures and each hold-out's.
 *
 *   npm run eval                       # gate test/fixtures/pages, report holdout, holdout-stranger, holdout-stranger-2, holdout-stranger-3, holdout-stranger-4, holdout-stranger-5, holdout-stranger-6, holdout-stranger-7, holdout-stranger-8
 *   npm run eval -- --dir <folder>     # gate one folder of labelled pages only (old behaviour)
 *   npm run eval -- --verbose          # also list every page's misses, in every set
 *   npm run eval -- --json out.json    # also write the figures as JSON
 *   npm run eval -- --ablation         # also: the same report with every locale table switched off
 *   npm run eval -- --no-locales       # (used by --ablation) run this report with no locale table
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FIXTURE_PAGES_DIR, loadFixtures, type Fixture } from '../test/helpers/fixtures.js';
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
    dir: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    json: { type: 'string' },
    ablation: { type: 'boolean', default: false },
    'no-locales': { type: 'boolean', default: false },
  },
});

/**
 * Ablation: empty the locale table before the parser compiles its vocabulary, as
 * test/parser/ablation.test.ts does (the parser reads it once, at load), so this must
 * happen before the parser module is imported.
 */
if (values['no-locales']) {
  const { LOCALES } = await import('../src/parser/rules/locales/index.js');
  (LOCALES as unknown[]).splice(0);
}
const { normalizedLines, parsePage } = await import('../src/parser/index.js');

/** The hold-out sets reported beside the golden pages (never gated, never tuned on). */
const HOLDOUT_DIRS = [
  'holdout',
  'holdout-stranger',
  'holdout-stranger-2',
  'holdout-stranger-3',
  'holdout-stranger-4',
  'holdout-stranger-5',
  'holdout-stranger-6',
  'holdout-stranger-7',
  'holdout-stranger-8',
  'holdout-stranger-9',
  'holdout-stranger-10',
  'holdout-stranger-11',
  'holdout-stranger-12',
  'holdout-stranger-13',
].map((name) => join(FIXTURE_PAGES_DIR, '..', name));
const gateDir = values.dir ?? FIXTURE_PAGES_DIR;

const fixtures = loadFixtures(gateDir);
if (fixtures.length === 0) {
  console.error(`no labelled pages under ${gateDir}`);
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
  console.log(
    `masthead parser evaluation: ${summary.pages} labelled pages in ${gateDir}${values['no-locales'] ? ' (ABLATION: every locale table switched off; not gated)' : ''}\n`,
  );
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

interface SetReport {
  name: string;
  summary: Summary;
  exact: number;
  imperfect: { id: string; misses: string[] }[];
}

function report(name: string, pages: readonly Fixture[]): SetReport {
  const pageScores = pages.map((fixture) =>
    scorePage(fixture, parsePage(fixture.raw, { url: fixture.source.url })),
  );
  const imperfectPages = pageScores
    .map((score) => ({ id: score.id, misses: pageMisses(score) }))
    .filter((page) => page.misses.length > 0);
  return {
    name,
    summary: summarize(pageScores),
    exact: pageScores.length - imperfectPages.length,
    imperfect: imperfectPages,
  };
}

/** The golden figures beside each hold-out's, with the gap (hold-out minus golden). */
function printComparison(sets: readonly SetReport[]): void {
  const [golden, ...others] = sets;
  if (!golden) return;
  const lines: [string, (s: SetReport) => number, boolean][] = [
    ['body token F1, mean', (r) => r.summary.bodyF1Mean, false],
    ['body token F1, worst page', (r) => r.summary.bodyF1Min, false],
    ['pages with leaks', (r) => r.summary.pagesWithLeaks, true],
    ['story / no story right', (r) => r.summary.storyPresence, false],
    ...EXACT_FIELDS.map(
      (field) =>
        [`${field} accuracy`, (r: SetReport) => r.summary.fieldAccuracy[field], false] as [
          string,
          (s: SetReport) => number,
          boolean,
        ],
    ),
    ['teaser precision', (r) => r.summary.teaserPrecision, false],
    ['teaser recall', (r) => r.summary.teaserRecall, false],
    ['removed lines accounted', (r) => r.summary.removalsAccounted, false],
    ['pages exact (share)', (r) => r.exact / (r.summary.pages || 1), false],
  ];
  const width = Math.max(...lines.map(([metric]) => metric.length));
  const cell = (x: number, count: boolean) => (count ? String(x) : pct(x)).padStart(9);
  const gap = (x: number, count: boolean) => {
    const text = count ? String(x) : x.toFixed(4);
    return (x > 0 ? `+${text}` : text).padStart(9);
  };
  console.log(
    `\ngolden vs hold-out (reported, never gated; gap = hold-out minus golden)${values['no-locales'] ? ' — ABLATION, no locale tables' : ''}`,
  );
  console.log(
    `${'metric'.padEnd(width)}  ${'golden'.padStart(9)}${others.map((o) => `  ${o.name.padStart(18)}  ${'gap'.padStart(9)}`).join('')}`,
  );
  console.log(
    `${'pages'.padEnd(width)}  ${String(golden.summary.pages).padStart(9)}${others.map((o) => `  ${String(o.summary.pages).padStart(18)}  ${''.padStart(9)}`).join('')}`,
  );
  for (const [metric, value, count] of lines) {
    const g = value(golden);
    console.log(
      `${metric.padEnd(width)}  ${cell(g, count)}${others.map((o) => `  ${cell(value(o), count).padStart(18)}  ${gap(value(o) - g, count)}`).join('')}`,
    );
  }
  console.log(
    `${'pages exact'.padEnd(width)}  ${`${golden.exact}/${golden.summary.pages}`.padStart(9)}${others.map((o) => `  ${`${o.exact}/${o.summary.pages}`.padStart(18)}  ${''.padStart(9)}`).join('')}`,
  );
}

function printMisses(set: SetReport, all: boolean): void {
  if (set.imperfect.length === 0) return;
  console.log(`\n${set.name}: ${set.exact}/${set.summary.pages} pages exact`);
  if (all || set.imperfect.length <= 10) {
    for (const page of set.imperfect) console.log(`  ${page.id}: ${page.misses.join('; ')}`);
  }
}

printTable();
const imperfect = scores
  .map((score) => ({ id: score.id, misses: pageMisses(score) }))
  .filter((page) => page.misses.length > 0);
console.log(`\n${scores.length - imperfect.length}/${scores.length} pages exact`);
if (values.verbose || imperfect.length <= 10) {
  for (const page of imperfect) console.log(`  ${page.id}: ${page.misses.join('; ')}`);
}

/** A plain run (no --dir): the hold-outs beside the golden set. */
const holdouts: SetReport[] =
  values.dir === undefined
    ? HOLDOUT_DIRS.filter((dir) => existsSync(dir)).map((dir) => report(basename(dir), loadFixtures(dir)))
    : [];
if (holdouts.length > 0) {
  const golden: SetReport = {
    name: 'golden',
    summary,
    exact: scores.length - imperfect.length,
    imperfect,
  };
  printComparison([golden, ...holdouts]);
  for (const set of holdouts) printMisses(set, values.verbose);
}

if (values.json) {
  const out: {
    summary: Summary;
    naiveBodyF1: number;
    pages: PageScore[];
    holdouts: SetReport[];
    ablation: boolean;
  } = {
    summary,
    naiveBodyF1: naiveF1,
    pages: scores,
    holdouts,
    ablation: values['no-locales'],
  };
  writeFileSync(values.json, `${JSON.stringify(out, null, 2)}\n`);
}

/** --ablation: the same report again in a child process whose parser loads no locale table. */
if (values.ablation && !values['no-locales']) {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--no-locales'];
  if (values.dir !== undefined) args.push('--dir', values.dir);
  if (values.verbose) args.push('--verbose');
  console.log('\n================ ablation: every locale table switched off ================\n');
  const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (child.status !== 0) console.error(`ablation run failed (exit ${String(child.status)})`);
}

const failed = rows.filter((row) => !row.ok);
if (failed.length > 0 && !values['no-locales']) {
  console.error(`\nbelow threshold: ${failed.map((row) => row.metric).join(', ')}`);
  process.exit(1);
}
