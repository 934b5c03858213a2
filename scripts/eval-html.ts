/**
 * `npm run eval:html`: masthead's HTML path (parseHtmlPage, the function the parse worker
 * runs) over the development half of the Article Extraction Benchmark in
 * `../shared/html-benchmark` (beside the repository), scored with the benchmark's own
 * metric: `\w+` tokens, 4-word shingles, TP/FP/FN normalised per page, precision and recall
 * averaged over pages, F1 their harmonic mean (a port of its evaluate.py).
 *
 *   npm run eval:html                         # figures and the peers' on the same pages
 *   npm run eval:html -- --out <file.json>    # also write { key: { articleBody } } for evaluate.py
 *   npm run eval:html -- --verbose            # the worst pages with what was missed and added
 *   npm run eval:html -- --min-f1 0.95        # exit 1 below this F1
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parseHtmlPage } from '../src/ingest/html/parse-html.js';
import type { ParsedPage } from '../src/parser/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARK_DIR = resolve(ROOT, '../shared/html-benchmark');

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: BENCHMARK_DIR },
    out: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'min-f1': { type: 'string' },
  },
});

const dir = values.dir;
if (!existsSync(join(dir, 'ground-truth.json')) || !existsSync(join(dir, 'html'))) {
  console.error(
    `eval:html: the benchmark is not at ${dir} (expected ground-truth.json and html/*.html.gz);\n` +
      'put the shared folder beside the repository (../shared/html-benchmark) or pass --dir.',
  );
  process.exit(2);
}

interface Truth {
  articleBody?: string;
  url?: string;
}
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;

// Python's `\w` with re.UNICODE: letters, digits (every numeric category) and the underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - SHINGLE + 1); i += 1) {
    const shingle = tokens.slice(i, i + SHINGLE);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** evaluate.py's string_shingle_matching: counts normalised so that long pages weigh as short ones. */
export function shingleMatch(expected: string, predicted: string): Counts {
  const want = shingles(expected);
  const got = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...want.keys(), ...got.keys()])) {
    const w = want.get(key) ?? 0;
    const g = got.get(key) ?? 0;
    tp += Math.min(w, g);
    fp += Math.max(0, g - w);
    fn += Math.max(0, w - g);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precision({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
}
function recall({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function summarize(counts: Counts[]): { f1: number; precision: number; recall: number } {
  const p = mean(counts.filter((c) => c.tp + c.fp > 0).map(precision));
  const r = mean(counts.filter((c) => c.tp + c.fn > 0).map(recall));
  return { f1: (2 * p * r) / (p + r), precision: p, recall: r };
}

/**
 * The benchmark's article body: deck and paragraphs, one per line. Its body has no title but
 * does open with the standfirst, which masthead reads as the deck.
 */
function articleBody(page: ParsedPage): string {
  const story = page.story;
  if (story === null) return '';
  return (story.deck === null ? story.paragraphs : [story.deck, ...story.paragraphs]).join('\n');
}

const keys = Object.keys(truth);
const output: Record<string, { articleBody: string }> = {};
const scores: { key: string; counts: Counts; micros: number; bytes: number }[] = [];
for (const key of keys) {
  const html = gunzipSync(readFileSync(join(dir, 'html', `${key}.html.gz`))).toString('utf8');
  const start = process.hrtime.bigint();
  const page = parseHtmlPage(html, { url: truth[key]?.url ?? null });
  const micros = Number(process.hrtime.bigint() - start) / 1000;
  const body = articleBody(page);
  output[key] = { articleBody: body };
  scores.push({
    key,
    counts: shingleMatch(truth[key]?.articleBody ?? '', body),
    micros,
    bytes: Buffer.byteLength(html),
  });
}

const ours = summarize(scores.map((s) => s.counts));
const fmt = (x: number): string => x.toFixed(3);
console.log(`masthead HTML path on ${keys.length} pages of ${dir}`);
console.log(`${'extractor'.padEnd(22)} F1     precision recall`);
console.log(`${'masthead'.padEnd(22)} ${fmt(ours.f1)}  ${fmt(ours.precision)}     ${fmt(ours.recall)}`);
const peersDir = join(dir, 'output');
if (existsSync(peersDir)) {
  for (const file of readdirSync(peersDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const raw = JSON.parse(readFileSync(join(peersDir, file), 'utf8')) as
      | Record<string, { articleBody?: string }>
      | { version: string; output: Record<string, { articleBody?: string }> };
    const peer = ('output' in raw && 'version' in raw ? raw.output : raw) as Record<
      string,
      { articleBody?: string } | undefined
    >;
    if (!keys.every((key) => key in peer)) continue;
    const s = summarize(
      keys.map((key) => shingleMatch(truth[key]?.articleBody ?? '', peer[key]?.articleBody ?? '')),
    );
    console.log(
      `${file.replace(/\.json$/, '').padEnd(22)} ${fmt(s.f1)}  ${fmt(s.precision)}     ${fmt(s.recall)}`,
    );
  }
}
const sortedMicros = scores.map((s) => s.micros).sort((a, b) => a - b);
const medianKiB = scores.map((s) => s.bytes / 1024).sort((a, b) => a - b)[scores.length >> 1] ?? 0;
console.log(
  `parse time, single cold pass: median ${Math.round(sortedMicros[sortedMicros.length >> 1] ?? 0)} µs per page ` +
    `(median page ${medianKiB.toFixed(0)} KiB), max ${Math.round(sortedMicros.at(-1) ?? 0)} µs`,
);

if (values.verbose) {
  const worst = [...scores].sort((a, b) => summarize([a.counts]).f1 - summarize([b.counts]).f1).slice(0, 15);
  for (const s of worst) {
    const one = summarize([s.counts]);
    console.log(
      `\n${s.key.slice(0, 12)} F1 ${fmt(one.f1)} P ${fmt(one.precision)} R ${fmt(one.recall)} ${truth[s.key]?.url ?? ''}`,
    );
    const want = new Set((truth[s.key]?.articleBody ?? '').split('\n').map((l) => l.trim()));
    for (const line of output[s.key]?.articleBody.split('\n') ?? []) {
      if (!want.has(line.trim())) console.log(`  + ${line.slice(0, 140)}`);
    }
    const got = new Set(output[s.key]?.articleBody.split('\n') ?? []);
    for (const line of want) if (line !== '' && !got.has(line)) console.log(`  - ${line.slice(0, 140)}`);
  }
}
if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(output)}\n`);
const min = values['min-f1'] === undefined ? undefined : Number(values['min-f1']);
if (min !== undefined && ours.f1 < min) {
  console.error(`F1 ${fmt(ours.f1)} below ${min}`);
  process.exit(1);
}
