/**
 * Teaser cards found by structure: a list of sibling blocks, each dominated by one link whose
 * text is a title printed as its own line. Class words and a "More stories from" heading only
 * lower the number of cards needed.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { parseHtmlPage } from '../../../src/ingest/html/parse-html.js';
import { cardSearchWork, findCardLists } from '../../../src/ingest/html/teasers.js';
import type { Element } from '../../../src/ingest/html/walk.js';

const PROSE = [
  'The council voted on Tuesday to close the old harbour bridge to cars from next spring, ending a debate that has run for more than a decade in the town.',
  'Cyclists and pedestrians will keep using the bridge, which engineers say can no longer carry the weight of modern traffic without repairs costing millions.',
  'Shop owners on the east bank fear the change will keep customers away, while residents near the bridge welcomed the prospect of quieter streets.',
];

function page(after: string, inArticle = ''): string {
  return `<!doctype html><html><body><main><article><h1>Harbour bridge to close to cars</h1>
${PROSE.map((p) => `<p>${p}</p>`).join('\n')}${inArticle}</article>${after}</main></body></html>`;
}

const card = (href: string, title: string, ...rest: string[]): string =>
  `<div class="x"><h3><a href="${href}">${title}</a></h3>${rest.map((line) => `<div>${line}</div>`).join('')}</div>`;

const THREE_TEASERS = [
  {
    title: 'Ferry timetable changes for the winter',
    summary: 'Fewer crossings after October.',
    publication: 'Harbour Weekly',
    date: 'May 3, 2025',
    partial: false,
  },
  {
    title: 'New lights for the promenade',
    summary: 'The council picks a warmer white.',
    publication: 'Harbour Weekly',
    date: 'May 3, 2025',
    partial: false,
  },
  {
    title: 'A bakery opens on Quay Street',
    summary: 'Sourdough, at last.',
    publication: 'Harbour Weekly',
    date: 'May 2, 2025',
    partial: false,
  },
];

/** Cards whose summary is short (longer than the title), has no full stop and is printed once: a summary, not a publication. */
const SHORT_SUMMARY_CARDS = `<div class="grid">${card('/s/4', 'Tide tables for the summer season', 'Harbour Weekly', 'High water times for every beach on the coast, week by week')}${card('/s/5', 'The lifeboat crew trains at night', 'Harbour Weekly', 'Volunteers on a cold January run out to the sandbanks and back')}${card('/s/6', 'Fishing quotas cut again this year', 'Harbour Weekly', 'Skippers count the cost of the 2025 rules in every port')}</div>`;
const SHORT_SUMMARY_TEASERS = [
  ['Tide tables for the summer season', 'High water times for every beach on the coast, week by week'],
  ['The lifeboat crew trains at night', 'Volunteers on a cold January run out to the sandbanks and back'],
  ['Fishing quotas cut again this year', 'Skippers count the cost of the 2025 rules in every port'],
].map(([title, summary]) => ({ title, summary, publication: 'Harbour Weekly', date: null, partial: false }));

const THREE_CARDS = `<div class="grid">${card('/s/1', 'Ferry timetable changes for the winter', 'Harbour Weekly', 'Fewer crossings after October.', 'May 3, 2025')}${card('/s/2', 'New lights for the promenade', 'Harbour Weekly', 'The council picks a warmer white.', 'May 3, 2025')}${card('/s/3', 'A bakery opens on Quay Street', 'Harbour Weekly', 'Sourdough, at last.', 'May 2, 2025')}</div>`;

describe('teasers from HTML card lists', () => {
  it('reads a list of cards with no telling class names: title, summary, repeated publication, printed date', () => {
    const parsed = parseHtmlPage(page(THREE_CARDS));
    expect(parsed.teasers).toEqual(THREE_TEASERS);
    expect(parsed.story?.paragraphs).toEqual(PROSE);
  });

  it('needs three cards, or two with evidence: a related class or a "More stories from" heading', () => {
    const two = `${card('/s/1', 'Ferry timetable changes for the winter')}${card('/s/2', 'New lights for the promenade')}`;
    expect(parseHtmlPage(page(`<div class="x">${two}</div>`)).teasers).toEqual([]);
    expect(parseHtmlPage(page(`<div class="related-links">${two}</div>`)).teasers).toHaveLength(2);
    expect(
      parseHtmlPage(page(`<section><h2>More stories from Harbour Weekly</h2>${two}</section>`)).teasers,
    ).toHaveLength(2);
  });

  it('takes a card list Readability kept inside the article out of the body', () => {
    const parsed = parseHtmlPage(page('', THREE_CARDS));
    expect(parsed.teasers).toEqual(THREE_TEASERS);
    expect(parsed.story?.paragraphs).toEqual(PROSE);
  });

  it('reads each card once: a short summary printed on one card stays its summary, in the article or after it', () => {
    // Counted twice, a line printed once looked "repeated on several cards" and became the publication.
    expect(parseHtmlPage(page('', SHORT_SUMMARY_CARDS)).teasers).toEqual(SHORT_SUMMARY_TEASERS);
    expect(parseHtmlPage(page(SHORT_SUMMARY_CARDS)).teasers).toEqual(SHORT_SUMMARY_TEASERS);
  });

  it('finds no cards in links inside a paragraph, a menu of single words or a share bar', () => {
    const paragraphLinks = `<p>Read <a href="/a">the council's own report on the bridge</a>, <a href="/b">the engineers' survey of its piers</a> and <a href="/c">the shop owners' open letter to the mayor</a> before the vote.</p>`;
    const menu = `<ul class="more"><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul>`;
    const share = `<ul><li><a href="https://x.test/?share=facebook">Share on Facebook now</a></li><li><a href="https://x.test/?share=twitter">Share on Twitter now</a></li><li><a href="https://x.test/?share=linkedin">Share on LinkedIn now</a></li></ul>`;
    for (const html of [paragraphLinks, menu, share]) {
      expect(parseHtmlPage(page(`<div>${html}</div>`)).teasers).toEqual([]);
    }
  });

  it('tells titles in scripts without spaces by their characters', () => {
    const cards = ['京都、朝の寺をめぐる', '瀬戸内の島で泊まる宿', '駅弁で日本を一周する']
      .map(
        (title, k) => `<li><a href="/ja/${k}"><h4>${title}</h4><p>短い紹介文がここに入ります。</p></a></li>`,
      )
      .join('');
    const parsed = parseHtmlPage(page(`<ul>${cards}</ul>`));
    expect(parsed.teasers.map((teaser) => [teaser.title, teaser.summary])).toEqual([
      ['京都、朝の寺をめぐる', '短い紹介文がここに入ります。'],
      ['瀬戸内の島で泊まる宿', '短い紹介文がここに入ります。'],
      ['駅弁で日本を一周する', '短い紹介文がここに入ります。'],
    ]);
  });

  it('returns the teasers of a page with no story (an issue page)', () => {
    const issue = `<!doctype html><html><body><nav><a href="/">Home</a></nav><main><h1>Harbour Weekly</h1><p>May 2025</p>
${THREE_CARDS}</main></body></html>`;
    const parsed = parseHtmlPage(issue, { url: 'https://www.zinio.com/harbour-weekly/may-2025-i1' });
    expect(parsed.story).toBeNull();
    expect(parsed.teasers).toEqual(THREE_TEASERS);
    const shortSummaries = issue.replace(THREE_CARDS, SHORT_SUMMARY_CARDS);
    expect(parseHtmlPage(shortSummaries).teasers).toEqual(SHORT_SUMMARY_TEASERS);
  });

  it('reads each possible card a bounded number of times, however deep the page nests', () => {
    // A chain of levels, each a short link beside the next level, over many empty elements: every
    // level looks like a list of two cards whose second child holds the rest of the page.
    const depth = 190;
    const filler = '<span></span>'.repeat(5_500);
    let chain = `<div>${filler}</div>`;
    for (let level = 0; level < depth; level += 1) chain = `<div><a href="/s/${level}">ab</a>${chain}</div>`;
    const { document } = parseHTML(`<!doctype html><html><body>${chain}</body></html>`);
    const body = document.body as unknown as Element;
    const elements = body.querySelectorAll('*').length;
    const before = cardSearchWork.elementsRead;
    expect(findCardLists(body, null)).toEqual([]);
    // Without a bound on a card's elements, each level re-read the whole chain under it (~190 × 5,700).
    expect(cardSearchWork.elementsRead - before).toBeLessThan(2 * elements);
  });
});
