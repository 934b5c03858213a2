/**
 * The page's UI locale: the wording of its platform lines matched against the locale table
 * (votes), else the detected language of the platform lines in no known wording.
 */

import type { ClassifiedLine } from './classify.js';
import { detectLanguage } from './language.js';
import { CATEGORY_LABELS } from './rules/generic.js';
import { DISTINCTIVE_LETTERS } from './rules/letters.js';
import { PLATFORMS } from './rules/platforms.js';
import { EDITION_LINE_VOTES, PRICE_PERIOD_VOTE, UI_LANGUAGE_MIN_CHARS } from './settings.js';

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

const BRAND_TEXTS: readonly string[] = PLATFORMS.flatMap((p) => p.brandNames);

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
 * then the vocabulary's votes; then the detected language of the other
 * platform lines in no known wording.
 */
export function pageLocale(lines: readonly ClassifiedLine[]): string | null {
  const unknownEdition = lines.find((l) => l.kind === 'edition-line' && l.locales.length === 0);
  if (unknownEdition !== undefined) {
    const detected = detectLanguage([uiWords(unknownEdition)], UI_LANGUAGE_MIN_CHARS);
    if (detected !== null) return detected;
  }
  const known = pickPageLocale(lines);
  // a price's period word (`/An`) is shared by languages: it votes only when no UI sentence can be read
  const onlyPriceVotes = lines.every((l) => l.locales.length === 0 || l.kind === 'price');
  if (known !== null && !onlyPriceVotes) return known;
  const sentences = lines.filter((l) => UI_SENTENCE_KINDS.has(l.kind) && l.locales.length === 0).map(uiWords);
  const detected = sentences.length > 0 ? detectLanguage(sentences, UI_LANGUAGE_MIN_CHARS) : null;
  return detected ?? known ?? categoryBreadcrumbLocale(lines);
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
    if (line.kind !== 'navigation') continue;
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
  for (const letter of section.toLowerCase()) {
    const language = DISTINCTIVE_LETTERS.get(letter);
    if (language !== undefined) return language;
  }
  return detectLanguage([section.split('&').join(' ')], UI_LANGUAGE_MIN_CHARS);
}
