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
 * bounds; a month (`2024-10`) spans `2024-10-00`…`2024-10-99`, so it sorts before the
 * month's days and falls inside any range that touches its month.
 */
export function dateBounds(date: string | null): { start: string | null; end: string | null } {
  if (date === null) return { start: null, end: null };
  if (date.length === 7) return { start: `${date}-00`, end: `${date}-99` };
  return { start: date, end: date };
}
