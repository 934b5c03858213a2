/**
 * `npm run bench:worst`: parse time of hostile inputs at 64 KiB, 256 KiB and 1 MiB.
 *
 * For each case and size: a warm-up, then the median of 5 timed runs of parsePage(), single
 * thread. Prints a table with the ratio 1 MiB / 64 KiB (16 for linear growth), writes
 * bench/results/parse-worst-case.json, and exits 1 when a 1 MiB case takes over 200 ms or
 * grows clearly faster than linear (ratio over 32).
 *
 *   npm run bench:worst
 *   npm run bench:worst -- --runs 9 --json /tmp/out.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PARSER_VERSION, parsePage } from '../src/parser/index.js';
import { KiB, MiB, SIZES, WORST_CASES } from './lib/worst-case-inputs.js';
import { median } from './lib/stats.js';

/** The gate: a 1 MiB page parses within this budget… */
const MAX_MS_AT_1_MIB = 200;
/** …and 16× the input costs at most this many times the time (16 is linear; 32 leaves room for noise). */
const MAX_GROWTH_RATIO = 32;
const WARM_UP_RUNS = 2;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    json: {
      type: 'string',
      default: fileURLToPath(new URL('results/parse-worst-case.json', import.meta.url)),
    },
  },
});
const runs = Math.max(1, Number.parseInt(values.runs, 10) || 5);

/** Median wall time of parsePage on `text`, in milliseconds. */
function timeParse(text: string): { ms: number; samples: number[] } {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) parsePage(text);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    parsePage(text);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(samples), samples };
}

const label = (bytes: number) => (bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`);
const largest = SIZES[SIZES.length - 1] ?? MiB;
const smallest = SIZES[0] ?? 64 * KiB;

interface CaseResult {
  name: string;
  about: string;
  sizes: { bytes: number; characters: number; lines: number; ms: number; samples: number[] }[];
  ratio: number;
  ok: boolean;
}

const loadBefore = loadavg()[0] ?? 0;
const results: CaseResult[] = [];
for (const worstCase of WORST_CASES) {
  const sizes = SIZES.map((bytes) => {
    const text = worstCase.build(bytes);
    const { ms, samples } = timeParse(text);
    return { bytes, characters: text.length, lines: text.split('\n').length, ms, samples };
  });
  const atLargest = sizes.find((s) => s.bytes === largest)?.ms ?? 0;
  const atSmallest = sizes.find((s) => s.bytes === smallest)?.ms ?? 0;
  const ratio = atSmallest > 0 ? atLargest / atSmallest : 0;
  results.push({
    name: worstCase.name,
    about: worstCase.about,
    sizes,
    ratio,
    ok: atLargest <= MAX_MS_AT_1_MIB && ratio <= MAX_GROWTH_RATIO,
  });
}

const header = ['case', ...SIZES.map((s) => `${label(s)} ms`), `${label(largest)} / ${label(smallest)}`, ''];
const rows = results.map((r) => [
  r.name,
  ...r.sizes.map((s) => s.ms.toFixed(1)),
  r.ratio.toFixed(1),
  r.ok ? 'ok' : 'FAIL',
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(
  `parsePage worst cases: median of ${runs} runs after ${WARM_UP_RUNS} warm-up, single thread (node ${process.version}, parser ${PARSER_VERSION})\n`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(
  `\nload average (1 min): ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`,
);
console.log(
  `\ngate: ${label(largest)} ≤ ${MAX_MS_AT_1_MIB} ms and ${label(largest)} / ${label(smallest)} ≤ ${MAX_GROWTH_RATIO} (linear: ${largest / smallest})`,
);

mkdirSync(dirname(values.json), { recursive: true });
writeFileSync(
  values.json,
  `${JSON.stringify(
    {
      command: 'npm run bench:worst',
      node: process.version,
      parser: PARSER_VERSION,
      runs,
      warmUpRuns: WARM_UP_RUNS,
      loadAverage: { before: Number(loadBefore.toFixed(2)), after: Number((loadavg()[0] ?? 0).toFixed(2)) },
      gate: { maxMsAtLargest: MAX_MS_AT_1_MIB, maxGrowthRatio: MAX_GROWTH_RATIO },
      cases: results.map((r) => ({
        ...r,
        ratio: Number(r.ratio.toFixed(2)),
        sizes: r.sizes.map((s) => ({
          ...s,
          ms: Number(s.ms.toFixed(2)),
          minMs: Number(Math.min(...s.samples).toFixed(2)),
          samples: s.samples.map((x) => Number(x.toFixed(2))),
        })),
      })),
    },
    null,
    2,
  )}\n`,
);
console.log(`written: ${values.json}`);

const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  console.error(`over budget or super-linear: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
