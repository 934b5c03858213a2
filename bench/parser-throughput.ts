/**
 * Parser throughput over every fixture page (test/fixtures/pages/*\/raw.txt), single thread:
 * masthead's parsePage() against Mozilla Readability on linkedom over the same pages (each line
 * wrapped as a `<p>` in a minimal HTML document), in the same process and run. One round is one
 * pass over all pages; the figure is the median round after warm-up. A CPU profile of the
 * parser says where its time goes.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PARSER_VERSION, parsePage } from '../src/parser/index.js';
import { loadFixturePages } from './lib/pages.js';
import { profile } from './lib/profile.js';
import { fmt, log, ratio, writeResult, type BenchOptions, type Row } from './lib/report.js';
import { median } from './lib/stats.js';

const TARGET_RATIO = 30;
const TARGET_MB_PER_S = 20;

const escapeHtml = (line: string) =>
  line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The page as Readability sees it: one `<p>` per line in a minimal document. */
export function pageAsHtml(text: string): string {
  const body = text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body>${body}</body></html>`;
}

function readability(html: string): unknown {
  // linkedom's window type does not resolve under the lint's project service: name what is used.
  const window = parseHTML(html) as unknown as { document: ConstructorParameters<typeof Readability>[0] };
  return new Readability(window.document).parse();
}

/** Wall time of one pass of `work` over `inputs`, in ms. */
function round<T>(inputs: readonly T[], work: (input: T) => unknown): number {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (const input of inputs) if (work(input)) sink += 1;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (sink < 0) console.log(sink);
  return ms;
}

export async function parserThroughput(options: BenchOptions): Promise<Row[]> {
  const pages = loadFixturePages();
  const texts = pages.map((p) => p.text);
  const htmls = texts.map(pageAsHtml);
  const bytes = pages.reduce((sum, p) => sum + p.bytes, 0);
  const rounds = options.quick ? 5 : 15;
  const warmUp = 5;
  log(`parser throughput: ${pages.length} pages, ${bytes} bytes, ${warmUp} warm-up + ${rounds} rounds each`);

  for (let i = 0; i < warmUp; i += 1) {
    round(texts, (t) => parsePage(t));
    round(htmls, readability);
  }
  // Interleaved, so that drift on the shared machine hits both sides alike.
  const parserMs: number[] = [];
  const readabilityMs: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    parserMs.push(round(texts, (t) => parsePage(t)));
    readabilityMs.push(round(htmls, readability));
  }
  const parserRound = median(parserMs);
  const readabilityRound = median(readabilityMs);
  const parserPagesPerS = (pages.length / parserRound) * 1000;
  const readabilityPagesPerS = (pages.length / readabilityRound) * 1000;
  const parserMBPerS = bytes / 1e6 / (parserRound / 1000);
  const readabilityMBPerS = bytes / 1e6 / (readabilityRound / 1000);

  const profiled = await profile(() => {
    for (let i = 0; i < (options.quick ? 10 : 30); i += 1) round(texts, (t) => parsePage(t));
  });

  writeResult('parser-throughput', {
    command: `npm run bench${options.quick ? ' -- --quick' : ''}`,
    parserVersion: PARSER_VERSION,
    pages: pages.length,
    bytes,
    rounds,
    warmUp,
    parser: {
      msPerRound: parserMs,
      medianMs: parserRound,
      pagesPerS: parserPagesPerS,
      MBPerS: parserMBPerS,
      msPerPage: parserRound / pages.length,
    },
    readability: {
      msPerRound: readabilityMs,
      medianMs: readabilityRound,
      pagesPerS: readabilityPagesPerS,
      MBPerS: readabilityMBPerS,
      msPerPage: readabilityRound / pages.length,
      htmlBytes: htmls.reduce((sum, h) => sum + Buffer.byteLength(h), 0),
    },
    ratio: parserPagesPerS / readabilityPagesPerS,
    targets: { ratio: TARGET_RATIO, MBPerS: TARGET_MB_PER_S },
    profile: profiled,
  });

  const speedup = parserPagesPerS / readabilityPagesPerS;
  return [
    {
      metric: 'parser pages/s (1 thread)',
      value: fmt(parserPagesPerS),
      baseline: `${fmt(readabilityPagesPerS)} (Readability)`,
      ratio: ratio(parserPagesPerS, readabilityPagesPerS),
      target: `≥ ${TARGET_RATIO}×`,
      met: speedup >= TARGET_RATIO,
    },
    {
      metric: 'parser MB/s (1 thread)',
      value: fmt(parserMBPerS),
      baseline: `${fmt(readabilityMBPerS)} (Readability)`,
      ratio: ratio(parserMBPerS, readabilityMBPerS),
      target: `≥ ${TARGET_MB_PER_S} MB/s`,
      met: parserMBPerS >= TARGET_MB_PER_S,
    },
  ];
}
