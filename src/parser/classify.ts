/**
 * Stage 2: classify. Each line gets a context-free label from the vocabulary
 * (locale strings, platform chrome, generic shapes). Context (where a line
 * sits on the page) is the business of the later stages.
 */

import {
  matchEditionTemplate,
  parseEditionLabel,
  type EditionLineMatch,
  type PrintedDate,
} from './edition.js';
import type { SourceLine } from './normalize.js';
import { CURRENCY_SYMBOLS, MINUTE_WORDS, PRICE, PRICE_PERIOD_MAX_CHARS } from './rules/generic.js';
import {
  BRAND_NAMES,
  CUT_CANDIDATES,
  EDITION_TEMPLATES,
  GLUED_READING_TIME,
  ISSUE_COUNT_TEMPLATES,
  MORE_STORIES_TEMPLATES,
  NAVIGATION_PREFIXES,
  PRICE_PERIODS,
  PROMO_PREFIXES,
  READING_TIME_UNITS,
  SIGN_IN_ACTIONS,
  SIGN_IN_QUESTIONS,
  TRIAL_MARKERS_BY_BRAND,
  UPSELL_PREFIXES,
  type LocalizedString,
  VIEW_ALL_LABELS,
  WHOLE_LINES,
} from './rules/vocabulary.js';
import {
  CARD_PUBLICATION_MAX_CHARS,
  GLUED_LABEL_MAX_CHARS,
  MIN_CUT_BOILERPLATE_CHARS,
  MIN_CUT_SUFFIX_CHARS,
  NAVIGATION_MAX_CHARS,
  READING_TIME_MAX_CHARS,
} from './settings.js';
import {
  endsSentence,
  endsWithFolded,
  foldKey,
  splitGluedLabel,
  startsLowercase,
  startsWithFolded,
} from './text.js';

export type LineKind =
  | 'edition-line'
  | 'trial'
  | 'paywall'
  | 'sign-in'
  | 'more-stories'
  | 'try-gold'
  | 'upsell'
  | 'promo'
  | 'price'
  | 'brand'
  | 'navigation'
  | 'chrome'
  | 'category'
  | 'issue-contents'
  | 'issue-count'
  | 'reading-time'
  | 'card-publication'
  | 'date'
  | 'pipe'
  | 'dash'
  | 'image'
  | 'text';

export interface ClassifiedLine extends SourceLine {
  /** Position among the non-empty lines. */
  index: number;
  /** Comparison key of the text (`foldKey`), computed once: stages compare lines by it. */
  key: string;
  kind: LineKind;
  /** Locales whose vocabulary matched this line (votes for `page_locale`). */
  locales: string[];
  /** Edition line: what it printed. */
  edition?: EditionLineMatch;
  /** More-stories header, glued card line or `Pub|…` line: the publication named. */
  publication?: string;
  /** Date line or `…|Date` line: the date printed. */
  date?: PrintedDate;
  /** Image line: its alt text. `- Name` line: the text after the dash. */
  detail?: string;
  /** True when the line matched only as the start of a boilerplate sentence cut by the capture. */
  cut?: boolean;
}

type Classification = Omit<ClassifiedLine, keyof SourceLine | 'index' | 'key'>;

const TEXT: Classification = { kind: 'text', locales: [] };

/** No edition line is shorter than its template's fixed text plus a one-character date and publication. */
const MIN_EDITION_LINE_CHARS = Math.min(
  ...EDITION_TEMPLATES.map((t) => t.prefix.length + t.between.length + t.suffixLoose.length + 2),
);

function lower(text: string): string {
  return text.toLowerCase();
}

function matchImage(text: string): Classification | null {
  if (!text.startsWith('![') || !text.endsWith(')')) return null;
  const close = text.lastIndexOf('](');
  if (close < 2) return null;
  return { kind: 'image', locales: [], detail: text.slice(2, close).trim() };
}

/**
 * The templates a text can start with: those whose prefix opens with its
 * first character, and those without a prefix, in vocabulary order. A line is
 * compared with a handful of templates instead of all of them.
 */
function byFirstCharacter<T extends { prefix: string }>(
  templates: readonly T[],
): (text: string) => readonly T[] {
  const unprefixed = templates.filter((t) => t.prefix === '');
  const groups = new Map<string, T[]>();
  for (const { prefix } of templates) {
    const first = prefix.charAt(0);
    if (prefix !== '' && !groups.has(first))
      groups.set(
        first,
        templates.filter((t) => t.prefix === '' || t.prefix.charAt(0) === first),
      );
  }
  return (text) => groups.get(text.charAt(0)) ?? unprefixed;
}

const editionTemplatesFor = byFirstCharacter(EDITION_TEMPLATES);

function matchEdition(text: string): Classification | null {
  if (text.length < MIN_EDITION_LINE_CHARS) return null;
  for (const template of editionTemplatesFor(text)) {
    const edition = matchEditionTemplate(text, template);
    if (edition) return { kind: 'edition-line', locales: [template.locale], edition };
  }
  return null;
}

/** Question marks that end the "Already a subscriber" half (ASCII, Arabic, full-width). */
const QUESTION_MARKS = ['?', '؟', '？'];

/** `Already a subscriber ? Sign In` in any known wording, halves possibly from two locales. */
function matchSignIn(text: string): Classification | null {
  let at = -1;
  for (const mark of QUESTION_MARKS) {
    const i = text.indexOf(mark);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return null;
  const question = lower(text.slice(0, at).replace('¿', '').trim());
  const action = lower(text.slice(at + 1).trim());
  const qLocales = SIGN_IN_QUESTIONS.get(question);
  const aLocales = SIGN_IN_ACTIONS.get(action);
  if (qLocales === undefined || aLocales === undefined) return null;
  return { kind: 'sign-in', locales: [...qLocales, ...aLocales] };
}

/** `FORBES INDIAVer todos` → `FORBES INDIA`: a known "View all" label, else any short label glued to the name. */
function stripViewAll(rest: string): { pub: string; locales: string[] } {
  for (const label of VIEW_ALL_LABELS) {
    if (endsWithFolded(rest, label) && rest.length > label.length)
      return { pub: rest.slice(0, rest.length - label.length).trim(), locales: [] };
  }
  const glued = splitGluedLabel(rest, GLUED_LABEL_MAX_CHARS);
  return { pub: glued === null ? rest : glued.head, locales: [] };
}

function acceptablePublication(pub: string): boolean {
  return (
    pub !== '' && pub.length <= CARD_PUBLICATION_MAX_CHARS && !endsSentence(pub) && !startsLowercase(pub)
  );
}

const moreStoriesTemplatesFor = byFirstCharacter(MORE_STORIES_TEMPLATES);

/** "More stories from {pub}" in every known wording, with a glued "View all" label or none. */
function matchMoreStories(text: string, folded: string): Classification | null {
  // folded text indexes the printed text only when lower-casing kept its length (nearly always)
  const sameLength = folded.length === text.length;
  const locales: string[] = [];
  let publication: string | null = null;
  for (const t of sameLength ? moreStoriesTemplatesFor(folded) : MORE_STORIES_TEMPLATES) {
    if (text.length <= t.prefix.length + t.suffix.length) continue;
    if (t.prefix !== '' && !(sameLength ? folded.startsWith(t.prefix) : startsWithFolded(text, t.prefix)))
      continue;
    if (t.suffix !== '' && !folded.includes(t.suffix)) continue;
    const body = text.slice(t.prefix.length).trim();
    let pub: string | null = null;
    if (t.suffix === '') pub = stripViewAll(body).pub;
    else {
      const at = lower(body).lastIndexOf(t.suffix);
      const label = at >= 0 ? body.slice(at + t.suffix.length).trim() : '';
      const labelOk =
        label === '' || VIEW_ALL_LABELS.includes(lower(label)) || label.length <= GLUED_LABEL_MAX_CHARS;
      if (at > 0 && labelOk) pub = body.slice(0, at).trim();
    }
    if (pub === null || !acceptablePublication(pub)) continue;
    if (publication !== null && !foldedEqual(publication, pub)) continue;
    publication = pub;
    if (!locales.includes(t.locale)) locales.push(t.locale);
  }
  return publication === null ? null : { kind: 'more-stories', locales, publication };
}

function foldedEqual(a: string, b: string): boolean {
  return lower(a) === lower(b);
}

function matchWholeLine(folded: string): Classification | null {
  const entry = WHOLE_LINES.get(folded);
  if (!entry) return null;
  return { kind: entry.kind, locales: entry.locales };
}

/** The locales of the matched entries, or null when none matched. */
function localesOf(matched: readonly LocalizedString[]): string[] | null {
  if (matched.length === 0) return null;
  const found: string[] = [];
  for (const m of matched) if (m.locale !== null && !found.includes(m.locale)) found.push(m.locale);
  return found;
}

function trialMarkersIn(folded: string): LocalizedString[] {
  const hits: LocalizedString[] = [];
  for (const [brand, markers] of TRIAL_MARKERS_BY_BRAND) {
    if (brand !== '' && !folded.includes(brand)) continue;
    for (const m of markers) if (folded.includes(m.lower)) hits.push(m);
  }
  return hits;
}

const issueCountTemplatesFor = byFirstCharacter(ISSUE_COUNT_TEMPLATES);

function matchMarkers(folded: string, text: string): Classification | null {
  const trial = localesOf(trialMarkersIn(folded));
  if (trial) return { kind: 'trial', locales: trial };
  const upsell = localesOf(UPSELL_PREFIXES.matches(folded));
  if (upsell) return { kind: 'upsell', locales: upsell };
  const promo = localesOf(PROMO_PREFIXES.matches(folded));
  if (promo) return { kind: 'promo', locales: promo };
  if (text.length <= NAVIGATION_MAX_CHARS) {
    const nav = localesOf(NAVIGATION_PREFIXES.matches(folded).filter((m) => folded.length > m.lower.length));
    if (nav) return { kind: 'navigation', locales: nav };
  }
  for (const t of issueCountTemplatesFor(folded)) {
    if (
      folded.startsWith(t.prefix) &&
      folded.endsWith(t.suffix) &&
      folded.length > t.prefix.length + t.suffix.length
    ) {
      const n = folded.slice(t.prefix.length, folded.length - t.suffix.length).trim();
      if (/^\d{1,3}$/u.test(n)) return { kind: 'issue-count', locales: [t.locale] };
    }
  }
  for (const b of BRAND_NAMES) if (folded.includes(b.lower)) return { kind: 'brand', locales: [] };
  return null;
}

/** `New Zealand Listener3 min readSocial Science`: publication, reading time and section glued. */
function matchGluedCard(text: string): Classification | null {
  for (const marker of GLUED_READING_TIME) {
    const at = text.indexOf(marker);
    if (at <= 0) continue;
    let start = at;
    while (start > 0 && text[start - 1] === ' ') start--;
    let digits = start;
    while (digits > 0 && /\d/u.test(text[digits - 1] ?? '')) digits--;
    if (digits === start || digits === 0 || text[digits - 1] === ' ') continue;
    const pub = text.slice(0, digits).trim();
    if (pub.length > CARD_PUBLICATION_MAX_CHARS || text.length - at > CARD_PUBLICATION_MAX_CHARS) continue;
    return { kind: 'card-publication', locales: [], publication: pub };
  }
  return null;
}

/**
 * `$149.99`, `$74.99/Año`, `₹ 1,257.23₹ 754.34` (an old and a new price glued).
 * Returns the locales of a known period word (`/Anno` votes for Italian), or null when no price.
 */
function matchPrice(text: string): string[] | null {
  if (text.length > PRICE_LINE_MAX_CHARS) return null;
  let rest = text;
  let locales: string[] = [];
  const slash = rest.lastIndexOf('/');
  if (slash > 0) {
    const period = rest.slice(slash + 1);
    if (period === '' || period.length > PRICE_PERIOD_MAX_CHARS || !/^\p{L}+$/u.test(period)) return null;
    locales = PRICE_PERIODS.get(lower(period)) ?? [];
    rest = rest.slice(0, slash);
  }
  const firstDigit = rest.search(/\d/u);
  if (firstDigit < 0) return null;
  let second = -1;
  for (const symbol of CURRENCY_SYMBOLS) {
    const at = rest.indexOf(symbol, firstDigit);
    if (at > 0 && (second < 0 || at < second)) second = at;
  }
  const ok =
    second < 0 ? PRICE.test(rest) : PRICE.test(rest.slice(0, second)) && PRICE.test(rest.slice(second));
  return ok ? locales : null;
}

/** A price line (two glued prices and a period at most) is at most this long. */
const PRICE_LINE_MAX_CHARS = 48;

const MINUTES: ReadonlySet<string> = new Set(MINUTE_WORDS);
/** Leading number of a reading time: `10+` in `10+ min  |`. */
const READING_NUMBER = /^\d{1,3}\+?/u;

/**
 * `1 min read`, `10+ min  |`, `4 mins`, `2 min.`, `5 min läsning`, `3 мин`,
 * `4分钟`: a number and a short unit that is a known unit or opens with a word
 * for "minute" (in any language), possibly followed by one more short word.
 */
export function matchReadingTime(text: string): string[] | null {
  if (text.length > READING_TIME_MAX_CHARS) return null;
  const number = READING_NUMBER.exec(text);
  if (!number) return null;
  let unit = text.slice(number[0].length).trim();
  if (unit.endsWith('|')) unit = unit.slice(0, -1).trim();
  const folded = lower(unit);
  if (folded === '') return null;
  const known = localesOf(READING_TIME_UNITS.filter((u) => folded === u.lower || folded === `${u.lower}.`));
  if (known) return known;
  const words = folded.split(' ').filter(Boolean);
  if (words.length > 2 || (words[1] !== undefined && words[1].length > 14)) return null;
  const first = (words[0] ?? '').replace(/\.$/u, '');
  return MINUTES.has(first) ? [] : null;
}

function matchShapes(text: string): Classification | null {
  const price = matchPrice(text);
  if (price) return { kind: 'price', locales: price };
  const reading = matchReadingTime(text);
  if (reading) return { kind: 'reading-time', locales: reading };
  const date = parseEditionLabel(text);
  if (date) return { kind: 'date', locales: [], date };
  if (text === '|') return { kind: 'pipe', locales: [] };
  const bar = text.indexOf('|');
  if (bar >= 0 && bar === text.lastIndexOf('|') && text.length <= 2 * CARD_PUBLICATION_MAX_CHARS) {
    const left = text.slice(0, bar).trim();
    const right = text.slice(bar + 1).trim();
    const rightDate = parseEditionLabel(right);
    if (left === '' || right === '' || rightDate) {
      const publication = left !== '' ? left : rightDate ? undefined : right;
      return {
        kind: 'pipe',
        locales: [],
        ...(publication !== undefined && publication !== '' ? { publication } : {}),
        ...(rightDate ? { date: rightDate } : {}),
      };
    }
  }
  if (text === '-' || text === '–' || text === '—') return { kind: 'dash', locales: [], detail: '' };
  if (
    (text.startsWith('- ') || text.startsWith('– ') || text.startsWith('— ')) &&
    text.length <= 2 * CARD_PUBLICATION_MAX_CHARS
  ) {
    return { kind: 'dash', locales: [], detail: text.slice(2).trim() };
  }
  return null;
}

/** A last line cut by the capture: the start of a known boilerplate sentence or header. */
function matchCut(text: string): Classification | null {
  if (text.length < MIN_CUT_BOILERPLATE_CHARS) return matchCutSuffix(text);
  const folded = lower(text);
  const signIn = matchCutSignIn(folded);
  if (signIn) return signIn;
  for (const c of CUT_CANDIDATES) {
    if (c.lower.startsWith(folded) || (c.kind === 'edition-line' && folded.startsWith(c.lower))) {
      return { kind: c.kind, locales: c.locale ? [c.locale] : [], cut: true };
    }
  }
  return matchCutSuffix(text);
}

/** `Already a subscriber ? Sig`: a known question, then the start of any known action (or the question cut). */
function matchCutSignIn(folded: string): Classification | null {
  let at = -1;
  for (const mark of QUESTION_MARKS) {
    const i = folded.indexOf(mark);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) {
    for (const [q, locales] of SIGN_IN_QUESTIONS)
      if (q.startsWith(folded.trim())) return { kind: 'sign-in', locales, cut: true };
    return null;
  }
  const question = SIGN_IN_QUESTIONS.get(folded.slice(0, at).trim());
  const action = folded.slice(at + 1).trim();
  if (question === undefined) return null;
  for (const a of SIGN_IN_ACTIONS.keys())
    if (a.startsWith(action)) return { kind: 'sign-in', locales: question, cut: true };
  return null;
}

/** `Motoring World से और कहा`: a "{pub} से और कहानियाँ" header cut inside its suffix. */
function matchCutSuffix(text: string): Classification | null {
  const folded = lower(text);
  for (const t of MORE_STORIES_TEMPLATES) {
    if (t.prefix !== '' || t.suffix.length < MIN_CUT_SUFFIX_CHARS) continue;
    for (let k = t.suffix.length - 1; k >= MIN_CUT_SUFFIX_CHARS; k--) {
      const part = t.suffix.slice(0, k);
      if (folded.endsWith(part) && folded.length > k) {
        return {
          kind: 'more-stories',
          locales: [t.locale],
          publication: text.slice(0, text.length - k).trim(),
          cut: true,
        };
      }
    }
  }
  return null;
}

export function classifyLine(text: string, maybeCut: boolean): Classification {
  const folded = lower(text);
  return (
    matchImage(text) ??
    matchEdition(text) ??
    matchSignIn(text) ??
    matchMoreStories(text, folded) ??
    matchWholeLine(folded) ??
    matchMarkers(folded, text) ??
    matchGluedCard(text) ??
    matchShapes(text) ??
    (maybeCut ? matchCut(text) : null) ??
    TEXT
  );
}

/** Classify every line; only the last line, when open, may match a cut boilerplate sentence. */
export function classifyLines(lines: readonly SourceLine[], lastLineOpen: boolean): ClassifiedLine[] {
  return lines.map((line, index) => {
    const c = classifyLine(line.text, lastLineOpen && index === lines.length - 1);
    return {
      text: line.text,
      lineNo: line.lineNo,
      index,
      key: foldKey(line.text),
      kind: c.kind,
      locales: c.locales,
      edition: c.edition,
      publication: c.publication,
      date: c.date,
      detail: c.detail,
      cut: c.cut,
    };
  });
}

/** Weight of the edition line's locale against the other UI lines' votes. */
const EDITION_LINE_VOTES = 100;

/**
 * The UI language of the page: the locale of its edition line, or else the
 * locale most of its platform lines matched (first seen wins a tie).
 */
export function pickPageLocale(lines: readonly ClassifiedLine[]): string | null {
  const votes = new Map<string, number>();
  for (const line of lines) {
    const weight = line.kind === 'edition-line' ? EDITION_LINE_VOTES : 1;
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
