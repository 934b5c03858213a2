/**
 * Golden pages: each folder under test/fixtures/pages holds a capture (raw.txt), its
 * source (source.json) and the hand-labelled result (expected.json; format in
 * test/fixtures/README.md). Shared by the golden tests and `npm run eval`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedPage } from '../../src/parser/types.js';

export const FIXTURE_PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

export interface ExpectedTeaser {
  title: string;
  summary: string | null;
  publication: string | null;
  date: string | null;
}

export interface Expected {
  title: string | null;
  deck: string | null;
  byline: string | null;
  dateline: string | null;
  publication: string | null;
  edition_date: string | null;
  edition_label: string | null;
  page_locale: string | null;
  body_paragraphs: string[];
  boilerplate_lines: string[];
  layout_lines: string[];
  teasers: ExpectedTeaser[];
  partial_teasers: ExpectedTeaser[];
}

export interface FixtureSource {
  url: string | null;
  platform: string;
  truncated: boolean;
  notes?: string;
}

export interface Fixture {
  id: string;
  raw: string;
  source: FixtureSource;
  expected: Expected;
}

/** Every fixture folder under `dir` (with a raw.txt), in id order. */
export function loadFixtures(dir: string = FIXTURE_PAGES_DIR): Fixture[] {
  return readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'raw.txt')))
    .sort()
    .map((id) => ({
      id,
      raw: readFileSync(join(dir, id, 'raw.txt'), 'utf8'),
      source: JSON.parse(readFileSync(join(dir, id, 'source.json'), 'utf8')) as FixtureSource,
      expected: JSON.parse(readFileSync(join(dir, id, 'expected.json'), 'utf8')) as Expected,
    }));
}

export type ComparableFields = Omit<Expected, 'boilerplate_lines' | 'layout_lines'>;

/** The parser's output in the shape of expected.json (minus the removed-line lists). */
export function toExpectedShape(out: ParsedPage): ComparableFields {
  const card = (t: ParsedPage['teasers'][number]): ExpectedTeaser => ({
    title: t.title,
    summary: t.summary,
    publication: t.publication,
    date: t.date,
  });
  return {
    title: out.story?.title ?? null,
    deck: out.story?.deck ?? null,
    byline: out.story?.byline ?? null,
    dateline: out.story?.dateline ?? null,
    publication: out.edition?.publication ?? null,
    edition_date: out.edition?.date ?? null,
    edition_label: out.edition?.label ?? null,
    page_locale: out.page_locale,
    body_paragraphs: out.story?.paragraphs ?? [],
    teasers: out.teasers.filter((t) => !t.partial).map(card),
    partial_teasers: out.teasers.filter((t) => t.partial).map(card),
  };
}

export function expectedShape(expected: Expected): ComparableFields {
  const { boilerplate_lines: _boilerplate, layout_lines: _layout, ...rest } = expected;
  return rest;
}

/** Whether the labels say the page has no main story. */
export function expectsNoStory(expected: Expected): boolean {
  return expected.title === null && expected.body_paragraphs.length === 0;
}

/** Expected boilerplate and layout lines missing from `removed` (each as often as listed). */
export function missingRemovals(out: ParsedPage, expected: Expected): string[] {
  const available = new Map<string, number>();
  for (const { text } of out.removed) available.set(text, (available.get(text) ?? 0) + 1);
  const missing: string[] = [];
  for (const line of [...expected.boilerplate_lines, ...expected.layout_lines]) {
    const left = available.get(line) ?? 0;
    if (left > 0) available.set(line, left - 1);
    else missing.push(line);
  }
  return missing;
}

/** The text fields a reader would see: story fields and teaser titles and summaries. */
export function outputTexts(out: ParsedPage): string[] {
  const story = out.story;
  const texts = story ? [story.title, story.deck, story.byline, ...story.paragraphs] : [];
  for (const teaser of out.teasers) texts.push(teaser.title, teaser.summary);
  return texts.filter((text): text is string => typeof text === 'string' && text !== '');
}
