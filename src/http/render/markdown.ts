import { type ArticleView, editionLine, editionParts, present } from './article-view.js';

/**
 * Escapes text so Markdown renders it literally: no links, images, emphasis, code or
 * HTML, and no block syntax (headings, lists, quotes, rules) at the start of a line.
 * Ordinary punctuation is left alone so the source stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/^[ \t]+/gm, '')
    .replace(/^([#+=~|-])/gm, '\\$1')
    .replace(/^(\d+)([.)])/gm, '$1\\$2');
}

/** Escaped text for a single-line construct (heading, emphasis, list item). */
function inline(text: string): string {
  // Each whitespace run that holds a line break becomes one space; one match per run keeps this linear.
  return escapeMarkdown(text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)).trim());
}

export function renderMarkdown(view: ArticleView): string {
  const { article, teasers } = view;
  const blocks: string[] = [];

  if (present(article.title)) blocks.push(`# ${inline(article.title)}`);
  if (present(article.deck)) blocks.push(`*${inline(article.deck)}*`);
  if (present(article.byline)) blocks.push(`By ${inline(article.byline)}`);
  blocks.push(...article.paragraphs.filter(present).map(escapeMarkdown));

  const edition = editionLine(view);
  if (edition) {
    const platform = edition.platform ? ` (${inline(edition.platform)})` : '';
    blocks.push('---', `*${editionParts(edition).map(inline).join(', ')}${platform}*`);
  }

  if (teasers.length > 0) {
    blocks.push('## More stories', teasers.map(teaserItem).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function teaserItem(teaser: ArticleView['teasers'][number]): string {
  const title = inline(teaser.title);
  const head =
    teaser.linkedArticleId === null ? `**${title}**` : `[${title}](/v1/articles/${teaser.linkedArticleId})`;
  return present(teaser.summary) ? `- ${head} — ${inline(teaser.summary)}` : `- ${head}`;
}
