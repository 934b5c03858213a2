/**
 * Distinct pages for the reliability tests: real golden pages, each with one extra body
 * sentence carrying a unique marker, so every page has its own SHA-256 (ingest is
 * idempotent by it) and its own searchable word. Used by scripts/crash-child.ts and by
 * test/reliability and test/storage/backup.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageSubmission } from '../../src/ingest/ingest.js';
import { FIXTURE_PAGES_DIR, type Expected } from '../../test/helpers/fixtures.js';

/**
 * Golden pages whose parse keeps an inserted body sentence in the story and has an edition
 * with a publication: several publications, locales, edition shapes and teaser counts.
 */
export const MARKED_PAGE_FIXTURES = [
  '000-de-seed',
  '010-en-topgear-xpower',
  '038-tr-mint-wintering-birds',
  '100-it-panorama-caro-affitti',
  '122-id-straitstimes-hdb-cooling-pilot',
  '129-zh-scmp-malls-cut-rents',
] as const;

/** A marker is letters and digits only, so that it is one FTS token. */
const MARKER_SHAPE = /^[a-z0-9]+$/;

export interface MarkedPage {
  marker: string;
  fixtureId: string;
  sentence: string;
  submission: PageSubmission;
}

interface Template {
  id: string;
  before: string;
  after: string;
}

function template(id: string): Template {
  const raw = readFileSync(join(FIXTURE_PAGES_DIR, id, 'raw.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURE_PAGES_DIR, id, 'expected.json'), 'utf8')) as Expected;
  const first = expected.body_paragraphs[0];
  const at = first === undefined ? -1 : raw.indexOf(first);
  if (first === undefined || at < 0) throw new Error(`marked pages: ${id} has no first body paragraph`);
  const end = at + first.length;
  return { id, before: raw.slice(0, end), after: raw.slice(end) };
}

/** Digits spelled as letters (`x12` → `xbc`): what makes the sentence's shape differ per marker. */
const spelled = (marker: string): string =>
  marker.replace(/\d/g, (d) => String.fromCharCode(0x61 + Number(d)));

/**
 * The sentence inserted after the page's first body paragraph. The marker is also spelled in
 * letters: line shapes fold digits (src/parser/learned.ts), and one sentence differing only in
 * its digits on pages of several publications is what the corpus learns as platform text.
 */
export function markerSentence(marker: string): string {
  return `Reliability marker ${marker} (${spelled(marker)}) closes this paragraph.`;
}

/**
 * Returns a page maker: page `n` (any integer) comes from fixture `n mod 6`, with
 * `marker` inserted as its own body paragraph after the first one.
 */
export function markedPages(): (n: number, marker: string) => MarkedPage {
  const templates = MARKED_PAGE_FIXTURES.map(template);
  return (n, marker) => {
    if (!MARKER_SHAPE.test(marker)) throw new Error(`marked pages: bad marker ${marker}`);
    const t = templates[Math.abs(n) % templates.length];
    if (!t) throw new Error('marked pages: no templates');
    const sentence = markerSentence(marker);
    return {
      marker,
      fixtureId: t.id,
      sentence,
      submission: { body: `${t.before}\n${sentence}${t.after}`, contentType: 'text/plain', sourceUrl: null },
    };
  };
}
