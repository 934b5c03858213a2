/** Small, linear-time string predicates shared by the pipeline stages. */

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** Characters that may end a complete sentence (closing quotes and brackets included). */
const SENTENCE_END = new Set([
  '.',
  '!',
  '?',
  '…',
  '"',
  '”',
  '’',
  "'",
  ')',
  ']',
  '؟',
  '।',
  '।',
  '。',
  '！',
  '？',
  ':',
  ';',
]);

export function hasLowercase(s: string): boolean {
  return LOWER.test(s);
}

export function hasUppercase(s: string): boolean {
  return UPPER.test(s);
}

export function hasLetter(s: string): boolean {
  return LETTER.test(s);
}

export function hasDigit(s: string): boolean {
  return DIGIT.test(s);
}

export function startsLowercase(s: string): boolean {
  const first = s.codePointAt(0);
  return first !== undefined && LOWER.test(String.fromCodePoint(first));
}

export function startsUppercase(s: string): boolean {
  const first = s.codePointAt(0);
  return first !== undefined && UPPER.test(String.fromCodePoint(first));
}

/** True when the text ends like a finished sentence (terminal punctuation or a closing quote). */
export function endsSentence(s: string): boolean {
  const last = s.at(-1);
  return last !== undefined && SENTENCE_END.has(last);
}

/** Whitespace other than a single inner space: the slow path of `foldKey` is needed. */
const IRREGULAR_SPACE = /\s\s|[^\S ]|^\s|\s$/u;

/** Comparison key: case-folded, inner whitespace runs reduced to one space. */
export function foldKey(s: string): string {
  const folded = s.toLowerCase();
  return IRREGULAR_SPACE.test(folded) ? folded.split(/\s+/u).filter(Boolean).join(' ') : folded;
}

export function wordCount(s: string): number {
  return s.split(' ').filter(Boolean).length;
}

export function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return true;
  }
  return false;
}

/** Case-insensitive `startsWith`, comparing only the prefix's length of `s`. */
export function startsWithFolded(s: string, prefixLower: string): boolean {
  return s.length >= prefixLower.length && s.slice(0, prefixLower.length).toLowerCase() === prefixLower;
}

/** Case-insensitive `endsWith`. */
export function endsWithFolded(s: string, suffixLower: string): boolean {
  return (
    s.length >= suffixLower.length && s.slice(s.length - suffixLower.length).toLowerCase() === suffixLower
  );
}

/** UTF-8 byte length of a string, counting no further than `cap` bytes. */
export function utf8Length(s: string, cap: number): number {
  let bytes = 0;
  for (let i = 0; i < s.length && bytes <= cap; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const LATIN = /\p{Script=Latin}/u;

function isLatinLetter(c: string): boolean {
  return LETTER.test(c) && LATIN.test(c);
}

/**
 * A short label glued to the end of an upper-case name: `FORBES INDIAVer todos`
 * (an upper-case run, then a capitalised word) or `INDIA TODAYعرض الكل` (a
 * change of script with no space). Returns the name and the label, or null.
 */
export function splitGluedLabel(text: string, maxLabelChars: number): { head: string; label: string } | null {
  const from = Math.max(2, text.length - maxLabelChars);
  for (let i = from; i < text.length; i++) {
    const before = text.charAt(i - 1);
    const here = text.charAt(i);
    const camel =
      UPPER.test(text.charAt(i - 2)) &&
      UPPER.test(before) &&
      UPPER.test(here) &&
      LOWER.test(text.charAt(i + 1));
    const scriptChange =
      LETTER.test(before) && LETTER.test(here) && isLatinLetter(before) !== isLatinLetter(here);
    if (camel || scriptChange) {
      const head = text.slice(0, i).trim();
      const label = text.slice(i).trim();
      if (head !== '' && label !== '') return { head, label };
    }
  }
  return null;
}
