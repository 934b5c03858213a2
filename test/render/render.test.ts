import { describe, expect, it } from 'vitest';

import { renderHtml as html } from '../../src/render/html.js';
import { renderMarkdown as markdown } from '../../src/render/markdown.js';
import { renderPlainText as plainText } from '../../src/render/plain-text.js';
import { pageView, storedView, type StoredArticle } from '../../src/render/story-view.js';
import type { ArticleRecord, EditionRecord, TeaserRecord } from '../../src/storage/repository.js';

// Stored articles, rendered as `GET /v1/articles/{id}.md|.txt|.html` renders them.
const renderMarkdown = (stored: StoredArticle) => markdown(storedView(stored));
const renderPlainText = (stored: StoredArticle) => plainText(storedView(stored));
const renderHtml = (stored: StoredArticle) => html(storedView(stored));

function article(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: 1,
    title: null,
    deck: null,
    byline: null,
    dateline: null,
    paragraphs: [],
    language: null,
    pageLocale: null,
    wordCount: 0,
    edition: null,
    teaserCount: 0,
    teasedBy: [],
    storyId: 1,
    captures: [],
    sourceUrl: null,
    ingestedAt: '2024-10-24T08:00:00.000Z',
    parserVersion: '1.0.0',
    ...overrides,
  };
}

function teaser(position: number, overrides: Partial<TeaserRecord> = {}): TeaserRecord {
  return {
    position,
    title: `Teaser ${position}`,
    summary: null,
    publication: null,
    date: null,
    partial: false,
    linkedArticleId: null,
    ...overrides,
  };
}

const straitsTimes: EditionRecord = {
  id: 3,
  publication: { id: 2, name: 'The Straits Times' },
  date: '2024-10-23',
  label: 'October 23, 2024',
  platform: 'magzter',
  articleCount: 4,
};

/** Shaped like the seed page: untitled, dateline SEOUL, three teasers, one linked. */
const seed: StoredArticle = {
  article: article({
    id: 1,
    dateline: 'SEOUL',
    language: 'en',
    pageLocale: 'de',
    paragraphs: [
      "SEOUL - As evidence mounts of North Korea's plans to send as many as 12,000 of its special forces to aid Russia in the Ukraine war, the implications for South Korea are looking grave.",
      'Analysts call it a major elevation of the mutual defence treaty signed by Russia and North Korea in June.',
      'By sending its troops to the battlefield for the first time since the Korean War in the 1950s, North Korea stands to gain valuable combat experience.',
    ],
    wordCount: 80,
    edition: { id: 3, publication: 'The Straits Times', date: '2024-10-23' },
    teaserCount: 3,
  }),
  edition: straitsTimes,
  teasers: [
    teaser(0, {
      title: 'COFFEE AND A LOOK AT NORTH KOREA',
      summary: 'For anyone curious about civilian life in North Korea, Starbucks is offering a peek.',
    }),
    teaser(1, {
      title: 'Shaw Theatres to close cinema at The Seletar Mall',
      summary: 'Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15.',
      linkedArticleId: 7,
    }),
    teaser(2, { title: 'LIONESSES’ LAST CHANCE' }),
  ],
};

/** Every field set. */
const full: StoredArticle = {
  article: article({
    id: 42,
    title: 'The road ahead for tourism',
    deck: 'Board chief weighs in on attractions',
    byline: 'Jane Tan',
    dateline: 'SINGAPORE',
    paragraphs: ['SINGAPORE - Tourism is back.', 'Arrivals rose 20 per cent.'],
    language: 'en-SG',
    pageLocale: 'en',
    wordCount: 9,
    edition: { id: 3, publication: 'The Straits Times', date: '2024-10-23' },
    teaserCount: 2,
    sourceUrl: 'https://www.magzter.com/stories/example',
  }),
  edition: straitsTimes,
  teasers: [
    teaser(0, { title: 'Beyond the Angkor Wat', summary: 'Siem Reap has much to offer', linkedArticleId: 9 }),
    teaser(1, { title: 'In chess, a fan meets a legend' }),
  ],
};

const hostile = '<script>alert("x")</script> & [x](y) \'q\'';

/** A view with the hostile string in every user-text field. */
const hostileView: StoredArticle = {
  article: article({
    id: 5,
    title: hostile,
    deck: hostile,
    byline: hostile,
    dateline: hostile,
    paragraphs: [`${hostile} first`, hostile],
    language: 'en',
  }),
  edition: {
    ...straitsTimes,
    publication: { id: 9, name: hostile },
    label: hostile,
  },
  teasers: [
    teaser(0, { title: hostile, summary: hostile, linkedArticleId: 8 }),
    teaser(1, { title: hostile, summary: hostile }),
  ],
};

describe('renderMarkdown', () => {
  it('renders a full view in a fixed structure', () => {
    expect(renderMarkdown(full)).toBe(
      [
        '# The road ahead for tourism',
        '',
        '*Board chief weighs in on attractions*',
        '',
        'By Jane Tan',
        '',
        'SINGAPORE - Tourism is back.',
        '',
        'Arrivals rose 20 per cent.',
        '',
        '---',
        '',
        '*The Straits Times, October 23, 2024 (Magzter)*',
        '',
        '## More stories',
        '',
        '- [Beyond the Angkor Wat](/v1/articles/9) — Siem Reap has much to offer',
        '- **In chess, a fan meets a legend**',
        '',
      ].join('\n'),
    );
  });

  it('omits missing title, deck and byline, and does not repeat the dateline', () => {
    const md = renderMarkdown(seed);
    expect(md.startsWith("SEOUL - As evidence mounts of North Korea's plans")).toBe(true);
    expect(md.match(/SEOUL/g)).toHaveLength(1);
    expect(md).not.toMatch(/^# /m);
    expect(md).toContain('\n\n---\n\n*The Straits Times, October 23, 2024 (Magzter)*\n\n## More stories\n\n');
    expect(md).toContain(
      '- [Shaw Theatres to close cinema at The Seletar Mall](/v1/articles/7) — Shaw Theatres will close',
    );
    expect(md).toContain('- **COFFEE AND A LOOK AT NORTH KOREA** — For anyone curious');
    expect(md.endsWith('- **LIONESSES’ LAST CHANCE**\n')).toBe(true);
  });

  it('falls back to the ISO date and leaves out unknown parts of the edition line', () => {
    const view: StoredArticle = {
      ...full,
      edition: { ...straitsTimes, label: null, platform: null },
      teasers: [],
    };
    const md = renderMarkdown(view);
    expect(md).toContain('\n\n---\n\n*The Straits Times, 2024-10-23*\n');
    expect(md).not.toContain('More stories');
  });

  it('escapes user text so it cannot become links, HTML or emphasis', () => {
    const md = renderMarkdown(hostileView);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('[x](y)');
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> & \\[x\\](y)');
    // The only real link is the one to the linked teaser.
    expect(md.match(/(?<!\\)\]\(/g)).toEqual(['](']);
    expect(md).toContain('](/v1/articles/8)');
  });

  it('escapes block syntax at the start of a line but keeps ordinary punctuation', () => {
    const md = renderMarkdown({
      ...seed,
      article: article({
        paragraphs: [
          '# not a heading',
          '- not a list',
          '1. not a list either',
          'Fish & chips, 50% off: yes!',
        ],
      }),
      teasers: [],
      edition: null,
    });
    expect(md).toBe(
      '\\# not a heading\n\n\\- not a list\n\n1\\. not a list either\n\nFish & chips, 50% off: yes!\n',
    );
    expect(renderMarkdown({ ...seed, article: article({ paragraphs: ['a &amp; b'] }) })).toContain(
      'a \\&amp; b',
    );
  });
});

describe('renderPlainText', () => {
  it('renders a full view without markup', () => {
    expect(renderPlainText(full)).toBe(
      [
        'The road ahead for tourism',
        'Board chief weighs in on attractions',
        'By Jane Tan',
        '',
        'SINGAPORE - Tourism is back.',
        '',
        'Arrivals rose 20 per cent.',
        '',
        'The Straits Times, October 23, 2024',
        '',
        'More stories',
        '* Beyond the Angkor Wat: Siem Reap has much to offer',
        '* In chess, a fan meets a legend',
        '',
      ].join('\n'),
    );
  });

  it('starts with the first paragraph when the story has no header', () => {
    const text = renderPlainText(seed);
    expect(text.startsWith('SEOUL - As evidence')).toBe(true);
    expect(text.match(/SEOUL/g)).toHaveLength(1);
    expect(text).toContain('\n\nThe Straits Times, October 23, 2024\n\nMore stories\n* COFFEE AND A LOOK');
    expect(text).toMatch(/[^\n]\n$/);
  });

  it('keeps user text verbatim', () => {
    const text = renderPlainText(hostileView);
    expect(text.startsWith(`${hostile}\n${hostile}\nBy ${hostile}\n\n${hostile} first\n\n`)).toBe(true);
    expect(text).toContain(`* ${hostile}: ${hostile}\n`);
  });
});

describe('renderHtml', () => {
  it('renders a standalone, accessible page', () => {
    const html = renderHtml(full);
    expect(html.startsWith('<!doctype html>\n<html lang="en-SG">\n<head>\n<meta charset="utf-8">\n')).toBe(
      true,
    );
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>The road ahead for tourism</title>');
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1];
    expect(style).toContain('max-width: 65ch');
    expect(style).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain(
      [
        '<main>',
        '<article>',
        '<header>',
        '<h1>The road ahead for tourism</h1>',
        '<p class="deck">Board chief weighs in on attractions</p>',
        '<p class="byline">By Jane Tan</p>',
        '</header>',
        '<p><span class="dateline">SINGAPORE</span> - Tourism is back.</p>',
        '<p>Arrivals rose 20 per cent.</p>',
        '<footer>',
        '<p class="edition">The Straits Times, <time datetime="2024-10-23">October 23, 2024</time> (Magzter)</p>',
        '</footer>',
        '</article>',
        '<aside aria-labelledby="more-stories">',
        '<h2 id="more-stories">More stories</h2>',
        '<ul>',
        '<li><a href="/v1/articles/9">Beyond the Angkor Wat</a> — Siem Reap has much to offer</li>',
        '<li><strong>In chess, a fan meets a legend</strong></li>',
        '</ul>',
        '</aside>',
        '</main>',
      ].join('\n'),
    );
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('loads nothing and runs nothing, so a strict CSP holds', () => {
    for (const view of [seed, full, hostileView]) {
      const html = renderHtml(view);
      expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
      expect(html).not.toMatch(/\s(src|on[a-z]+)=/i);
      expect(html).not.toMatch(/https?:|url\(/);
    }
  });

  it('titles an untitled story with the start of its first paragraph', () => {
    const html = renderHtml(seed);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<title>SEOUL - As evidence mounts of North Korea&#39;s plans to send as…</title>',
    );
    expect(html).toContain(
      '<h1 class="visually-hidden">SEOUL - As evidence mounts of North Korea&#39;s plans to send as…</h1>',
    );
    expect(html).not.toContain('class="deck"');
    expect(html).not.toContain('class="byline"');
    // The dateline is marked up where it stands, not repeated.
    expect(html).toContain('<p><span class="dateline">SEOUL</span> - As evidence mounts');
    expect(html).not.toContain('<p class="dateline">');
    expect(html).toContain('<a href="/v1/articles/7">Shaw Theatres to close cinema at The Seletar Mall</a>');
    expect(html).toContain('<li><strong>LIONESSES’ LAST CHANCE</strong></li>');
  });

  it('falls back to the article id, and omits lang, time and aside when unknown', () => {
    const html = renderHtml({
      article: article({ id: 12, dateline: 'PARIS', paragraphs: [] }),
      edition: { ...straitsTimes, date: null, label: 'Winter 2024', platform: null },
      teasers: [],
    });
    expect(html).toContain('<html>\n');
    expect(html).toContain('<title>Article 12</title>');
    expect(html).toContain('<p class="dateline">PARIS</p>');
    expect(html).toContain('<p class="edition">The Straits Times, Winter 2024</p>');
    expect(html).not.toContain('<time');
    expect(html).not.toContain('<aside');
  });

  it('escapes every piece of user text', () => {
    const html = renderHtml(hostileView);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; [x](y) &#39;q&#39;';
    expect(html).not.toContain('<script');
    expect(html).not.toContain('alert("x")');
    expect(html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<h1>${escaped}</h1>`);
    expect(html).toContain(`<p class="deck">${escaped}</p>`);
    expect(html).toContain(`<p class="byline">By ${escaped}</p>`);
    expect(html).toContain(`<p><span class="dateline">${escaped}</span> first</p>`);
    expect(html).toContain(`<p class="edition">${escaped}, <time datetime="2024-10-23">${escaped}</time>`);
    expect(html).toContain(`<li><a href="/v1/articles/8">${escaped}</a> — ${escaped}</li>`);
    expect(html).toContain(`<li><strong>${escaped}</strong> — ${escaped}</li>`);
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});

describe('a parsed page without a story', () => {
  const listing = pageView({
    story: null,
    edition: { publication: 'The Paper', date: '2024-10', label: null, platform: null },
    teasers: [{ title: 'Next', summary: null, publication: null, date: null, partial: false }],
    page_locale: 'en',
    removed: [],
    warnings: [],
  });

  it('says so in every representation, and keeps the edition and teasers', () => {
    expect(markdown(listing)).toBe(
      '*No main story found on this page.*\n\n---\n\n*The Paper, 2024-10*\n\n## More stories\n\n- **Next**\n',
    );
    expect(plainText(listing)).toBe(
      'No main story found on this page.\n\nThe Paper, 2024-10\n\nMore stories\n* Next\n',
    );
    const page = html(listing);
    expect(page).toContain('<title>Untitled story</title>');
    expect(page).toContain(
      '<h1 class="visually-hidden">Untitled story</h1>\n</header>\n<p>No main story found on this page.</p>\n<footer>',
    );
    expect(page).toContain('<li><strong>Next</strong></li>');
  });
});
