/**
 * Per-platform grammars: named matchers over the data in `rules/platforms.ts`
 * (Postlight-style site rules over the generic pipeline). Each matcher reads
 * one construct a platform prints; a platform without the rule is untouched.
 */

import type { ClassifiedLine } from './classify.js';
import { withoutFirstNameOpener } from './credits.js';
import { parseEditionLabel, type NumericOrder, type PrintedDate } from './edition.js';
import { PLATFORMS } from './rules/platforms.js';
import type { CreditLineRules } from './rules/types.js';
import {
  BYLINE_OPENERS,
  CATEGORY_LABELS,
  CREDIT_LABELS,
  MIXED_DATE_ORDER_COUNTRIES,
  MONTH_FIRST_COUNTRIES,
  NAME_CONJUNCTIONS,
  NAME_PARTICLES,
  ROLE_CREDIT_WORDS,
  SECTION_WORDS,
} from './rules/generic.js';
import {
  BARE_WRITER_MIN_WORDS,
  BYLINE_MAX_CHARS,
  BYLINE_MAX_WORDS,
  CARD_PUBLICATION_MAX_CHARS,
  CONTENT_LABEL_MAX_CHARS,
  CREDIT_DATE_SLOT_MAX_CHARS,
  CREDIT_LABEL_MAX_WORDS,
  CREDIT_LINE_MAX_CHARS,
  CREDIT_OPENER_MAX_CHARS,
  CUT_BRAND_MIN_CHARS,
  DECK_MAX_CHARS,
  FOOTER_LINE_MAX_CHARS,
  LABELLED_HEADER_MAX_EXTRA_LINES,
  LOGO_WORD_MAX_CHARS,
  LOGO_WORDS_BEFORE_MAX,
} from './settings.js';
import { endsSentence, hasDigit, hasLetter, startsLowercase } from './text.js';
import type { Platform } from './types.js';

const CREDIT_RULES: readonly CreditLineRules[] = PLATFORMS.flatMap((p) =>
  p.creditLine === undefined ? [] : [p.creditLine],
);
const WRITER_OPENERS: readonly string[] = [
  ...new Set(CREDIT_RULES.flatMap((r) => r.writerOpeners.map((o) => o.toLowerCase()))),
].sort((a, b) => b.length - a.length);
const OTHER_CREDITS: readonly string[] = [
  ...new Set(CREDIT_RULES.flatMap((r) => r.otherCredits.map((o) => o.toLowerCase()))),
];
const SEPARATORS: readonly string[] = [...new Set(CREDIT_RULES.flatMap((r) => r.separators))];
const PARTICLES: ReadonlySet<string> = new Set(NAME_PARTICLES);
const CONJUNCTIONS: ReadonlySet<string> = new Set(NAME_CONJUNCTIONS);
/** Marks that join two credits (`Rita Siza / Foto: …`). */
const CREDIT_JOINERS: ReadonlySet<string> = new Set(['/', '|', '·', '–', '—', ';', '-']);

export interface CreditLine {
  publication: string;
  byline: string | null;
  date: PrintedDate | null;
}

/**
 * A person's name as a credit prints it: a few words, each capitalised (or in a
 * script without case) or a particle (`Eva de Boer`), no digits, no sentence end.
 * Two writers may be joined by a local word for "and" between two capitalised words
 * (`Marco Rossi e Giulia Bianchi`; the words are data, `NAME_CONJUNCTIONS`).
 * What keeps `Praha (ČTK) – Na jaře začne…` (a dateline, `Na` a preposition) out.
 */
function isCreditedName(name: string, minWords: number): boolean {
  if (name.length > BYLINE_MAX_CHARS || hasDigit(name) || endsSentence(name)) return false;
  const words = name.split(' ').filter(Boolean);
  if (words.length < minWords || words.length > BYLINE_MAX_WORDS) return false;
  return words.every(
    (w, k) =>
      !startsLowercase(w) ||
      PARTICLES.has(w.toLowerCase()) ||
      (CONJUNCTIONS.has(w) &&
        k > 0 &&
        !startsLowercase(words[k - 1] ?? 'x') &&
        !startsLowercase(words[k + 1] ?? 'x')),
  );
}

/** `Eva Maier FOTO: APA`, `Jan Novák, Foto: ČTK`, `MARC LEROUX mleroux@example.org` → the writer's name alone. */
function beforeOtherCredits(text: string): string {
  let name = beforeEmail(text) ?? text;
  const comma = name.indexOf(',');
  if (comma >= 0) name = name.slice(0, comma).trim();
  const lowerName = name.toLowerCase();
  for (const credit of OTHER_CREDITS) {
    const at = lowerName.indexOf(` ${credit}`);
    if (at >= 0) name = name.slice(0, at).trim();
  }
  // `Rita Siza / Foto: …`: the mark that joined the two credits goes with the second
  return CREDIT_JOINERS.has(name.at(-1) ?? '') ? name.slice(0, -1).trimEnd() : name;
}

/**
 * `MARC LEROUX mleroux@example.org` → `MARC LEROUX`: a writer's slot signed with the writer's
 * e-mail address as its last word (`@` inside, a dot after it). Null when it has none.
 */
function beforeEmail(slot: string): string | null {
  if (!slot.includes('@')) return null;
  const space = slot.lastIndexOf(' ');
  const last = slot.slice(space + 1);
  const at = last.indexOf('@');
  if (space <= 0 || at <= 0 || last.indexOf('.', at) < at + 2) return null;
  return slot.slice(0, space).trim();
}

/** A word in a script without letter case (Devanagari, Arabic, CJK…): no letter in it changes with case. */
function isCaseless(text: string): boolean {
  return hasLetter(text) && text.toLowerCase() === text && text.toUpperCase() === text;
}

/** `By Rhea Mogul` → `Rhea Mogul`; `TEXTO: Ana Ruiz, FOTO: EFE` → `Ana Ruiz`; null when no writer opener. */
function writerOf(part: string): string | null {
  const folded = part.toLowerCase();
  for (const opener of WRITER_OPENERS) {
    if (!folded.startsWith(opener)) continue;
    const next = part.charAt(opener.length);
    if (!opener.endsWith(':') && next !== ' ') continue;
    const name = beforeOtherCredits(part.slice(opener.length).trim());
    if (name !== '' && !isCreditedName(name, 1)) continue;
    return name;
  }
  return colonWriterOf(part);
}

/**
 * `Piše: Ivana Horvat`, `Tekst: …`, `Teksts un foto: …`: a writer label the rules do not
 * list, read by its shape: one word of letters closed by a colon, or a short phrase whose
 * later words are lower case (a label, not a title-case section such as `Front Page:`),
 * then a credited name. Other credits (`FOTO: …`) are not the writer.
 */
function colonWriterOf(part: string): string | null {
  const colon = part.indexOf(': ');
  if (colon <= 0 || colon > CREDIT_OPENER_MAX_CHARS * CREDIT_LABEL_MAX_WORDS) return null;
  const words = part.slice(0, colon).split(' ');
  const phrase = words.length > 1;
  if (phrase && (words.length > CREDIT_LABEL_MAX_WORDS || !labelPhraseShaped(words))) return null;
  if (!phrase && colon > CREDIT_OPENER_MAX_CHARS) return null;
  const opener = part.slice(0, colon + 1);
  if (!hasLetter(opener) || hasDigit(opener)) return null;
  if (
    OTHER_CREDITS.includes(opener.toLowerCase()) ||
    OTHER_CREDITS.includes(`${(words[0] ?? '').toLowerCase()}:`)
  )
    return null;
  const name = beforeOtherCredits(part.slice(colon + 2).trim());
  return name !== '' && isCreditedName(name, 1) ? name : null;
}

/** Marks that join two labels into one (`Teks & Gambar:`, `Text + Photos:`). */
const LABEL_JOINERS: ReadonlySet<string> = new Set(['&', '+', '/']);

/**
 * A label phrase's later words are in lower case (`Teksts un foto:`), or open a second label
 * after a joining mark (`Teks & Gambar:`, each label capitalised): a title-case section such
 * as `Front Page:` is neither.
 */
function labelPhraseShaped(words: readonly string[]): boolean {
  return words
    .slice(1)
    .every((w, k) => startsLowercase(w) || LABEL_JOINERS.has(w) || LABEL_JOINERS.has(words[k] ?? ''));
}

/** A name in a script that writes names without spaces (`陳美玲`, `佐藤健一`): Han or kana only. */
const UNSPACED_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,8}$/u;

/**
 * `tekstur Jógvan Hansen`, `記者 陳美玲`, `文と写真 佐藤健一`: the last slot of a credit line whose
 * structure (a read date, or the empty slot and a `(City)`) already says it credits someone, opened
 * by a label no table knows. Read by shape: lower-case words before a capitalised name (the first
 * word may be capitalised when the ones after it are not: `Propos recueillis par NAME`), or, where
 * names are written without spaces (Han, kana), the words before the last one. Returns the name
 * alone, or null when the slot has no label of that shape.
 */
function prefixedWriterOf(part: string): string | null {
  const words = part.split(' ').filter(Boolean);
  if (words.length === 1) return gluedWriterOf(words[0] ?? '');
  if (words.length < 2) return null;
  const last = words.at(-1) ?? '';
  if (UNSPACED_NAME.test(last)) {
    const label = words.slice(0, -1);
    return label.length <= CREDIT_LABEL_MAX_WORDS && label.every(isCaseless) ? last : null;
  }
  // `Propos recueillis par NAME`: a label phrase may open with a capital when its later words are lower case
  // (a colon label is `colonWriterOf`'s, which keeps photo credits out: `Foto un video: Name`)
  const opensPhrase =
    !startsLowercase(words[0] ?? '') && startsLowercase(words[1] ?? '') && !part.includes(':');
  const first = words.findIndex((w, k) => (k > 0 || !opensPhrase) && !startsLowercase(w));
  if (first <= 0 || first > CREDIT_LABEL_MAX_WORDS || words.slice(0, first).some(hasDigit)) return null;
  const name = beforeOtherCredits(words.slice(first).join(' '));
  return isCreditedName(name, BARE_WRITER_MIN_WORDS) ? name : null;
}

/** Full-width marks a CJK credit prints between its label and the name (`文と写真＝佐藤健一`, `文／王小明`). */
const GLUED_LABEL_MARKS: readonly string[] = ['＝', '／', '：'];
/**
 * Writer labels in a script without case that may be glued to the name with no mark (`記者陳美玲`),
 * two characters or more: a one-character label (`文`) may open a name (`文在寅`).
 */
const GLUED_WRITER_LABELS: readonly string[] = CREDIT_LABELS.writer
  .filter((label) => label.length >= 2 && isCaseless(label))
  .sort((a, b) => b.length - a.length);

/** `文と写真＝佐藤健一`, `記者陳美玲` → the name: a label glued to a name written without spaces. */
function gluedWriterOf(word: string): string | null {
  for (const mark of GLUED_LABEL_MARKS) {
    const at = word.indexOf(mark);
    if (at <= 0 || at > CREDIT_OPENER_MAX_CHARS) continue;
    const name = word.slice(at + mark.length);
    return isCaseless(word.slice(0, at)) && UNSPACED_NAME.test(name) ? name : null;
  }
  for (const label of GLUED_WRITER_LABELS) {
    if (!word.startsWith(label)) continue;
    const name = word.slice(label.length);
    return UNSPACED_NAME.test(name) ? name : null;
  }
  return null;
}

/** Each separator as the credit-line shapes print it, made once (every short line is tried). */
const SEPARATOR_SHAPES = SEPARATORS.map((sep) => ({
  sep,
  spaced: ` ${sep} `,
  emptySlot: ` ${sep} ${sep}`,
  afterCity: `) ${sep} `,
}));

/** The separator the line is built with: the one printed around an empty slot or after a `(City)`. */
function separatorOf(text: string): string | null {
  for (const { sep, emptySlot, afterCity } of SEPARATOR_SHAPES) {
    if (text.includes(emptySlot) || text.includes(afterCity)) return sep;
  }
  return null;
}

/** A separator printed between at least three parts (`Pub · date · By Name`), or null. */
function joiningSeparatorOf(text: string): string | null {
  for (const { sep, spaced } of SEPARATOR_SHAPES) {
    const first = text.indexOf(spaced);
    if (first >= 0 && text.indexOf(spaced, first + spaced.length) >= 0) return sep;
  }
  return null;
}

/** A 4-digit year (1900–2099) standing as a number of its own in the text. */
function holdsYear(text: string): boolean {
  for (let k = 0; k + 4 <= text.length; k++) {
    const century = text.slice(k, k + 2);
    if (century !== '19' && century !== '20') continue;
    if (!isDigitRun(text, k, 4)) continue;
    if (isDigitAt(text, k - 1) || isDigitAt(text, k + 4)) continue;
    return true;
  }
  return false;
}

function isDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
}

function isDigitRun(text: string, from: number, length: number): boolean {
  for (let k = from; k < from + length; k++) if (!isDigitAt(text, k)) return false;
  return true;
}

/** The separator of a feed card's `Pub · date` line. */
const CARD_DATE_SEPARATOR = ' · ';

/**
 * `The Namibian · Tue, 4 Jun 2024`, `Kurier · 2024-06-03`: a feed card's opening line, a short
 * name (no sentence) and one separator before a whole printed date, nothing after it. Returns
 * the name and the date, or null.
 */
export function cardPublicationDate(text: string): { publication: string; date: PrintedDate } | null {
  if (text.length > CARD_PUBLICATION_MAX_CHARS + CREDIT_DATE_SLOT_MAX_CHARS) return null;
  const at = text.indexOf(CARD_DATE_SEPARATOR);
  if (at <= 0 || text.indexOf(CARD_DATE_SEPARATOR, at + 1) >= 0) return null;
  const publication = text.slice(0, at).trim();
  const slot = text.slice(at + CARD_DATE_SEPARATOR.length).trim();
  if (publication === '' || endsSentence(publication) || slot.length > CREDIT_DATE_SLOT_MAX_CHARS)
    return null;
  const date = parseEditionLabel(slot);
  return date === null ? null : { publication, date: { label: date.label, iso: date.iso } };
}

/**
 * A credit line's date slot, read or not: a printed date in a language the date
 * table does not know yet (`2. ožujka 2023.`, `2 Μαρ 2023`) is still a date by
 * its shape: short, with a year and no sentence in it.
 */
function isDateSlot(part: string): boolean {
  if (part.length > CREDIT_DATE_SLOT_MAX_CHARS || part.includes(': ')) return false;
  // an era's year has no four digits (`令和5年3月1日`, `民國112年3月1日`): read, it is a date all the same
  return holdsYear(part) || (parseEditionLabel(part)?.iso ?? null) !== null;
}

/**
 * `Publication (City) - - Section - By Name, FOTO: …`: the publication, an
 * empty or dated slot, a section and the credits, joined by ` - ` (or `·`,
 * `–`, `/` in other editions). Recognised by its shape: the empty slot or a
 * `(City)` publication, and a writer's credit; with both the empty slot and the
 * `(City)`, a bare name after the section is the writer. Returns null for
 * anything else.
 */
export function matchCreditLine(text: string): CreditLine | null {
  if (WRITER_OPENERS.length === 0 || text.length > CREDIT_LINE_MAX_CHARS) return null;
  // the empty slot, or a `(City)` publication before the first separator: most lines have neither
  const shaped = separatorOf(text);
  // `Pub · date · Texto: Name`: no empty slot and no city, but a date slot and a writer's credit
  const sep = shaped ?? joiningSeparatorOf(text);
  if (sep === null) return null;
  const parts = text.split(` ${sep}`).map((p) => p.trim());
  const publication = parts[0] ?? '';
  if (
    publication === '' ||
    publication.length > CARD_PUBLICATION_MAX_CHARS ||
    (endsSentence(publication) && !publication.endsWith(')'))
  )
    return null;
  const emptySlot = parts.slice(1).some((p) => p === '');
  const dateSlot = parts.length >= 3 && isDateSlot(parts[1] ?? '');
  if (!emptySlot && !publication.endsWith(')') && !dateSlot) return null;
  let byline: string | null = null;
  let credited = false;
  let date: PrintedDate | null = null;
  const order = numericOrderOf(publication);
  for (const part of parts.slice(1)) {
    if (part === '') continue;
    const writer = writerOf(part);
    if (writer !== null) {
      credited = true;
      byline ??= writer === '' ? null : writer;
      continue;
    }
    // `2023-03-02`: some editions print an ISO date, which the date shapes read
    date ??= parseEditionLabel(part, order);
  }
  if (!credited && emptySlot && parts.length >= 4) {
    // `De Standaard (Brussel) · · Binnenland · Pieter Jansens`: the whole shape, and a name last;
    // with the whole shape, one word in a script without case is the writer's slot too (`प्रतिनिधी`).
    // With no `(City)` (`Pub - - Opinion - Name Surname`) only a name of two words or more that
    // names no role or section.
    const city = publication.endsWith(')');
    const last = withoutBylineOpener(beforeOtherCredits(parts.at(-1) ?? ''));
    const prefixed = prefixedWriterOf(last);
    if (prefixed !== null) {
      credited = true;
      byline = prefixed;
    } else if (
      (city || (parts.length === 4 && !namesNobody(last))) &&
      (isCreditedName(last, BARE_WRITER_MIN_WORDS) || (city && isCreditedName(last, 1) && isCaseless(last)))
    ) {
      credited = true;
      byline = last;
    }
  }
  if (!credited && date !== null && (dateSlot || emptySlot)) {
    // `Pub · 4. mar. 2024 · tekstur Jógvan Hansen`: a date read, then a name under an unknown label, last
    const writer = prefixedWriterOf(parts.at(-1) ?? '');
    if (writer !== null) {
      credited = true;
      byline = writer;
    }
  }
  if (!credited && dateSlot && date !== null && publication.endsWith(')') && parts.length === 3) {
    // `Lankadeepa (Sri Lanka) · 3 Oct 2023 · සුනිල් පෙරේරා`: a bare name last, in a script without
    // case, where a section name in capitals (`Front Page`) cannot be told from a name
    const last = withoutBylineOpener(beforeOtherCredits(parts[2] ?? ''));
    if (isCreditedName(last, BARE_WRITER_MIN_WORDS) && isCaseless(last)) {
      credited = true;
      byline = last;
    }
  }
  if (!credited && dateSlot && date !== null && parts.length === 3) {
    // `Pub · 12 févr. 2025 · MARC LEROUX mleroux@example.org`: a bare name signed with an e-mail
    // address names a person (a section in capitals has no address)
    const name = beforeEmail(parts[2] ?? '');
    if (name !== null && isCreditedName(name, BARE_WRITER_MIN_WORDS) && !namesNobody(name)) {
      credited = true;
      byline = name;
    }
  }
  if (!credited && date !== null && (publication.endsWith(')') || emptySlot)) {
    // the frame alone (`Pub (Country) · 4 abr. 2024`, `Pub (Country) - - date - - Section -`):
    // the publication with its qualifier or the empty slot, and a date read; the writer's slot
    // may be missing (the writer signs at the end), hold a bare name, or a role naming nobody
    credited = true;
    byline = frameWriterOf(parts, emptySlot);
  }
  if (!credited) return null;
  return { publication, byline, date: date?.iso === null ? null : date };
}

const MONTH_FIRST: ReadonlySet<string> = new Set(MONTH_FIRST_COUNTRIES);
const MIXED_ORDER: ReadonlySet<string> = new Set(MIXED_DATE_ORDER_COUNTRIES);

/**
 * `The Valley Ledger (USA)` → month first, `La Voz (Spain)` → day first: the order of a numeric
 * date (`5/9/2025`) by the country the credit line names in parentheses (day first but for the
 * few countries that write the month first, and none for a country that writes both). No
 * qualifier: no order, and a date both ways possible stays undated.
 */
function numericOrderOf(publication: string): NumericOrder | null {
  const open = publication.lastIndexOf(' (');
  if (open <= 0 || !publication.endsWith(')')) return null;
  const country = publication.slice(open + 2, -1).toLowerCase();
  if (MIXED_ORDER.has(country)) return null;
  return MONTH_FIRST.has(country) ? 'month-first' : 'day-first';
}

/** Words of a slot that names no person: a role (`Our Correspondent`) or a section (`Front Page`, `Business`). */
const NOBODY_WORDS: ReadonlySet<string> = new Set([
  ...ROLE_CREDIT_WORDS,
  ...SECTION_WORDS,
  ...CATEGORY_LABELS.flatMap((label) => label.toLowerCase().split(' ')),
]);

/** `Our Correspondent`, `Staff Reporter`, `Front Page`: a credit slot that names a role or a section, not a person. */
function namesNobody(slot: string): boolean {
  return slot
    .toLowerCase()
    .split(' ')
    .some((w) => NOBODY_WORDS.has(w));
}

/**
 * The writer in a credit line read by its frame: the last slot after the date (after the
 * section too in the `- -` form, which prints the section first), when it is a name, bare or
 * under a label no table knows. A role (`Our Correspondent`), a section (`Front Page`) or nothing: null.
 */
function frameWriterOf(parts: readonly string[], emptySlot: boolean): string | null {
  const dateAt = parts.findIndex((p, k) => k > 0 && p !== '' && isDateSlot(p));
  const after = parts.slice(dateAt + 1).filter((p) => p !== '');
  if (dateAt < 0 || after.length < (emptySlot ? 2 : 1)) return null;
  const slot = withoutBylineOpener(beforeOtherCredits(after.at(-1) ?? ''));
  if (slot === '' || namesNobody(slot)) return null;
  const prefixed = prefixedWriterOf(slot);
  if (prefixed !== null) return prefixed;
  return isCreditedName(slot, BARE_WRITER_MIN_WORDS) || (isCreditedName(slot, 1) && isCaseless(slot))
    ? slot
    : null;
}

/** The byline openers of any layout, each with its space, longest first (`by `, `פֿון `). */
const SLOT_OPENERS: readonly string[] = [...BYLINE_OPENERS]
  .sort((a, b) => b.length - a.length)
  .map((opener) => `${opener} `);

/**
 * `פֿון משה גרינבערג` → `משה גרינבערג`: a byline opener the vocabulary knows before a name in a
 * script without case, where no case shows where the name starts; in a cased script, only a
 * "by" that is also a first name (`Per Joan Castèth`), which the name check would keep.
 */
function withoutBylineOpener(slot: string): string {
  // `Per Joan Castèth`: a "by" that is also a first name, before a name of two words or more
  if (!isCaseless(slot)) return withoutFirstNameOpener(slot);
  const opener = SLOT_OPENERS.find((o) => slot.startsWith(o));
  return opener === undefined ? slot : slot.slice(opener.length).trim();
}

const FOOTER_BRANDS: readonly string[] = PLATFORMS.flatMap((p) => p.footerBrands ?? []);

/**
 * A line of a platform's print footer, in any language: short, not a sentence,
 * and signed with the brand as its last word (`Gedrukt en verspreid door
 * PressReader`) or opening with the brand's domain (`PressReader.com +1 604…`).
 * A line cut by the capture may end inside the brand (`…distribué par PressRe`).
 */
export function namesFooterBrand(text: string, cut: boolean): boolean {
  if (text.length > FOOTER_LINE_MAX_CHARS || endsSentence(text)) return false;
  const lastSpace = text.lastIndexOf(' ');
  const lastWord = text.slice(lastSpace + 1);
  for (const brand of FOOTER_BRANDS) {
    if (text.startsWith(`${brand}.`)) return true;
    if (lastSpace < 0) continue;
    if (lastWord === brand) return true;
    if (cut && lastWord.length >= CUT_BRAND_MIN_CHARS && brand.startsWith(lastWord)) return true;
  }
  return false;
}

const LOGOS: readonly { platform: Platform; name: string }[] = PLATFORMS.flatMap((p) =>
  (p.logoNames ?? []).map((name) => ({ platform: p.platform, name })),
);

/**
 * The platform whose logo the line is, or null: the name in its printed case with one short
 * word for "logo" in the UI's language after it (`ZINIO logo`, `ZINIO लोगो`), or before it,
 * maybe with a preposition (`Logo ZINIO`, `Logotipo de ZINIO`).
 */
export function logoPlatform(text: string): Platform | null {
  for (const { platform, name } of LOGOS) {
    if (text.startsWith(`${name} `)) {
      if (isLogoWord(text.slice(name.length + 1))) return platform;
    } else if (text.endsWith(` ${name}`)) {
      const words = text.slice(0, -name.length - 1).split(' ');
      if (words.length <= LOGO_WORDS_BEFORE_MAX && words.every(isLogoWord)) return platform;
    }
  }
  return null;
}

function isLogoWord(word: string): boolean {
  return word !== '' && word.length <= LOGO_WORD_MAX_CHARS && !word.includes(' ') && hasLetter(word);
}

const WALL_BRANDS: readonly string[] = PLATFORMS.flatMap((p) => p.wallBrands ?? []);

/** Whether the text names a preview wall's brand as a word (`…gratuita de Scribd.`, not `Scribdle`). */
export function namesWallBrand(text: string): boolean {
  for (const brand of WALL_BRANDS) {
    const at = text.indexOf(brand);
    if (at < 0) continue;
    const before = text.charAt(at - 1);
    const after = text.charAt(at + brand.length);
    if (!hasLetter(before) && !hasLetter(after)) return true;
  }
  return false;
}

/**
 * `Artigo` / `Exame` / title / `2 de mar. de 2023` / `6 min de leitura` (a Scribd preview), from
 * line `at`: a one-word content-type label in the UI's language, the publication and the title
 * (in either order), the date and the story's reading time, one under the other.
 */
export function labelledHeaderAt(lines: readonly ClassifiedLine[], at: number): boolean {
  return labelledHeaderLength(lines, at) > 0;
}

/**
 * The number of lines of the label header at line `at` (`labelledHeaderAt`), 0 for none. A deck
 * and a credit line may sit between the title and the date (`Articles` / Pub / Title / deck /
 * `By Name` / date / reading time): at most LABELLED_HEADER_MAX_EXTRA_LINES lines of text, none
 * longer than a deck.
 */
export function labelledHeaderLength(lines: readonly ClassifiedLine[], at: number): number {
  return labelOnTopLength(lines, at) || labelUnderDateLength(lines, at);
}

/**
 * Whether the label header at line `at` prints its content label under the date, not on top
 * (Title / `By Name` / Pub / date / `Articles` / `6 min read`).
 */
export function labelUnderDate(lines: readonly ClassifiedLine[], at: number): boolean {
  return labelOnTopLength(lines, at) === 0 && labelUnderDateLength(lines, at) > 0;
}

/** A Scribd content label (`Articles`, `Artigo`, `Magazyn`): one short word, no sentence. */
function isContentLabel(line: ClassifiedLine | undefined): boolean {
  return (
    line?.kind === 'text' &&
    !line.text.includes(' ') &&
    line.text.length <= CONTENT_LABEL_MAX_CHARS &&
    !endsSentence(line.text)
  );
}

/**
 * The label header read from its metadata, the content label anywhere between the date and the
 * reading time: Title / (deck) / `By Name` (or a labelled credit, `Autor: Name`) / Pub / date /
 * Label / reading time. The header is the run of two to LABELLED_HEADER_MAX_EXTRA_LINES + 3
 * short lines above the date, the first (the title) no sentence.
 */
function labelUnderDateLength(lines: readonly ClassifiedLine[], at: number): number {
  const title = lines[at];
  if (
    title?.kind !== 'text' ||
    title.text.length > CARD_PUBLICATION_MAX_CHARS * 2 ||
    endsSentence(title.text)
  )
    return 0;
  let date = at + 1;
  while (date - at < LABELLED_HEADER_MAX_EXTRA_LINES + 3) {
    const line = lines[date];
    if (
      line === undefined ||
      (line.kind !== 'text' && line.kind !== 'credits') ||
      line.text.length > DECK_MAX_CHARS
    )
      break;
    date++;
  }
  if (date - at < 2 || lines[date]?.kind !== 'date' || lines[date + 2]?.kind !== 'reading-time') return 0;
  if (!isContentLabel(lines[date + 1])) return 0;
  // the publication right above the date, or (cards naming it elsewhere) a short line in the run
  const pub = lines[date - 1] as ClassifiedLine;
  return pub.text.length <= CARD_PUBLICATION_MAX_CHARS && !endsSentence(pub.text) ? date + 3 - at : 0;
}

function labelOnTopLength(lines: readonly ClassifiedLine[], at: number): number {
  const label = lines[at];
  const publication = lines[at + 1];
  if (label?.kind !== 'text' || publication?.kind !== 'text' || lines[at + 2]?.kind !== 'text') return 0;
  let date = at + 3;
  while (
    date - (at + 3) < LABELLED_HEADER_MAX_EXTRA_LINES &&
    lines[date]?.kind === 'text' &&
    (lines[date] as ClassifiedLine).text.length <= DECK_MAX_CHARS
  )
    date++;
  if (lines[date]?.kind !== 'date' || lines[date + 1]?.kind !== 'reading-time') return 0;
  const text = label.text;
  if (text.includes(' ') || text.length > CONTENT_LABEL_MAX_CHARS || endsSentence(text)) return 0;
  // the publication above the title or under it (Label / Title / Pub)
  const title = lines[at + 2] as ClassifiedLine;
  return [publication, title].some(
    (line) => line.text.length <= CARD_PUBLICATION_MAX_CHARS && !endsSentence(line.text),
  )
    ? date + 2 - at
    : 0;
}

const DROP_CAP_PLATFORMS: ReadonlySet<Platform> = new Set(
  PLATFORMS.filter((p) => p.dropCaps === true).map((p) => p.platform),
);

export function setsDropCaps(platform: Platform | null): boolean {
  return platform !== null && DROP_CAP_PLATFORMS.has(platform);
}

/** `TTata Electronics` (the drop cap printed and then the word whole): the doubled capital. */
const DOUBLED_CAPITAL = /^(\p{Lu})\1(?=\p{Ll})/u;
/** `A27 de Agosto`: a one-letter word set as a drop cap and glued to a day number before `de`/`of`. */
const GLUED_ONE_LETTER_WORD = /^([AEOY])\d{1,2} (?=(?:de|of|di|du|del) )/u;
/** A first word all in lower case, letters only (`the government said…`): `iPhone` or `eBay` are not. */
const LOWERCASE_WORD = /^\p{Ll}+(?=[ ,])/u;

/**
 * The first body line of a story whose drop cap the capture mangled,
 * repaired conservatively: a doubled capital loses one copy, a one-letter
 * word glued to a number gets its space back, a first word in lower case gets
 * its capital. Anything else is returned unchanged.
 */
export function repairDropCap(text: string): string {
  if (DOUBLED_CAPITAL.test(text)) return text.slice(1);
  const glued = GLUED_ONE_LETTER_WORD.exec(text);
  if (glued) return `${glued[1]} ${text.slice(1)}`;
  if (startsLowercase(text) && LOWERCASE_WORD.test(text)) return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}
