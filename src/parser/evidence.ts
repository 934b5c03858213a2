/**
 * Stage 6: evidence. A page is a story only when something says so: running
 * prose, a platform or edition signal, or a story header (a byline). A
 * shopping list or a package.json has none of these; it gets no story and a
 * warning saying why. The prose test reads only the shape of the text
 * (sentence punctuation, words per sentence, symbol density), so it holds in
 * any language.
 */

import {
  PROSE_MAX_SYMBOL_RATIO,
  PROSE_MIN_SENTENCES,
  PROSE_SENTENCE_MIN_LETTERS_UNSPACED,
  PROSE_SENTENCE_MIN_WORDS,
} from './settings.js';

/** Characters that end a sentence in the scripts newsstands print. */
const SENTENCE_STOPS: ReadonlySet<string> = new Set(['.', '!', '?', '…', '؟', '।', '。', '！', '？']);
/** Characters code and data are made of, and prose rarely holds. */
const CODE_SYMBOLS: ReadonlySet<string> = new Set([
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '=',
  '\\',
  '_',
  '|',
  '#',
  '@',
  '^',
  '~',
  '`',
  '*',
  '"',
]);

const LETTER = /\p{L}/u;

/** Stops of scripts written without spaces: they end a sentence whatever follows. */
const WIDE_STOPS: ReadonlySet<string> = new Set(['。', '！', '？']);
/** What may follow a full stop that ends a sentence (`tsconfig.build` holds none). */
const AFTER_STOP: ReadonlySet<string> = new Set([' ', '"', '”', '’', "'", ')', ']', '»']);
/** Scripts from Thai on (U+0E00: Thai, Lao, Tibetan, Myanmar, CJK, kana) are written without spaces between words. */
const UNSPACED_SCRIPTS_FROM = 0x0e00;

function closesSentence(next: string): boolean {
  return next === '' || AFTER_STOP.has(next);
}

/** Whether one sentence (its words and letters counted by the caller) is long enough to be prose. */
function longEnough(words: number, letters: number, unspacedLetters: number): boolean {
  if (words >= PROSE_SENTENCE_MIN_WORDS) return true;
  // scripts written without spaces (Chinese, Japanese, Thai): count their letters
  return unspacedLetters >= PROSE_SENTENCE_MIN_LETTERS_UNSPACED && unspacedLetters * 2 >= letters;
}

/**
 * How many sentences of running prose the lines hold (counting stops at
 * `enough`): a run of text closed by sentence punctuation, long enough, with
 * few of the symbols code and data are written in.
 */
export function proseSentences(lines: readonly string[], enough = PROSE_MIN_SENTENCES): number {
  let found = 0;
  for (const line of lines) {
    let words = 0;
    let letters = 0;
    let unspacedLetters = 0;
    let symbols = 0;
    let length = 0;
    let inWord = false;
    // code units: the letters counted here (Latin, CJK, Thai…) are all in the BMP
    for (let k = 0; k < line.length; k++) {
      const ch = line.charAt(k);
      length++;
      if (ch === ' ') {
        inWord = false;
        continue;
      }
      if (!inWord) {
        words++;
        inWord = true;
      }
      if (CODE_SYMBOLS.has(ch)) symbols++;
      else if (LETTER.test(ch)) {
        letters++;
        if (ch.charCodeAt(0) >= UNSPACED_SCRIPTS_FROM) unspacedLetters++;
      }
      if (SENTENCE_STOPS.has(ch) && (WIDE_STOPS.has(ch) || closesSentence(line.charAt(k + 1)))) {
        if (longEnough(words, letters, unspacedLetters) && symbols <= length * PROSE_MAX_SYMBOL_RATIO)
          found++;
        if (found >= enough) return found;
        words = 0;
        letters = 0;
        unspacedLetters = 0;
        symbols = 0;
        length = 0;
        inWord = false;
      }
    }
  }
  return found;
}

/** What the parse saw besides the story text itself. */
export interface StorySignals {
  /** The platform was recognised (URL or text marker). */
  platform: boolean;
  /** A platform line was removed (edition line, trial, upsell, reading time…). */
  platformLines: boolean;
  /** An edition was printed: an edition line or a date in the header. */
  edition: boolean;
  /** The header carried a byline. */
  byline: boolean;
}

/**
 * Why the text is not a story, or null when it has the evidence of one.
 * Prose is read from the deck and paragraphs only: a title is never prose.
 */
export function missingStoryEvidence(texts: readonly string[], signals: StorySignals): string | null {
  if (signals.platform || signals.platformLines || signals.edition || signals.byline) return null;
  const sentences = proseSentences(texts);
  if (sentences >= PROSE_MIN_SENTENCES) return null;
  return (
    `no story: the text has ${sentences} sentence(s) of running prose (at least ${PROSE_MIN_SENTENCES} needed) ` +
    'and no platform, edition or byline to show it is a newsstand page'
  );
}
