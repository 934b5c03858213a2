/**
 * The re-parse rule "did anything change", the same for every engine: a stored parse and a
 * new one compare equal when everything the parser decides is equal, whatever the store
 * adds (ids, timestamps, links, counts). The publication compares by key: the stored name is
 * its first-seen spelling.
 *
 * An engine reads the stored side and compares INSIDE the transaction that then writes (the
 * new parser version alone, or the new parse), so nothing can change the article between
 * the comparison and the write.
 */
import { publicationKey } from './keys.js';
import type { ArticleEditionRecord, ArticleRecord, PageWithStory, TeaserRecord } from './repository.js';

/** An article as stored, with what the parser gave it besides: its edition and teasers. */
export interface StoredParse {
  article: ArticleRecord;
  edition: ArticleEditionRecord;
  teasers: readonly TeaserRecord[];
}

/** A teaser as the parser decides it, stored or new. */
type TeaserFields = Pick<TeaserRecord, 'title' | 'summary' | 'publication' | 'date' | 'partial'>;

function teaserFields(teasers: readonly TeaserFields[]): unknown[] {
  return teasers.map((t) => [t.title, t.summary, t.publication, t.date, t.partial]);
}

/** What a re-parse compares of a stored article. */
export function storedParseFingerprint({ article, edition, teasers }: StoredParse): string {
  const e = edition.edition;
  return JSON.stringify([
    article.title,
    article.deck,
    article.byline,
    article.dateline,
    article.paragraphs,
    article.language,
    article.pageLocale,
    e ? [publicationKey(e.publication.name), e.date, e.label, e.platform] : null,
    teaserFields(teasers),
  ]);
}

/** What a re-parse compares of a new parse: the same fields, read from the page. */
export function pageParseFingerprint(page: PageWithStory): string {
  const { story, edition } = page;
  return JSON.stringify([
    story.title,
    story.deck,
    story.byline,
    story.dateline,
    story.paragraphs,
    story.language,
    page.page_locale,
    edition?.publication
      ? [publicationKey(edition.publication), edition.date, edition.label, edition.platform]
      : null,
    teaserFields(page.teasers),
  ]);
}

/**
 * Whether re-parsing the stored article gave what is already stored. False when part of the
 * stored side is missing (`null`): then the new parse is written.
 */
export function parseUnchanged(stored: StoredParse | null, page: PageWithStory): boolean {
  return stored !== null && storedParseFingerprint(stored) === pageParseFingerprint(page);
}
