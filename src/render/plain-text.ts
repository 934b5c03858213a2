import { editionParts, NO_STORY, present, type StoryView } from './story-view.js';

/** The page as plain text: no markup, no escaping, text as stored. */
export function renderPlainText(view: StoryView): string {
  const { story, teasers } = view;
  const blocks: string[] = [];

  if (story === null) {
    blocks.push(NO_STORY);
  } else {
    const header = [story.title, story.deck, present(story.byline) ? `By ${story.byline}` : null];
    const headerLines = header.filter(present);
    if (headerLines.length > 0) blocks.push(headerLines.join('\n'));
    blocks.push(...story.paragraphs.filter(present));
  }

  if (view.edition) blocks.push(editionParts(view.edition).join(', '));

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
