/**
 * Normalised keys that let stored rows find each other: a teaser's title against a
 * story's title, a publication's name against another spelling of it.
 */

const NON_WORD_RUN = /[^\p{L}\p{N}]+/gu;

/**
 * `Lionesses' Last Chance!` and `LIONESSES’ LAST CHANCE` give the same key: Unicode
 * compatibility form, lower case, punctuation and spacing reduced to single spaces.
 */
export function titleKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NON_WORD_RUN, ' ').trim();
}

/** Publication names compare like titles (`The Straits Times` = `THE STRAITS TIMES`). */
export const publicationKey = titleKey;

/**
 * Sort and range bounds of an edition date with the precision printed: a day is its own
 * bounds; a month (`2024-10`) spans `2024-10-00`…`2024-10-99` and a year (`2024`, an annual)
 * `2024-00-00`…`2024-99-99`, so each sorts before the days (and months) inside it and falls
 * inside any range that touches it.
 */
export function dateBounds(date: string | null): { start: string | null; end: string | null } {
  if (date === null) return { start: null, end: null };
  return { start: dateBound(date, 'start'), end: dateBound(date, 'end') };
}

/** One bound of a date of any printed precision (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) as a full-length key. */
export function dateBound(date: string, end: 'start' | 'end'): string {
  if (date.length === 4) return `${date}${end === 'start' ? '-00-00' : '-99-99'}`;
  if (date.length === 7) return `${date}${end === 'start' ? '-00' : '-99'}`;
  return date;
}
