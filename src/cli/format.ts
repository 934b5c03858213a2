/**
 * Human-readable renderings of a ParsedPage for `masthead parse`: the clean story
 * (title, deck, byline, paragraphs), its edition line and the teasers. JSON is the
 * ParsedPage as `POST /v1/parse` serves it.
 */
import { PLATFORMS } from '../parser/rules/platforms.js';
import type { Edition, ParsedPage, Platform, Teaser } from '../parser/types.js';

export const OUTPUT_FORMATS = ['json', 'markdown', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const PLATFORM_NAMES = new Map<Platform, string>(
  PLATFORMS.map((rules) => [rules.platform, rules.displayName]),
);

const NO_STORY = 'No main story found on this page.';

export function formatPage(page: ParsedPage, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(page, null, 2)}\n`;
    case 'markdown':
      return formatMarkdown(page);
    case 'text':
      return formatText(page);
  }
}

function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value.trim() !== '';
}

/** `The Straits Times · October 23, 2024 (2024-10-23) · Magzter`, or null when nothing is known. */
export function editionLine(edition: Edition | null): string | null {
  if (edition === null) return null;
  let date: string | null = null;
  if (present(edition.label)) {
    date =
      present(edition.date) && edition.date !== edition.label
        ? `${edition.label} (${edition.date})`
        : edition.label;
  } else if (present(edition.date)) {
    date = edition.date;
  }
  const parts = [
    edition.publication,
    date,
    edition.platform ? (PLATFORM_NAMES.get(edition.platform) ?? edition.platform) : null,
  ].filter(present);
  return parts.length === 0 ? null : parts.join(' · ');
}

function teaserMeta(teaser: Teaser): string | null {
  const parts = [teaser.publication, teaser.date].filter(present);
  if (teaser.partial) parts.push('cut off');
  return parts.length === 0 ? null : parts.join(', ');
}

/** Blocks joined by blank lines, ending with one newline. */
function blocks(parts: Array<string | null>): string {
  return `${parts.filter(present).join('\n\n')}\n`;
}

// Characters that would change the meaning of inline Markdown.
const MARKDOWN_INLINE = /[\\`*_[\]<>|]/g;
// Line starts that Markdown would read as a heading, quote, list, rule or table.
const MARKDOWN_BLOCK_START = /^(\s*)([#>+=~-]|(\d+)([.)])(?=\s|$))/;

/** Escapes text so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(MARKDOWN_INLINE, '\\$&');
  return inline.replace(
    MARKDOWN_BLOCK_START,
    (_match, space: string, marker: string, digits: string | undefined, dot: string | undefined) =>
      digits !== undefined && dot !== undefined ? `${space}${digits}\\${dot}` : `${space}\\${marker}`,
  );
}

export function formatMarkdown(page: ParsedPage): string {
  const { story } = page;
  const out: Array<string | null> = [];
  if (story === null) {
    out.push(`_${NO_STORY}_`);
  } else {
    if (present(story.title)) out.push(`# ${escapeMarkdown(story.title)}`);
    if (present(story.deck)) out.push(`_${escapeMarkdown(story.deck)}_`);
    if (present(story.byline)) out.push(`**${escapeMarkdown(story.byline)}**`);
    out.push(...story.paragraphs.map(escapeMarkdown));
  }
  const edition = editionLine(page.edition);
  if (edition !== null) out.push('---', `_${escapeMarkdown(edition)}_`);
  if (page.teasers.length > 0) {
    out.push('## Related stories');
    out.push(
      page.teasers
        .map((teaser, index) => {
          const meta = teaserMeta(teaser);
          let line = `${index + 1}. **${escapeMarkdown(teaser.title)}**`;
          if (present(teaser.summary)) line += ` — ${escapeMarkdown(teaser.summary)}`;
          if (meta !== null) line += ` _(${escapeMarkdown(meta)})_`;
          return line;
        })
        .join('\n'),
    );
  }
  return blocks(out);
}

export function formatText(page: ParsedPage): string {
  const { story } = page;
  const out: Array<string | null> = [];
  if (story === null) {
    out.push(NO_STORY);
  } else {
    const head = [story.title, story.deck, story.byline].filter(present);
    if (head.length > 0) out.push(head.join('\n'));
    out.push(...story.paragraphs);
  }
  const edition = editionLine(page.edition);
  if (edition !== null) out.push(`Edition: ${edition}`);
  if (page.teasers.length > 0) {
    const width = String(page.teasers.length).length + 2;
    const indent = ' '.repeat(width);
    const lines = page.teasers.map((teaser, index) => {
      const meta = teaserMeta(teaser);
      return [
        `${`${index + 1}.`.padEnd(width)}${teaser.title}`,
        present(teaser.summary) ? `${indent}${teaser.summary}` : null,
        meta !== null ? `${indent}(${meta})` : null,
      ]
        .filter(present)
        .join('\n');
    });
    out.push(`Related stories:\n${lines.join('\n')}`);
  }
  return blocks(out);
}
