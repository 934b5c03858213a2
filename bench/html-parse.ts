/**
 * `npm run bench:html`: time of the HTML path (parseHtmlPage, what the parse worker runs for
 * text/html) per page size, single thread, after warm-up.
 *
 * - the benchmark pages in ../shared/html-benchmark (when present): median µs per page;
 * - a real benchmark article padded with more article paragraphs to 64 KiB and 1 MiB;
 * - an article followed by teaser cards up to 64 KiB and 1 MiB (the card-list search);
 * - hostile shapes at 64 KiB and 1 MiB: wide (many sibling elements) and deep nesting, which
 *   the pre-scan bounds send to the plain line walk;
 * - within those bounds, a chain of links 190 deep over 5,500 elements, and the same elements
 *   side by side: the card search reads each block at most once as a card.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { parseHtmlPage } from '../src/ingest/html/parse-html.js';
import { findCardLists } from '../src/ingest/html/teasers.js';
import type { Element } from '../src/ingest/html/walk.js';
import { median } from './lib/stats.js';

const KiB = 1024;
const ROUNDS = 5;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARK = resolve(ROOT, '../shared/html-benchmark/html');

function timeMicros(html: string, rounds = ROUNDS): number {
  parseHtmlPage(html);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = process.hrtime.bigint();
    parseHtmlPage(html);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return median(samples);
}

function padTo(prefix: string, unit: string, suffix: string, bytes: number): string {
  return (
    prefix +
    unit.repeat(Math.max(1, Math.ceil((bytes - prefix.length - suffix.length) / unit.length))) +
    suffix
  );
}

const PARAGRAPH =
  '<p>The council voted on Tuesday to close the old harbour bridge to cars from next spring, ending a debate that has run for more than a decade.</p>\n';
const CARD =
  '<div class="c"><h3><a href="/s/1">Ferry timetable changes for the winter</a></h3><div>Fewer crossings after October.</div></div>';
const rows: [string, number, number][] = [];

if (existsSync(BENCHMARK)) {
  const pages = readdirSync(BENCHMARK).map((file) =>
    gunzipSync(readFileSync(join(BENCHMARK, file))).toString('utf8'),
  );
  for (const page of pages.slice(0, 5)) parseHtmlPage(page);
  const perPage = pages.map((page) => timeMicros(page, 3));
  const sizes = pages.map((page) => page.length).sort((a, b) => a - b);
  rows.push([`benchmark, ${pages.length} pages (median page)`, median(sizes), median(perPage)]);
  rows.push(['benchmark, slowest page', Math.max(...sizes), Math.max(...perPage)]);
} else {
  console.log(`(no benchmark pages at ${BENCHMARK}: skipped)`);
}
for (const size of [64 * KiB, 1024 * KiB]) {
  const article = padTo(
    '<html><body><nav><a href="/">Home</a></nav><article><h1>Bridge</h1>',
    PARAGRAPH,
    '</article></body></html>',
    size,
  );
  rows.push([`article, ${size / KiB} KiB`, article.length, timeMicros(article)]);
  const cards = padTo(
    `<html><body><article><h1>Bridge</h1>${PARAGRAPH.repeat(3)}</article><div>`,
    CARD,
    '</div></body></html>',
    size,
  );
  rows.push([`article + teaser cards, ${size / KiB} KiB`, cards.length, timeMicros(cards)]);
  const wide = padTo('<html><body>', '<div><span>x</span></div>', '</body></html>', size);
  rows.push([`hostile wide, ${size / KiB} KiB`, wide.length, timeMicros(wide)]);
  const deep = padTo('<html><body>', '<div>', `${PARAGRAPH}</body></html>`, size);
  rows.push([`hostile deep, ${size / KiB} KiB`, deep.length, timeMicros(deep)]);
}
// Within the DOM bounds: a chain of short links each beside the next level, over many empty
// elements, against the same links and elements side by side (the card search's deep case).
const FILLER = `<div>${'<span></span>'.repeat(5_500)}</div>`;
let chain = FILLER;
let flat = FILLER;
for (let level = 0; level < 190; level += 1) {
  chain = `<div><a href="/s/${level}">ab</a>${chain}</div>`;
  flat = `<div><a href="/s/${level}">ab</a></div>${flat}`;
}
const chainPage = `<html><body>${chain}</body></html>`;
const flatPage = `<html><body>${flat}</body></html>`;
rows.push(['card chain 190 deep, 5,500 elements', chainPage.length, timeMicros(chainPage)]);
rows.push(['same elements side by side', flatPage.length, timeMicros(flatPage)]);
/** The card search alone (Readability dominates the whole parse of these shapes). */
function cardSearchMicros(html: string): number {
  const samples: number[] = [];
  for (let i = 0; i <= ROUNDS; i += 1) {
    const body = (parseHTML(html) as unknown as { document: { body: Element } }).document.body;
    const start = process.hrtime.bigint();
    findCardLists(body, null);
    if (i > 0) samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return median(samples);
}
rows.push(['  card search alone, chain', chainPage.length, cardSearchMicros(chainPage)]);
rows.push(['  card search alone, side by side', flatPage.length, cardSearchMicros(flatPage)]);
console.log(`${'input'.padEnd(40)} ${'chars'.padStart(9)} ${'median µs'.padStart(10)}`);
for (const [name, chars, micros] of rows) {
  console.log(`${name.padEnd(40)} ${String(chars).padStart(9)} ${String(Math.round(micros)).padStart(10)}`);
}
