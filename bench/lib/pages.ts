/**
 * The fixture pages (test/fixtures/pages/<name>/raw.txt) and distinct variants of them for
 * the write and read benchmarks: each variant is a different document (a different SHA-256,
 * so ingest stores it instead of returning the earlier article) that parses like its original.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { parsePage, PARSER_VERSION } from '../../src/parser/index.js';
import type { IngestRecord, PageWithStory } from '../../src/storage/repository.js';

export const PAGES_DIR = fileURLToPath(new URL('../../test/fixtures/pages/', import.meta.url));

export interface FixturePage {
  name: string;
  text: string;
  bytes: number;
}

export function loadFixturePages(): FixturePage[] {
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      try {
        const text = readFileSync(`${PAGES_DIR}${name}/raw.txt`, 'utf8');
        return [{ name, text, bytes: Buffer.byteLength(text, 'utf8') }];
      } catch {
        return [];
      }
    });
}

/** The fixtures the parser finds a main story in: the ones ingest stores (others get 422). */
export function storyPages(pages: readonly FixturePage[] = loadFixturePages()): FixturePage[] {
  return pages.filter((page) => parsePage(page.text).story !== null);
}

/**
 * Variant `n` of `page`: the page with one extra closing line carrying `n`, so every variant
 * is a distinct document with the original's story. Deterministic.
 */
export function variantText(page: FixturePage, n: number): string {
  const text = page.text.endsWith('\n') ? page.text : `${page.text}\n`;
  return `${text}Ref. MH-${n.toString(36).padStart(6, '0')}\n`;
}

/** `count` distinct variants cycling through `pages`, numbered from `start`. */
export function variants(pages: readonly FixturePage[], count: number, start = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const page = pages[(start + i) % pages.length];
    if (page) out.push(variantText(page, start + i));
  }
  return out;
}

/** A 1,000-line (or `count`-line) NDJSON body of `{"text": …}` submissions. */
export function ndjsonBody(texts: readonly string[]): string {
  return `${texts.map((text) => JSON.stringify({ text })).join('\n')}\n`;
}

/**
 * Repository ingest records for page texts, parsed in process as an ingest would (pages with no
 * story dropped): for benchmarks that measure storage without HTTP or the parse pool.
 */
export function ingestRecords(texts: readonly string[]): IngestRecord[] {
  const now = new Date().toISOString();
  return texts.flatMap((body) => {
    const page = parseSubmission({ body, contentType: 'text/plain', sourceUrl: null });
    if (page.story === null) return [];
    const sha256 = createHash('sha256').update(body, 'utf8').digest('hex');
    return [
      {
        document: { body, contentType: 'text/plain', sha256, sourceUrl: null, receivedAt: now },
        page: page as PageWithStory,
        parserVersion: PARSER_VERSION,
        ingestedAt: now,
      },
    ];
  });
}
