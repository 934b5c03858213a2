/** Small, linear-time string predicates shared by the pipeline stages. */

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** Characters that end a sentence in the scripts newsstands print. */
export const SENTENCE_STOPS: ReadonlySet<string> = new Set([
  '.',
  '!',
  '?',
  '…',
  '؟',
  '।',
  '。',
  '！',
  '？',
  // Armenian, Ethiopic and Myanmar full stops
  '։',
  '።',
  '။',
]);

/** Characters that may end a complete sentence (closing quotes and brackets included). */
const SENTENCE_END: ReadonlySet<string> = new Set([
  ...SENTENCE_STOPS,
  '"',
  '”',
  '’',
  "'",
  ')',
  ']',
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

/** Whether a code unit is whitespace as a regex's `\s` reads it (WhiteSpace and LineTerminator), without a regex. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whitespace other than a space. */
const OTHER_WHITESPACE = /[^\S ]/u;

/**
 * What makes a trimmed text's key differ from the lower-cased text: a
 * whitespace character other than a space, or two spaces in a row.
 */
export const IRREGULAR_SPACING: readonly string[] = [
  '  ',
  ...Array.from({ length: 0x10000 }, (_, code) => code)
    .filter((code) => code !== 0x20 && isWhitespace(code))
    .map((code) => String.fromCharCode(code)),
];

function hasWhitespaceAtAnEnd(s: string): boolean {
  return s !== '' && (isWhitespace(s.charCodeAt(0)) || isWhitespace(s.charCodeAt(s.length - 1)));
}

/**
 * Whitespace other than single inner spaces (what `/\s\s|[^\S ]|^\s|\s$/u`
 * finds, trying four branches at every character): the slow path of `foldKey`
 * is needed. Inside the ends, with no other whitespace, only two spaces in a
 * row are left to find.
 */
function hasIrregularSpace(s: string): boolean {
  return hasWhitespaceAtAnEnd(s) || OTHER_WHITESPACE.test(s) || s.includes('  ');
}

function collapseWhitespace(s: string): string {
  return s.split(/\s+/u).filter(Boolean).join(' ');
}

/** Comparison key: case-folded, inner whitespace runs reduced to one space. */
export function foldKey(s: string): string {
  const lowerCased = s.toLowerCase();
  return hasIrregularSpace(lowerCased) ? collapseWhitespace(lowerCased) : lowerCased;
}

/**
 * `foldKey` of a text already lower-cased, told which of `IRREGULAR_SPACING`
 * it holds (or more strings): the classifier finds them in the pass over the
 * line that looks for its vocabulary.
 */
export function foldKeyOfLowerCase(lowerCased: string, found: ReadonlySet<string>): string {
  return hasWhitespaceAtAnEnd(lowerCased) || holdsIrregularSpacing(found)
    ? collapseWhitespace(lowerCased)
    : lowerCased;
}

/** A loop, not `some` with a closure: that would make a context for `found` at every call, on every line. */
function holdsIrregularSpacing(found: ReadonlySet<string>): boolean {
  if (found.size === 0) return false;
  for (const s of IRREGULAR_SPACING) if (found.has(s)) return true;
  return false;
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

/** Scripts from Thai on (U+0E00: Thai, Lao, Tibetan, Myanmar, Khmer, CJK, kana) are written without spaces between words. */
export const UNSPACED_SCRIPTS_FROM = 0x0e00;
