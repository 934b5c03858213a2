import type { ArticleRecord, EditionRecord, TeaserRecord } from '../../storage/repository.js';

/** Everything the `GET /v1/articles/{id}` renderers need, loaded by the route. */
export interface ArticleView {
  article: ArticleRecord;
  edition: EditionRecord | null;
  teasers: TeaserRecord[];
}

/** The edition an article was printed in, in the form every renderer shows it. */
export interface EditionLine {
  publication: string | null;
  /** ISO date ('YYYY-MM-DD' or 'YYYY-MM'), for machine-readable markup. */
  isoDate: string | null;
  /** The date as printed, falling back to the ISO date. */
  dateText: string | null;
  platform: string | null;
}

/** True for strings with something visible in them. */
export function present(text: string | null | undefined): text is string {
  return text !== null && text !== undefined && text.trim() !== '';
}

/**
 * The edition line, from the edition record or, without one, the article's edition
 * summary; null when neither publication nor date is known.
 */
export function editionLine(view: ArticleView): EditionLine | null {
  const { edition } = view;
  const summary = view.article.edition;
  const publication = edition?.publication.name ?? summary?.publication ?? null;
  const isoDate = edition ? edition.date : (summary?.date ?? null);
  const label = edition?.label ?? null;
  const dateText = present(label) ? label : isoDate;
  if (!present(publication) && !present(dateText)) return null;
  return {
    publication: present(publication) ? publication : null,
    isoDate: present(isoDate) ? isoDate : null,
    dateText: present(dateText) ? dateText : null,
    platform: edition?.platform ?? null,
  };
}

/** "The Straits Times, October 23, 2024": publication and printed date, unescaped. */
export function editionParts(line: EditionLine): string[] {
  return [line.publication, line.dateText].filter(present);
}
