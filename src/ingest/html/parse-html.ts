/**
 * An HTML page through masthead: the HTML stage (extract.ts) finds the article's lines,
 * masthead's own line parser reads them as it reads captured text (newsstand boilerplate,
 * editions, teasers), and the markup's metadata fills what the printed page leaves empty.
 * What the page prints always wins over what its metadata claims.
 */
import { parsePage } from '../../parser/index.js';
import { PLATFORMS } from '../../parser/rules/platforms.js';
import { foldKey } from '../../parser/text.js';
import type { Edition, LearnedBoilerplate, ParsedPage } from '../../parser/types.js';
import { extractHtml } from './extract.js';
import type { HtmlMetadata } from './metadata.js';
import { teasersFromCards } from './teasers.js';

export interface HtmlParseOptions {
  url?: string | null;
  /** What the corpus taught, passed on to the line parser. */
  learned?: LearnedBoilerplate | null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
/** A byline from metadata that is a profile URL rather than a name is no byline. */
const URL_LIKE = /^(?:https?:)?\/\//i;

function isoDay(value: string | null): string | null {
  const match = value === null ? null : ISO_DAY.exec(value);
  return match === null ? null : `${match[1]}-${match[2]}-${match[3]}`;
}

/** The newsstand's own name (`og:site_name` = `PressReader`) is never the publication. */
function isPlatformName(name: string): boolean {
  const key = name.toLowerCase().replace(/\s+/g, '');
  return PLATFORMS.some((rules) => rules.platform === key);
}

/** Publication and date from the markup where the page prints none; a label only when printed. */
function fillEdition(edition: Edition | null, metadata: HtmlMetadata): Edition | null {
  const siteName =
    metadata.siteName !== null && !isPlatformName(metadata.siteName) ? metadata.siteName : null;
  const publication = edition?.publication ?? siteName;
  const date = edition?.date ?? isoDay(metadata.published);
  if (edition === null && publication === null && date === null) return null;
  return { publication, date, label: edition?.label ?? null, platform: edition?.platform ?? null };
}

export function parseHtmlPage(html: string, options: HtmlParseOptions = {}): ParsedPage {
  const extracted = extractHtml(html);
  const { metadata, title } = extracted;
  // Readability drops a heading that repeats the title: put it back on top when it is gone.
  const lines =
    title !== null && !extracted.lines.includes(title) ? [title, ...extracted.lines] : extracted.lines;
  const page = parsePage(lines.join('\n'), {
    url: options.url ?? metadata.canonicalUrl,
    truncated: false,
    learned: options.learned,
  });
  const story = page.story;
  let edition = page.edition;
  if (story !== null) {
    // The page's <h1> is its printed title. Put above a leading publication line (PressReader
    // prints the publication first), the line parser reads the two the other way round.
    if (title !== null && story.title !== null && edition?.publication === title) {
      edition = { ...edition, publication: story.title };
      story.title = title;
    }
    if (story.title === null && title !== null && story.paragraphs[0] === title) {
      story.paragraphs = story.paragraphs.slice(1);
      story.title = title;
    }
    story.title ??= metadata.title;
    const storyTitle = story.title;
    if (storyTitle !== null) story.paragraphs = story.paragraphs.filter((line) => line !== storyTitle);
    const metaAuthor = metadata.author !== null && !URL_LIKE.test(metadata.author) ? metadata.author : null;
    story.byline ??= extracted.byline ?? metaAuthor;
    if (extracted.captions.length > 0) story.captions = extracted.captions;
  }
  // Cards the line parser read (inside the article's text) first, then the page's card lists.
  const printedTeasers = new Set(page.teasers.map((teaser) => foldKey(teaser.title)));
  const storyTitle = story?.title === null || story?.title === undefined ? null : foldKey(story.title);
  const cardTeasers = teasersFromCards(extracted.teaserCards).filter(
    (teaser) => !printedTeasers.has(foldKey(teaser.title)) && foldKey(teaser.title) !== storyTitle,
  );
  const teasers = [...page.teasers, ...cardTeasers];
  // A page of cards with a heading and no text to read (an issue or section page) has no story.
  if (story !== null && story.paragraphs.length === 0 && story.deck === null && teasers.length > 0) {
    return {
      ...page,
      story: null,
      edition,
      teasers,
      warnings: [
        ...extracted.warnings,
        ...page.warnings,
        'no story: the page prints teaser cards and no story text',
      ],
    };
  }
  return {
    ...page,
    teasers,
    edition: story === null ? edition : fillEdition(edition, metadata),
    warnings: [...extracted.warnings, ...page.warnings],
  };
}
