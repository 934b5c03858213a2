/**
 * Datelines: the place a story's first paragraph opens with (`SEOUL -`, `NEW DELHI:`,
 * `LONDON (Reuters) -`, `Madrid, 5 abr (EFE).-`, `СОФИЯ.`), without its agency and date.
 */

import { isDayAndMonth } from './edition.js';
import { DATELINE_PERIOD, DATELINE_BRACKETS, DATELINE_SEPARATORS, NAME_PARTICLES } from './rules/generic.js';
import {
  DATELINE_DATE_MAX_CHARS,
  DATELINE_MAX_CHARS,
  DATELINE_PERIOD_PLACE_MIN_CHARS,
  DATELINE_TITLE_CASE_MAX_WORDS,
  CASELESS_PLACE_GLUED_COLON_MAX_WORDS,
  PAPER_CODE_MAX_CHARS,
} from './settings.js';
import {
  endsSentence,
  hasDigit,
  hasLetter,
  hasLowercase,
  hasUppercase,
  startsUppercase,
  wordCount,
} from './text.js';

const PARTICLES: ReadonlySet<string> = new Set(NAME_PARTICLES);
const DATELINE_PLACE = /^\p{Lu}[\p{Lu}\p{M} .,'’()/&-]*$/u;
/** A place in a script without case (`नई दिल्ली`): at most three words of letters. */
const CASELESS_PLACE = /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2}$/u;
/** A word of a place in ordinary case: letters, maybe joined by hyphens or an apostrophe (`Saint-Malo`, `L'Aquila`). */
const TITLE_CASE_WORD = /^[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*$/u;
/** `LONDON (Reuters)` → `LONDON`: the wire agency after the place is not part of it. */
function withoutAgency(prefix: string): string {
  const open = prefix.indexOf(' (');
  return open > 0 && prefix.endsWith(')') ? prefix.slice(0, open) : prefix;
}

/** `Praha (ČTK)`: a wire agency in capitals after the place. */
function hasAgency(prefix: string): boolean {
  const open = prefix.indexOf(' (');
  return (
    open > 0 && prefix.endsWith(')') && !hasLowercase(prefix.slice(open)) && hasUppercase(prefix.slice(open))
  );
}

/**
 * `SEOUL - As evidence mounts…`, `TOKYO -- When…`, `NEW DELHI: The…`, `LONDON (Reuters) - …` → the place.
 * A place in ordinary case counts only before a wire agency in capitals (`Praha (ČTK) – …`).
 */
export function findDateline(paragraph: string): string | null {
  const bracketed = bracketedDateline(paragraph);
  if (bracketed !== null) return bracketed;
  for (const sep of DATELINE_SEPARATORS) {
    const at = paragraph.indexOf(sep);
    if (at <= 0 || at > DATELINE_MAX_CHARS + DATELINE_DATE_MAX_CHARS) continue;
    const printed = paragraph.slice(0, at).trim();
    // `MENDOZA.– …`, `TOULON (Var). – …`: a period closing the place is the dateline's punctuation
    const stopped = withoutClosingPeriod(printed);
    // `NAIROBI, March 4 (Reuters) -`, `Madrid, 5 abr (EFE).-`: the wire's date sits before its agency
    const agency = hasAgency(stopped);
    const prefix = withoutDate(withoutAgency(stopped));
    if (prefix.length > DATELINE_MAX_CHARS) continue;
    const place = withoutAgency(prefix);
    if (place.length < 2 || wordCount(place) > 4) continue;
    if (CASELESS_PLACE.test(place) && !hasLowercase(place) && !hasUppercase(place)) {
      // a script without capitals cannot show a place by its case: only a colon closing one or two
      // words, a dash or a date sets it off
      if (sep !== ': ' || paragraph.charAt(at - 1) === ' ' || prefix !== printed) return place;
      if (wordCount(place) <= CASELESS_PLACE_GLUED_COLON_MAX_WORDS) return place;
      continue;
    }
    if (!DATELINE_PLACE.test(place.toUpperCase())) continue;
    if (!hasLowercase(place)) return withoutCode(place);
    if ((agency || hasAgency(prefix)) && place.split(' ').every(startsUppercase)) return place;
    // `Toruń – Radni…`, `Reggio Emilia - Da lunedì…`: a place in ordinary case, alone before a dash
    if (
      sep !== ': ' &&
      prefix === printed &&
      isTitleCasePlace(place) &&
      startsUppercase(paragraph.slice(at + sep.length))
    )
      return place;
    // `NAIROBI, Kenya — …` keeps its country as printed; `CÓRDOBA, Sierras.– …` closes the place
    if (placeInCountry(place)) return stopped === printed ? place : (place.split(', ')[0] ?? place);
  }
  return periodDateline(paragraph);
}

/**
 * `Toruń`, `Reggio Emilia`, `Nová Ves`: one to DATELINE_TITLE_CASE_MAX_WORDS words, each a capital
 * then lower-case letters (a name particle between them), no digit, no punctuation but a hyphen.
 */
function isTitleCasePlace(place: string): boolean {
  const words = place.split(' ');
  if (words.length > DATELINE_TITLE_CASE_MAX_WORDS || !startsUppercase(place)) return false;
  return words.every(
    (w) => (PARTICLES.has(w) || (startsUppercase(w) && hasLowercase(w.slice(1)))) && TITLE_CASE_WORD.test(w),
  );
}

/** `MENDOZA.` → `MENDOZA`: a closing period, not an abbreviation's (`N.L.`, `ST.` keep theirs). */
function withoutClosingPeriod(prefix: string): string {
  if (!prefix.endsWith('.')) return prefix;
  const last = prefix.slice(prefix.lastIndexOf(' ') + 1, -1);
  return last.length < 3 || last.includes('.') ? prefix : prefix.slice(0, -1).trimEnd();
}

/** `LYON, LP` → `LYON`: a paper's code in capitals after the place (two to four letters, no dots) is not the place's. */
function withoutCode(place: string): string {
  const comma = place.lastIndexOf(', ');
  if (comma <= 0) return place;
  const code = place.slice(comma + 2);
  return code.length >= 2 && code.length <= PAPER_CODE_MAX_CHARS && /^\p{Lu}+$/u.test(code)
    ? place.slice(0, comma)
    : place;
}

/**
 * `NAIROBI, Kenya — …`: a place in capitals, then its country or region in ordinary case
 * (one or two capitalised words) after a comma; the dateline keeps both, as printed.
 */
function placeInCountry(place: string): boolean {
  const comma = place.indexOf(', ');
  if (comma <= 0) return false;
  const city = place.slice(0, comma);
  const country = place.slice(comma + 2).split(' ');
  return (
    hasUppercase(city) &&
    !hasLowercase(city) &&
    country.length <= 2 &&
    country.every((w) => startsUppercase(w) && !w.includes(','))
  );
}

/** `【台北】台北市政府…` → `台北`: a short place in brackets opening the line, running text glued after it. */
function bracketedDateline(paragraph: string): string | null {
  for (const [open, close] of DATELINE_BRACKETS) {
    if (!paragraph.startsWith(open)) continue;
    const end = paragraph.indexOf(close, open.length);
    if (end < 0 || end > DATELINE_MAX_CHARS) return null;
    const place = paragraph.slice(open.length, end).trim();
    if (place === '' || wordCount(place) > 4 || hasDigit(place) || endsSentence(place)) return null;
    return hasLetter(paragraph.slice(end + close.length)) ? place : null;
  }
  return null;
}

/** `VILNIUS, spalio 16 d.` → `VILNIUS`: the day and month a dateline may print after its place. */
function withoutDate(prefix: string): string {
  const comma = prefix.indexOf(', ');
  return comma > 0 && isDayAndMonth(prefix.slice(comma + 2)) ? prefix.slice(0, comma) : prefix;
}

/**
 * `СОФИЯ. Общинският…`: a place in capitals closed by a period, as Cyrillic papers print it.
 * Not an abbreviation (`U.S. officials`): the place holds no period, and a capital opens running text.
 */
function periodDateline(paragraph: string): string | null {
  const at = paragraph.indexOf(DATELINE_PERIOD);
  if (at < DATELINE_PERIOD_PLACE_MIN_CHARS || at > DATELINE_MAX_CHARS) return null;
  const place = paragraph.slice(0, at);
  if (place.includes('.') || wordCount(place) > 2 || hasLowercase(place) || !DATELINE_PLACE.test(place))
    return null;
  // running text follows, not more capitals (`THE GRILLES. OH GOD, THE GRILLES. Haven’t…`):
  // its first word is in ordinary case or one letter (`СОФИЯ. В четвъртък…`)
  const text = paragraph.slice(at + DATELINE_PERIOD.length, at + DATELINE_PERIOD.length + DATELINE_MAX_CHARS);
  const first = text.split(' ')[0] ?? '';
  return startsUppercase(first) && (hasLowercase(first) || [...first].length === 1) && hasLowercase(text)
    ? place
    : null;
}
