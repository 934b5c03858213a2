/**
 * The HTML stage's walk from markup to lines, pinned on each of its paths: the article
 * Readability keeps, a page Readability finds nothing in, and a page beyond the DOM bounds.
 */
import { describe, expect, it } from 'vitest';
import { extractHtml, MAX_ELEMENTS } from '../../../src/ingest/html/extract.js';

const PROSE =
  'The council voted on Tuesday to close the old harbour bridge to cars from next spring, ending a debate that has run for more than a decade in the town.';

const ARTICLE = `<!doctype html><html><head><title>Bridge</title></head><body><article>
<h1>Harbour bridge to close</h1>
<p>${PROSE}</p>
<p>Caf&eacute; owners <b>fear</b>
 the change,<br>residents welcome it. ${PROSE}</p>
<figure><img src="a.jpg"><figcaption>The bridge at dusk. Photo: Sam Lee</figcaption></figure>
<div class="image-credit">Photo: Harbour Archive</div>
<h2>What comes next</h2>
<blockquote class="pullquote"><p>Quieter streets at last.</p></blockquote>
<blockquote><p>A quotation the story prints.</p></blockquote>
<p>${PROSE}</p>
<table><tr><th>Year</th><td>2025</td></tr><tr><td>Cost</td><td>4 million</td></tr></table>
<ul><li><a href="/a">Read more about bridges in the region</a></li><li><a href="/b">Another story on the harbour</a></li></ul>
<p>Updated Nov 19, 9:41 AM</p><p>© 2025 Harbour Gazette</p><p>https://example.com/x</p><p>12</p>
</article></body></html>`;

describe('extractHtml', () => {
  it('turns the article Readability keeps into lines: blocks, subheads, rows; captions apart; pull quotes and link lists out', () => {
    const extracted = extractHtml(ARTICLE);
    expect(extracted.title).toBe('Harbour bridge to close');
    expect(extracted.lines).toEqual([
      'Harbour bridge to close',
      PROSE,
      'Café owners fear the change,',
      `residents welcome it. ${PROSE}`,
      // Readability rewrites a text-only div as a paragraph without its class.
      'Photo: Harbour Archive',
      'What comes next',
      'A quotation the story prints.',
      PROSE,
      'Year 2025',
      'Cost 4 million',
    ]);
    expect(extracted.captions).toEqual(['The bridge at dusk. Photo: Sam Lee']);
    expect(extracted.warnings).toEqual([]);
  });

  it('gives no lines for a page that is only chrome (Readability finds no article)', () => {
    const extracted = extractHtml(
      '<html><body><nav><a href="/">Home</a></nav><footer><p>© 2025</p></footer></body></html>',
    );
    expect(extracted.lines).toEqual([]);
    expect(extracted.warnings).toEqual([]);
  });

  it('reads a page beyond the DOM bounds as plain lines (entities left to the line parser), with a warning', () => {
    const wide = `<html><body>${'<div><span>x</span></div>'.repeat(MAX_ELEMENTS)}<p>${PROSE}</p><script>var a = "<p>no</p>";</script><p>tail &amp; end</p></body></html>`;
    const extracted = extractHtml(wide);
    expect(extracted.lines.filter((line) => line !== 'x')).toEqual([PROSE, 'tail &amp; end']);
    expect(extracted.lines.filter((line) => line === 'x')).toHaveLength(MAX_ELEMENTS);
    expect(extracted.warnings).toHaveLength(1);
  });
  it('reads each card list once: kept inside the article by Readability, or on a page with no article', () => {
    const card = (k: number): string =>
      `<div><h3><a href="/s/${k}">Ferry timetable changes number ${k}</a></h3><div>Fewer crossings after October.</div></div>`;
    const cards = `<div>${[1, 2, 3].map(card).join('')}</div>`;
    const titles = [1, 2, 3].map((k) => `Ferry timetable changes number ${k}`);
    const inArticle = ARTICLE.replace('</article>', `${cards}</article>`);
    const issuePage = `<!doctype html><html><body><main><h1>Harbour Weekly</h1><p>May 2025</p>${cards}</main></body></html>`;
    for (const html of [inArticle, issuePage]) {
      expect(extractHtml(html).teaserCards.map((teaser) => teaser.title)).toEqual(titles);
    }
  });
});

describe('copyright lines in an article', () => {
  it('drop the footer (`© 2025 Site`, `Copyright 2025 Site`) and keep story text that begins like one', () => {
    const lettered = '(c) a ban of one year for repeat offenders.';
    const sentence =
      'Copyright holders welcomed the ruling on Tuesday, saying the court had finally heard them.';
    const extracted = extractHtml(
      `<!doctype html><html><head><title>Ruling</title></head><body><article><h1>Court rules</h1><p>${PROSE}</p><p>${lettered}</p><p>${sentence}</p><p>${PROSE}</p><p>© 2025 Harbour Gazette</p><p>Copyright 2025 Harbour Gazette. All rights reserved.</p></article></body></html>`,
    );
    expect(extracted.lines).toEqual(['Court rules', PROSE, lettered, sentence, PROSE]);
  });
});
