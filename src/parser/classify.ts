/**
 * Stage 2: classify. Each line gets a context-free label from the vocabulary
 * (locale strings, platform chrome, generic shapes). Context (where a line
 * sits on the page) is the business of the later stages.
 */

import {
  matchEditionTemplate,
  parsePrintedDate,
  type EditionLineMatch,
  type PrintedDate,
} from './edition.js';
import type { SourceLine } from './normalize.js';
import { CURRENCY_SYMBOLS, PRICE, PRICE_PERIOD_MAX_CHARS, READING_TIME_LINE } from './rules/generic.js';
import {
  BRAND_NAMES,
  CUT_CANDIDATES,
  EDITION_TEMPLATES,
  GLUED_READING_TIME,
  ISSUE_COUNT_TEMPLATES,
  MORE_STORIES_TEMPLATES,
  PROMO_PREFIXES,
  SIGN_IN_ACTIONS,
  SIGN_IN_QUESTIONS,
  TRIAL_MARKERS,
  UPSELL_PREFIXES,
  VIEW_ALL_LABELS,
  WHOLE_LINES,
} from './rules/vocabulary.js';
import { MIN_CUT_BOILERPLATE_CHARS, MIN_CUT_SUFFIX_CHARS, CARD_PUBLICATION_MAX_CHARS } from './settings.js';
import { endsSentence, endsWithFolded, startsLowercase, startsWithFolded } from './text.js';

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

type Classification = Omit<ClassifiedLine, keyof SourceLine | 'index'>;

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

function matchEdition(text: string): Classification | null {
  if (text.length < MIN_EDITION_LINE_CHARS) return null;
  for (const template of EDITION_TEMPLATES) {
    const edition = matchEditionTemplate(text, template);
    if (edition) return { kind: 'edition-line', locales: [template.locale], edition };
  }
  return null;
}

/** `Already a subscriber ? Sign In` in any known wording, halves possibly from two locales. */
function matchSignIn(text: string): Classification | null {
  let at = text.indexOf('?');
  const arabic = text.indexOf('؟');
  if (at < 0 || (arabic >= 0 && arabic < at)) at = arabic;
  if (at < 0) return null;
  const question = lower(text.slice(0, at).replace('¿', '').trim());
  const action = lower(text.slice(at + 1).trim());
  const qLocale = SIGN_IN_QUESTIONS.get(question);
  const aLocale = SIGN_IN_ACTIONS.get(action);
  if (aLocale === undefined || (qLocale === undefined && question !== '')) return null;
  if (qLocale === undefined) return null;
  return { kind: 'sign-in', locales: [qLocale, aLocale] };
}

function stripViewAll(rest: string): string {
  for (const label of VIEW_ALL_LABELS) {
    if (endsWithFolded(rest, label)) return rest.slice(0, rest.length - label.length).trim();
  }
  return rest;
}

function matchMoreStories(text: string): Classification | null {
  for (const t of MORE_STORIES_TEMPLATES) {
    if (text.length <= t.prefix.length + t.suffix.length) continue;
    if (
      t.prefix !== '' &&
      startsWithFolded(text, t.prefix) &&
      (t.suffix === '' || endsWithFolded(text, t.suffix))
    ) {
      const pub = stripViewAll(text.slice(t.prefix.length, text.length - t.suffix.length).trim());
      if (pub === '' || pub.length > CARD_PUBLICATION_MAX_CHARS || endsSentence(pub) || startsLowercase(pub))
        continue;
      return { kind: 'more-stories', locales: [t.locale], publication: pub };
    }
    if (t.prefix === '' && t.suffix !== '' && endsWithFolded(text, t.suffix)) {
      const pub = text.slice(0, text.length - t.suffix.length).trim();
      if (pub === '' || pub.length > CARD_PUBLICATION_MAX_CHARS) continue;
      return { kind: 'more-stories', locales: [t.locale], publication: pub };
    }
  }
  return null;
}

function matchWholeLine(folded: string): Classification | null {
  const entry = WHOLE_LINES.get(folded);
  if (!entry) return null;
  return { kind: entry.kind, locales: entry.locale === null ? [] : [entry.locale] };
}

function matchMarkers(folded: string): Classification | null {
  for (const m of TRIAL_MARKERS)
    if (folded.includes(m.lower)) return { kind: 'trial', locales: m.locale ? [m.locale] : [] };
  for (const m of UPSELL_PREFIXES)
    if (folded.startsWith(m.lower)) return { kind: 'upsell', locales: m.locale ? [m.locale] : [] };
  for (const m of PROMO_PREFIXES)
    if (folded.startsWith(m.lower)) return { kind: 'promo', locales: m.locale ? [m.locale] : [] };
  for (const t of ISSUE_COUNT_TEMPLATES) {
    if (
      folded.startsWith(t.prefix) &&
      folded.endsWith(t.suffix) &&
      folded.length > t.prefix.length + t.suffix.length
    ) {
      const n = folded.slice(t.prefix.length, folded.length - t.suffix.length);
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

/** `$149.99`, `$74.99/Año`, `₹ 1,257.23₹ 754.34` (an old and a new price glued). */
function isPriceLine(text: string): boolean {
  let rest = text;
  const slash = rest.lastIndexOf('/');
  if (slash > 0) {
    const period = rest.slice(slash + 1);
    if (period === '' || period.length > PRICE_PERIOD_MAX_CHARS || !/^\p{L}+$/u.test(period)) return false;
    rest = rest.slice(0, slash);
  }
  const firstDigit = rest.search(/\d/u);
  if (firstDigit < 0) return false;
  let second = -1;
  for (const symbol of CURRENCY_SYMBOLS) {
    const at = rest.indexOf(symbol, firstDigit);
    if (at > 0 && (second < 0 || at < second)) second = at;
  }
  if (second < 0) return PRICE.test(rest);
  return PRICE.test(rest.slice(0, second)) && PRICE.test(rest.slice(second));
}

function matchShapes(text: string): Classification | null {
  if (isPriceLine(text)) return { kind: 'price', locales: [] };
  if (READING_TIME_LINE.test(text)) return { kind: 'reading-time', locales: [] };
  const date = parsePrintedDate(text);
  if (date) return { kind: 'date', locales: [], date };
  if (text === '|') return { kind: 'pipe', locales: [] };
  const bar = text.indexOf('|');
  if (bar >= 0 && bar === text.lastIndexOf('|') && text.length <= 2 * CARD_PUBLICATION_MAX_CHARS) {
    const left = text.slice(0, bar).trim();
    const right = text.slice(bar + 1).trim();
    const rightDate = parsePrintedDate(right);
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
  for (const c of CUT_CANDIDATES) {
    if (c.lower.startsWith(folded) || (c.kind === 'edition-line' && folded.startsWith(c.lower))) {
      return { kind: c.kind, locales: c.locale ? [c.locale] : [], cut: true };
    }
  }
  return matchCutSuffix(text);
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
    matchMoreStories(text) ??
    matchWholeLine(folded) ??
    matchMarkers(folded) ??
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
