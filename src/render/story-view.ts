/**
 * One page as every renderer prints it (Markdown, plain text, HTML), whoever asks: `masthead
 * parse` builds it from a parse (`pageView`), `GET /v1/articles/{id}.md|.txt|.html` from the
 * stored records (`storedView`). The renderers see only this, so the same page prints the same
 * way from both.
 */
import { PLATFORMS } from '../parser/rules/platforms.js';
import type { Edition, ParsedPage } from '../parser/types.js';
import type { ArticleRecord, EditionRecord, TeaserRecord } from '../storage/repository.js';

export interface StoryView {
  /** Null when the page has no main story: only a parse says so (no such article is stored). */
  story: StoryText | null;
  /** What names the page when the story has neither a title nor text (`Article 12`). */
  fallbackTitle: string;
  edition: EditionLine | null;
  teasers: TeaserLine[];
}

export interface StoryText {
  title: string | null;
  deck: string | null;
  byline: string | null;
  /** Place prefix of the first paragraph, which stays whole (`SEOUL` in `SEOUL - As …`). */
  dateline: string | null;
  paragraphs: readonly string[];
  /** BCP 47 language of the story text, or null. */
  language: string | null;
}

/** The edition the page was printed in; null as a whole when neither publication nor date is known. */
export interface EditionLine {
  publication: string | null;
  /** ISO date ('YYYY-MM-DD' or 'YYYY-MM'), for machine-readable markup. */
  isoDate: string | null;
  /** The date as printed, falling back to the ISO date. */
  dateText: string | null;
  platform: string | null;
}

export interface TeaserLine {
  title: string;
  summary: string | null;
  /** The stored story the teaser announces, when there is one. */
  href: string | null;
}

/** Said instead of a story when the page has none. */
export const NO_STORY = 'No main story found on this page.';

/** True for strings with something visible in them. */
export function present(text: string | null | undefined): text is string {
  return text !== null && text !== undefined && text.trim() !== '';
}

/** A parsed page, as `masthead parse` prints it. */
export function pageView(page: ParsedPage): StoryView {
  const { story } = page;
  return {
    story:
      story === null
        ? null
        : {
            title: story.title,
            deck: story.deck,
            byline: story.byline,
            dateline: story.dateline,
            paragraphs: story.paragraphs,
            language: story.language,
          },
    fallbackTitle: 'Untitled story',
    edition: page.edition === null ? null : editionLine(parsedEdition(page.edition)),
    teasers: page.teasers.map((teaser) => ({ title: teaser.title, summary: teaser.summary, href: null })),
  };
}

function parsedEdition(edition: Edition): EditionFacts {
  return {
    publication: edition.publication,
    isoDate: edition.date,
    label: edition.label,
    platform: edition.platform,
  };
}

/** What the `GET /v1/articles/{id}` renderers need, loaded by the route. */
export interface StoredArticle {
  article: ArticleRecord;
  edition: EditionRecord | null;
  teasers: TeaserRecord[];
}

/**
 * A stored article. The edition comes from its record or, without one, from the article's
 * edition summary; a teaser links to the stored story it announces.
 */
export function storedView({ article, edition, teasers }: StoredArticle): StoryView {
  const summary = article.edition;
  return {
    story: {
      title: article.title,
      deck: article.deck,
      byline: article.byline,
      dateline: article.dateline,
      paragraphs: article.paragraphs,
      language: article.language,
    },
    fallbackTitle: `Article ${article.id}`,
    edition: editionLine({
      publication: edition?.publication.name ?? summary?.publication ?? null,
      isoDate: edition ? edition.date : (summary?.date ?? null),
      label: edition?.label ?? null,
      platform: edition?.platform ?? null,
    }),
    teasers: teasers.map((teaser) => ({
      title: teaser.title,
      summary: teaser.summary,
      href: teaser.linkedArticleId === null ? null : `/v1/articles/${teaser.linkedArticleId}`,
    })),
  };
}

interface EditionFacts {
  publication: string | null;
  isoDate: string | null;
  label: string | null;
  platform: string | null;
}

/** A platform as readers know it (`Magzter`); a key no longer in PLATFORMS prints as stored. */
const PLATFORM_NAMES: ReadonlyMap<string, string> = new Map(
  PLATFORMS.map((rules) => [rules.platform, rules.displayName]),
);

function editionLine({ publication, isoDate, label, platform }: EditionFacts): EditionLine | null {
  const dateText = present(label) ? label : isoDate;
  if (!present(publication) && !present(dateText)) return null;
  return {
    publication: present(publication) ? publication : null,
    isoDate: present(isoDate) ? isoDate : null,
    dateText: present(dateText) ? dateText : null,
    platform: present(platform) ? (PLATFORM_NAMES.get(platform) ?? platform) : null,
  };
}

/** "The Straits Times, October 23, 2024": publication and printed date, unescaped. */
export function editionParts(line: EditionLine): string[] {
  return [line.publication, line.dateText].filter(present);
}
