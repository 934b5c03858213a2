/**
 * An HTML page through masthead: the HTML stage (extract.ts) finds the article's lines,
 * masthead's own line parser reads them as it reads captured text (newsstand boilerplate,
 * editions, teasers), and the markup's metadata fills what the printed page leaves empty.
 * What the page prints always wins over what its metadata claims.
 */
import { parsePage } from '../../parser/index.js';
import type { Edition, ParsedPage } from '../../parser/types.js';
import { extractHtml } from './extract.js';
import type { HtmlMetadata } from './metadata.js';

export interface HtmlParseOptions {
  url?: string | null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
/** A byline from metadata that is a profile URL rather than a name is no byline. */
const URL_LIKE = /^(?:https?:)?\/\//i;

function isoDay(value: string | null): string | null {
  const match = value === null ? null : ISO_DAY.exec(value);
  return match === null ? null : `${match[1]}-${match[2]}-${match[3]}`;
}

function fillEdition(edition: Edition | null, metadata: HtmlMetadata): Edition | null {
  const publication = edition?.publication ?? metadata.siteName;
  const date = edition?.date ?? isoDay(metadata.published);
  const label =
    edition?.label ?? ((edition?.date ?? null) === null && date !== null ? metadata.published : null);
  if (edition === null && publication === null && date === null) return null;
  return { publication, date, label, platform: edition?.platform ?? null };
}

export function parseHtmlPage(html: string, options: HtmlParseOptions = {}): ParsedPage {
  const extracted = extractHtml(html);
  const { metadata, title } = extracted;
  const lines =
    title !== null && extracted.lines[0] !== title ? [title, ...extracted.lines] : extracted.lines;
  const page = parsePage(lines.join('\n'), { url: options.url ?? metadata.canonicalUrl, truncated: false });
  const story = page.story;
  if (story !== null) {
    if (story.title === null && title !== null && story.paragraphs[0] === title) {
      story.paragraphs = story.paragraphs.slice(1);
      story.title = title;
    }
    story.title ??= metadata.title;
    const metaAuthor = metadata.author !== null && !URL_LIKE.test(metadata.author) ? metadata.author : null;
    story.byline ??= extracted.byline ?? metaAuthor;
    if (extracted.captions.length > 0) story.captions = extracted.captions;
  }
  return {
    ...page,
    edition: story === null ? page.edition : fillEdition(page.edition, metadata),
    warnings: [...extracted.warnings, ...page.warnings],
  };
}
