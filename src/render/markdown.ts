import { editionParts, NO_STORY, present, type StoryView, type TeaserLine } from './story-view.js';

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

export function renderMarkdown(view: StoryView): string {
  const { story, teasers } = view;
  const blocks: string[] = [];

  if (story === null) {
    blocks.push(`*${NO_STORY}*`);
  } else {
    if (present(story.title)) blocks.push(`# ${inline(story.title)}`);
    if (present(story.deck)) blocks.push(`*${inline(story.deck)}*`);
    if (present(story.byline)) blocks.push(`By ${inline(story.byline)}`);
    blocks.push(...story.paragraphs.filter(present).map(escapeMarkdown));
  }

  const { edition } = view;
  if (edition) {
    const platform = edition.platform ? ` (${inline(edition.platform)})` : '';
    blocks.push('---', `*${editionParts(edition).map(inline).join(', ')}${platform}*`);
  }

  if (teasers.length > 0) {
    blocks.push('## More stories', teasers.map(teaserItem).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function teaserItem(teaser: TeaserLine): string {
  const title = inline(teaser.title);
  const head = teaser.href === null ? `**${title}**` : `[${title}](${teaser.href})`;
  return present(teaser.summary) ? `- ${head} — ${inline(teaser.summary)}` : `- ${head}`;
}
