/** Story language: franc-min on a bounded sample of the body, mapped to BCP 47. */

import { franc } from 'franc-min';
import { LANGUAGE_CANDIDATES, LANGUAGE_MIN_CHARS, LANGUAGE_SAMPLE_CHARS } from './settings.js';

const ONLY = [...LANGUAGE_CANDIDATES];
/** Kana appear only in Japanese: a sample holding them is Japanese (franc would weigh its kanji as Chinese). */
const KANA = /[\u3040-\u30FF]/u;

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
  const code = franc(sample, { minLength: minChars, only: ONLY });
  return ISO_639_3_TO_BCP47[code] ?? null;
}
