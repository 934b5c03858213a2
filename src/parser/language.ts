/**
 * Story language: franc-min's trigram models on a bounded sample of the body,
 * mapped to BCP 47.
 *
 * The scoring is franc's own (franc-min 6.2.0, pinned): the script most of
 * the sample is written in picks the models; the sample is cleaned and cut into
 * trigrams as franc does; a language's distance is, summed over the sample's
 * distinct trigrams, |count − rank − 1| where its model ranks the trigram and
 * 300 where it does not; the smallest distance wins, the first language in
 * franc's order on a tie. What differs is only the bookkeeping: the candidate
 * models are indexed once, at load, so each trigram of a sample is looked up
 * once for all candidates instead of once per language and per call. The
 * answers are franc's, to the last tie.
 */

import { data as FRANC_MODELS } from 'franc-min/data.js';
import { expressions as FRANC_SCRIPTS } from 'franc-min/expressions.js';
import { LANGUAGE_CANDIDATES, LANGUAGE_MIN_CHARS, LANGUAGE_SAMPLE_CHARS } from './settings.js';

/** Kana appear only in Japanese: a sample holding them is Japanese (franc would weigh its kanji as Chinese). */
const KANA = /[\u3040-\u30FF]/u;

/** franc's distance for a trigram a language's model lacks. */
const MAX_DIFFERENCE = 300;
/** franc reads no more than this many characters of a sample. */
const FRANC_MAX_LENGTH = 2048;

const CANDIDATES: ReadonlySet<string> = new Set(LANGUAGE_CANDIDATES);

/** The candidate languages written in one script, their models indexed by trigram. */
interface ScriptModels {
  /** Candidates in franc's order (the order that breaks a tie). */
  languages: readonly string[];
  /** Trigram → its rank in each language's model, -1 where the model lacks it. */
  ranks: ReadonlyMap<string, Int16Array>;
}

function indexModels(models: Readonly<Record<string, string>>): ScriptModels {
  const languages = Object.keys(models).filter((language) => CANDIDATES.has(language));
  const ranks = new Map<string, Int16Array>();
  languages.forEach((language, l) => {
    const trigrams = (models[language] ?? '').split('|');
    // from the end, as franc does: a trigram listed twice keeps its first rank
    for (let rank = trigrams.length - 1; rank >= 0; rank--) {
      const trigram = trigrams[rank] as string;
      let row = ranks.get(trigram);
      if (row === undefined) {
        row = new Int16Array(languages.length).fill(-1);
        ranks.set(trigram, row);
      }
      row[l] = rank;
    }
  });
  return { languages, ranks };
}

/** Scripts that several languages share (Latin, Cyrillic, Arabic, Devanagari), with their candidates' models. */
const MODELS_BY_SCRIPT: ReadonlyMap<string, ScriptModels> = new Map(
  Object.entries(FRANC_MODELS).map(([script, models]) => [script, indexModels(models)]),
);

/** The script (as franc names it) with the most characters in the sample, and their count; the first wins a tie. */
function topScript(sample: string): { script: string | undefined; count: number } {
  let script: string | undefined;
  let count = -1;
  for (const [name, expression] of Object.entries(FRANC_SCRIPTS)) {
    const n = sample.match(expression)?.length ?? 0;
    if (n > count) {
      script = name;
      count = n;
    }
  }
  return { script, count };
}

/** How often each trigram occurs in the sample, cleaned as franc cleans it (ASCII punctuation and digits out, spaces collapsed, lower case). */
function trigramCounts(sample: string): Map<string, number> {
  const cleaned = sample
    .replace(/[\u0021-\u0040]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
  const padded = ` ${cleaned} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const trigram = padded.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/** The candidate whose model is nearest the sample's trigrams (franc's distance), or null when the script has none. */
function nearestLanguage(sample: string, models: ScriptModels): string | null {
  const { languages, ranks } = models;
  const distances = new Array<number>(languages.length).fill(0);
  for (const [trigram, count] of trigramCounts(sample)) {
    const row = ranks.get(trigram);
    for (let l = 0; l < languages.length; l++) {
      const rank = row === undefined ? -1 : (row[l] as number);
      distances[l] = (distances[l] as number) + (rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1));
    }
  }
  let best = -1;
  for (let l = 0; l < languages.length; l++)
    if (best < 0 || (distances[l] as number) < (distances[best] as number)) best = l;
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
  if (sample.trim().length < minChars) return null;
  if (KANA.test(sample)) return 'ja';
  const code = francCode(sample);
  return code === null ? null : (ISO_639_3_TO_BCP47[code] ?? null);
}
