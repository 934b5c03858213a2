/**
 * The locale and platform data compiled once into lookup tables. Built at
 * module load from the plain rule objects; never mutated afterwards.
 *
 * Locales share strings (Danish and Norwegian "Flere historier fra {pub}"):
 * every table keeps all the locales of an entry, and each of them gets a vote
 * for `page_locale`.
 */

import type { Platform } from '../types.js';
import { CATEGORY_LABELS, READING_TIME_LABELS } from './generic.js';
import { LOCALES } from './locales/index.js';
import { PLATFORMS } from './platforms.js';
import type { EditionTemplate, LocaleRules } from './types.js';

/** Whole-line vocabulary kinds. */
export type WholeLineKind =
  'try-gold' | 'paywall' | 'navigation' | 'issue-contents' | 'chrome' | 'reading-time' | 'category';

export interface WholeLineEntry {
  kind: WholeLineKind;
  /** Locales whose UI prints the line; empty for untranslated chrome. */
  locales: string[];
}

export interface LocalizedString {
  /** Lower-cased text. */
  lower: string;
  locale: string | null;
}

export interface AffixTemplate {
  /** Lower-cased fixed text before and after `{pub}` (or `{n}`), trimmed at the placeholder side. */
  prefix: string;
  suffix: string;
  locale: string;
}

function compileEdition(template: string, locale: string): EditionTemplate | null {
  const d = template.indexOf('{date}');
  const p = template.indexOf('{pub}');
  if (d < 0 || p < 0) return null;
  const first = Math.min(d, p);
  const firstLen = first === d ? '{date}'.length : '{pub}'.length;
  const second = Math.max(d, p);
  const secondLen = second === d ? '{date}'.length : '{pub}'.length;
  const suffix = template.slice(second + secondLen);
  const loose =
    suffix.endsWith('.') || suffix.endsWith('।') || suffix.endsWith('。') ? suffix.slice(0, -1) : '';
  return {
    prefix: template.slice(0, first),
    between: template.slice(first + firstLen, second),
    suffix,
    suffixLoose: loose === suffix ? '' : loose,
    order: d < p ? 'date-pub' : 'pub-date',
    locale,
  };
}

/**
 * `More stories from {pub}` → prefix `more stories from`, suffix ``. The space
 * next to the placeholder is dropped: pages glue the publication to the label
 * (`المزيد من القصص منINDIA TODAY`, `NATIONAL GEOGRAPHIC TRAVELLER INDIAのその他の記事`).
 */
function compileAffix(template: string, placeholder: string, locale: string): AffixTemplate | null {
  const at = template.indexOf(placeholder);
  if (at < 0) return null;
  return {
    prefix: template.slice(0, at).toLowerCase().trimEnd(),
    suffix: template
      .slice(at + placeholder.length)
      .toLowerCase()
      .trimStart(),
    locale,
  };
}

function wholeKey(text: string): string {
  return text.toLowerCase().trim();
}

function buildWholeLines(): ReadonlyMap<string, WholeLineEntry> {
  const map = new Map<string, WholeLineEntry>();
  const add = (text: string, kind: WholeLineKind, locale: string | null): void => {
    const key = wholeKey(text);
    const entry = map.get(key);
    if (entry === undefined) map.set(key, { kind, locales: locale === null ? [] : [locale] });
    else if (locale !== null && entry.kind === kind && !entry.locales.includes(locale))
      entry.locales.push(locale);
  };
  for (const l of LOCALES) {
    for (const t of l.tryGold) add(t, 'try-gold', l.tag);
    for (const t of l.paywallLines) add(t, 'paywall', l.tag);
    for (const t of l.navigationLines) add(t, 'navigation', l.tag);
    for (const t of l.issueContents) add(t, 'issue-contents', l.tag);
    for (const t of l.readingTimeLabels) add(t, 'reading-time', l.tag);
  }
  for (const p of PLATFORMS) for (const t of p.chromeLines) add(t, 'chrome', null);
  // the platform's name alone on its line is its logo, never a publication
  for (const p of PLATFORMS) add(p.displayName, 'chrome', null);
  for (const t of READING_TIME_LABELS) add(t, 'reading-time', null);
  for (const t of CATEGORY_LABELS) add(t, 'category', null);
  return map;
}

function compact<T>(items: readonly (T | null)[]): T[] {
  return items.filter((x): x is T => x !== null);
}

function localized(pick: (l: LocaleRules) => readonly string[]): LocalizedString[] {
  return LOCALES.flatMap((l) => pick(l).map((m) => ({ lower: m.toLowerCase(), locale: l.tag })));
}

/** Lower-cased string → every locale that prints it. */
function localeIndex(pick: (l: LocaleRules) => readonly string[]): ReadonlyMap<string, string[]> {
  const map = new Map<string, string[]>();
  for (const l of LOCALES) {
    for (const s of pick(l)) {
      const key = s.toLowerCase();
      const tags = map.get(key) ?? [];
      if (!tags.includes(l.tag)) tags.push(l.tag);
      map.set(key, tags);
    }
  }
  return map;
}

export const EDITION_TEMPLATES: readonly EditionTemplate[] = compact(
  LOCALES.flatMap((l) => l.editionLines.map((t) => compileEdition(t, l.tag))),
);

export const MORE_STORIES_TEMPLATES: readonly AffixTemplate[] = compact(
  LOCALES.flatMap((l) => l.moreStories.map((t) => compileAffix(t, '{pub}', l.tag))),
);

export const ISSUE_COUNT_TEMPLATES: readonly AffixTemplate[] = compact(
  LOCALES.flatMap((l) => l.issueCounts.map((t) => compileAffix(t, '{n}', l.tag))),
);

/** "View all" labels, longest first (so `Visa alla` is tried before a shorter label it ends with). */
export const VIEW_ALL_LABELS: readonly string[] = [
  ...new Set(LOCALES.flatMap((l) => l.viewAll.map((v) => v.toLowerCase()))),
].sort((a, b) => b.length - a.length);

export const WHOLE_LINES: ReadonlyMap<string, WholeLineEntry> = buildWholeLines();

/**
 * Prefixes grouped by their first character: a line is compared only with the
 * prefixes it could start with. A line and a prefix are compared as their
 * first two characters are: a prefix shorter than two characters matches only
 * a line that is that prefix.
 */
export class PrefixIndex {
  private readonly groups = new Map<number, LocalizedString[]>();

  constructor(entries: readonly LocalizedString[]) {
    for (const e of entries) {
      const first = firstCode(e.lower);
      const group = this.groups.get(first) ?? [];
      group.push(e);
      this.groups.set(first, group);
    }
  }

  /** Entries that the folded line starts with (a shared empty array when none: most lines start with none). */
  matches(folded: string): readonly LocalizedString[] {
    let found: LocalizedString[] | null = null;
    for (const e of this.groups.get(firstCode(folded)) ?? NONE)
      if (folded.startsWith(e.lower) && (e.lower.length >= 2 || folded.length === e.lower.length))
        (found ??= []).push(e);
    return found ?? NONE;
  }
}

const NONE: readonly LocalizedString[] = [];

/** The first code unit of a text, -1 for an empty one. */
function firstCode(text: string): number {
  return text.length === 0 ? -1 : text.charCodeAt(0);
}

export const BRAND_NAMES: readonly { lower: string; platform: Platform }[] = PLATFORMS.flatMap((p) =>
  p.brandNames.map((b) => ({ lower: b.toLowerCase(), platform: p.platform })),
);

/**
 * Trial markers grouped by the brand name they contain (nearly all name
 * Magzter GOLD): a line is searched only for the markers of brands it names.
 * Markers naming no brand sit under ''.
 */
export const TRIAL_MARKERS_BY_BRAND: ReadonlyMap<string, readonly LocalizedString[]> = (() => {
  const map = new Map<string, LocalizedString[]>();
  for (const m of localized((l) => l.trialMarkers)) {
    const brand = BRAND_NAMES.find((b) => m.lower.includes(b.lower))?.lower ?? '';
    map.set(brand, [...(map.get(brand) ?? []), m]);
  }
  return map;
})();

export const UPSELL_PREFIXES = new PrefixIndex(localized((l) => l.upsellPrefixes));
export const ISSUE_CONTENTS_PREFIXES = new PrefixIndex(localized((l) => l.issueContentsPrefixes ?? []));
export const PROMO_PREFIXES = new PrefixIndex(localized((l) => l.promoPrefixes));
export const NAVIGATION_PREFIXES = new PrefixIndex(localized((l) => l.navigationPrefixes));

/** Folded "already a subscriber" questions and "sign in" actions, with their locales. */
export const SIGN_IN_QUESTIONS: ReadonlyMap<string, string[]> = localeIndex((l) => l.signInQuestions);
export const SIGN_IN_ACTIONS: ReadonlyMap<string, string[]> = localeIndex((l) => l.signInActions);

/** Folded per-period words of a price (`year` in `$74.99/Year`), with their locales. */
export const PRICE_PERIODS: ReadonlyMap<string, string[]> = localeIndex((l) => l.pricePeriods);

/** Folded reading-time units (`min läsning`), longest first, with their locale. */
export const READING_TIME_UNITS: readonly LocalizedString[] = localized((l) => l.readingTimeUnits).sort(
  (a, b) => b.lower.length - a.lower.length,
);

/**
 * Whole boilerplate sentences as printed, lower-cased: a last line cut by the
 * capture is recognised as the start of one of these.
 */
export const CUT_CANDIDATES: readonly (LocalizedString & {
  kind: 'trial' | 'paywall' | 'edition-line' | 'more-stories';
})[] = [
  ...LOCALES.flatMap((l) =>
    l.trialSentences.map((s) => ({ lower: s.toLowerCase(), locale: l.tag, kind: 'trial' as const })),
  ),
  ...LOCALES.flatMap((l) =>
    l.paywallLines.map((s) => ({ lower: s.toLowerCase(), locale: l.tag, kind: 'paywall' as const })),
  ),
  ...EDITION_TEMPLATES.filter((t) => t.prefix !== '').map((t) => ({
    lower: t.prefix.toLowerCase(),
    locale: t.locale,
    kind: 'edition-line' as const,
  })),
  ...MORE_STORIES_TEMPLATES.filter((t) => t.prefix !== '').map((t) => ({
    lower: t.prefix,
    locale: t.locale,
    kind: 'more-stories' as const,
  })),
];

export const GLUED_READING_TIME: readonly string[] = PLATFORMS.flatMap((p) => p.gluedReadingTime);
