/**
 * Word counts, as ICU's word breaks count them (Unicode UAX #29 with CLDR's root rules): the
 * number of "word-like" segments `Intl.Segmenter` finds. Segmenting costs ~300 ns a character
 * in V8 (~0.35 ms for an average story, a fifth of an ingest's CPU), so text made only of
 * Latin letters, ASCII digits, spaces and common punctuation, where those rules reduce to one
 * regular expression, is counted with it; anything else (CJK, Thai, Arabic, combining marks,
 * the narrow no-break space, …) goes to ICU. test/storage/word-count.test.ts checks the two
 * agree on every fixture story and on random text over the whole fast alphabet.
 */

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The fast path's alphabet. Every character here has a simple word-break class: Latin
 * letters (ALetter), ASCII digits (Numeric), `:` (MidLetter), `.` `'` `‘` `’` (MidNumLet),
 * `,` `;` (MidNum); the rest (spaces, the no-break space, other punctuation) are Other.
 */
export const FAST_ALPHABET =
  /^(?:(?=\p{Script=Latin})\p{L}|[0-9 \t\n\r\u00a0.,;:!?'"’‘“”«»()[\]{}\-–—/\\&%$€£@#*+=…|<>~^`])*$/u;

/**
 * A word: letters and digits, joined across `:` `.` `'` `‘` `’` between two letters and
 * across `,` `;` `.` `'` `‘` `’` between two digits (UAX #29 rules WB5–WB12).
 */
const WORD = /[\p{L}0-9]+(?:(?<=\p{L})[:.'‘’](?=\p{L})[\p{L}0-9]+|(?<=\d)[,;.'‘’](?=\d)[\p{L}0-9]+)*/gu;

export function countWithIcu(text: string): number {
  let words = 0;
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike) words += 1;
  }
  return words;
}

/** Word-like segments in `text`, as `Intl.Segmenter` counts them. */
export function countTextWords(text: string): number {
  if (!FAST_ALPHABET.test(text)) return countWithIcu(text);
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) words += 1;
  return words;
}

/** Words in a story's paragraphs (each paragraph counted on its own, as a reader sees it). */
export function countWords(paragraphs: readonly string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) words += countTextWords(paragraph);
  return words;
}
