/**
 * Stage 2: classify. Each line gets a context-free label from the vocabulary
 * (locale strings, platform chrome, generic shapes). Context (where a line
 * sits on the page) is the business of the later stages.
 */

import {
  findPrintedDate,
  matchEditionTemplate,
  parseEditionLabel,
  parseEditionYear,
  parseIssueNameYear,
  parseNamedIssueDate,
  type EditionLineMatch,
  type PrintedDate,
} from './edition.js';
import type { SourceLine } from './normalize.js';
import { readCredits } from './credits.js';
import { logoPlatform, matchCreditLine } from './platform-grammars.js';
import { PLATFORMS } from './rules/platforms.js';
import {
  COPYRIGHT_SHAPE,
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  MINUTE_WORDS,
  PAGE_REFERENCE_SHAPE,
  PRICE,
  PRICE_CURRENCY_AFTER,
  PRICE_CURRENCY_BEFORE,
  LOCAL_CURRENCY_SIGNS,
  QUESTION_MARKS,
} from './rules/generic.js';
import {
  BRAND_NAMES,
  CUT_CANDIDATES,
  EDITION_TEMPLATES,
  GLUED_READING_TIME,
  ISSUE_CONTENTS_PREFIXES,
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
  BREADCRUMB_MAX_CHARS,
  BREADCRUMB_MIN_PARTS,
  CARD_PUBLICATION_MAX_CHARS,
  GLUED_LABEL_MAX_CHARS,
  MIN_CUT_BOILERPLATE_CHARS,
  MIN_CUT_SUFFIX_CHARS,
  NAVIGATION_MAX_CHARS,
  PRICE_LINE_MAX_CHARS,
  PRICE_NOTE_MAX_CHARS,
  PRICE_PERIOD_MAX_CHARS,
  READING_TIME_MAX_CHARS,
  READING_UNIT_MAX_CHARS,
  CASELESS_READING_UNIT_MAX_CHARS,
  SWAP_INDEX_CHARS,
  SWAP_MIN_SHARED_SHARE,
  SWAP_SPAN_MAX_CHARS,
} from './settings.js';
import { SubstringSet } from './substrings.js';
import {
  endsSentence,
  endsWithFolded,
  foldKeyOfLowerCase,
  IRREGULAR_SPACING,
  isWhitespace,
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
  | 'lost-glyphs'
  | 'credit'
  | 'credits'
  | 'learned'
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
  /** Image line: its alt text. `- Name` line: the text after the dash. Credits line: the writer. */
  detail?: string;
  /** True when the line matched only as the start of a boilerplate sentence cut by the capture. */
  cut?: boolean;
  /** Learned boilerplate (learned.ts): distinct publications the corpus saw this line's shape on. */
  evidence?: number;
}

/** The line as another kind (with what the new kind carries): lines are never changed in place. */
export function relabel(
  line: ClassifiedLine,
  kind: LineKind,
  extra: Partial<ClassifiedLine> = {},
): ClassifiedLine {
  return { ...line, kind, ...extra };
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
  // keyed by code unit, not by `charAt` (a string to make and hash for every line)
  const groups = new Map<number, T[]>();
  for (const { prefix } of templates) {
    const first = prefix.charCodeAt(0);
    if (prefix !== '' && !groups.has(first))
      groups.set(
        first,
        templates.filter((t) => t.prefix === '' || t.prefix.charCodeAt(0) === first),
      );
  }
  return (text) => groups.get(text.charCodeAt(0)) ?? unprefixed;
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

/** Markers glued between a card's publication and its section, and the form they take in the lower-cased line. */
const GLUED_MARKERS = GLUED_READING_TIME.map((marker) => ({ marker, lower: lower(marker) }));

/**
 * The strings a line is searched for anywhere, all in one pass over the
 * lower-cased line (see `SubstringSet`): brand names and "More stories"
 * suffixes, matched in the lower-cased line; question marks and glued reading
 * times, matched in the printed line but found in the lower-cased one whenever
 * the printed one holds them (lower-casing maps each character on its own but
 * a capital sigma, which none of them holds); and the spacing the line's key
 * irons out. A line holding none of a check's strings skips that check.
 */
const LINE_STRINGS = new SubstringSet([
  ...BRAND_NAMES.map((b) => b.lower),
  ...MORE_STORIES_TEMPLATES.map((t) => t.suffix),
  ...QUESTION_MARKS,
  ...GLUED_MARKERS.map((m) => m.lower),
  ...IRREGULAR_SPACING,
]);

/** Whether the line holds any of these `LINE_STRINGS` (a loop: no closure to make for every line). */
function holdsAny(found: ReadonlySet<string>, strings: readonly string[]): boolean {
  if (found.size === 0) return false;
  for (const s of strings) if (found.has(s)) return true;
  return false;
}

/** `Already a subscriber ? Sign In` in any known wording, halves possibly from two locales. */
function matchSignIn(text: string, found: ReadonlySet<string>): Classification | null {
  if (!holdsAny(found, QUESTION_MARKS)) return null;
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

/** `■ 見出し`, `• item`: a bullet mark opens a subhead or a list item, never a publication's name. */
const OPENING_BULLET = /^[\p{So}•‣※]/u;

function acceptablePublication(pub: string): boolean {
  return (
    pub !== '' &&
    !OPENING_BULLET.test(pub) &&
    pub.length <= CARD_PUBLICATION_MAX_CHARS &&
    (!endsSentence(pub) || closesWithOwnMark(pub)) &&
    !startsLowercase(pub)
  );
}

/** `Sal y Pimienta!`, `Hola!`: a name may close with one exclamation mark of its own (no sentence ends a header). */
function closesWithOwnMark(pub: string): boolean {
  return pub.endsWith('!') && !endsSentence(pub.slice(0, -1));
}

const moreStoriesTemplatesFor = byFirstCharacter(MORE_STORIES_TEMPLATES);

/** "More stories from {pub}" in every known wording, with a glued "View all" label or none. */
function matchMoreStories(text: string, folded: string, found: ReadonlySet<string>): Classification | null {
  // folded text indexes the printed text only when lower-casing kept its length (nearly always)
  const sameLength = folded.length === text.length;
  let locales: string[] | null = null; // made at the first match: most lines have none
  let publication: string | null = null;
  for (const t of sameLength ? moreStoriesTemplatesFor(folded) : MORE_STORIES_TEMPLATES) {
    if (text.length <= t.prefix.length + t.suffix.length) continue;
    if (t.prefix !== '' && !(sameLength ? folded.startsWith(t.prefix) : startsWithFolded(text, t.prefix)))
      continue;
    if (t.suffix !== '' && !found.has(t.suffix)) continue;
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
    locales ??= [];
    if (!locales.includes(t.locale)) locales.push(t.locale);
  }
  return publication === null || locales === null ? null : { kind: 'more-stories', locales, publication };
}

function foldedEqual(a: string, b: string): boolean {
  return lower(a) === lower(b);
}

/** No whole line of the vocabulary is longer: a longer line is not looked up (hashing it would cost its length). */
const WHOLE_LINE_MAX_CHARS = Math.max(0, ...[...WHOLE_LINES.keys()].map((k) => k.length));

function matchWholeLine(folded: string): Classification | null {
  if (folded.length > WHOLE_LINE_MAX_CHARS) return null;
  const entry = WHOLE_LINES.get(folded);
  if (!entry) return null;
  return { kind: entry.kind, locales: entry.locales };
}

/** Kinds of whole line Magzter rewords between versions: a Try-GOLD label, an old paywall line. */
const SWAPPABLE_KINDS: ReadonlySet<string> = new Set(['try-gold', 'paywall']);

interface SwappableLine {
  key: string;
  kind: LineKind;
}

/** The swappable table lines by their first and by their last SWAP_INDEX_CHARS characters. */
function swapIndex(edge: (key: string) => string): ReadonlyMap<string, SwappableLine[]> {
  const map = new Map<string, SwappableLine[]>();
  for (const [key, entry] of WHOLE_LINES) {
    if (!SWAPPABLE_KINDS.has(entry.kind) || key.length < 2 * SWAP_INDEX_CHARS) continue;
    const lines = map.get(edge(key)) ?? [];
    lines.push({ key, kind: entry.kind });
    map.set(edge(key), lines);
  }
  return map;
}

const SWAP_BY_START = swapIndex((key) => key.slice(0, SWAP_INDEX_CHARS));
const SWAP_BY_END = swapIndex((key) => key.slice(-SWAP_INDEX_CHARS));

/**
 * The spans a line and a table line differ in when they share everything else: a common start
 * and a common end, widened to word boundaries where the table line has spaces. Null when they
 * differ in more than one word (in a script without spaces, one run of at most SWAP_SPAN_MAX_CHARS),
 * or share less than SWAP_MIN_SHARED_SHARE of the table line.
 */
function swappedSpans(line: string, key: string): [string, string] | null {
  const most = Math.min(line.length, key.length);
  let start = 0;
  while (start < most && line.charCodeAt(start) === key.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < most - start &&
    line.charCodeAt(line.length - 1 - end) === key.charCodeAt(key.length - 1 - end)
  )
    end++;
  if (key.includes(' ')) {
    // whole words only: `experimente ouro - grátis` / `experimente gold - grátis`
    start = key.lastIndexOf(' ', start - 1) + 1;
    const tail = key.indexOf(' ', key.length - end);
    end = tail < 0 ? 0 : key.length - tail;
  }
  if (start + end < key.length * SWAP_MIN_SHARED_SHARE) return null;
  const was = key.slice(start, key.length - end);
  const now = line.slice(start, line.length - end);
  if (was === '' || now === '' || was.length > SWAP_SPAN_MAX_CHARS || now.length > SWAP_SPAN_MAX_CHARS)
    return null;
  return was.includes(' ') || now.includes(' ') ? null : [was, now];
}

/**
 * `Experimente GOLD - Grátis` where the table holds `Experimente OURO - Grátis` (the brand left in
 * English), `アプリでストーリーの続きを読む` where it holds `アプリで記事の続きを読む` (a loanword for
 * "article"): a Try-GOLD label or an old paywall line of the tables with one word swapped is that
 * kind of line, with no locale vote. Read only on lines nothing else claimed.
 */
function matchSwappedWord(folded: string): Classification | null {
  // a cheap test first: most lines are longer than any swappable table line
  if (folded.length > SWAPPABLE_MAX_CHARS || folded.length < 2 * SWAP_INDEX_CHARS) return null;
  return (
    swappedIn(folded, SWAP_BY_START.get(folded.slice(0, SWAP_INDEX_CHARS))) ??
    swappedIn(folded, SWAP_BY_END.get(folded.slice(-SWAP_INDEX_CHARS)))
  );
}

/** No swappable table line is longer, its swapped word aside: a longer line is not compared. */
const SWAPPABLE_MAX_CHARS =
  Math.max(0, ...[...SWAP_BY_START.values()].flat().map((l) => l.key.length)) + SWAP_SPAN_MAX_CHARS;

function swappedIn(folded: string, candidates: readonly SwappableLine[] | undefined): Classification | null {
  if (candidates === undefined) return null;
  // no locale vote: a sister language prints the same label but for one word
  for (const { key, kind } of candidates)
    if (swappedSpans(folded, key) !== null) return { kind, locales: [] };
  return null;
}

/** Returned when nothing matched: no array to make for every line. */
const NO_MATCHES: readonly LocalizedString[] = [];

/** The locales of the matched entries, or null when none matched. */
function localesOf(matched: readonly LocalizedString[]): string[] | null {
  if (matched.length === 0) return null;
  const found: string[] = [];
  for (const m of matched) if (m.locale !== null && !found.includes(m.locale)) found.push(m.locale);
  return found;
}

const TRIAL_MARKER_GROUPS = [...TRIAL_MARKERS_BY_BRAND];
/** Every trial marker, searched for at once in a line that names a brand (some 40 markers name Magzter GOLD). */
const TRIAL_MARKERS = new SubstringSet(
  TRIAL_MARKER_GROUPS.flatMap(([, markers]) => markers.map((m) => m.lower)),
);

/** The trial markers in the line, in vocabulary order; the markers naming a brand are looked for only when the line names it. */
function trialMarkersIn(folded: string, found: ReadonlySet<string>): readonly LocalizedString[] {
  let hits: LocalizedString[] | null = null;
  let markersFound: ReadonlySet<string> | null = null;
  for (const [brand, markers] of TRIAL_MARKER_GROUPS) {
    if (brand !== '' && !found.has(brand)) continue;
    markersFound ??= TRIAL_MARKERS.foundIn(folded);
    for (const m of markers) if (markersFound.has(m.lower)) (hits ??= []).push(m);
  }
  return hits ?? NO_MATCHES;
}

const BRAND_LOWERS: readonly string[] = BRAND_NAMES.map((b) => b.lower);

/**
 * `{n} Issues`: the text after the template's prefix opens with the number,
 * or with a space before it. Checked first: it rules out nearly every line at
 * the cost of one character.
 */
function numberMayFollow(folded: string, prefix: string): boolean {
  const code = folded.charCodeAt(prefix.length);
  return (code >= 0x30 && code <= 0x39) || isWhitespace(code);
}

const issueCountTemplatesFor = byFirstCharacter(ISSUE_COUNT_TEMPLATES);

/**
 * The prefixes the line goes on after. A loop, not a `filter` closure: a
 * function whose closure holds one of its variables makes a context for that
 * variable at every call, and the classifier's functions run on every line.
 */
function prefixesFollowedByMore(
  prefixes: readonly LocalizedString[],
  folded: string,
): readonly LocalizedString[] {
  let found: LocalizedString[] | null = null;
  for (const m of prefixes) if (folded.length > m.lower.length) (found ??= []).push(m);
  return found ?? NO_MATCHES;
}

function matchMarkers(folded: string, text: string, found: ReadonlySet<string>): Classification | null {
  const trial = localesOf(trialMarkersIn(folded, found));
  if (trial) return { kind: 'trial', locales: trial };
  const upsell = localesOf(UPSELL_PREFIXES.matches(folded));
  if (upsell) return { kind: 'upsell', locales: upsell };
  const contents = localesOf(ISSUE_CONTENTS_PREFIXES.matches(folded));
  if (contents) return { kind: 'issue-contents', locales: contents };
  const promo = localesOf(PROMO_PREFIXES.matches(folded));
  if (promo) return { kind: 'promo', locales: promo };
  if (text.length <= NAVIGATION_MAX_CHARS) {
    const nav = localesOf(prefixesFollowedByMore(NAVIGATION_PREFIXES.matches(folded), folded));
    if (nav) return { kind: 'navigation', locales: nav };
  }
  for (const t of issueCountTemplatesFor(folded)) {
    if (
      numberMayFollow(folded, t.prefix) &&
      folded.startsWith(t.prefix) &&
      folded.endsWith(t.suffix) &&
      folded.length > t.prefix.length + t.suffix.length
    ) {
      const n = folded.slice(t.prefix.length, folded.length - t.suffix.length).trim();
      if (/^\d{1,3}$/u.test(n)) return { kind: 'issue-count', locales: [t.locale] };
    }
  }
  return holdsAny(found, BRAND_LOWERS) ? { kind: 'brand', locales: [] } : null;
}

/** Words for "minute" a glued reading time may open with, longest first (`minutos` before `min`). */
const GLUED_MINUTE_WORDS: readonly string[] = [...MINUTE_WORDS].sort((a, b) => b.length - a.length);

/**
 * `Proceso7 min de lecturaPolítica`, `日経ビジネス4分で読めます`: a card's publication with its
 * reading time glued on (and maybe its section), in any language: a name, a number of at most
 * three digits glued to it, then a word for "minute". The publication is the name.
 */
function matchGluedCardShape(text: string): Classification | null {
  if (text.length > 2 * CARD_PUBLICATION_MAX_CHARS) return null;
  let digits = 0;
  while (digits < text.length && !isAsciiDigit(text.charCodeAt(digits))) digits++;
  if (digits === 0 || digits === text.length || isWhitespace(text.charCodeAt(digits - 1))) return null;
  let unit = digits;
  while (unit < text.length && isAsciiDigit(text.charCodeAt(unit))) unit++;
  if (unit - digits > 3) return null;
  const rest = lower(text.slice(unit).trimStart());
  const word = GLUED_MINUTE_WORDS.find((w) => rest.startsWith(w));
  // a Latin word ends there (`min de lectura`, `min.`), not inside a longer one (`minister`)
  if (word === undefined || /^\p{Script=Latin}/u.test(rest.slice(word.length))) return null;
  const pub = text.slice(0, digits).trim();
  if (pub.length > CARD_PUBLICATION_MAX_CHARS || !acceptablePublication(pub)) return null;
  return { kind: 'card-publication', locales: localesOf(unitsOpening(rest)) ?? [], publication: pub };
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The known reading-time units the folded text opens with (`min de leitura` in `min de leituranegócios`). */
function unitsOpening(folded: string): readonly LocalizedString[] {
  let found: LocalizedString[] | null = null;
  for (const unit of READING_TIME_UNITS) if (folded.startsWith(unit.lower)) (found ??= []).push(unit);
  return found ?? NO_MATCHES;
}

/** `New Zealand Listener3 min readSocial Science`: publication, reading time and section glued. */
function matchGluedCard(text: string, found: ReadonlySet<string>): Classification | null {
  for (const { marker, lower: markerLower } of GLUED_MARKERS) {
    if (!found.has(markerLower)) continue;
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
  return matchGluedCardShape(text);
}

/**
 * `$149.99`, `$74.99/Año`, `₹ 1,257.23₹ 754.34` (an old and a new price glued).
 * Returns the locales of a known period word (`/Anno` votes for Italian), or null when no price.
 */
function matchPrice(printed: string): string[] | null {
  const text = withoutPriceNote(printed);
  if (text.length > PRICE_LINE_MAX_CHARS) return null;
  const after = PRICE_CURRENCY_AFTER.exec(text);
  if (after !== null && CURRENCIES_AFTER.has(after[1] ?? '')) return [];
  const before = PRICE_CURRENCY_BEFORE.exec(text);
  if (before !== null && CURRENCIES_BEFORE.has(before[1] ?? '')) return [];
  let rest = text;
  let locales: string[] = [];
  const slash = rest.lastIndexOf('/');
  if (slash > 0) {
    const period = rest.slice(slash + 1);
    if (period === '' || period.length > PRICE_PERIOD_MAX_CHARS || !/^\p{L}[\p{L}\p{M}]*$/u.test(period))
      return null;
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

/** What `PRICE_CURRENCY_BEFORE` may open with: a currency code or a local sign in letters. */
const CURRENCIES_BEFORE: ReadonlySet<string> = new Set([...CURRENCY_CODES, ...LOCAL_CURRENCY_SIGNS]);

/** What `PRICE_CURRENCY_AFTER` may close with: a currency code or symbol. */
const CURRENCIES_AFTER: ReadonlySet<string> = new Set([
  ...CURRENCY_CODES,
  ...CURRENCY_SYMBOLS,
  ...LOCAL_CURRENCY_SIGNS,
]);

/** `₹ 91.27 (Incl. tax)` → `₹ 91.27`: a short note in brackets after a price. */
function withoutPriceNote(text: string): string {
  if (!text.endsWith(')')) return text;
  const open = text.lastIndexOf('(');
  if (open <= 0 || text.length - open > PRICE_NOTE_MAX_CHARS) return text;
  return text.slice(0, open).trim();
}

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
  const barred = unit.endsWith('|');
  if (barred) unit = unit.slice(0, -1).trim();
  const folded = lower(unit);
  if (folded === '') return null;
  const known = localesOf(unitsPrintedAs(folded));
  if (known) return known;
  const words = folded.split(' ').filter(Boolean);
  if (words.length > 2 || (words[1] !== undefined && words[1].length > 14)) return null;
  const first = (words[0] ?? '').replace(/\.$/u, '');
  if (MINUTES.has(first) || opensWithCaselessMinute(first)) return [];
  // `7 λεπτά  |`: the bar Magzter closes its card's reading time with makes any one short word its unit
  return barred && words.length === 1 && isUnitWord(first) ? [] : null;
}

/** A reading time's unit in a wording no table knows: one short word of letters. */
function isUnitWord(word: string): boolean {
  return word.length <= READING_UNIT_MAX_CHARS && /^[\p{L}\p{M}]+$/u.test(word);
}

const CLOCK_ICONS: readonly string[] = PLATFORMS.flatMap((p) => p.clockIcons ?? []);
const CLOCK_READING_TIME: Classification = { kind: 'reading-time', locales: [] };
/** The number a clock icon opens, in any script's digits (`7`, `९`). */
const CLOCK_NUMBER = /^\p{Nd}{1,3}/u;

/**
 * `access_time5 דקות`, `access_time९ मिनेट`: a number printed right after a clock icon, then one
 * or two short words, is a reading time whatever the word for minutes.
 */
function matchClockReadingTime(line: SourceLine): Classification | null {
  const printed = line.printed;
  if (printed === undefined || line.text.length > READING_TIME_MAX_CHARS) return null;
  if (!CLOCK_ICONS.some((icon) => printed.startsWith(icon))) return null;
  const number = CLOCK_NUMBER.exec(line.text);
  if (number === null) return null;
  const words = line.text.slice(number[0].length).split(' ').filter(Boolean);
  return words.length >= 1 && words.length <= 2 && words.every(isClockUnitWord) ? CLOCK_READING_TIME : null;
}

/** A closing mark after a unit: an abbreviation's dot, a script's own full stop (`।`, `།`, `။`). */
const CLOSING_MARK = /\p{Po}$/u;
/** A syllable mark inside a word (the Tibetan tsheg in `སྐར་མ`), between two letters. */
const SYLLABLE_MARKS = /(?<=[\p{L}\p{M}])\p{Po}(?=[\p{L}\p{M}])/gu;

/**
 * A unit after a clock icon's number: one short word of letters (`min.`, `דקות`), in a script
 * that may part syllables with a mark and close the word with its own stop (`སྐར་མ།`).
 */
function isClockUnitWord(word: string): boolean {
  return isUnitWord(word.replace(CLOSING_MARK, '').replace(SYLLABLE_MARKS, ''));
}

/** Words for "minute" in scripts written without spaces (`分`, `분`), which the rest of the unit follows glued. */
const CASELESS_MINUTE_WORDS: readonly string[] = MINUTE_WORDS.filter((w) => w.toUpperCase() === w);

/** `分で読める`, `分で読了`: a unit in a script without spaces that opens with its word for "minute". */
function opensWithCaselessMinute(unit: string): boolean {
  if (unit.length > CASELESS_READING_UNIT_MAX_CHARS) return false;
  for (const w of CASELESS_MINUTE_WORDS) if (unit.startsWith(w)) return true;
  return false;
}

/** Each known reading-time unit with its form followed by a full stop (`min.`), made once. */
const READING_TIME_UNIT_FORMS = READING_TIME_UNITS.map((unit) => ({ unit, stopped: `${unit.lower}.` }));

/** The known reading-time units the folded text is, with or without a full stop (a loop: see `prefixesFollowedByMore`). */
function unitsPrintedAs(folded: string): readonly LocalizedString[] {
  let found: LocalizedString[] | null = null;
  for (const { unit, stopped } of READING_TIME_UNIT_FORMS)
    if (folded === unit.lower || folded === stopped) (found ??= []).push(unit);
  return found ?? NO_MATCHES;
}

/**
 * Prices, reading times, dates and issue numbers all print one, in any script (`٣ مارس ٢٠٢٢`);
 * `\d` is ASCII in every regex here, and dates fold other digits before reading them.
 */
const ANY_DIGIT = /\p{Nd}/u;
const ASCII_DIGIT = /\d/u;

/**
 * `|Pub 19-APR-2024`, `|Pub 07 Nov 2023`: the newest layout's `|Date` slot holding an issue name,
 * the publication and then the date (the old `Pub|Pub 07-NOV-2021` slot moved under the name).
 * The date closes the text after a space, the name before it is short and no sentence; the date
 * part is the date and its label (the name is the publication line's above it).
 */
function namedIssueAfterBar(right: string): PrintedDate | null {
  if (right.length > CARD_PUBLICATION_MAX_CHARS + ISSUE_NAME_DATE_MAX_CHARS) return null;
  const found = findPrintedDate(right);
  if (
    found === null ||
    found.end !== right.length ||
    found.start < 2 ||
    right.charAt(found.start - 1) !== ' '
  )
    return null;
  const name = right.slice(0, found.start - 1);
  if (name.length > CARD_PUBLICATION_MAX_CHARS || endsSentence(name) || !/\p{L}/u.test(name)) return null;
  return { label: found.label, iso: found.iso };
}
/** The date after an issue name (`19-APR-2024`, `07 Nov 2023`, `November 7, 2023`) is at most this long. */
const ISSUE_NAME_DATE_MAX_CHARS = 24;

function matchShapes(text: string): Classification | null {
  const numeric = ANY_DIGIT.test(text);
  if (numeric) {
    const price = matchPrice(text);
    if (price) return { kind: 'price', locales: price };
    const reading = matchReadingTime(text);
    if (reading) return { kind: 'reading-time', locales: reading };
    const date = parseEditionLabel(text);
    if (date) return { kind: 'date', locales: [], date };
    if (PAGE_REFERENCE_SHAPE.test(text)) return { kind: 'navigation', locales: [] };
  }
  if (COPYRIGHT_SHAPE.test(text) && text.length <= NAVIGATION_MAX_CHARS * 2)
    return { kind: 'chrome', locales: [] };
  if (isBreadcrumb(text)) return matchContentsBreadcrumb(text) ?? { kind: 'navigation', locales: [] };
  if (text === '|') return { kind: 'pipe', locales: [] };
  const bar = text.indexOf('|');
  if (bar >= 0 && bar === text.lastIndexOf('|') && text.length <= 2 * CARD_PUBLICATION_MAX_CHARS) {
    const left = text.slice(0, bar).trim();
    const right = text.slice(bar + 1).trim();
    // `Pub|2024`: beside a publication, a year alone is an annual's edition date
    const rightDate = numeric
      ? (parseEditionLabel(right) ??
        (left !== ''
          ? (parseEditionYear(right) ?? parseIssueNameYear(right) ?? parseNamedIssueDate(right, left))
          : namedIssueAfterBar(right)))
      : null;
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

/** Numbers (`9,000`, `7`, `10.5`) in a sentence: each run is folded to one `#`. */
const NUMBER_RUN = /\d[\d,.]*/gu;

/**
 * `Start your 14-day …` matches `Start your 7-day …`: the trial's length and
 * the catalogue's size change from page to page, the sentence does not.
 */
function foldNumbers(folded: string): string {
  return ASCII_DIGIT.test(folded) ? folded.replace(NUMBER_RUN, '#') : folded;
}

/** The cut candidates with their numbers folded, made once. */
const CUT_CANDIDATES_FOLDED = CUT_CANDIDATES.map((c) => ({ ...c, folded: foldNumbers(c.lower) }));

/** A slash between two digits (`3/2024`) writes a number or a date, not a path. */
const DIGIT_SLASH = /(?<=\p{Nd})\/(?=\p{Nd})/gu;

/**
 * `/ News & Politics`, `/ 新聞 & 政治` (a section under its icon), or
 * `Home//India Today/Issue 50 2019/In This Issue`: a store breadcrumb, in any
 * language. Opens with a slash, or holds at least three short slash-separated
 * parts; never ends a sentence.
 */
function isBreadcrumb(printed: string): boolean {
  const text = printed.includes('/') ? printed.replace(DIGIT_SLASH, '') : printed;
  if (text.length > BREADCRUMB_MAX_CHARS || !text.includes('/') || endsSentence(text)) return false;
  if (text.startsWith('/ ')) return text.length > 2;
  const parts = text.split('/');
  return (
    parts.length >= BREADCRUMB_MIN_PARTS &&
    parts.every((p) => p.length <= NAVIGATION_MAX_CHARS) &&
    parts.filter((p) => p.trim() !== '').length >= BREADCRUMB_MIN_PARTS - 1
  );
}

/**
 * `Home//India Today/Issue 50 2019/In This Issue`: a mirror site's breadcrumb
 * ending in an "in this issue" label is the contents header of an issue page;
 * the two parts before the label name the publication and the issue.
 */
const FOUR_DIGITS = /\d{4}/u;

function matchContentsBreadcrumb(text: string): Classification | null {
  const parts = text.split('/').map((p) => p.trim());
  const label = WHOLE_LINES.get(lower(parts.at(-1) ?? ''));
  if (label?.kind !== 'issue-contents' || parts.length < BREADCRUMB_MIN_PARTS) return null;
  const publication = parts.at(-3) ?? '';
  const issue = parts.at(-2) ?? '';
  // `No. 12 (Oktubre 3, 2023)`: an issue number with its date
  const printed = parseEditionLabel(issue);
  const found = printed === null ? findPrintedDate(issue) : null;
  const dated = printed ?? (found === null ? null : { label: found.label, iso: found.iso });
  // a bare issue number (`Issue 112`) is no date and no label: the crumb only names the issue
  const date = dated !== null && dated.iso === null && !FOUR_DIGITS.test(dated.label) ? null : dated;
  return {
    kind: 'issue-contents',
    locales: label.locales,
    ...(publication === '' ? {} : { publication }),
    ...(date === null ? {} : { date }),
  };
}

/** A last line cut by the capture: the start of a known boilerplate sentence or header. */
function matchCut(text: string): Classification | null {
  if (text.length < MIN_CUT_BOILERPLATE_CHARS) return matchCutSuffix(text);
  const folded = lower(text);
  const signIn = matchCutSignIn(folded);
  if (signIn) return signIn;
  const digitless = foldNumbers(folded);
  for (const c of CUT_CANDIDATES_FOLDED) {
    if (c.folded.startsWith(digitless) || (c.kind === 'edition-line' && digitless.startsWith(c.folded))) {
      return { kind: c.kind, locales: c.locale ? [c.locale] : [], cut: true };
    }
  }
  return matchCutSuffix(text);
}

const SIGN_IN_QUESTION_ENTRIES = [...SIGN_IN_QUESTIONS];

/** `Already a subscriber ? Sig`: a known question, then the start of any known action (or the question cut). */
function matchCutSignIn(folded: string): Classification | null {
  let at = -1;
  for (const mark of QUESTION_MARKS) {
    const i = folded.indexOf(mark);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) {
    const start = folded.trim();
    for (const [q, locales] of SIGN_IN_QUESTION_ENTRIES)
      if (q.startsWith(start)) return { kind: 'sign-in', locales, cut: true };
    return null;
  }
  const question = SIGN_IN_QUESTIONS.get(folded.slice(0, at).trim());
  const action = folded.slice(at + 1).trim();
  if (question === undefined) return null;
  for (const a of SIGN_IN_ACTIONS.keys())
    if (a.startsWith(action)) return { kind: 'sign-in', locales: question, cut: true };
  return null;
}

/** Each "{pub} से और कहानियाँ"-style template (no prefix) with the starts its suffix may be cut to, longest first. */
const CUT_SUFFIXES = MORE_STORIES_TEMPLATES.filter(
  (t) => t.prefix === '' && t.suffix.length >= MIN_CUT_SUFFIX_CHARS,
).map((template) => ({
  template,
  parts: Array.from({ length: template.suffix.length - MIN_CUT_SUFFIX_CHARS }, (_, i) =>
    template.suffix.slice(0, template.suffix.length - 1 - i),
  ),
}));

/** `Motoring World से और कहा`: a "{pub} से और कहानियाँ" header cut inside its suffix. */
function matchCutSuffix(text: string): Classification | null {
  const folded = lower(text);
  for (const { template: t, parts } of CUT_SUFFIXES) {
    for (const part of parts) {
      const k = part.length;
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

/** What a capture prints for a character it could not encode: `?`, full-width `？`, U+FFFD. */
const LOST_GLYPHS: ReadonlySet<string> = new Set(['?', '？', '\uFFFD']);

/** `?? ????`: a line of characters the capture lost (emoji, symbols). Never story text, in any language. */
function matchLostGlyphs(text: string): Classification | null {
  if (!LOST_GLYPHS.has(text.charAt(0))) return null;
  for (let k = 1; k < text.length; k++) {
    const ch = text.charAt(k);
    if (ch !== ' ' && !LOST_GLYPHS.has(ch)) return null;
  }
  return LOST_GLYPHS_LINE;
}

/** A PressReader-style credit line: the edition's publication (and date, when printed) and the writer. */
function matchCredit(text: string): Classification | null {
  const credit = matchCreditLine(text);
  if (credit === null) return null;
  return {
    kind: 'credit',
    locales: [],
    publication: credit.publication,
    detail: credit.byline ?? '',
    ...(credit.date === null ? {} : { date: credit.date }),
  };
}

/** `Text: Ana Ruiz, Photos: Rui Gaudêncio`: a credits line; its detail is the writer, empty when it credits only photos. */
function matchCreditsLine(text: string): Classification | null {
  const credits = readCredits(text);
  return credits === null ? null : { kind: 'credits', locales: [], detail: credits.writer ?? '' };
}

const LOST_GLYPHS_LINE: Classification = { kind: 'lost-glyphs', locales: [] };
const LOGO_LINE: Classification = { kind: 'chrome', locales: [] };

/** `ZINIO लोगो`: a platform's logo alt text in any language is chrome. */
function matchLogo(text: string): Classification | null {
  return logoPlatform(text) === null ? null : LOGO_LINE;
}

export function classifyLine(text: string, maybeCut: boolean): Classification {
  const folded = lower(text);
  return classifyFolded(text, folded, LINE_STRINGS.foundIn(folded), maybeCut);
}

/**
 * `classifyLine` of a text, given its lower-cased form and the `LINE_STRINGS`
 * in it (found once per line, for its key too).
 */
function classifyFolded(
  text: string,
  folded: string,
  found: ReadonlySet<string>,
  maybeCut: boolean,
): Classification {
  return (
    matchLostGlyphs(text) ??
    matchImage(text) ??
    matchEdition(text) ??
    matchSignIn(text, found) ??
    matchMoreStories(text, folded, found) ??
    matchWholeLine(folded) ??
    matchLogo(text) ??
    matchMarkers(folded, text, found) ??
    matchGluedCard(text, found) ??
    matchCredit(text) ??
    matchCreditsLine(text) ??
    matchShapes(text) ??
    (maybeCut ? matchCut(text) : null) ??
    TEXT
  );
}

const LINK_ICONS: readonly string[] = PLATFORMS.flatMap((p) => p.linkIcons ?? []);
const LINK_LINE: Classification = { kind: 'navigation', locales: [] };

/**
 * `閱讀更多keyboard_arrow_down`, `Bővebbenkeyboard_arrow_down`: a short label, no sentence,
 * printed with a link's icon glued after it is a link, whatever its language.
 */
function matchLinkLabel(line: SourceLine): Classification | null {
  const printed = line.printed;
  if (printed === undefined || line.text.length > NAVIGATION_MAX_CHARS || endsSentence(line.text))
    return null;
  for (const icon of LINK_ICONS) if (printed.endsWith(icon)) return LINK_LINE;
  return null;
}

/** Classify every line; only the last line, when open, may match a cut boilerplate sentence. */
export function classifyLines(lines: readonly SourceLine[], lastLineOpen: boolean): ClassifiedLine[] {
  return lines.map((line, index) => {
    const folded = lower(line.text);
    const found = LINE_STRINGS.foundIn(folded);
    let c = classifyFolded(line.text, folded, found, lastLineOpen && index === lines.length - 1);
    if (c.kind === 'text')
      c = matchLinkLabel(line) ?? matchClockReadingTime(line) ?? matchSwappedWord(folded) ?? c;
    return {
      text: line.text,
      lineNo: line.lineNo,
      printed: line.printed,
      index,
      key: foldKeyOfLowerCase(folded, found),
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
