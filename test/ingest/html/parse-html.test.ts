import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_ELEMENTS, measureMarkup } from '../../../src/ingest/html/extract.js';
import { stripTags } from '../../../src/ingest/html/walk.js';
import { parseHtmlPage } from '../../../src/ingest/html/parse-html.js';
import { parseSubmission } from '../../../src/ingest/parse-submission.js';

const BODY = [
  'The council voted on Tuesday to close the old harbour bridge to cars from next spring, ending a debate that has run for more than a decade in the town.',
  'Cyclists and pedestrians will keep using the bridge, which engineers say can no longer carry the weight of modern traffic without repairs costing millions.',
  'Shop owners on the east bank fear the change will keep customers away, while residents near the bridge welcomed the prospect of quieter streets.',
];

/** A plain news page: a link bar, a header, the article and a footer. */
const NAV_PAGE = `<!doctype html><html><head><title>Harbour bridge to close to cars</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2025-02-11T09:30:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour bridge to close to cars","author":{"@type":"Person","name":"Sam Lee"}}</script>
</head><body>
<div class="bar"><a href="/">Home</a> | <a href="/m">Magazines</a> | <a href="/s">Sign in</a></div>
<div class="content"><h1>Harbour bridge to close to cars</h1>
${BODY.map((p) => `<p>${p}</p>`).join('\n')}
</div>
<footer><p>Copyright 2025 The Harbour Gazette. All rights reserved. Privacy | Terms</p></footer>
</body></html>`;

describe('HTML pages', () => {
  it('takes neither a link bar as the publication nor the footer as a paragraph', () => {
    const page = parseSubmission({ body: NAV_PAGE, contentType: 'text/html', sourceUrl: null });
    expect(page.edition?.publication).toBe('The Harbour Gazette');
    expect(page.story?.title).toBe('Harbour bridge to close to cars');
    expect(page.story?.paragraphs).toEqual(BODY);
  });

  it('takes byline and date from JSON-LD and OpenGraph when the page prints none', () => {
    const page = parseHtmlPage(NAV_PAGE);
    expect(page.story?.byline).toBe('Sam Lee');
    expect(page.edition?.date).toBe('2025-02-11');
    expect(page.edition?.label).toBeNull();
  });

  it('prefers what the page prints over its metadata', () => {
    const printed = NAV_PAGE.replace(
      '<h1>Harbour bridge to close to cars</h1>',
      '<h1>Harbour bridge to close to cars</h1><p>Harbour Weekly</p><p>|</p><p>March 2025</p>',
    ).replace('<meta property="og:title"', '<meta property="og:x"');
    const page = parseHtmlPage(printed, { url: 'https://www.magzter.com/x' });
    expect(page.story?.title).toBe('Harbour bridge to close to cars');
    expect(page.edition?.publication).toBe('Harbour Weekly');
    expect(page.edition?.date).toBe('2025-03');
  });

  it('does bounded work on hostile pages: too many or too deep elements skip the DOM stage', () => {
    // The story after the hostile markup is running prose (a story needs evidence: two sentences).
    const story = BODY.map((paragraph) => `<p>${paragraph}</p>`).join('');
    const wide = `<html><body>${'<div><span>x</span></div>'.repeat(MAX_ELEMENTS)}${story}</body></html>`;
    const deep = `<html><body>${'<div>'.repeat(MAX_DEPTH * 50)}${story}</body></html>`;
    expect(measureMarkup(wide).withinBounds).toBe(false);
    // The pre-scan stops at the first bound crossed: it never reads past MAX_ELEMENTS + 1 elements.
    expect(measureMarkup(wide).elements).toBe(MAX_ELEMENTS + 1);
    expect(measureMarkup(deep).depth).toBe(MAX_DEPTH + 1);
    for (const hostile of [wide, deep]) {
      const page = parseHtmlPage(hostile);
      expect(page.warnings.some((warning) => warning.startsWith('HTML article scoring skipped'))).toBe(true);
      expect(page.story?.paragraphs).toContain(BODY[0]);
    }
  });

  it('copes with empty and non-HTML input', () => {
    expect(parseHtmlPage('').story).toBeNull();
    expect(() => parseHtmlPage('<<<>>>&&&')).not.toThrow();
  });
});

describe('stripTags (the fallback beyond the DOM bounds)', () => {
  it('breaks lines at block tags, drops script and comments, keeps text', () => {
    expect(
      stripTags(
        '<div>One <b>bold</b></div><script>var x = "<p>no</p>";</script><!-- <p>no</p> --><p>Two</p>tail',
      ),
    ).toEqual(['One bold', 'Two', 'tail']);
    expect(stripTags('<<<>>> & text < unclosed')).toEqual(['>> & text']);
  });
});
