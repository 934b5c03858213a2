/**
 * Stage 1: normalize. Text in, clean lines out: Unicode NFC, LF line ends, no
 * BOM, no invisible formatting characters (ZWJ/ZWNJ kept: they carry meaning
 * in Indic and Arabic scripts), NBSP as space (the narrow NBSP of French typography kept), HTML entities decoded, lines
 * trimmed, and the scraper's quote-wrapping of non-ASCII lines undone.
 */

import { PLATFORMS } from './rules/platforms.js';
import { CAPTURE_BYTE_LIMIT, CAPTURE_BYTE_SLACK, MAX_INPUT_CHARS, MAX_INPUT_LINES } from './settings.js';
import { utf8Length } from './text.js';
import type { ParseOptions } from './types.js';

/**
 * Characters that carry no text, removed in one pass: zero-width and
 * bidi-control characters (ZWNJ U+200C and ZWJ U+200D are kept), the soft
 * hyphen, and C0/C1 control characters (`\p{Cc}`) other than tab, line feed and
 * carriage return (`[^\P{Cc}\t\n\r]`: a class, not a lookahead tried at every character).
 */
const INVISIBLE =
  /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD]|[^\P{Cc}\t\n\r]/gu;
/**
 * Space-like characters shown as a plain space. The narrow no-break space
 * (U+202F) is kept: it is French typography (`9\u202f000`, `abonné\u202f?`), printed on purpose.
 */
const SPACES = /[\u00A0\u2007\t]/gu;
/**
 * Some character `INVISIBLE` or `SPACES` would match (with a carriage return,
 * harmlessly, too): most texts hold none, and one search of one class (the
 * line feed it holds ruled out behind it) says so faster than the two
 * replacements do.
 */
const INVISIBLE_OR_SPACE =
  /[\p{Cc}\u00A0\u00AD\u061C\u2007\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF](?<!\n)/u;
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/gu;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  rupee: '₹',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  aring: 'å',
  atilde: 'ã',
  oacute: 'ó',
  ograve: 'ò',
  ocirc: 'ô',
  ouml: 'ö',
  otilde: 'õ',
  oslash: 'ø',
  uacute: 'ú',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  iacute: 'í',
  igrave: 'ì',
  icirc: 'î',
  iuml: 'ï',
  ntilde: 'ñ',
  ccedil: 'ç',
  szlig: 'ß',
  aelig: 'æ',
  Eacute: 'É',
  Aacute: 'Á',
  Oacute: 'Ó',
  Uacute: 'Ú',
  Iacute: 'Í',
  Ntilde: 'Ñ',
  Ccedil: 'Ç',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  Aring: 'Å',
  Oslash: 'Ø',
  AElig: 'Æ',
  zwj: '\u200D',
  zwnj: '\u200C',
};

function decodeEntity(match: string, body: string): string {
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    const valid = Number.isFinite(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : match;
  }
  return NAMED_ENTITIES[body] ?? match;
}

export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, decodeEntity) : text;
}

/**
 * The scraper stored some lines as quoted string literals: a line holding a
 * non-ASCII character came out wrapped in `'…'` (or in `"…"` when it held an
 * apostrophe). Such a wrapper is removed; an ASCII-only quoted line, or one in
 * `"…"` with no apostrophe inside (`"Quote with ş"`: the scraper would have used
 * `'…'`), is a real quotation and stays as printed.
 */
export function unwrapScrapeQuotes(line: string): string {
  if (line.length < 3) return line;
  const quote = line[0];
  if ((quote !== "'" && quote !== '"') || line.at(-1) !== quote) return line;
  const inner = line.slice(1, -1);
  if (inner.includes(quote)) return line;
  if (quote === '"' && !inner.includes("'")) return line;
  let nonAscii = false;
  for (let i = 0; i < inner.length; i++) {
    if (inner.charCodeAt(i) > 0x7f) {
      nonAscii = true;
      break;
    }
  }
  return nonAscii ? inner.trim() : line;
}

/** Icon-font ligature names of every platform (`keyboard_arrow_down`), longest first. */
const ICON_LIGATURES: readonly string[] = PLATFORMS.flatMap((p) => p.iconLigatures ?? []).sort(
  (a, b) => b.length - a.length,
);

/**
 * `Read Morekeyboard_arrow_down` → `Read More`, `access_time1 min.` → `1 min.`:
 * the names of icon-font glyphs the capture kept as text, cut out wherever
 * they are glued. Every name holds an underscore, which prose does not put
 * inside a word.
 */
export function stripIconLigatures(text: string): string {
  let out = text;
  for (const name of ICON_LIGATURES) if (out.includes(name)) out = out.split(name).join('');
  return out;
}

/** Whole-text normalization (before splitting into lines). */
export function normalizeText(text: string): string {
  let out = text;
  if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
  if (out.includes('\r')) out = out.replace(/\r\n?/gu, '\n');
  out = decodeEntities(out);
  out = out.normalize('NFC');
  if (INVISIBLE_OR_SPACE.test(out)) out = out.replace(INVISIBLE, '').replace(SPACES, ' ');
  return out;
}

/** One normalized line: its text and its 0-based line number in the input. */
export interface SourceLine {
  text: string;
  lineNo: number;
  /** The line as printed when icon-font names were cut out of `text` (`access_time4 min.`): `removed[]` reports it. */
  printed?: string | undefined;
}

export interface NormalizedInput {
  /** Non-empty lines, trimmed and unwrapped, in input order. */
  lines: SourceLine[];
  /** True when the text does not end with a line break (its last line may be cut). */
  lastLineOpen: boolean;
}

export function normalizeInput(text: string): NormalizedInput {
  const normalized = normalizeText(text);
  const raw = normalized.split('\n');
  const lines: SourceLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    const trimmed = (raw[i] ?? '').trim();
    if (trimmed === '') continue;
    const printed = unwrapScrapeQuotes(trimmed);
    const text = printed.includes('_') ? stripIconLigatures(printed).trim() : printed;
    if (text === '') continue;
    // one object shape for every line (`printed` always present) keeps the later stages' property reads fast
    lines.push({ text, lineNo: i, printed: text === printed ? undefined : printed });
  }
  const lastLineOpen = (raw.at(-1) ?? '').trim() !== '';
  return { lines, lastLineOpen };
}

/**
 * The non-empty normalized lines of a text as printed (what the parser accounts for:
 * `removed[]` reports a line with its icon-font names, `Read Morekeyboard_arrow_down`).
 */
export function normalizedLines(text: string): string[] {
  return normalizeInput(text).lines.map((l) => l.printed ?? l.text);
}

/** Where the `count`-th line ends (its newline excluded), or the text's length if it has fewer lines. */
function endOfLine(text: string, count: number): number {
  let at = -1;
  for (let line = 0; line < count; line++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text.length;
  }
  return at;
}

/** The input cut to the size the parser reads (characters, then lines), with a warning for each cut. */
export function limitInput(text: string): { input: string; warnings: string[] } {
  const warnings: string[] = [];
  let input = text;
  if (input.length > MAX_INPUT_CHARS) {
    input = input.slice(0, MAX_INPUT_CHARS);
    warnings.push(`input longer than ${MAX_INPUT_CHARS} characters: only its start was parsed`);
  }
  const lineCut = endOfLine(input, MAX_INPUT_LINES);
  if (lineCut < input.length && input.slice(lineCut).trim() !== '') {
    input = input.slice(0, lineCut);
    warnings.push(
      `input has more than ${MAX_INPUT_LINES} lines: only the first ${MAX_INPUT_LINES} were parsed`,
    );
  }
  return { input, warnings };
}

/** Whether the capture was cut at its end: the caller's word, else the capture size. */
export function isCaptureCut(text: string, options: ParseOptions): boolean {
  if (typeof options.truncated === 'boolean') return options.truncated;
  const bytes = utf8Length(text, CAPTURE_BYTE_LIMIT + 1);
  return bytes <= CAPTURE_BYTE_LIMIT && bytes >= CAPTURE_BYTE_LIMIT - CAPTURE_BYTE_SLACK;
}
