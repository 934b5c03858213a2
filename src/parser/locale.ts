/**
 * The page's UI locale: the wording of its platform lines matched against the locale table
 * (votes), else the detected language of the platform lines in no known wording.
 */

import type { ClassifiedLine } from './classify.js';
import { detectUiLanguage, holdsLettersBeyond, languageOfLetters } from './language.js';
import { CATEGORY_LABELS } from './rules/generic.js';
import { PLATFORMS } from './rules/platforms.js';
import { EDITION_LINE_VOTES, PRICE_PERIOD_VOTE } from './settings.js';

/**
 * The UI language of the page: the locale of its edition line, or else the
 * locale most of its platform lines matched (first seen wins a tie).
 */
export function pickPageLocale(lines: readonly ClassifiedLine[]): string | null {
  const votes = new Map<string, number>();
  for (const line of lines) {
    const weight =
      line.kind === 'edition-line' ? EDITION_LINE_VOTES : line.kind === 'price' ? PRICE_PERIOD_VOTE : 1;
    for (const locale of line.locales) votes.set(locale, (votes.get(locale) ?? 0) + weight);
  }
  // English is what Magzter prints for a string it has not translated: another locale's wording outvotes it
  if (votes.size > 1) votes.delete('en');
  let best: string | null = null;
  let bestVotes = 0;
  for (const [locale, count] of votes) {
    if (count > bestVotes) {
      best = locale;
      bestVotes = count;
    }
  }
  return best;
}

/** Platform lines that name no known locale but whose language can be detected. */
const UI_SENTENCE_KINDS: ReadonlySet<string> = new Set([
  'trial',
  'brand',
  'paywall',
  'sign-in',
  'upsell',
  'more-stories',
  'try-gold',
  // a mirror's contents breadcrumb and heading, in a language no locale lists
  'issue-contents',
]);

/**
 * …and lines that are read only when no vocabulary matched: a platform footer and its links
 * (`© PressReader. Todos os direitos reservados.`, `Jornais em português`), which also print
 * names (`PressReader.com`, a country, a store category) in no particular language.
 */
const UI_FOOTER_KINDS: ReadonlySet<string> = new Set(['chrome', 'navigation']);

const BRAND_TEXTS: readonly string[] = PLATFORMS.flatMap((p) => [...p.brandNames, ...(p.footerBrands ?? [])]);

/** Text of a platform line without what is printed in English on every UI (brand, publication, dates). */
function uiWords(line: ClassifiedLine): string {
  let text = line.text;
  for (const name of [line.edition?.publication, line.edition?.date?.label, line.publication, ...BRAND_TEXTS])
    if (typeof name === 'string' && name !== '') text = text.split(name).join(' ');
  return text;
}

/**
 * The UI locale: an edition line in no known wording outweighs every other
 * line (as a known edition line does), so its detected language comes first;
 * then the vocabulary's votes, unless they say English and the platform lines
 * in no known wording are in another language (English is the untranslated
 * fallback); then the detected language of those lines (read with the page's
 * footer and its links, when it has them); last, the language of a platform
 * footer alone (`© PressReader. Tots els drets reservats.`).
 */
export function pageLocale(lines: readonly ClassifiedLine[]): string | null {
  const unknown = lines.filter((l) => l.locales.length === 0);
  const sentences = unknown.filter((l) => UI_SENTENCE_KINDS.has(l.kind)).map(uiWords);
  const unknownEdition = lines.find((l) => l.kind === 'edition-line' && l.locales.length === 0);
  if (unknownEdition !== undefined) {
    // the block's other lines in no known wording are in the edition line's language: they lengthen the sample
    const detected = detectUiLanguage([uiWords(unknownEdition), ...sentences]);
    if (detected !== null) return detected;
  }
  const known = pickPageLocale(lines);
  // a price's period word (`/An`) is shared by languages: it votes only when no UI sentence can be read
  const onlyPriceVotes = lines.every((l) => l.locales.length === 0 || l.kind === 'price');
  const detected = sentences.length > 0 ? detectUiLanguage(sentences) : null;
  // English is what Magzter prints for a string it has not translated: any other UI language wins over it
  if (known === 'en' && detected !== null && detected !== 'en') return detected;
  const footer = unknown.filter((l) => UI_FOOTER_KINDS.has(l.kind)).map(uiWords);
  const neighbour = known === null ? null : neighbourOfShortVote(lines, known, [...sentences, ...footer]);
  if (neighbour !== null) return neighbour;
  if (known !== null && !onlyPriceVotes) return known;
  // a "More from" header beside a footer is too short to be read alone: read with the footer
  const withFooter =
    detected !== null && footer.length > 0 ? detectUiLanguage([...sentences, ...footer]) : null;
  const fallback =
    withFooter ?? detected ?? known ?? storePanelLocale(lines) ?? categoryBreadcrumbLocale(lines);
  if (fallback !== null) return fallback;
  return footer.length > 0 ? detectUiLanguage(footer) : null;
}

/** Kinds of line whose vote is one short abbreviation a neighbour language shares (`6 мин.`). */
const SHORT_VOTE_KINDS: ReadonlySet<string> = new Set(['reading-time']);

/**
 * A Bashkir page whose reading time prints the Russian `мин.`: when the only votes are such short
 * abbreviations and the platform lines in no known wording hold a letter the voted language never
 * writes (`ҙ` is not Russian), those lines name the UI language. Null otherwise (the vote stands).
 */
function neighbourOfShortVote(
  lines: readonly ClassifiedLine[],
  known: string,
  unknown: readonly string[],
): string | null {
  if (unknown.length === 0) return null;
  if (!lines.every((l) => l.locales.length === 0 || SHORT_VOTE_KINDS.has(l.kind))) return null;
  if (!holdsLettersBeyond(known, unknown.join('\n'))) return null;
  const detected = detectUiLanguage(unknown);
  return detected !== null && detected !== known ? detected : null;
}

/**
 * A store page with no UI sentence and no known wording (a Zinio story page in Malay): the words of
 * its store panel in no known wording, the issue count's word (`52 Keluaran`) and the price's note
 * (`RM 12.90 (Termasuk cukai)`), read with its store category (`/ Gaya Hidup`). Null when the page
 * prints neither an issue count nor a price note in no known wording, or when its category is an
 * English store category (the English store: `12 Issues` under `/ Home & Garden` is no Dutch).
 */
function storePanelLocale(lines: readonly ClassifiedLine[]): string | null {
  const words: string[] = [];
  let category: string | null = null;
  for (const line of lines) {
    if (line.locales.length > 0) continue;
    const text = line.text;
    if (line.kind === 'issue-count') words.push(text.slice(leadingDigits(text)));
    else if (line.kind === 'price' && text.endsWith(')') && text.includes('('))
      words.push(text.slice(text.lastIndexOf('(') + 1, -1));
    else if (line.kind === 'navigation' && category === null && text.includes('/'))
      category = text.slice(text.lastIndexOf('/') + 1);
  }
  // an English store category names the English store (categoryBreadcrumbLocale)
  if (words.length === 0 || ENGLISH_CATEGORIES.has(category?.trim().toLowerCase() ?? '')) return null;
  return detectUiLanguage(category === null ? words : [category.split('&').join(' '), ...words]);
}

/** How many digits open the text. */
function leadingDigits(text: string): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  return i;
}

const ENGLISH_CATEGORIES: ReadonlySet<string> = new Set(CATEGORY_LABELS.map((c) => c.toLowerCase()));

/**
 * A page whose only UI wording is its store breadcrumb (`/ News & Politics` over a Zinio story):
 * the category's language, English for one of the English store categories, else the detected
 * language of a store section (`/ Știri și politică`). Last resort only: a reading time or any
 * other platform line in a known wording decides first.
 */
function categoryBreadcrumbLocale(lines: readonly ClassifiedLine[]): string | null {
  for (const line of lines) {
    // a store category on top, with its slash or without (`News & Politics`, the icon name stripped)
    if (line.kind !== 'navigation' && line.kind !== 'category') continue;
    const category = line.text.slice(line.text.lastIndexOf('/') + 1).trim();
    if (ENGLISH_CATEGORIES.has(category.toLowerCase())) return 'en';
    if (line.text.startsWith('/ ')) return sectionLanguage(category);
  }
  return null;
}

/**
 * The language of a store section's name (`Știri & Politică`): a letter only one language
 * writes, else the detected language of its words (the `&` between them is no word).
 */
function sectionLanguage(section: string): string | null {
  return languageOfLetters(section) ?? detectUiLanguage([section.split('&').join(' ')]);
}
