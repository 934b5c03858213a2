/**
 * Hostile page texts for the parser, each built to an exact size in UTF-8 bytes (the unit of
 * the HTTP body limit), cut at a character boundary. Deterministic: a seeded generator, no
 * clock. Shared by `npm run bench:worst` (timings) and test/security/worst-case.test.ts
 * (sanity of the output, never timings).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** The real capture repeated by the `fixture×n` case: a Magzter page with a paywall block and teaser cards. */
export const FIXTURE_PAGE = fileURLToPath(
  new URL('../../test/fixtures/pages/000-de-seed/raw.txt', import.meta.url),
);

export interface WorstCase {
  name: string;
  /** What the input is and what it stresses. */
  about: string;
  /** The input of exactly `bytes` UTF-8 bytes or, when a character does not fit, a few bytes less. */
  build: (bytes: number) => string;
}

/** Repeats `unit` and cuts at the last whole character that keeps the text within `bytes`. */
export function fill(unit: string, bytes: number): string {
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  const text = unit.repeat(Math.ceil(bytes / unitBytes));
  return cutToBytes(text, bytes);
}

/** The longest prefix of `text` that is at most `bytes` UTF-8 bytes and ends on a character boundary. */
export function cutToBytes(text: string, bytes: number): string {
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= bytes) return text;
  let end = bytes;
  // Step back over UTF-8 continuation bytes (10xxxxxx) to a character start.
  while (end > 0 && ((buffer[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return buffer.subarray(0, end).toString('utf8');
}

/** A small linear congruential generator: the same text on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/** Words a story prints, with a few that platform text uses too (`Magzter GOLD`, `Issue`). */
const LATIN = [
  'the',
  'minister',
  'said',
  'on',
  'Tuesday',
  'that',
  'prices',
  'Magzter',
  'GOLD',
  'Issue',
  '2024',
];
/** Story words only: a line naming Magzter GOLD would be taken as an upsell, and the case is about length. */
const PROSE = ['the', 'minister', 'said', 'on', 'Tuesday', 'that', 'prices', 'will', 'fall', 'by', '2024'];
const ARABIC = ['قال', 'الوزير', 'يوم', 'الثلاثاء', 'إن', 'الأسعار', 'ستنخفض'];
const DEVANAGARI = ['मंत्री', 'ने', 'मंगलवार', 'को', 'कहा', 'कि', 'कीमतें'];
const CJK = ['部長', '火曜日', '価格', '下がる', '雑誌', '新闻', '价格'];
const EMOJI = ['😀', '🇩🇪', '👩🏽‍💻', '📰', '✅'];

/** Words from every script in turn, with punctuation, bidi-sensitive neighbours and line breaks. */
function mixedScripts(bytes: number): string {
  const next = random(7);
  const scripts = [LATIN, ARABIC, DEVANAGARI, CJK, EMOJI];
  const parts: string[] = [];
  let size = 0;
  let lineLength = 0;
  while (size < bytes + 64) {
    const script = scripts[parts.length % scripts.length] ?? LATIN;
    const word = script[Math.floor(next() * script.length)] ?? '';
    const end = lineLength > 60 + next() * 200 ? (next() < 0.5 ? '.\n' : '\n') : next() < 0.1 ? ', ' : ' ';
    lineLength = end.includes('\n') ? 0 : lineLength + word.length + end.length;
    const part = word + end;
    parts.push(part);
    size += Buffer.byteLength(part, 'utf8');
  }
  return cutToBytes(parts.join(''), bytes);
}

/** One line of words, no line break at all. */
function oneLine(bytes: number): string {
  const next = random(11);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes + 16) {
    const word = PROSE[Math.floor(next() * PROSE.length)] ?? 'word';
    parts.push(word);
    size += word.length + 1;
  }
  return cutToBytes(parts.join(' '), bytes);
}

/** One-character lines, cycling through letters, digits and the characters the classifier treats as layout (`|`, `-`). */
function oneCharacterLines(bytes: number): string {
  return fill('a\n|\n-\n1\nx\n$\n.\nZ\n', bytes);
}

export const WORST_CASES: readonly WorstCase[] = [
  { name: 'all spaces', about: 'U+0020 only: one line that trims to nothing', build: (n) => ' '.repeat(n) },
  { name: 'one line of words', about: 'a whole page as one line, no line break', build: oneLine },
  {
    name: '‹ repeated',
    about: 'U+2039, a 3-byte punctuation mark: one line of 349,525 characters at 1 MiB',
    build: (n) => fill('‹', n),
  },
  {
    name: 'a×n then !',
    about: 'one long run of one letter, then a character that makes every match fail at the end',
    build: (n) => `${'a'.repeat(n - 1)}!`,
  },
  {
    name: 'mixed scripts',
    about:
      'Latin, Arabic, Devanagari, CJK and emoji (with ZWJ and flags) interleaved word by word, lines of 60 to 260 characters',
    build: mixedScripts,
  },
  {
    name: 'one-character lines',
    about: 'a line per character: 32,768 lines at 64 KiB, 524,288 at 1 MiB; `|` and `-` among them',
    build: oneCharacterLines,
  },
  {
    name: 'fixture repeated',
    about: 'a real Magzter capture (000-de-seed) repeated to the size: many stories, paywalls and cards',
    build: (n) => fill(`${readFileSync(FIXTURE_PAGE, 'utf8')}\n`, n),
  },
];

/** The sizes of the benchmark: ×4 steps, so linear growth gives 4 and 16. */
export const SIZES: readonly number[] = [64 * KiB, 256 * KiB, MiB];
