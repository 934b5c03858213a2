import { type ArticleView, editionLine, editionParts, present } from './article-view.js';

/** The article as plain text: no markup, no escaping, text as stored. */
export function renderPlainText(view: ArticleView): string {
  const { article, teasers } = view;
  const header = [article.title, article.deck, present(article.byline) ? `By ${article.byline}` : null];
  const blocks: string[] = [];

  const headerLines = header.filter(present);
  if (headerLines.length > 0) blocks.push(headerLines.join('\n'));
  blocks.push(...article.paragraphs.filter(present));

  const edition = editionLine(view);
  if (edition) blocks.push(editionParts(edition).join(', '));

  if (teasers.length > 0) {
    const items = teasers.map((t) => (present(t.summary) ? `* ${t.title}: ${t.summary}` : `* ${t.title}`));
    blocks.push(['More stories', ...items].join('\n'));
  }
  return endWithOneNewline(blocks.join('\n\n'));
}

/**
 * `text` ending with exactly one line break. A loop from the end: `/\n*$/` would retry at
 * every index of a long run of line breaks, quadratic in its length.
 */
function endWithOneNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charAt(end - 1) === '\n') end -= 1;
  return `${text.slice(0, end)}\n`;
}
