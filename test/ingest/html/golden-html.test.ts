/**
 * Golden HTML pages: each folder under test/fixtures/html holds a served page (raw.html), its
 * source (source.json) and the hand-checked result (expected.json, the format of
 * test/fixtures/pages plus `captions`). The page goes through parseSubmission, the function
 * the parse worker runs; chrome must be gone and metadata taken from the markup.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../../src/ingest/parse-submission.js';
import type { ParsedPage } from '../../../src/parser/types.js';

const DIR = join(import.meta.dirname, '../../fixtures/html');

interface ExpectedHtml {
  title: string | null;
  deck: string | null;
  byline: string | null;
  publication: string | null;
  edition_date: string | null;
  edition_label: string | null;
  page_locale: string | null;
  body_paragraphs: string[];
  captions: string[];
  boilerplate_lines: string[];
  teasers: { title: string; summary: string | null; publication: string | null; date: string | null }[];
}

/** Text of the chrome around each article: none of it may reach any output field. */
const CHROME = [
  'Home',
  'Magazines',
  'Sign in',
  'Suchen',
  'Cookies',
  'Beliebt',
  'Newsletter',
  'Alle Rechte vorbehalten',
  'Accueil',
  'Se connecter',
  'Partager',
  'À lire aussi',
  'Tous droits réservés',
  'Passer au contenu',
  'Inicio',
  'Iniciar sesión',
  'PRIMAVERA',
  'Leer más',
  'Términos',
  'PressReader',
  'ZINIO',
  'Magzter',
];

const PAGES = readdirSync(DIR).sort();

function parse(id: string): ParsedPage {
  const html = readFileSync(join(DIR, id, 'raw.html'), 'utf8');
  return parseSubmission({ body: html, contentType: 'text/html', sourceUrl: null });
}

function outputTexts(page: ParsedPage): string[] {
  const story = page.story;
  const texts = story === null ? [] : [story.title, story.deck, story.byline, ...story.paragraphs];
  texts.push(page.edition?.publication ?? null, page.edition?.label ?? null);
  for (const teaser of page.teasers) texts.push(teaser.title, teaser.summary, teaser.publication);
  return texts.filter((text): text is string => text !== null);
}

describe('golden HTML pages', () => {
  it('has Magzter-, PressReader- and Zinio-like pages in several languages, with teaser cards', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(6);
    const platforms = PAGES.map(
      (id) =>
        (JSON.parse(readFileSync(join(DIR, id, 'source.json'), 'utf8')) as { platform: string }).platform,
    );
    expect(new Set(platforms)).toEqual(new Set(['magzter', 'pressreader', 'zinio']));
    expect(new Set(PAGES.map((id) => parse(id).story?.language)).size).toBeGreaterThanOrEqual(5);
    const withTeasers = PAGES.filter(
      (id) =>
        (JSON.parse(readFileSync(join(DIR, id, 'expected.json'), 'utf8')) as ExpectedHtml).teasers.length > 0,
    );
    expect(withTeasers.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(PAGES)('%s', (id) => {
    const expected = JSON.parse(readFileSync(join(DIR, id, 'expected.json'), 'utf8')) as ExpectedHtml;
    const page = parse(id);

    it('matches its labels and teasers, captions apart from the body', () => {
      expect({
        title: page.story?.title ?? null,
        deck: page.story?.deck ?? null,
        byline: page.story?.byline ?? null,
        publication: page.edition?.publication ?? null,
        edition_date: page.edition?.date ?? null,
        edition_label: page.edition?.label ?? null,
        page_locale: page.page_locale,
        body_paragraphs: page.story?.paragraphs ?? [],
        captions: page.story?.captions ?? [],
        teasers: page.teasers.map(({ title, summary, publication, date }) => ({
          title,
          summary,
          publication,
          date,
        })),
      }).toEqual({
        title: expected.title,
        deck: expected.deck,
        byline: expected.byline,
        publication: expected.publication,
        edition_date: expected.edition_date,
        edition_label: expected.edition_label,
        page_locale: expected.page_locale,
        body_paragraphs: expected.body_paragraphs,
        captions: expected.captions,
        teasers: expected.teasers,
      });
      for (const caption of expected.captions) expect(page.story?.paragraphs).not.toContain(caption);
    });

    it('removes the newsstand boilerplate as the text parser does', () => {
      const removed = page.removed.map((line) => line.text);
      for (const line of expected.boilerplate_lines) expect(removed).toContain(line);
    });

    it('leaves no navigation, footer, banner, share or related-link text in any field', () => {
      for (const text of outputTexts(page)) {
        for (const chrome of CHROME) expect(text, `${chrome} in ${text}`).not.toContain(chrome);
      }
    });

    it('is deterministic', () => {
      expect(parse(id)).toEqual(page);
    });
  });
});
