/**
 * The locale and platform data compiled once into lookup tables. Built at
 * module load from the plain rule objects; never mutated afterwards.
 */

import type { Platform } from '../types.js';
import { CATEGORY_LABELS, READING_TIME_LABELS } from './generic.js';
import { LOCALES } from './locales/index.js';
import { PLATFORMS } from './platforms.js';
import type { EditionTemplate } from './types.js';

/** Whole-line vocabulary kinds. */
export type WholeLineKind =
  'try-gold' | 'paywall' | 'navigation' | 'issue-contents' | 'chrome' | 'reading-time' | 'category';

export interface WholeLineEntry {
  kind: WholeLineKind;
  /** Locale whose UI the line is in; null for untranslated chrome. */
  locale: string | null;
}

export interface LocalizedString {
  /** Lower-cased text. */
  lower: string;
  locale: string | null;
}

export interface AffixTemplate {
  /** Lower-cased fixed text before and after `{pub}` (or `{n}`). */
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
  const loose = suffix.endsWith('.') || suffix.endsWith('।') ? suffix.slice(0, -1) : '';
  return {
    prefix: template.slice(0, first),
    between: template.slice(first + firstLen, second),
    suffix,
    suffixLoose: loose === suffix ? '' : loose,
    order: d < p ? 'date-pub' : 'pub-date',
    locale,
  };
}

function compileAffix(template: string, placeholder: string, locale: string): AffixTemplate | null {
  const at = template.indexOf(placeholder);
  if (at < 0) return null;
  return {
    prefix: template.slice(0, at).toLowerCase(),
    suffix: template.slice(at + placeholder.length).toLowerCase(),
    locale,
  };
}

function wholeKey(text: string): string {
  return text.toLowerCase().trim();
}

function buildWholeLines(): ReadonlyMap<string, WholeLineEntry> {
  const map = new Map<string, WholeLineEntry>();
  const add = (text: string, entry: WholeLineEntry): void => {
    const key = wholeKey(text);
    if (!map.has(key)) map.set(key, entry);
  };
  for (const l of LOCALES) {
    for (const t of l.tryGold) add(t, { kind: 'try-gold', locale: l.tag });
    for (const t of l.paywallLines) add(t, { kind: 'paywall', locale: l.tag });
    for (const t of l.navigationLines) add(t, { kind: 'navigation', locale: l.tag });
    for (const t of l.issueContents) add(t, { kind: 'issue-contents', locale: l.tag });
  }
  for (const p of PLATFORMS) for (const t of p.chromeLines) add(t, { kind: 'chrome', locale: null });
  for (const t of READING_TIME_LABELS) add(t, { kind: 'reading-time', locale: null });
  for (const t of CATEGORY_LABELS) add(t, { kind: 'category', locale: null });
  return map;
}

function compact<T>(items: readonly (T | null)[]): T[] {
  return items.filter((x): x is T => x !== null);
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

export const VIEW_ALL_LABELS: readonly string[] = LOCALES.flatMap((l) =>
  l.viewAll.map((v) => v.toLowerCase()),
);

export const WHOLE_LINES: ReadonlyMap<string, WholeLineEntry> = buildWholeLines();

export const TRIAL_MARKERS: readonly LocalizedString[] = LOCALES.flatMap((l) =>
  l.trialMarkers.map((m) => ({ lower: m.toLowerCase(), locale: l.tag })),
);

export const UPSELL_PREFIXES: readonly LocalizedString[] = LOCALES.flatMap((l) =>
  l.upsellPrefixes.map((m) => ({ lower: m.toLowerCase(), locale: l.tag })),
);

export const PROMO_PREFIXES: readonly LocalizedString[] = LOCALES.flatMap((l) =>
  l.promoPrefixes.map((m) => ({ lower: m.toLowerCase(), locale: l.tag })),
);

/** Folded "already a subscriber" questions and "sign in" actions, with their locale. */
export const SIGN_IN_QUESTIONS: ReadonlyMap<string, string> = new Map(
  LOCALES.flatMap((l) => l.signInQuestions.map((q) => [q.toLowerCase(), l.tag] as const)),
);
export const SIGN_IN_ACTIONS: ReadonlyMap<string, string> = new Map(
  LOCALES.flatMap((l) => l.signInActions.map((a) => [a.toLowerCase(), l.tag] as const)),
);

/**
 * Whole boilerplate sentences as printed, lower-cased: a last line cut by the
 * capture is recognised as the start of one of these.
 */
export const CUT_CANDIDATES: readonly (LocalizedString & {
  kind: 'trial' | 'sign-in' | 'paywall' | 'edition-line' | 'more-stories';
})[] = [
  ...LOCALES.flatMap((l) =>
    l.trialSentences.map((s) => ({ lower: s.toLowerCase(), locale: l.tag, kind: 'trial' as const })),
  ),
  ...LOCALES.flatMap((l) =>
    l.paywallLines.map((s) => ({ lower: s.toLowerCase(), locale: l.tag, kind: 'paywall' as const })),
  ),
  ...LOCALES.flatMap((l) =>
    l.signInQuestions.flatMap((q) =>
      [...SIGN_IN_ACTIONS.keys()].flatMap((a) => [
        { lower: `${q.toLowerCase()} ? ${a}`, locale: l.tag, kind: 'sign-in' as const },
        { lower: `${q.toLowerCase()}? ${a}`, locale: l.tag, kind: 'sign-in' as const },
      ]),
    ),
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

export const BRAND_NAMES: readonly { lower: string; platform: Platform }[] = PLATFORMS.flatMap((p) =>
  p.brandNames.map((b) => ({ lower: b.toLowerCase(), platform: p.platform })),
);

export const GLUED_READING_TIME: readonly string[] = PLATFORMS.flatMap((p) => p.gluedReadingTime);
