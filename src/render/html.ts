import {
  type EditionLine,
  NO_STORY,
  present,
  type StoryText,
  type StoryView,
  type TeaserLine,
} from './story-view.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;
const TITLE_LENGTH = 60;

// Self-contained so a `default-src 'none'; style-src 'unsafe-inline'` policy is enough.
const STYLE = `
:root { color-scheme: light dark; --text: #1b1b1b; --muted: #4d4d4d; --bg: #fdfdfb; --rule: #d0d0cc; --link: #0b57a4; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e4e0; --muted: #b4b1ab; --bg: #151515; --rule: #3a3a3a; --link: #8cb8f2; }
}
body { margin: 0; background: var(--bg); color: var(--text);
  font: 1.125rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 65ch; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.25rem; margin: 0 0 0.75rem; }
.deck { font-size: 1.25rem; color: var(--muted); margin: 0 0 0.75rem; }
.byline, footer, aside { color: var(--muted); font-size: 1rem; }
.dateline { font-weight: 600; letter-spacing: 0.03em; }
a { color: var(--link); }
footer, aside { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: 1rem; }
aside li { margin-bottom: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`.trim();

/** A standalone, script-free HTML5 reader page for the story. */
export function renderHtml(view: StoryView): string {
  const { story, edition } = view;
  const lang = present(story?.language) ? ` lang="${escapeHtml(story.language)}"` : '';
  const title = documentTitle(view);

  return [
    '<!doctype html>',
    `<html${lang}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<article>',
    header(story, title),
    ...(story === null ? [`<p>${escapeHtml(NO_STORY)}</p>`] : body(story)),
    ...(edition ? [`<footer>\n<p class="edition">${editionHtml(edition)}</p>\n</footer>`] : []),
    '</article>',
    ...teaserAside(view.teasers),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The title, else the start of the first paragraph, else the view's fallback (`Article {id}`). */
export function documentTitle({ story, fallbackTitle }: StoryView): string {
  if (present(story?.title)) return story.title.trim();
  const first = story?.paragraphs.find(present);
  return first === undefined ? fallbackTitle : shorten(first, TITLE_LENGTH);
}

/**
 * Spaces and punctuation dropped before the ellipsis. Tested one character at a time from the
 * end: `/[…]+$/` would retry at every index of a long run, quadratic in its length.
 */
const CUT_TRAILER = /[\s,;:.\-–—]/;

/** Cuts text to about `max` characters at a word boundary, marking the cut with an ellipsis. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max + 1).join('');
  const space = cut.lastIndexOf(' ');
  const words = space > max / 2 ? cut.slice(0, space) : chars.slice(0, max).join('');
  let end = words.length;
  while (end > 0 && CUT_TRAILER.test(words.charAt(end - 1))) end -= 1;
  return `${words.slice(0, end)}…`;
}

function header(story: StoryText | null, title: string): string {
  // Untitled stories still get a page heading for screen readers, without showing it twice.
  const h1 = present(story?.title)
    ? `<h1>${escapeHtml(title)}</h1>`
    : `<h1 class="visually-hidden">${escapeHtml(title)}</h1>`;
  const lines = ['<header>', h1];
  if (present(story?.deck)) lines.push(`<p class="deck">${escapeHtml(story.deck)}</p>`);
  if (present(story?.byline)) lines.push(`<p class="byline">By ${escapeHtml(story.byline)}</p>`);
  lines.push('</header>');
  return lines.join('\n');
}

/**
 * The paragraphs. The dateline opens the first paragraph, so it is marked up there
 * rather than repeated; only a dateline missing from the text gets a line of its own.
 */
function body(story: StoryText): string[] {
  const paragraphs = story.paragraphs.filter(present);
  const { dateline } = story;
  const lines = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  const first = paragraphs[0];
  if (!present(dateline)) return lines;
  if (first?.startsWith(dateline)) {
    const rest = first.slice(dateline.length);
    lines[0] = `<p><span class="dateline">${escapeHtml(dateline)}</span>${escapeHtml(rest)}</p>`;
    return lines;
  }
  return [`<p class="dateline">${escapeHtml(dateline)}</p>`, ...lines];
}

function editionHtml(edition: EditionLine): string {
  const parts: string[] = [];
  if (edition.publication) parts.push(escapeHtml(edition.publication));
  if (edition.dateText) {
    const date = escapeHtml(edition.dateText);
    parts.push(
      edition.isoDate && ISO_DATE.test(edition.isoDate)
        ? `<time datetime="${edition.isoDate}">${date}</time>`
        : date,
    );
  }
  const platform = edition.platform ? ` (${escapeHtml(edition.platform)})` : '';
  return `${parts.join(', ')}${platform}`;
}

function teaserAside(teasers: readonly TeaserLine[]): string[] {
  if (teasers.length === 0) return [];
  const items = teasers.map((teaser) => {
    const title = escapeHtml(teaser.title);
    const head =
      teaser.href === null
        ? `<strong>${title}</strong>`
        : `<a href="${escapeHtml(teaser.href)}">${title}</a>`;
    const summary = present(teaser.summary) ? ` — ${escapeHtml(teaser.summary)}` : '';
    return `<li>${head}${summary}</li>`;
  });
  return [
    '<aside aria-labelledby="more-stories">',
    '<h2 id="more-stories">More stories</h2>',
    '<ul>',
    ...items,
    '</ul>',
    '</aside>',
  ];
}
