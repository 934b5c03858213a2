/**
 * Story language: franc-min's trigram models on a bounded sample of the body,
 * mapped to BCP 47.
 *
 * The scoring is franc's own (franc-min 6.2.0, pinned): the script most of
 * the sample is written in picks the models; the sample is cleaned and cut into
 * trigrams as franc does; a language's distance is, summed over the sample's
 * distinct trigrams, |count − rank − 1| where its model ranks the trigram and
 * 300 where it does not; the smallest distance wins, the first language in
 * franc's order on a tie. What differs is only the bookkeeping, and none of it
 * can change an answer:
 * - the candidate models are indexed once, at load: a trigram is an integer
 *   (three letters of the models' alphabet) that leads to the languages
 *   ranking it, with their ranks;
 * - a language is scored by what its model saves on "every trigram missing"
 *   (300 each): 300 − |count − rank − 1| on each trigram it ranks. A trigram
 *   no candidate ranks moves every distance alike and is not even counted;
 * - the sample is lower-cased before it is cleaned, and cleaned in one pass
 *   into a reused buffer (see `lowerCasedForTrigrams`, `writeCleaned`);
 * - a character's scripts come from a table filled on first sight from
 *   franc's own expressions (see `scriptBits`).
 * The answers are franc's, to the last tie.
 *
 * The UI lines (`detectUiLanguage`) are scored on the full franc's models (the same models as
 * franc-min's for its languages, plus Finnish and Danish, UI_LANGUAGE_CANDIDATES), then checked
 * against letters and function words; the story on franc-min's.
 */

import { data as FRANC_MODELS } from 'franc-min/data.js';
// the full franc (187 languages, the same models for franc-min's 82): the UI languages franc-min has no model for
import { data as FRANC_FULL_MODELS } from 'franc/data.js';
import { expressions as FRANC_SCRIPTS } from 'franc-min/expressions.js';
import { LATIN_LANGUAGES, SISTER_LANGUAGE_WORDS, type LatinLanguage } from './rules/alphabets.js';
import {
  CYRILLIC_ALPHABETS,
  CYRILLIC_STAND_INS,
  LANGUAGE_OF_SCRIPT,
  OWN_LETTERS,
  PREFERRED_LETTERS,
  SCRIPT_RANGES,
  SHARED_SCRIPT_WORDS,
} from './rules/scripts.js';
import {
  LANGUAGE_CANDIDATES,
  LANGUAGE_MIN_CHARS,
  LANGUAGE_SAMPLE_CHARS,
  SHARED_PARTICLE_MAX_LETTERS,
  UI_LANGUAGE_CANDIDATES,
  UI_LANGUAGE_MIN_CHARS,
  UI_LANGUAGES_NEEDING_OWN_LETTER,
} from './settings.js';
import { isWhitespace } from './text.js';

/** Kana appear only in Japanese: a sample holding them is Japanese (franc would weigh its kanji as Chinese). */
const KANA = /[\u3040-\u30FF]/u;

/** franc's distance for a trigram a language's model lacks. */
const MAX_DIFFERENCE = 300;
/** franc reads no more than this many characters of a sample. */
const FRANC_MAX_LENGTH = 2048;

const CANDIDATES: ReadonlySet<string> = new Set(LANGUAGE_CANDIDATES);
const UI_CANDIDATES: ReadonlySet<string> = new Set(UI_LANGUAGE_CANDIDATES);

/** The candidate languages written in one script, their models indexed by trigram. */
interface ScriptModels {
  /** Candidates in franc's order (the order that breaks a tie). */
  languages: readonly string[];
  /** Code unit → 1 + its index in the alphabet of the models (the characters their trigrams use); 0 or past the end outside it. */
  letterOf: Uint8Array;
  /** Alphabet size + 1: the base of a trigram's integer code. */
  base: number;
  /** Trigram code → 1 + the trigram's id when some candidate's model ranks it; 0 when none does. */
  trigramIds: Int16Array;
  /** The ranks of trigram `id` are entries `firstEntry[id]` to `firstEntry[id + 1]` (exclusive)… */
  firstEntry: Int32Array;
  /** …each a language (its index in `languages`) and its model's rank of the trigram. */
  entryLanguage: Uint8Array;
  entryRank: Int16Array;
  /** Scratch for one sample (the parser is synchronous): each trigram id's count, zero between calls… */
  counts: Int32Array;
  /** …the ids counted, in the order first seen… */
  seen: Int32Array;
  /** …and each language's saving (see `nearestLanguage`). */
  savings: Int32Array;
}

function indexModels(
  models: Readonly<Record<string, string>>,
  candidates: ReadonlySet<string>,
): ScriptModels {
  const languages = Object.keys(models).filter((language) => candidates.has(language));
  // from the end, as franc does: a trigram listed twice keeps its first rank
  const ranksByTrigram = new Map<string, Map<number, number>>();
  languages.forEach((language, l) => {
    const trigrams = (models[language] ?? '').split('|');
    for (let rank = trigrams.length - 1; rank >= 0; rank--) {
      const trigram = trigrams[rank] as string;
      let ranks = ranksByTrigram.get(trigram);
      if (ranks === undefined) {
        ranks = new Map();
        ranksByTrigram.set(trigram, ranks);
      }
      ranks.set(l, rank);
    }
  });

  const trigrams = [...ranksByTrigram.keys()];
  if (trigrams.some((t) => t.length !== 3)) throw new Error('franc model trigram not of three code units');
  const letterOf = new Uint8Array(Math.max(0, ...trigrams.map((t) => Math.max(...charCodes(t)))) + 1);
  let letters = 0;
  for (const trigram of trigrams)
    for (const code of charCodes(trigram)) if (letterOf[code] === 0) letterOf[code] = ++letters;
  if (letters >= 255) throw new Error('franc model alphabet too large for its index');
  const base = letters + 1;

  // a table over the whole code space (about 400,000 entries, 800 KB, for Latin): one read per trigram
  const trigramIds = new Int16Array(base * base * base);
  const firstEntry = new Int32Array(ranksByTrigram.size + 1);
  const entryLanguage: number[] = [];
  const entryRank: number[] = [];
  let id = 0;
  for (const [trigram, ranks] of ranksByTrigram) {
    firstEntry[id] = entryLanguage.length;
    trigramIds[trigramCode(letterOf, base, trigram, 0)] = ++id;
    for (const [l, rank] of ranks) {
      entryLanguage.push(l);
      entryRank.push(rank);
    }
  }
  firstEntry[id] = entryLanguage.length;
  if (id > 0x7fff) throw new Error('too many franc trigrams for their index');
  return {
    languages,
    letterOf,
    base,
    trigramIds,
    firstEntry,
    entryLanguage: Uint8Array.from(entryLanguage),
    entryRank: Int16Array.from(entryRank),
    counts: new Int32Array(id),
    seen: new Int32Array(id),
    savings: new Int32Array(languages.length),
  };
}

function charCodes(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

/** Integer code of the trigram at `at`, or -1 when a character is outside the models' alphabet. */
function trigramCode(letterOf: Uint8Array, base: number, text: string, at: number): number {
  const a = letterOf[text.charCodeAt(at)] ?? 0;
  const b = letterOf[text.charCodeAt(at + 1)] ?? 0;
  const c = letterOf[text.charCodeAt(at + 2)] ?? 0;
  return a === 0 || b === 0 || c === 0 ? -1 : (a * base + b) * base + c;
}

/** Scripts that several languages share (Latin, Cyrillic, Arabic, Devanagari), with their candidates' models. */
const MODELS_BY_SCRIPT: ReadonlyMap<string, ScriptModels> = new Map(
  Object.entries(FRANC_MODELS).map(([script, models]) => [script, indexModels(models, CANDIDATES)]),
);

/**
 * The same for the UI languages, indexed on first use (most pages name their UI language in known
 * wording), from the full franc's models: the same models as franc-min's for its languages, plus
 * the UI languages franc-min has none for (Finnish, Danish).
 */
const uiModelsByScript = new Map<string, ScriptModels | null>();

function uiModels(script: string): ScriptModels | null {
  let models = uiModelsByScript.get(script);
  if (models === undefined) {
    const francModels = (FRANC_FULL_MODELS as Readonly<Record<string, Readonly<Record<string, string>>>>)[
      script
    ];
    models = francModels === undefined ? null : indexModels(francModels, UI_CANDIDATES);
    uiModelsByScript.set(script, models);
  }
  return models;
}

const NEEDS_OWN_LETTER: ReadonlySet<string> = new Set(UI_LANGUAGES_NEEDING_OWN_LETTER);

/**
 * The words that let a language of UI_LANGUAGES_NEEDING_OWN_LETTER answer an ASCII sample (built on
 * first use, from tables declared below): its
 * function words (rules/alphabets.ts), its own words among its sister languages, and those of the
 * sisters no UI candidate models (it answers for them: Danish for Norwegian `rettigheter`).
 */
let ownWordsOfGated: ReadonlyMap<string, ReadonlySet<string>> | null = null;

function ownWordsOfGatedTable(): ReadonlyMap<string, ReadonlySet<string>> {
  if (ownWordsOfGated !== null) return ownWordsOfGated;
  const modelled = new Set(UI_LANGUAGE_CANDIDATES.flatMap((code) => ISO_639_3_TO_BCP47[code] ?? []));
  const map = new Map<string, ReadonlySet<string>>();
  for (const code of NEEDS_OWN_LETTER) {
    const tag = ISO_639_3_TO_BCP47[code] ?? '';
    const words = new Set(LATIN_BY_TAG.get(tag)?.words ?? []);
    for (const group of SISTER_LANGUAGE_WORDS) {
      if (group[tag] === undefined) continue;
      for (const [sister, own] of Object.entries(group))
        if (sister === tag || !modelled.has(sister)) for (const w of own) words.add(w);
    }
    map.set(code, words);
  }
  ownWordsOfGated = map;
  return map;
}

/**
 * Whether a language may answer for a sample holding `letters` (its letters beyond a–z) and
 * `words` (lower case): one of UI_LANGUAGES_NEEDING_OWN_LETTER must find one of the letters its
 * spelling writes beyond a–z (Danish `æ ø å`) or one of its own words (ownWordsOfGatedTable:
 * Norwegian `rettigheter`). On a few other ASCII words (`For you`, `Top stories`) its model is one more
 * near neighbour to answer by chance (`for` is a Danish word); the other models' answer stands.
 */
function mayAnswer(letters: ReadonlySet<string>, words: readonly string[]): (code: string) => boolean {
  return (code) => {
    if (!NEEDS_OWN_LETTER.has(code)) return true;
    const spelling = LATIN_BY_TAG.get(ISO_639_3_TO_BCP47[code] ?? '')?.letters ?? '';
    for (const letter of letters) if (spelling.includes(letter)) return true;
    const own = ownWordsOfGatedTable().get(code);
    return own !== undefined && words.some((w) => own.has(w));
  };
}

/** franc's script expressions, in franc's order (the order that breaks a tie). */
const SCRIPTS: readonly [name: string, expression: RegExp][] = Object.entries(FRANC_SCRIPTS);
// masks stay below 2^30, small integers to V8 (a larger one would be a heap number on every read)
if (SCRIPTS.length > 29) throw new Error('more franc scripts than bits in a script mask');

/**
 * Each expression is a class of single BMP code units or an alternative that
 * opens with a high surrogate: in a text without surrogates, it matches exactly
 * the code units its class holds, one at a time. So a code unit's scripts
 * (a bit per expression) are asked of the expressions once and kept.
 */
const SCRIPT_BITS_KNOWN = 1 << SCRIPTS.length;
const scriptBitsOf = new Int32Array(0x10000);

function scriptBits(code: number): number {
  const bits = scriptBitsOf[code] as number;
  return bits !== 0 ? bits : learnScriptBits(code);
}

/** Apart from `scriptBits`, whose every call would otherwise make a context for this loop's closure. */
function learnScriptBits(code: number): number {
  const unit = String.fromCharCode(code);
  let bits = SCRIPT_BITS_KNOWN;
  // search() leaves a global expression's lastIndex as it was
  SCRIPTS.forEach(([, expression], s) => {
    if (unit.search(expression) === 0) bits |= 1 << s;
  });
  scriptBitsOf[code] = bits;
  return bits;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** How many characters of the sample each expression matches (franc's `sample.match(expression).length`). */
function scriptCounts(sample: string): Int32Array {
  const counts = new Int32Array(SCRIPTS.length);
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (isSurrogate(code)) return scriptCountsByExpression(sample);
    // each set bit (most characters have one), lowest first
    for (let bits = scriptBits(code) ^ SCRIPT_BITS_KNOWN; bits !== 0; bits &= bits - 1) {
      const s = 31 - Math.clz32(bits & -bits);
      counts[s] = (counts[s] as number) + 1;
    }
  }
  return counts;
}

/** The slow path, for a sample with surrogates (astral characters): the expressions themselves. */
function scriptCountsByExpression(sample: string): Int32Array {
  return Int32Array.from(SCRIPTS, ([, expression]) => sample.match(expression)?.length ?? 0);
}

/** The script (as franc names it) with the most characters in the sample, and their count; the first wins a tie. */
function topScript(sample: string): { script: string | undefined; count: number } {
  const counts = scriptCounts(sample);
  let script: string | undefined;
  let count = -1;
  for (let s = 0; s < SCRIPTS.length; s++) {
    const n = counts[s] as number;
    if (n > count) {
      script = (SCRIPTS[s] as [string, RegExp])[0];
      count = n;
    }
  }
  return { script, count };
}

/** The sample cleaned as franc cleans it (ASCII punctuation and digits out, spaces collapsed, lower case), padded with a space. */
function cleanedForTrigrams(sample: string): string {
  const cleaned = sample
    .replace(/[\u0021-\u0040]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
  return ` ${cleaned} `;
}

/** What franc's cleaning turns into a space: ASCII punctuation and digits (U+0021–U+0040), and whitespace. */
function isSeparator(code: number): boolean {
  return (code >= 0x21 && code <= 0x40) || isWhitespace(code);
}

const SPACE = 0x20;

/**
 * The sample lower-cased, to be cleaned as `cleanedForTrigrams` cleans it.
 * Lower-casing first changes nothing (no character lower-cases to a separator
 * or from one, and only a capital sigma looks at its neighbours: a sample
 * holding one is cleaned by franc's steps) and spares the regex passes.
 */
function lowerCasedForTrigrams(sample: string): string {
  return sample.includes('Σ') ? cleanedForTrigrams(sample) : sample.toLowerCase();
}

/** Scratch (the parser is synchronous) for the cleaned sample's code units; grown when a sample needs more. */
let cleanedUnits = new Uint16Array(2 * LANGUAGE_SAMPLE_CHARS);

/**
 * Writes the lower-cased sample into `cleanedUnits` as `cleanedForTrigrams`
 * leaves it: each run of separators one space, none at the ends, a space of
 * padding on each side. Returns its length.
 */
function writeCleaned(lowerCased: string): number {
  // every code unit writes at most itself and the space before it; the padding adds two
  if (cleanedUnits.length < lowerCased.length + 2) cleanedUnits = new Uint16Array(lowerCased.length + 2);
  const units = cleanedUnits;
  let length = 0;
  units[length++] = SPACE;
  let spaceDue = false;
  for (let i = 0; i < lowerCased.length; i++) {
    const code = lowerCased.charCodeAt(i);
    if (isSeparator(code)) {
      spaceDue = length > 1;
      continue;
    }
    if (spaceDue) units[length++] = SPACE;
    units[length++] = code;
    spaceDue = false;
  }
  units[length++] = SPACE;
  return length;
}

/**
 * The candidate whose model is nearest the sample's trigrams (franc's distance), or null when the script has none.
 * Scored relative to "every trigram missing" (300 each): a ranked trigram saves 300 − |count − rank − 1|.
 */
function nearestLanguage(
  sample: string,
  models: ScriptModels,
  allowed: (language: string) => boolean = () => true,
): string | null {
  const { languages, letterOf, base, trigramIds, firstEntry, entryLanguage, entryRank } = models;
  const { counts, seen, savings } = models;
  const length = writeCleaned(lowerCasedForTrigrams(sample));
  const units = cleanedUnits;
  let distinct = 0;
  // the letters of the trigram's first two characters (0: outside the alphabet, or none yet)
  let first = 0;
  let second = letterOf[units[0] as number] ?? 0;
  for (let i = 1; i < length; i++) {
    const third = letterOf[units[i] as number] ?? 0;
    if (first !== 0 && second !== 0 && third !== 0) {
      const id = (trigramIds[(first * base + second) * base + third] as number) - 1;
      if (id >= 0) {
        if (counts[id] === 0) seen[distinct++] = id;
        counts[id] = (counts[id] as number) + 1;
      }
    }
    first = second;
    second = third;
  }
  savings.fill(0);
  for (let k = 0; k < distinct; k++) {
    const id = seen[k] as number;
    const count = counts[id] as number;
    counts[id] = 0;
    const end = firstEntry[id + 1] as number;
    for (let e = firstEntry[id] as number; e < end; e++) {
      const difference = Math.abs(count - (entryRank[e] as number) - 1);
      const l = entryLanguage[e] as number;
      savings[l] = (savings[l] as number) + MAX_DIFFERENCE - difference;
    }
  }
  // smallest distance = largest saving; the first language wins a tie
  let best = -1;
  for (let l = 0; l < languages.length; l++)
    if (allowed(languages[l] as string) && (best < 0 || (savings[l] as number) > (savings[best] as number)))
      best = l;
  return best < 0 ? null : (languages[best] as string);
}

/** franc(sample, { only: LANGUAGE_CANDIDATES }) for a sample of at least its minimum length: an ISO 639-3 code, or null for `und`. */
function francCode(text: string): string | null {
  const sample = text.slice(0, FRANC_MAX_LENGTH);
  const { script, count } = topScript(sample);
  if (script === undefined || count === 0) return null;
  const models = MODELS_BY_SCRIPT.get(script);
  // a script of its own names its language
  if (models === undefined) return CANDIDATES.has(script) ? script : null;
  return nearestLanguage(sample, models);
}

/** ISO 639-3 codes franc-min returns → BCP 47 (ISO 639-1 where one exists). */
const ISO_639_3_TO_BCP47: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  fra: 'fr',
  deu: 'de',
  ita: 'it',
  nld: 'nl',
  swe: 'sv',
  pol: 'pl',
  ron: 'ro',
  hun: 'hu',
  ces: 'cs',
  tur: 'tr',
  ind: 'id',
  zlm: 'ms',
  vie: 'vi',
  jav: 'jv',
  sun: 'su',
  tgl: 'tl',
  ceb: 'ceb',
  ilo: 'ilo',
  swh: 'sw',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  zul: 'zu',
  som: 'so',
  kin: 'rw',
  run: 'rn',
  nya: 'ny',
  lin: 'ln',
  plt: 'mg',
  fuv: 'ff',
  uzn: 'uz',
  azj: 'az',
  bos: 'bs',
  hrv: 'hr',
  srp: 'sr',
  ckb: 'ckb',
  qug: 'qu',
  mad: 'mad',
  zyb: 'za',
  hms: 'hms',
  hnj: 'hnj',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  koi: 'koi',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  skr: 'skr',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  mai: 'mai',
  bho: 'bho',
  npi: 'ne',
  mag: 'mag',
  ben: 'bn',
  pan: 'pa',
  guj: 'gu',
  ori: 'or',
  tam: 'ta',
  tel: 'te',
  kan: 'kn',
  mal: 'ml',
  sin: 'si',
  tha: 'th',
  lao: 'lo',
  mya: 'my',
  khm: 'km',
  kor: 'ko',
  jpn: 'ja',
  cmn: 'zh',
  ell: 'el',
  heb: 'he',
  amh: 'am',
  kat: 'ka',
  hye: 'hy',
  nob: 'nb',
  nno: 'nn',
  dan: 'da',
  fin: 'fi',
  ekk: 'et',
  lvs: 'lv',
  lit: 'lt',
  slk: 'sk',
  slv: 'sl',
  cat: 'ca',
  glg: 'gl',
  eus: 'eu',
};

/**
 * The story's language: franc's answer (`detectLanguage`), else the language of a script only
 * one language writes, which franc-min cannot see (Khmer, Lao, Hebrew) or names only for the
 * story languages it is asked about (Amharic, Burmese).
 */
export function storyLanguage(texts: readonly string[]): string | null {
  const detected = detectLanguage(texts);
  if (detected !== null) return detected;
  const sample = texts.join('\n').slice(0, LANGUAGE_SAMPLE_CHARS);
  if (trimmedLength(sample) < LANGUAGE_MIN_CHARS) return null;
  return LANGUAGE_OF_SCRIPT[dominantScript(sample) ?? ''] ?? null;
}

/** Scripts by index + 1 (0: none): Latin first, then SCRIPT_RANGES' scripts as first listed. */
const SCRIPT_NAMES: readonly string[] = [
  ...new Set(['Latin', ...SCRIPT_RANGES.map((range) => range.script)]),
];

/** Each BMP code unit's script (an index + 1 into SCRIPT_NAMES; 0 for punctuation, digits, marks outside a block). */
const SCRIPT_OF_UNIT: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  const latin = 1;
  const latinRanges: [number, number][] = [
    [0x41, 0x5a],
    [0x61, 0x7a],
    [0xc0, 0x24f],
    [0x250, 0x2af],
    [0x1e00, 0x1eff],
  ];
  for (const [first, last] of latinRanges) table.fill(latin, first, last + 1);
  table[0xd7] = 0; // ×
  table[0xf7] = 0; // ÷
  for (const range of SCRIPT_RANGES)
    table.fill(SCRIPT_NAMES.indexOf(range.script) + 1, range.first, range.last + 1);
  return table;
})();

const CYRILLIC = SCRIPT_NAMES.indexOf('Cyrillic') + 1;

/**
 * Whether the sample holds a letter the language's listed alphabet never writes (`ҙ` is not
 * Russian): then the sample is not in that language. False for a language with no alphabet listed.
 */
export function holdsLettersBeyond(language: string, sample: string): boolean {
  const cyrillic = CYRILLIC_ALPHABETS[language];
  if (cyrillic !== undefined) return lackedLetters(cyrillic, cyrillicLetters(sample)) > 0;
  const latin = LATIN_BY_TAG.get(language);
  return latin !== undefined && lackedLetters(latin.letters, lettersBeyondAscii(sample)) > 0;
}

/** The script most of the sample's characters are written in (the first listed wins a tie), or null. */
function dominantScript(sample: string): string | null {
  const counts = new Int32Array(SCRIPT_NAMES.length + 1);
  for (let i = 0; i < sample.length; i++) {
    const s = SCRIPT_OF_UNIT[sample.charCodeAt(i)] as number;
    counts[s] = (counts[s] as number) + 1;
  }
  // counts[0] holds what no script writes (digits, punctuation, spaces): never a candidate
  let best = 1;
  for (let s = 2; s < counts.length; s++) if ((counts[s] as number) > (counts[best] as number)) best = s;
  return counts[best] === 0 ? null : (SCRIPT_NAMES[best - 1] as string);
}

/** Letter → the one language of its (non-Latin) script that writes it. */
const LANGUAGE_OF_OWN_LETTER: ReadonlyMap<string, string> = new Map(
  Object.entries(OWN_LETTERS).flatMap(([language, letters]) =>
    [...letters].map((l) => [l, language] as const),
  ),
);

/** The language whose own letters (`OWN_LETTERS`) the sample holds most often, or null when it holds none. */
function languageOfOwnLetters(sample: string): string | null {
  const hits = new Map<string, number>();
  for (const char of sample.toLowerCase()) {
    const language = LANGUAGE_OF_OWN_LETTER.get(char);
    if (language !== undefined) hits.set(language, (hits.get(language) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [language, count] of hits)
    if (best === null || count > (hits.get(best) as number)) best = language;
  return best;
}

/** `text.trim().length`, without making the trimmed string. */
function trimmedLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end - start;
}

/**
 * Detect the language of a story from its paragraphs (or its title and deck
 * when there is no body), or of platform lines (`minChars` lower): a bounded
 * sample, compared against the newsstand languages only.
 */
export function detectLanguage(texts: readonly string[], minChars = LANGUAGE_MIN_CHARS): string | null {
  let sample = '';
  for (const text of texts) {
    if (sample.length >= LANGUAGE_SAMPLE_CHARS) break;
    sample += `${text.slice(0, LANGUAGE_SAMPLE_CHARS - sample.length)}\n`;
  }
  if (trimmedLength(sample) < minChars) return null;
  if (KANA.test(sample)) return 'ja';
  const code = francCode(sample);
  return code === null ? null : (ISO_639_3_TO_BCP47[code] ?? null);
}

const LATIN_BY_TAG: ReadonlyMap<string, LatinLanguage> = new Map(LATIN_LANGUAGES.map((l) => [l.tag, l]));
const LATIN_WORD_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  LATIN_LANGUAGES.map((l) => [l.tag, new Set(l.words)]),
);
const NON_LETTERS = /\P{L}+/u;
/** What parts words in any script: not a letter and not a mark (Devanagari writes its vowels after a letter as marks). */
const NON_WORD_CHARACTERS = /[^\p{L}\p{M}]+/u;
const LETTER = /\p{L}/u;

/**
 * The Latin-script language of a short sample, given the trigram models' guess: among the
 * languages whose spelling has every letter beyond a–z the sample holds, the one most of the
 * sample's function words point to; the guess itself when it fits as well as any. A guess
 * whose spelling lacks one of the letters is never kept when a language fits them all (one `à`
 * is not Spanish). A language the trigram models know and ranked below the guess is not
 * brought back by one short particle alone (`wordHits`): Lingala's possessive `ya` is a
 * Spanish word too, and the models have seen the sample is not Spanish. The guess's own
 * particle still counts for it (Dutch `en` beside a `.com` read as Portuguese `com`).
 */
function checkedLatinLanguage(sample: string, guess: string, models: ScriptModels): string {
  const lower = sample.toLowerCase();
  const letters = lettersBeyondAscii(sample);
  const words = lower.split(NON_LETTERS).filter(Boolean);
  const modelled = modelledTags(models);
  let best: string | null = null;
  let bestHits = -1;
  let guessHits = -1;
  for (const language of LATIN_LANGUAGES) {
    if (lackedLetters(language.letters, letters) > 0) continue;
    const known = LATIN_WORD_SETS.get(language.tag) as ReadonlySet<string>;
    const hits = wordHits(words, known, language.tag === guess || !modelled.has(language.tag));
    if (language.tag === guess) guessHits = hits;
    if (hits > bestHits) {
      best = language.tag;
      bestHits = hits;
    }
  }
  if (best === null || bestHits <= guessHits) return guess;
  if (bestHits > 0) return best;
  // no function word to go by: the guess if its letters fit, else the nearest modelled language
  // whose letters do (`æ` rules out the Turkish guess; Danish, not the first listed, French)
  if (guessHits === 0) return guess;
  const tagOf = (code: string): string | undefined => ISO_639_3_TO_BCP47[code];
  const held = mayAnswer(letters, words);
  const fits = (code: string): boolean => {
    const listed = LATIN_BY_TAG.get(tagOf(code) ?? '');
    return listed !== undefined && lackedLetters(listed.letters, letters) === 0 && held(code);
  };
  const nearest = nearestLanguage(sample, models, fits);
  return (nearest === null ? undefined : tagOf(nearest)) ?? best;
}

/**
 * How many of the words are the language's function words; with `particleCounts` false, none
 * when they are all one word of at most SHARED_PARTICLE_MAX_LETTERS letters. Two-letter
 * particles are shared by unrelated languages (`ya`: Spanish, Lingala, Setswana; `na`: Polish,
 * Fijian; `as`: Portuguese, Manx): one of them alone, however often printed, is no evidence
 * against what the trigram models answered.
 */
export function wordHits(
  words: readonly string[],
  known: ReadonlySet<string>,
  particleCounts = true,
): number {
  let hits = 0;
  let first: string | null = null;
  let strong = particleCounts;
  for (const word of words) {
    if (!known.has(word)) continue;
    hits++;
    if (first === null) first = word;
    if (word !== first || word.length > SHARED_PARTICLE_MAX_LETTERS) strong = true;
  }
  return strong ? hits : 0;
}

const modelledTagsOf = new WeakMap<ScriptModels, ReadonlySet<string>>();

/** The BCP 47 tags of the languages the script's models name. */
function modelledTags(models: ScriptModels): ReadonlySet<string> {
  let tags = modelledTagsOf.get(models);
  if (tags === undefined) {
    tags = new Set(models.languages.flatMap((code) => ISO_639_3_TO_BCP47[code] ?? []));
    modelledTagsOf.set(models, tags);
  }
  return tags;
}

/** Letters that one listed Latin-script language writes and no other (`ș` Romanian, `ő` Hungarian, `ñ` Spanish). */
const LETTER_OF_ONE_LANGUAGE: ReadonlyMap<string, string> = (() => {
  const writers = new Map<string, string[]>();
  for (const language of LATIN_LANGUAGES)
    for (const letter of language.letters)
      writers.set(letter, [...(writers.get(letter) ?? []), language.tag]);
  return new Map([...writers].flatMap(([letter, tags]) => (tags.length === 1 ? [[letter, tags[0]!]] : [])));
})();

/**
 * The language named by the first letter of `text` that only one listed language writes: two
 * or three words (`Știri & Politică`) are too few for a trigram model, one such letter is not.
 */
export function languageOfLetters(text: string): string | null {
  for (const char of text.toLowerCase()) {
    const language = LETTER_OF_ONE_LANGUAGE.get(char);
    if (language !== undefined) return language;
  }
  return null;
}

/**
 * The language of a few short UI lines (edition line, trial, sign-in, footer links), in any
 * language the newsstands translate into, with no word list of theirs: the script, when one
 * language writes it (Khmer, Sinhala, Hangul: franc-min cannot see some, and names others only
 * if they are story languages); else a letter only one language of the script writes; else
 * franc's trigram models of the UI languages, checked against the letters and function words of
 * the Latin-script languages (`rules/alphabets.ts`). On so little text the trigram models answer a
 * neighbour, and they cannot name a language they have no model for (Catalan becomes Spanish,
 * Maltese Italian).
 */
export function detectUiLanguage(texts: readonly string[]): string | null {
  const joined = texts.join('\n').slice(0, FRANC_MAX_LENGTH);
  const script = dominantScript(joined);
  if (script === null) return null;
  // Ossetian typed with the Latin `æ`: read in its script, where its own letter names it
  const sample = script === 'Cyrillic' ? withCyrillicStandIns(joined) : joined;
  // a word or two in a script of one language says as much as a sentence
  if (KANA.test(sample)) return 'ja';
  const ownLetters = languageOfOwnLetters(sample);
  // …unless it is a name's: a Russian line naming a Ukrainian town holds `ї` and `ы`
  if (ownLetters !== null && lackedLetters(CYRILLIC_ALPHABETS[ownLetters], cyrillicLetters(sample)) === 0)
    return ownLetters;
  const ofScript = LANGUAGE_OF_SCRIPT[script];
  if (ofScript !== undefined) return sharedScriptLanguage(sample, script) ?? ofScript;
  if (trimmedLength(sample) < UI_LANGUAGE_MIN_CHARS) return null;
  const models = uiModels(script);
  if (models === null) return null;
  if (script === 'Cyrillic') return checkedCyrillicLanguage(sample, models);
  const code = nearestLanguage(sample, models, mayAnswer(lettersBeyondAscii(sample), lowerWords(sample)));
  const detected = code === null ? null : (ISO_639_3_TO_BCP47[code] ?? null);
  if (detected === null) return null;
  if (script !== 'Latin') return sisterLanguage(sample, detected);
  if (LATIN_BY_TAG.has(detected))
    return sisterLanguage(sample, checkedLatinLanguage(sample, detected, models));
  // a guess listed in no alphabet gives way only to a listed language that writes every letter of the sample
  const byLetters = languageOfLetters(sample);
  if (
    byLetters !== null &&
    lackedLetters(LATIN_BY_TAG.get(byLetters)?.letters, lettersBeyondAscii(sample)) === 0
  )
    return byLetters;
  return sisterLanguage(sample, listedLanguageByWords(sample) ?? detected);
}

/**
 * Malay read as Indonesian (or the other way round), Konkani as Marathi: where the answer has a
 * sister language (SISTER_LANGUAGE_WORDS), the sister wins when the sample holds more of the
 * words only the sister writes than of the words only the answer writes. Otherwise the answer
 * stands.
 */
function sisterLanguage(sample: string, answer: string): string {
  const group = SISTER_LANGUAGE_WORDS.find((g) => g[answer] !== undefined);
  if (group === undefined) return answer;
  const words = sample.toLowerCase().split(NON_WORD_CHARACTERS);
  const hits = (language: string): number => {
    const own = group[language] ?? [];
    return words.filter((w) => own.includes(w)).length;
  };
  const ownHits = hits(answer);
  let best = answer;
  let bestHits = ownHits;
  for (const language of Object.keys(group)) {
    const count = hits(language);
    if (language !== answer && count > bestHits) {
      best = language;
      bestHits = count;
    }
  }
  return best;
}

/**
 * A listed Latin-script language for a sample whose trigram guess is listed in no alphabet
 * (franc-min has no model for it: Samoan): only when the sample holds letters beyond a–z, the
 * listed language that writes every one of them and whose function words the sample holds
 * most (at least one, no tie). An ASCII sample says too little to overrule the guess.
 */
function listedLanguageByWords(sample: string): string | null {
  const letters = lettersBeyondAscii(sample);
  if (letters.size === 0) return null;
  const words = sample.toLowerCase().split(NON_LETTERS).filter(Boolean);
  let best: string | null = null;
  let bestHits = 0;
  let tied = false;
  for (const language of LATIN_LANGUAGES) {
    if (language.letters === '' || lackedLetters(language.letters, letters) > 0) continue;
    const hits = wordHits(words, LATIN_WORD_SETS.get(language.tag) as ReadonlySet<string>);
    if (hits > bestHits) [best, bestHits, tied] = [language.tag, hits, false];
    else if (hits === bestHits && hits > 0) tied = true;
  }
  return tied ? null : best;
}

/** Separators of words in a script's UI lines: spaces and the Ethiopic word space, comma and full stop. */
const WORD_SEPARATORS = /[\s፡።፣፤?!]+/u;

/**
 * Among the languages that write a shared script (SHARED_SCRIPT_WORDS), the one whose function
 * words the sample holds most, with a vote for its preferred letter (`ኣ` over `አ`); null when
 * the script is no shared one or no language leads (the script's own answer stands).
 */
export function sharedScriptLanguage(sample: string, script: string): string | null {
  const table = SHARED_SCRIPT_WORDS[script];
  if (table === undefined) return null;
  const votes = new Map<string, number>();
  const words = sample.split(WORD_SEPARATORS);
  for (const [language, known] of Object.entries(table))
    votes.set(language, words.filter((w) => known.includes(w)).length);
  const preferred = PREFERRED_LETTERS[script];
  if (preferred !== undefined) {
    let [letter, over] = [0, 0];
    for (const char of sample) {
      if (char === preferred.letter) letter++;
      else if (char === preferred.over) over++;
    }
    if (letter > over) votes.set(preferred.language, (votes.get(preferred.language) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestVotes = 0;
  let tied = false;
  for (const [language, count] of votes) {
    if (count > bestVotes) [best, bestVotes, tied] = [language, count, false];
    else if (count === bestVotes && count > 0) tied = true;
  }
  return tied ? null : best;
}

/**
 * The nearest Cyrillic candidate whose alphabet holds every Cyrillic letter of the sample; when
 * none does, a language franc has no model for whose alphabet does (Macedonian, Tajik); else
 * the nearest candidate that lacks the fewest (a name's stray letter).
 */
function checkedCyrillicLanguage(sample: string, models: ScriptModels): string | null {
  const letters = cyrillicLetters(sample);
  const lacking = (tag: string | null): number =>
    lackedLetters(tag === null ? undefined : CYRILLIC_ALPHABETS[tag], letters);
  const tagOf = (code: string | null): string | null =>
    code === null ? null : (ISO_639_3_TO_BCP47[code] ?? null);
  const fewest = Math.min(...models.languages.map((code) => lacking(tagOf(code))));
  const unmodelled = Object.keys(CYRILLIC_ALPHABETS).find(
    (tag) => !models.languages.some((code) => tagOf(code) === tag) && lacking(tag) === 0,
  );
  if (fewest > 0 && unmodelled !== undefined) return unmodelled;
  return tagOf(nearestLanguage(sample, models, (code) => lacking(tagOf(code)) === fewest));
}

/** The sample's words, lower case. */
function lowerWords(sample: string): string[] {
  return sample.toLowerCase().split(NON_LETTERS).filter(Boolean);
}

/** The sample's letters beyond a–z, lower case: what a Latin-script language's spelling must hold. */
function lettersBeyondAscii(sample: string): Set<string> {
  const letters = new Set<string>();
  for (const char of sample.toLowerCase())
    if (char.charCodeAt(0) > 0x7f && LETTER.test(char)) letters.add(char);
  return letters;
}

/** Each stand-in, lower and upper case (`Æ` for `Ӕ`). */
const STAND_IN_PAIRS: readonly [latin: string, cyrillic: string][] = Object.entries(
  CYRILLIC_STAND_INS,
).flatMap(([latin, cyrillic]) => [
  [latin, cyrillic],
  [latin.toUpperCase(), cyrillic.toUpperCase()],
]);

/** A Cyrillic sample with the Latin letters typed for Cyrillic ones (CYRILLIC_STAND_INS) read as those. */
function withCyrillicStandIns(sample: string): string {
  let text = sample;
  for (const [latin, cyrillic] of STAND_IN_PAIRS)
    if (text.includes(latin)) text = text.split(latin).join(cyrillic);
  return text;
}

/** The sample's Cyrillic letters, lower case. */
function cyrillicLetters(sample: string): Set<string> {
  const letters = new Set<string>();
  for (const char of sample.toLowerCase())
    if (SCRIPT_OF_UNIT[char.charCodeAt(0)] === CYRILLIC) letters.add(char);
  return letters;
}

/** How many of `letters` the alphabet lacks; 0 for a language with no alphabet listed (nothing to check). */
function lackedLetters(alphabet: string | undefined, letters: ReadonlySet<string>): number {
  if (alphabet === undefined) return 0;
  let lacked = 0;
  for (const letter of letters) if (!alphabet.includes(letter)) lacked++;
  return lacked;
}
