/**
 * Edition metadata: dates as printed on newsstand pages (mostly with English month names,
 * whatever the UI language; a header may print them in its own language and digits:
 * `3. März 2022`, `Agosto de 2025`, `٣ مارس ٢٠٢٢`, `2022年3月3日`) and the localized "This
 * story is from the {date} edition of {pub}." line.
 */

import type { ClassifiedLine } from './classify.js';
import {
  BIKRAM_SAMBAT_MONTHS,
  SOLAR_HIJRI_MONTHS,
  CALENDAR_ERAS,
  DATE_PART_MARKERS,
  DAY_RANGE_WORDS,
  ETHIOPIAN_DAY_WORD,
  ETHIOPIAN_ERA_SUFFIXES,
  ETHIOPIAN_MONTHS,
  ISSUE_WORDS,
  MONTH_WORDS,
  ROMAN_MONTHS,
  SEASON_WORDS,
  YEAR_WORDS,
} from './rules/generic.js';
import { PRINTED_MONTHS } from './rules/locales/en.js';
import { WORLD_MONTHS, WORLD_WEEKDAYS } from './rules/months.js';
import type { EditionTemplate } from './rules/types.js';
import {
  DATE_RANGE_MAX_CHARS,
  ISSUE_TEXT_MAX_CHARS,
  PRINTED_YEAR_MAX,
  PRINTED_YEAR_MIN,
} from './settings.js';
import type { StoryDraft } from './story.js';
import type { Edition, Teaser } from './types.js';

export interface PrintedDate {
  /** The date text exactly as printed. */
  label: string;
  /** ISO date with the precision printed: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (`Issue 17, 2023`: its year); null for an issue number alone (`Issue 231`). */
  iso: string | null;
  /** The whole issue name holding the date (`Pub 07-DEC-2021` on a card), where the label is its date part. */
  issueName?: string;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `October 23, 2024`, `Oct. 23rd 2024`. */
const MONTH_DAY_YEAR = /^(\p{L}{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u;
/** `April 2024`, `Feb. 2024`, `September2021`. */
const MONTH_YEAR = /^(\p{L}{3,9})\.? ?(\d{4})$/u;
/** `23 October 2024`. */
const DAY_FIRST = /^(\d{1,2}) (\p{L}{3,9})\.?,? (\d{4})$/u;
/** `23-APR-2017`, `5-Jan-2024`: an issue name's date, dashed. */
const DAY_MONTH_YEAR_DASHED = /^(\d{1,2})-(\p{L}{3,9})-(\d{4})$/u;
/** The same at the start of a token of running text. */
const DASHED_DATE_START = /^\d{1,2}-\p{L}{3,9}-\d{4}/u;
/** The letters a month word opens with in running text (combining marks included: `मार्च`). */
const MONTH_WORD_START = /^[\p{L}\p{M}]{3,12}/u;
/** A date in running text spans at most this many words (`3 de agosto de 2025`). */
const RUNNING_DATE_MAX_WORDS = 5;
/** A month name alone, first half of a range such as `May/June 2024`. */
const MONTH_ONLY = /^(\p{L}{3,9})\.?$/u;
/** Range separators between two printed dates. */
const RANGE_SEPARATORS = [' - ', ' – ', ' — ', ' / ', '/', '–', '-'];
/** `17.11.2023`, `17.11.2023.`: digits with dots, day first, the order of every locale that dots dates. */
const DOTTED_DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/u;
/** `2023.11.17.`: digits with dots, year first (Hungarian, Chinese). */
const DOTTED_YEAR_FIRST = /^(\d{4})\.(\d{1,2})\.(\d{1,2})\.?$/u;
/** `2024.05`: digits with a dot, year and month (Zinio's issue dates). */
const DOTTED_YEAR_MONTH = /^(\d{4})\.(\d{1,2})$/u;
/** `9.XI.2024`, `9 XI 2024`: a day, the month in Roman numerals, the year. */
const ROMAN_MONTH_DATE = /^(\d{1,2})[. ] ?([ivx]{1,4})[. ] ?(\d{4})$/iu;
/** `Winter 2023`, `WINTER 2023`, `Winter 2023/24`: a season and its year (or the two years it spans). */
const SEASON_YEAR = /^(\p{L}{3,10}) (\d{4})(?:\/(\d{2}|\d{4}))?$/u;
/** `Mar 1-15, 2024`, `March 4 - 11, 2024`, `March 1st–14th, 2024`: a fortnight's or a week's issue, month first. */
const MONTH_DAY_RANGE =
  /^(\p{L}{3,9})\.? (\d{1,2})(?:st|nd|rd|th)? ?[-–] ?(\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u;
/** `1-15 March 2024`, `1st–14th March 2024`: the same, day first. */
const DAY_RANGE_MONTH =
  /^(\d{1,2})(?:st|nd|rd|th)? ?[-–] ?(\d{1,2})(?:st|nd|rd|th)? (\p{L}{3,9})\.?,? (\d{4})$/u;
/** `5 au 11 juin 2024`, `5 bis 11. Juni 2024`: a week's issue, its two days joined by a word for "to". */
const DAY_WORD_DAY_MONTH =
  /^(\d{1,2})(?:er|\.)? (\p{L}{1,4}) (\d{1,2})\.? (\p{L}{3,12})\.?,? (?:de )?(\d{4})$/u;
const RANGE_WORD_SET: ReadonlySet<string> = new Set(DAY_RANGE_WORDS);
/** `3/2024`, `Tháng 3/2024`: a month as its number, over its year (the word for month optional). */
const NUMBERED_MONTH_YEAR = /^(?:(\p{L}{1,8}) )?(\d{1,2})\/(\d{4})$/u;
/** `令和5年3月1日`, `民國112年3月`, `平成元年4月1日`: an era's year, then a CJK month and day. */
const ERA_DATE = /^(\p{L}{2}) ?(\d{1,3}|元) ?年 ?(\d{1,2}) ?月(?: ?(\d{1,2}) ?日)?(?: ?[号號])?$/u;
/** `2024-06-17`: an ISO date, year, month and day with dashes (the one order a leading year has). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** `Oct. 28–Nov. 3, 2024`: a week across two months, month first, the year printed once at the end. */
const MONTH_DAY_MONTH_DAY_RANGE =
  /^(\p{L}{3,9})\.? (\d{1,2})(?:st|nd|rd|th)? ?[-–] ?(\p{L}{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u;
/** `28 Oct.–3 Nov. 2024`: the same, day first. */
const DAY_MONTH_DAY_MONTH_RANGE = /^(\d{1,2}) (\p{L}{3,9})\.? ?[-–] ?(\d{1,2}) (\p{L}{3,9})\.?,? (\d{4})$/u;
const SEASON_SET: ReadonlySet<string> = new Set(SEASON_WORDS);
/** Every printed date (a range's second date included) holds a four-digit year: text without one is no date. */
const YEAR = /\d{4}/u;

/** An ASCII digit's code (a cheap check before a date regex). */
function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function monthNumber(word: string): number | undefined {
  const key = word.toLowerCase();
  return PRINTED_MONTHS.get(key) ?? WORLD_MONTHS.get(key);
}

const ANY_DIGIT = /\p{Nd}/u;
/** Unicode's decimal digits come in runs of ten, 0 to 9: no run is longer than this many adjacent runs. */
const DIGIT_RUN_WALK_MAX = 60;

/** The value of a decimal digit of any script (`٣`, `۳`, `३`, `３` → 3): its place in its run of ten. */
function digitValue(code: number): number {
  let start = code;
  while (code - start < DIGIT_RUN_WALK_MAX && ANY_DIGIT.test(String.fromCharCode(start - 1))) start--;
  return (code - start) % 10;
}

/**
 * The text with every decimal digit of the Basic Multilingual Plane written as an ASCII digit
 * (`٣ مارس ٢٠٢٢` → `3 مارس 2022`): one code unit for one, so offsets into the text still hold.
 */
export function foldDigits(text: string): string {
  let out = '';
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x80 || !ANY_DIGIT.test(text.charAt(k))) continue;
    out += text.slice(from, k) + String(digitValue(code));
    from = k + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function isoOf(year: number, month: number, day: number | null): string | null {
  if (year < PRINTED_YEAR_MIN || year > PRINTED_YEAR_MAX || month < 1 || month > 12) return null;
  if (day === null) return `${year}-${pad(month)}`;
  if (day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return null;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2022年3月3日`, `2022年3月`, `2022年3月号`, a weekly's `2023年9月14日号`, `2022년 3월 3일`: year, month and day marked by CJK counters. */
const CJK_DATE = /^(\d{4}) ?[年년] ?(\d{1,2}) ?[月월](?: ?(\d{1,2}) ?[日일])?(?: ?[号號호])?$/u;
/** Words between the parts of a date that say nothing (`3 de agosto de 2025`, `3 марта 2022 г.`). */
const DATE_CONNECTORS: ReadonlySet<string> = new Set([
  'de',
  'del',
  'di',
  'of',
  'г',
  'г.',
  'года',
  'r.',
  'm.',
  'y',
  'gada',
  'd.',
  'оны',
  ...YEAR_WORDS,
]);
/** A day as printed before or after a month word: `3`, `3.`, `1er`, `1º`, `2nd`. */
const DAY_TOKEN = /^(\d{1,2})(?:[.ºª]|er|st|nd|rd|th)?$/u;
/** A year as printed: `2022`, `2022.` (Hungarian puts the year first, with a dot), `2022م` (Arabic marks the Gregorian year). */
const YEAR_TOKEN = /^(\d{4})[.م]?$/u;
/** Commas that may close a word of a date, in the scripts newsstands print. */
const DATE_COMMAS: ReadonlySet<string> = new Set([',', '،', '，', '、']);

/** `Donnerstag`, `jeudi`, `Thu.`, `الخميس`: a weekday printed before or after a date. */
function isWeekday(word: string): boolean {
  const key = word.toLowerCase().replace(/\.$/u, '');
  return WORLD_WEEKDAYS.has(key) || ENGLISH_WEEKDAYS.has(key);
}

/** `Monday`, `März`: a month's or a weekday's name, which a sentence capitalises without naming anyone. */
export function isDateWord(word: string): boolean {
  return isWeekday(word) || monthNumber(word.replace(/[.,]$/u, '')) !== undefined;
}
const ENGLISH_WEEKDAYS: ReadonlySet<string> = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
]);
/** Month names of more than one word (`كانون الثاني`) have at most this many. */
const MONTH_MAX_WORDS = 3;

/** `10-р сар` (Mongolian, "the 10th month"): a month printed as its number, an ordinal mark and the word for month. */
const NUMBERED_MONTH = /^(\d{1,2})-\p{L}{1,3}$/u;
const MONTH_WORD_SET: ReadonlySet<string> = new Set(MONTH_WORDS);

/** The month named by `words[from…]` in one to `MONTH_MAX_WORDS` words, and the words it took. */
function monthAt(words: readonly string[], from: number): { month: number; taken: number } | null {
  const numbered = NUMBERED_MONTH.exec(words[from] ?? '');
  if (numbered && MONTH_WORD_SET.has((words[from + 1] ?? '').toLowerCase())) {
    const month = Number(numbered[1]);
    return month >= 1 && month <= 12 ? { month, taken: 2 } : null;
  }
  for (let n = MONTH_MAX_WORDS; n >= 1; n--) {
    if (from + n > words.length) continue;
    const name = words
      .slice(from, from + n)
      .join(' ')
      .replace(/\.$/u, '');
    const month = monthNumber(name);
    if (month !== undefined) return { month, taken: n };
  }
  return null;
}

/**
 * A date in a language's own words and order: day, month, year (`15 janvier 2024`,
 * `3. März 2022`, `3 de agosto de 2025`), month and year (`Agosto de 2025`), month, day, year,
 * or year first (`2022. március 3.`). Words, not a regex: linear in the text.
 */
/** `ខែមីនា` → `មីនា`: a word with a "month" or "year" marker glued before it, without the marker. */
function withoutPartMarker(word: string): string {
  for (const marker of DATE_PART_MARKERS) if (word.startsWith(marker)) return word.slice(marker.length);
  return word;
}

function parseWorded(text: string): string | null {
  const words = text
    .split(' ')
    .map((w) => withoutPartMarker(DATE_COMMAS.has(w.at(-1) ?? '') ? w.slice(0, -1) : w))
    .filter((w) => w !== '' && !DATE_CONNECTORS.has(w.toLowerCase()) && !isWeekday(w));
  if (words.length < 2 || words.length > MONTH_MAX_WORDS + 2) return null;
  const yearFirst = YEAR_TOKEN.exec(words[0] ?? '');
  if (yearFirst) {
    // year, day, month: `2023. gada 14. oktobris` (Latvian)
    const dayBefore = DAY_TOKEN.exec(words[1] ?? '');
    const monthAfterDay = dayBefore ? monthAt(words, 2) : null;
    if (dayBefore && monthAfterDay !== null && 2 + monthAfterDay.taken === words.length)
      return isoOf(Number(yearFirst[1]), monthAfterDay.month, Number(dayBefore[1]));
    const named = monthAt(words, 1);
    if (named === null) return null;
    const rest = words.slice(1 + named.taken);
    if (rest.length === 0) return isoOf(Number(yearFirst[1]), named.month, null);
    const day = rest.length === 1 ? DAY_TOKEN.exec(rest[0] ?? '') : null;
    return day ? isoOf(Number(yearFirst[1]), named.month, Number(day[1])) : null;
  }
  const year = YEAR_TOKEN.exec(words.at(-1) ?? '');
  if (!year) return null;
  const middle = words.slice(0, -1);
  const dayFirst = DAY_TOKEN.exec(middle[0] ?? '');
  const named = monthAt(middle, dayFirst ? 1 : 0);
  if (named === null) return null;
  const after = middle.slice((dayFirst ? 1 : 0) + named.taken);
  if (dayFirst) return after.length === 0 ? isoOf(Number(year[1]), named.month, Number(dayFirst[1])) : null;
  if (after.length === 0) return isoOf(Number(year[1]), named.month, null);
  const dayAfter = after.length === 1 ? DAY_TOKEN.exec(after[0] ?? '') : null;
  return dayAfter ? isoOf(Number(year[1]), named.month, Number(dayAfter[1])) : null;
}

/** A season word (`winter`, `Frühjahr`), any case. */
function isSeason(word: string): boolean {
  return SEASON_SET.has(word.toLowerCase());
}

/** `Winter 2023`: the year only, the precision a season prints; `Winter 2023/24` is dated by its first year. */
function parseSeason(text: string): string | null {
  const m = SEASON_YEAR.exec(text);
  if (m === null || !isSeason(m[1] ?? '')) return null;
  const year = Number(m[2]);
  // the second year follows the first, printed with two digits or four (`2023/24`, `2023/2024`)
  if (m[3] !== undefined && Number(m[3]) !== (m[3].length === 2 ? (year + 1) % 100 : year + 1)) return null;
  return year < PRINTED_YEAR_MIN || year > PRINTED_YEAR_MAX ? null : String(year);
}

/** `Mar 1-15, 2024`, `1-15 March 2024`, `5 au 11 juin 2024`: a range of days in one month, dated by its first day. */
function parseDayRange(text: string): string | null {
  const across = parseMonthsRange(text);
  if (across !== undefined) return across;
  const worded = DAY_WORD_DAY_MONTH.exec(text);
  if (worded !== null) {
    const month = monthNumber(worded[4] ?? '');
    if (month === undefined || !RANGE_WORD_SET.has((worded[2] ?? '').toLowerCase())) return null;
    if (Number(worded[1]) >= Number(worded[3])) return null;
    return isoOf(Number(worded[5]), month, Number(worded[1]));
  }
  const monthFirst = MONTH_DAY_RANGE.exec(text);
  const dayFirst = monthFirst ? null : DAY_RANGE_MONTH.exec(text);
  const [word, from, to, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3], monthFirst[4]]
    : dayFirst
      ? [dayFirst[3], dayFirst[1], dayFirst[2], dayFirst[4]]
      : [];
  const month = monthNumber(word ?? '');
  if (month === undefined || Number(from) >= Number(to)) return null;
  return isoOf(Number(year), month, Number(from));
}

/**
 * `Oct. 28–Nov. 3, 2024`, `28 Oct.–3 Nov. 2024`: a week or a fortnight running into the next
 * month, dated by its first day. The two months must follow each other (`Dec. 30–Jan. 5, 2025`
 * opens in the year before the one printed). Undefined when the text has not this shape.
 */
function parseMonthsRange(text: string): string | null | undefined {
  const monthFirst = MONTH_DAY_MONTH_DAY_RANGE.exec(text);
  const dayFirst = monthFirst ? null : DAY_MONTH_DAY_MONTH_RANGE.exec(text);
  const parts = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3], monthFirst[4], monthFirst[5]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[4], dayFirst[3], dayFirst[5]]
      : null;
  if (parts === null) return undefined;
  const [firstWord, firstDay, secondWord, secondDay, yearText] = parts;
  const first = monthNumber(firstWord ?? '');
  const second = monthNumber(secondWord ?? '');
  if (first === undefined || second === undefined || second !== (first % 12) + 1) return null;
  const year = Number(yearText) - (first === 12 ? 1 : 0);
  if (isoOf(Number(yearText), second, Number(secondDay)) === null) return null;
  return isoOf(year, first, Number(firstDay));
}

/**
 * `Tháng 3/2024` (a word for month before it) → `2024-03`; a bare `3/2024` only when `bare`
 * (in a range of two such months: alone it may be an issue number over its year).
 */
function parseNumberedMonth(text: string, bare: boolean): string | null {
  const m = NUMBERED_MONTH_YEAR.exec(text);
  if (m === null) return null;
  if (m[1] === undefined ? !bare : !MONTH_WORD_SET.has(m[1].toLowerCase())) return null;
  return isoOf(Number(m[3]), Number(m[2]), null);
}

/** The Julian day number of the Ethiopian calendar's day before its year one (Amete Mihret). */
const ETHIOPIAN_EPOCH = 1723856;

/** The Gregorian `[year, month, day]` of a Julian day number. */
function gregorianOfJulianDay(jdn: number): [number, number, number] {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return [year, month, day];
}

/**
 * `የካቲት 23 ቀን 2016 ዓ.ም.`, `የካቲት 23/2016 ዓ.ም` → `2024-03-02`: an Ethiopian-calendar date
 * (month, day, the word for day, year, the era's suffix), made Gregorian by arithmetic.
 */
function parseEthiopian(text: string): string | null {
  const suffix = ETHIOPIAN_ERA_SUFFIXES.find((s) => text.endsWith(s));
  if (suffix === undefined) return null;
  // `የካቲት 23/2016 ዓ.ም`: the day and year may be joined by a slash
  const words = text
    .slice(0, -suffix.length)
    .replace('/', ' ')
    .split(' ')
    .map((w) => (w.endsWith(',') ? w.slice(0, -1) : w))
    .filter((w) => w !== '' && w !== ETHIOPIAN_DAY_WORD);
  if (words.length !== 3) return null;
  const month = ETHIOPIAN_MONTHS.get(words[0] ?? '');
  const day = DAY_TOKEN.exec(words[1] ?? '');
  const year = /^\d{4}$/u.exec(words[2] ?? '');
  if (month === undefined || day === null || year === null) return null;
  const d = Number(day[1]);
  const y = Number(year[0]);
  if (d < 1 || d > (month === 13 ? 6 : 30) || (month === 13 && d === 6 && y % 4 !== 3)) return null;
  const jdn = ETHIOPIAN_EPOCH + 365 + 365 * (y - 1) + Math.floor(y / 4) + 30 * month + d - 31;
  const [gy, gm, gd] = gregorianOfJulianDay(jdn);
  return isoOf(gy, gm, gd);
}

/** `चैत २०८०`: a month word and a four-digit year. */
const WORD_AND_YEAR = /^([\p{L}\p{M}]{2,10}) (\d{4})$/u;
/** Bikram Sambat years run this many years ahead of the Gregorian year its first month begins in. */
const BIKRAM_SAMBAT_OFFSET = 57;
/** Magh, the first Bikram Sambat month that begins in the next Gregorian year (January). */
const BIKRAM_SAMBAT_MAGH = 10;

/**
 * `चैत २०८०` → `2024-03`: a Bikram Sambat month and year, dated by the Gregorian month the
 * month begins in (Baisakh in April … Poush in December, then Magh to Chaitra a year later).
 */
function parseBikramSambat(text: string): string | null {
  const m = WORD_AND_YEAR.exec(text);
  const month = m === null ? undefined : BIKRAM_SAMBAT_MONTHS.get(m[1] ?? '');
  if (m === null || month === undefined) return null;
  const year = Number(m[2]) - BIKRAM_SAMBAT_OFFSET + (month >= BIKRAM_SAMBAT_MAGH ? 1 : 0);
  return isoOf(year, ((month + 2) % 12) + 1, null);
}

/** Solar Hijri years run this many years behind the Gregorian year their first month begins in. */
const SOLAR_HIJRI_OFFSET = 621;
/** Bahman, the first Solar Hijri month that begins in the next Gregorian year (January). */
const SOLAR_HIJRI_BAHMAN = 11;

/**
 * `اردیبهشت ۱۴۰۳` → `2024`: a Solar Hijri month and year, dated by the Gregorian year the month
 * begins in. A year only: each month straddles two Gregorian months (Ordibehesht runs from
 * about 21 April to 21 May), so no Gregorian month is printed.
 */
function parseSolarHijri(text: string): string | null {
  const m = WORD_AND_YEAR.exec(text);
  const month = m === null ? undefined : SOLAR_HIJRI_MONTHS.get(m[1] ?? '');
  if (m === null || month === undefined) return null;
  const year = Number(m[2]) + SOLAR_HIJRI_OFFSET + (month >= SOLAR_HIJRI_BAHMAN ? 1 : 0);
  return year < PRINTED_YEAR_MIN || year > PRINTED_YEAR_MAX ? null : String(year);
}

/** The first code point of the Arabic block: the calendars' month names are written at or after it. */
const CALENDAR_SCRIPTS_FROM = 0x0600;

/** A month of a calendar read by its own names (Bikram Sambat, Solar Hijri): it opens a date in running text. */
function isCalendarMonth(word: string): boolean {
  // both calendars' names are in scripts after Latin, Greek and Cyrillic (Arabic, Devanagari)
  if (word.charCodeAt(0) < CALENDAR_SCRIPTS_FROM) return false;
  return BIKRAM_SAMBAT_MONTHS.has(word) || SOLAR_HIJRI_MONTHS.has(word);
}

/** `令和5年3月1日` → `2023-03-01`, `民國112年3月1日` → `2023-03-01`: an era's year made Gregorian. */
function parseEraDate(text: string): string | null {
  const m = ERA_DATE.exec(text);
  if (m === null) return null;
  const era = CALENDAR_ERAS.find((e) => e.name === m[1]);
  if (era === undefined) return null;
  const year = era.firstYear + (m[2] === '元' ? 1 : Number(m[2])) - 1;
  return isoOf(year, Number(m[3]), m[4] === undefined ? null : Number(m[4]));
}

/** `17.11.2023`, `2023.11.17.`, `2024.05`, `9.XI.2024`: a date in digits and dots. */
function parseDotted(text: string): string | null {
  const dayFirst = DOTTED_DAY_FIRST.exec(text);
  if (dayFirst) return isoOf(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const yearFirst = DOTTED_YEAR_FIRST.exec(text);
  if (yearFirst) return isoOf(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  const yearMonth = DOTTED_YEAR_MONTH.exec(text);
  if (yearMonth) return isoOf(Number(yearMonth[1]), Number(yearMonth[2]), null);
  const roman = ROMAN_MONTH_DATE.exec(text);
  const month = roman === null ? -1 : ROMAN_MONTHS.indexOf((roman[2] ?? '').toUpperCase()) + 1;
  return roman !== null && month > 0 ? isoOf(Number(roman[3]), month, Number(roman[1])) : null;
}

/** `2024/05/12`: digits with slashes, the year first: year, month, day, the one order a leading year has. */
const SLASHED_YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u;
/** `21/03/2024`, `5/9/2025`: digits with slashes, the year last; day first or month first by convention. */
const SLASHED_YEAR_LAST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u;
/** `11/2024`: a month's number over its year, where a date is printed (a header's or a card's date slot). */
const SLASHED_MONTH_YEAR = /^(\d{1,2})\/(\d{4})$/u;
/** `2024/5 (majo)`: a year over its month's number, the month's name after it in brackets (Esperanto numbering). */
const SLASHED_YEAR_MONTH_NAMED = /^(\d{4})\/(\d{1,2}) \((\p{L}{3,12})\.?\)$/u;

/** Which of day and month a numeric date prints first, where the page or its platform says. */
export type NumericOrder = 'day-first' | 'month-first';

/**
 * `2024/05/12`, `21/03/2024` (a day over 12 tells the order), `5/19/2025`, `11/2024`: dates in
 * digits and slashes. Where both numbers could be the month (`5/9/2025`) the ISO date is
 * null unless `order` says which comes first: a wrong date is worse than none.
 */
function parseSlashed(text: string, order: NumericOrder | null): string | null | undefined {
  const yearFirst = SLASHED_YEAR_FIRST.exec(text);
  if (yearFirst) return isoOf(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])) ?? undefined;
  const monthYear = SLASHED_MONTH_YEAR.exec(text);
  if (monthYear) return isoOf(Number(monthYear[2]), Number(monthYear[1]), null) ?? undefined;
  // `2024/5` alone may be an issue number of the year: the month's name beside it is the evidence
  const named = SLASHED_YEAR_MONTH_NAMED.exec(text);
  if (named)
    return monthNumber(named[3] ?? '') === Number(named[2])
      ? (isoOf(Number(named[1]), Number(named[2]), null) ?? undefined)
      : undefined;
  const yearLast = SLASHED_YEAR_LAST.exec(text);
  if (yearLast === null) return undefined;
  const [a, b, year] = [Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3])];
  if (a < 1 || b < 1 || (a > 12 && b > 12)) return undefined;
  const dayFirst = a > 12 ? true : b > 12 ? false : order === null ? null : order === 'day-first';
  if (dayFirst === null) return isoOf(year, 1, null) === null ? undefined : null;
  return (dayFirst ? isoOf(year, b, a) : isoOf(year, a, b)) ?? undefined;
}

/**
 * A day and a month with no year (`spalio 16 d.`, `Oct. 3`, `3 октября`), as datelines print
 * them between the place and the dash.
 */
export function isDayAndMonth(text: string): boolean {
  const words = foldDigits(text)
    .split(' ')
    .map((w) => (DATE_COMMAS.has(w.at(-1) ?? '') ? w.slice(0, -1) : w))
    .filter((w) => w !== '' && !DATE_CONNECTORS.has(w.toLowerCase()) && !isWeekday(w));
  if (words.length < 2 || words.length > MONTH_MAX_WORDS + 1) return false;
  const dayFirst = DAY_TOKEN.test(words[0] ?? '');
  const dayLast = DAY_TOKEN.test(words.at(-1) ?? '');
  if (dayFirst === dayLast) return false;
  const named = monthAt(dayFirst ? words.slice(1) : words.slice(0, -1), 0);
  return named !== null && named.taken === words.length - 1;
}

/** `'23`, `’23` closing a date: a year printed with two digits. */
const TWO_DIGIT_YEAR = /(^|[\s,])['’‘](\d{2})$/u;
/** `07 MAR 22`, `7 Mar. 22`: a day, a month word and a two-digit year with no apostrophe (a day must lead). */
const DAY_MONTH_TWO_DIGIT_YEAR = /^(\d{1,2}) (\p{L}{3,9})\.? (\d{2})$/u;
/** Two-digit years from this one on are read in the 1900s. */
const TWO_DIGIT_YEAR_PIVOT = 50;
/** Chinese numerals before a date's counter: `二〇二三年`, `十二月`, `二十三日`. */
const CHINESE_NUMERALS = /[〇零一二三四五六七八九十]{1,4}(?=[年月日号號])/gu;
const CHINESE_DIGITS = '〇一二三四五六七八九';

/** A Chinese numeral as a number: digit by digit (`二〇二三`), or tens and units around `十` (`二十三`). */
function chineseNumber(numeral: string): string {
  const digits = numeral.replaceAll('零', '〇');
  const ten = digits.indexOf('十');
  if (ten < 0) return [...digits].map((d) => CHINESE_DIGITS.indexOf(d)).join('');
  const tens = ten === 0 ? 1 : CHINESE_DIGITS.indexOf(digits.charAt(ten - 1));
  const units = ten === digits.length - 1 ? 0 : CHINESE_DIGITS.indexOf(digits.charAt(ten + 1));
  return String(tens * 10 + units);
}

/**
 * The date as its shapes read it: digits of any script as ASCII digits (`٣ مارس ٢٠٢٢`), Chinese
 * numerals as digits (`二〇二三年七月`), a two-digit year with its century (`Apr '23`).
 */
function readable(printed: string): string {
  const folded = foldDigits(printed).replace(CHINESE_NUMERALS, (numeral) => chineseNumber(numeral));
  const bare = isDigitCode(folded.charCodeAt(folded.length - 1))
    ? DAY_MONTH_TWO_DIGIT_YEAR.exec(folded)
    : null;
  if (bare !== null && monthNumber(bare[2] ?? '') !== undefined) {
    const year = Number(bare[3]);
    return `${folded.slice(0, -2)}${year < TWO_DIGIT_YEAR_PIVOT ? '20' : '19'}${bare[3]}`;
  }
  return folded.replace(
    TWO_DIGIT_YEAR,
    (_, before: string, year: string) =>
      `${before}${Number(year) < TWO_DIGIT_YEAR_PIVOT ? '20' : '19'}${year}`,
  );
}

/** The ISO date of one printed date; null when it is a date of no readable day or month (`5/9/2025`); undefined when no date. */
function readSingle(printed: string, order: NumericOrder | null): string | null | undefined {
  const text = readable(printed);
  // a slashed date both ways possible is still a date, undated (null); not one at all: undefined
  if (text.includes('/')) {
    const slashed = parseSlashed(text, order);
    if (slashed !== undefined) return slashed;
  }
  return readShapes(text) ?? undefined;
}

function readShapes(text: string): string | null {
  const iso = isDigitCode(text.charCodeAt(0)) ? ISO_DATE.exec(text) : null;
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const cjk = CJK_DATE.exec(text);
  if (cjk) return isoOf(Number(cjk[1]), Number(cjk[2]), cjk[3] === undefined ? null : Number(cjk[3]));
  const numeric =
    parseDotted(text) ??
    parseSeason(text) ??
    parseDayRange(text) ??
    parseNumberedMonth(text, false) ??
    parseEraDate(text) ??
    parseEthiopian(text) ??
    parseBikramSambat(text) ??
    parseSolarHijri(text);
  if (numeric !== null) return numeric;
  const english = parseShaped(text);
  return english ?? parseWorded(text);
}

/** One printed date's ISO date, or null (undated or no date). */
function parseSingle(printed: string): string | null {
  return readSingle(printed, null) ?? null;
}

/** The shapes newsstands print (`October 23, 2024`, `Oct. 2024`, `September2021`, `23-APR-2017`). */
function parseShaped(text: string): string | null {
  const m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month === undefined ? null : isoOf(Number(m[3]), month, Number(m[2]));
  }
  const y = MONTH_YEAR.exec(text);
  if (y) {
    const month = monthNumber(y[1] ?? '');
    return month === undefined ? null : isoOf(Number(y[2]), month, null);
  }
  const d = DAY_FIRST.exec(text) ?? DAY_MONTH_YEAR_DASHED.exec(text);
  if (d) {
    const month = monthNumber(d[2] ?? '');
    if (month === undefined) return null;
    return isoOf(Number(d[3]), month, Number(d[1]));
  }
  return null;
}

/**
 * Parse a whole string as a printed date (or a date range such as
 * `December 2024 - January 2025`; a range's ISO date is its first date).
 * Returns null when the string is anything else.
 */
export function parsePrintedDate(text: string, order: NumericOrder | null = null): PrintedDate | null {
  const label = text.trim();
  // `Apr '23` is the shortest date with a year
  if (label.length < 7 || label.length > 64) return null;
  // an era's year has no four digits (`令和5年3月1日`)
  if (!YEAR.test(readable(label))) {
    const era = parseEraDate(foldDigits(label));
    return era === null ? null : { label, iso: era };
  }
  const single = readSingle(label, order);
  if (single !== undefined) return { label, iso: single };
  for (const sep of RANGE_SEPARATORS) {
    const at = label.indexOf(sep);
    if (at <= 0) continue;
    const first = label.slice(0, at).trim();
    const second = label.slice(at + sep.length).trim();
    // `3/2024 - 4/2024`: a double issue in month numbers
    const firstMonth = parseNumberedMonth(foldDigits(first), true);
    if (firstMonth !== null && parseNumberedMonth(foldDigits(second), true) !== null)
      return { label, iso: firstMonth };
    const secondIso = parseSingle(second);
    if (secondIso === null) continue;
    const firstIso = parseSingle(first);
    if (firstIso !== null) return { label, iso: firstIso };
    const monthOnly = MONTH_ONLY.exec(first);
    const month = monthOnly ? monthNumber(monthOnly[1] ?? '') : undefined;
    if (month !== undefined) return { label, iso: `${secondIso.slice(0, 4)}-${pad(month)}` };
    // `Spring/Summer 2023`: a double issue of seasons is dated by its year
    if (isSeason(first)) return { label, iso: secondIso.slice(0, 4) };
  }
  return null;
}

/** A year alone (`2024`): an annual's edition. */
const YEAR_ONLY = /^\d{4}$/u;

/**
 * `2024` where an edition date is printed (an edition line's date, the right of `Pub|2024`):
 * an annual's edition, dated with the precision printed. Never read from running text or a
 * line alone, where a year is no edition.
 */
export function parseEditionYear(text: string): PrintedDate | null {
  const label = text.trim();
  if (!YEAR_ONLY.test(label)) return null;
  const year = Number(label);
  return year < PRINTED_YEAR_MIN || year > PRINTED_YEAR_MAX ? null : { label, iso: label };
}

/** `Collector's Edition 2024`: words with no digit, then a year closing the text. */
const NAME_THEN_YEAR = /^\D{3,} (\d{4})$/u;

/**
 * `Collector's Edition 2024`, `Sommer-Spezial 2024` where an edition date is printed (the right
 * of `Pub|…`): a special issue's name closing with its year. The year alone is the date and its
 * label, as for an annual; never read from running text, where a year is no edition.
 */
export function parseIssueNameYear(text: string): PrintedDate | null {
  const label = text.trim();
  if (label.length > ISSUE_TEXT_MAX_CHARS || !isDigitCode(label.charCodeAt(label.length - 1))) return null;
  const m = NAME_THEN_YEAR.exec(label);
  return m === null ? null : parseEditionYear(m[1] ?? '');
}

/**
 * `Pub 07-NOV-2021` beside or under the name `Pub`: an issue named by its publication and its
 * date (the old `Pub|Pub 07-NOV-2021` slot, a card's date line). The date part is the date and
 * its label; read only where the name is known from the line's place (the left of `Pub|…`, a
 * name the page prints alone), never from running text.
 */
export function parseNamedIssueDate(text: string, name: string): PrintedDate | null {
  if (name === '' || text.length <= name.length + 1 || text.charAt(name.length) !== ' ') return null;
  if (!text.startsWith(name)) return null;
  return parsePrintedDate(text.slice(name.length + 1));
}

/**
 * A year standing alone as a word of a line (`… the 2024 edition of …`, `2024-Ausgabe`): only
 * where the line is already known to be an edition line by its place on the page.
 */
export function findEditionYear(text: string): (PrintedDate & { start: number; end: number }) | null {
  const re = /\S+/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const digits = /^\d{4}(?=$|[-.,。])/u.exec(m[0]);
    if (digits === null || issueMarkBefore(text, m.index)) continue;
    const year = parseEditionYear(digits[0]);
    if (year !== null) return { ...year, start: m.index, end: m.index + 4 };
  }
  return null;
}

/** `Núm. 2087`, `#2087`, `№ 2087`, `Nº2087`: the word before a number (or its glued mark) makes it an issue's number. */
function issueMarkBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  if (/[#№º°]$/u.test(before)) return true;
  if (!before.endsWith(' ')) return false;
  const word = before.slice(before.lastIndexOf(' ', before.length - 2) + 1, -1);
  return word !== '' && (ISSUE_WORD_SET.has(word.toLowerCase()) || /[#№º°]$/u.test(word));
}

/** `Issue 17, 2023`, `Issue 231`, `No. 12`, `Nr. 3/2023`: an issue printed where the date would be. */
const ISSUE_NUMBER = /^(\p{L}{1,7}[.º°]?) \d{1,5}(?:,? \d{4}|\/\d{4})?$/u;
/** Marks between an issue number and the issue's date (`Nº 17 · outubro 2023`, `Issue 12: Winter 2023`, `No. 2 / 2023`). */
const ISSUE_DATE_SEPARATORS = [' · ', ' - ', ' – ', ' | ', ', ', ': ', ' / '];
const ISSUE_WORD_SET: ReadonlySet<string> = new Set(ISSUE_WORDS);

export function parseIssueLabel(text: string): PrintedDate | null {
  const label = text.trim();
  if (label.length > 24) return null;
  const m = ISSUE_NUMBER.exec(label);
  if (!m || !ISSUE_WORD_SET.has((m[1] ?? '').toLowerCase())) return null;
  return { label, iso: issueYear(label) };
}

/** An issue label that prints its year (`Issue 17, 2023`), dated by it; null for `Issue 42`, which stays issue text. */
function datedIssue(text: string): PrintedDate | null {
  const issue = parseIssueLabel(text);
  return issue === null || issue.iso === null ? null : issue;
}

/** The year an issue label prints (`Issue 17, 2023`, `Nr. 3/2023`, `Issue 50 2019`): the precision printed, a year; null for `Issue 231`. */
function issueYear(label: string): string | null {
  const year = ISSUE_YEAR_AT_END.exec(label)?.[1];
  return year === undefined ? null : (parseEditionYear(year)?.iso ?? null);
}
// the year follows the issue's own number: `Núm. 2087` is a number alone, no year
const ISSUE_YEAR_AT_END = /\d[,.]?[\s/](\d{4})$/u;

/** A printed date or, failing that, a printed issue number (`Issue 13, 2025`). */
export function parseEditionLabel(text: string, order: NumericOrder | null = null): PrintedDate | null {
  return parsePrintedDate(text, order) ?? issueWithDate(text) ?? parseIssueLabel(text);
}

/**
 * `Nº 17 · outubro 2023`, `Số 7 - Tháng 5/2024`, `No. 2 / 2023`: an issue number and its date;
 * the date (or the year alone) is the edition's. The issue part is read by its shape (a short
 * word and a number), in any language: the date beside it is the evidence.
 */
function issueWithDate(text: string): PrintedDate | null {
  if (text.length > ISSUE_TEXT_MAX_CHARS) return null;
  for (const sep of ISSUE_DATE_SEPARATORS) {
    const at = text.indexOf(sep);
    if (at <= 0 || !ISSUE_NUMBER.test(text.slice(0, at).trim())) continue;
    const right = text.slice(at + sep.length);
    // `Issue 17, 2023` is an issue of a year (no date); a year set apart by a mark (`No. 2 / 2023`) dates it
    const date = parsePrintedDate(right) ?? (sep === ', ' ? null : parseEditionYear(right));
    if (date !== null) return date;
  }
  return null;
}

/** `India TodayIndia Today` → `India Today`: a name the store prints twice, glued. */
export function undoubledName(text: string): string {
  const half = text.length / 2;
  return Number.isInteger(half) && half >= 2 && text.slice(0, half) === text.slice(half)
    ? text.slice(0, half)
    : text;
}

/**
 * An issue title: a name line (printed once, or twice glued as Zinio does) and under it
 * the same name followed by the issue's date or number (`Reader's Digest India` /
 * `Reader's Digest India April 2017`, `QuoQuo` / `Quo September2021`).
 */
export function matchIssueTitle(
  nameLine: string,
  issueLine: string,
): { publication: string; date: PrintedDate } | null {
  const name = undoubledName(nameLine);
  if (name === '' || issueLine.charAt(name.length) !== ' ') return null;
  // the store may set the name line in another case (`VEJAVEJA` / `Veja Edição 2816`): the issue line's is the name's
  const publication = issueLine.slice(0, name.length);
  if (publication !== name && publication.toLowerCase() !== name.toLowerCase()) return null;
  const rest = issueLine.slice(name.length + 1);
  // `Pub 2024` under the name: an annual's issue, dated by its year
  const date =
    parseEditionLabel(rest) ?? parseEditionYear(rest) ?? (name !== nameLine ? issueNameByShape(rest) : null);
  return date === null ? null : { publication, date };
}

/** Separators an issue line prints between the issue's number and its date (`Issue 214 · March 2024`, `Issue 12: Winter 2023`). */
const ISSUE_PART_SEPARATORS: readonly string[] = [' · ', ' • ', ' | ', ' — ', ' – ', ': '];

/**
 * `The Walrus` / `Issue 214 · March 2024`: an issue page's name line, then a line that does not
 * repeat the name but joins the issue's number and its date with a separator, in any language
 * (the issue word is not read). The name is the publication; the date part dates the issue.
 */
export function matchIssueLineUnderName(
  nameLine: string,
  issueLine: string,
): { publication: string; date: PrintedDate } | null {
  const name = nameLine.trim();
  if (name === '' || name.length > ISSUE_TEXT_MAX_CHARS || ANY_DIGIT.test(name)) return null;
  if (SENTENCE_STOPS.has(name.at(-1) ?? '') || issueLine.length > ISSUE_TEXT_MAX_CHARS) return null;
  for (const separator of ISSUE_PART_SEPARATORS) {
    const at = issueLine.indexOf(separator);
    if (at <= 0) continue;
    const issue = issueLine.slice(0, at);
    const date = parseEditionLabel(issueLine.slice(at + separator.length).trim());
    if (date !== null && ANY_DIGIT.test(issue) && findPrintedDate(issue) === null)
      return { publication: name, date };
  }
  return null;
}

/**
 * `Número 512`, `Edição 449`, `N. 1502`: under a name the store printed twice glued (that
 * doubling is the evidence), the rest of the issue line names the issue in the UI's own words.
 * Read by its shape, in any language: short, a number in it, no sentence. A date printed in it
 * (`Edição de Março 2023`) is the edition's date, as in an issue name (`dateInIssueName`).
 */
function issueNameByShape(rest: string): PrintedDate | null {
  const label = rest.trim();
  if (label === '' || label.length > ISSUE_TEXT_MAX_CHARS || !ANY_DIGIT.test(label)) return null;
  if (SENTENCE_STOPS.has(label.at(-1) ?? '')) return null;
  return dateInIssueName(label) ?? { label, iso: issueYear(label) };
}

/** Marks that close a sentence: an issue name does not end with one (`N. 12` ends with a digit). */
const SENTENCE_STOPS: ReadonlySet<string> = new Set(['.', '!', '?', '。', '！', '？']);

/**
 * Find the first printed date inside running text (`… October 23, 2024-Ausgabe …`).
 * Token scan: linear in the text length.
 */
export function findPrintedDate(text: string): (PrintedDate & { start: number; end: number }) | null {
  const found = findDate(text);
  return found === null
    ? null
    : withWeekdayBefore(text, withDayRangeBefore(text, withSecondYear(text, found)));
}

/** `8-14 ` before `June 2024`: a weekly issue's days, printed before its month. */
const DAY_RANGE_BEFORE = /(?:^|\s)(\d{1,2} ?[-–] ?\d{1,2} )$/u;

/** A month with the day range printed before it (`8-14 June 2024`), dated by its first day. */
function withDayRangeBefore(
  text: string,
  found: PrintedDate & { start: number; end: number },
): PrintedDate & { start: number; end: number } {
  const before = DAY_RANGE_BEFORE.exec(text.slice(Math.max(0, found.start - 9), found.start));
  const range = before?.[1];
  if (range === undefined || found.iso === null || found.iso.length !== 7) return found;
  const start = found.start - range.length;
  const label = text.slice(start, found.end);
  const iso = parseDayRange(readable(label));
  return iso === null ? found : { label, iso, start, end: found.end };
}

/** `/24` after a season's year (`Winter 2023/24`): the season spans two years, and the label keeps both. */
const SECOND_YEAR_AFTER = /^\/(?:\d{2}|\d{4})(?!\d)/u;

function withSecondYear(
  text: string,
  found: PrintedDate & { start: number; end: number },
): PrintedDate & { start: number; end: number } {
  const second = SECOND_YEAR_AFTER.exec(text.slice(found.end, found.end + 6));
  if (second === null) return found;
  const label = text.slice(found.start, found.end + second[0].length);
  return parseSingle(foldDigits(label)) === null
    ? found
    : { ...found, label, end: found.end + second[0].length };
}

/** A weekday and its comma before a date (`Monday, ` in `… the Monday, 4 March 2024 edition …`). */
const WEEKDAY_BEFORE = /(\p{L}{2,12}\.?,? )$/u;
/** A weekday printed before a date is at most this long, its comma and space included. */
const WEEKDAY_MAX_CHARS = 16;
/** A weekday form this short printed before a date with no period or comma after it is no weekday there. */
const WEEKDAY_BARE_SHORT_MAX_CHARS = 3;

/** The date with the weekday printed before it, which the label keeps as printed (`Tue, 3 Oct 2023`). */
function withWeekdayBefore(
  text: string,
  found: PrintedDate & { start: number; end: number },
): PrintedDate & { start: number; end: number } {
  const before = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, found.start - WEEKDAY_MAX_CHARS), found.start));
  const weekday = before?.[1];
  if (weekday === undefined || !isWeekday(weekday.trim().replace(/,$/u, ''))) return found;
  // a short form with no mark after it (`die November 4-10, 2024`) is as likely a word of the
  // sentence (the Afrikaans article, Romansh's Tuesday): a weekday's abbreviation is closed by a
  // period or a comma (`Tue, 3 Oct 2023`, `Di. 3. Okt. 2023`)
  const bare = weekday.trimEnd();
  if (bare.length <= WEEKDAY_BARE_SHORT_MAX_CHARS && !bare.endsWith(',') && !bare.endsWith('.')) return found;
  const start = found.start - weekday.length;
  // a weekday opens the date only at a word's start
  if (start > 0 && !/\s/u.test(text.charAt(start - 1))) return found;
  return { ...found, label: text.slice(start, found.end), start };
}

function findDate(text: string): (PrintedDate & { start: number; end: number }) | null {
  const tokens: { word: string; start: number }[] = [];
  const re = /\S+/gu;
  // digits of any script as ASCII digits; the folded text keeps the original's offsets
  const folded = foldDigits(text);
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    // `(Oktubre 3, 2023)`: the bracket is not the date's
    const opened = OPENING_BRACKETS.has(m[0].charAt(0)) && m[0].length > 1 ? 1 : 0;
    tokens.push({ word: m[0].slice(opened), start: m.index + opened });
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const dashed = DASHED_DATE_START.exec(token.word);
    if (dashed) {
      const iso = parseSingle(dashed[0]);
      if (iso !== null)
        return {
          label: text.slice(token.start, token.start + dashed[0].length),
          iso,
          start: token.start,
          end: token.start + dashed[0].length,
        };
    }
    // `17.11.2023` (a sentence's closing dot or comma is not the date's)
    const dotted = /^[\d.]{8,11}/u.exec(token.word);
    if (dotted) {
      const digits = dotted[0].replace(/\.$/u, '');
      const iso = parseDotted(digits);
      if (iso !== null)
        return {
          label: text.slice(token.start, token.start + digits.length),
          iso,
          start: token.start,
          end: token.start + digits.length,
        };
    }
    // `9.XI.2024`, `2024/05/12`, `21/03/2024`: a Roman-numeral month or slashes (an undated `5/9/2025` is skipped)
    const numbered = isDigitCode(token.word.charCodeAt(0)) ? RUNNING_NUMERIC_DATE.exec(token.word) : null;
    if (numbered) {
      const iso = readSingle(numbered[0], null);
      if (iso !== null && iso !== undefined)
        return {
          label: text.slice(token.start, token.start + numbered[0].length),
          iso,
          start: token.start,
          end: token.start + numbered[0].length,
        };
    }
    // a year first (`2023. gada 14. oktobris`, `2022. március 3.`, `2023 m. spalio 16 d.`)
    if (YEAR_TOKEN.test(token.word)) {
      for (let span = RUNNING_DATE_MAX_WORDS; span >= 2; span--) {
        const last = tokens[i + span - 1];
        // a date ends on its own word or an abbreviation of one (`16 d.`), never on a connector (`… oktobris y …`)
        if (last === undefined || (DATE_CONNECTORS.has(last.word.toLowerCase()) && !last.word.endsWith('.')))
          continue;
        const end = last.start + last.word.replace(/[,;]$/u, '').length;
        const label = text.slice(token.start, end);
        const iso = parseSingle(label);
        if (iso !== null) return { label, iso, start: token.start, end };
      }
    }
    // `Tháng 5/2024`: the word for month, then the month's number over the year (the word is the evidence)
    const next = tokens[i + 1];
    if (
      next !== undefined &&
      isDigitCode(next.word.charCodeAt(0)) &&
      MONTH_WORD_SET.has(token.word.toLowerCase())
    ) {
      const numbered = RUNNING_NUMBERED_MONTH.exec(next.word);
      const end = numbered === null ? -1 : next.start + numbered[0].length;
      const iso = numbered === null ? null : parseNumberedMonth(folded.slice(token.start, end), false);
      if (iso !== null) return { label: text.slice(token.start, end), iso, start: token.start, end };
    }
    // a month first (`October 23, 2024`, `Agosto de 2025`), a season (`Winter 2023`) or a day first (`3. März 2022`, `3 de agosto de 2025`)
    const letters = MONTH_WORD_START.exec(token.word);
    const opensDate = letters
      ? monthNumber(letters[0]) !== undefined ||
        isSeason(letters[0]) ||
        isCalendarMonth(token.word) ||
        monthAt([letters[0], tokens[i + 1]?.word ?? ''], 0) !== null
      : // a number after an issue word is the issue's (`Vol. 3 No. 9, May 2022`), not a day
        DAY_TOKEN.test(token.word.replace(/,$/u, '')) &&
        !ISSUE_WORD_SET.has(tokens[i - 1]?.word.toLowerCase() ?? '');
    if (!opensDate) continue;
    for (let span = RUNNING_DATE_MAX_WORDS; span >= 1; span--) {
      const last = tokens[i + span - 1];
      if (last === undefined) continue;
      const yearAt = /\d{4}|['’‘]\d{2}(?!\d)/u.exec(last.word);
      if (!yearAt) continue;
      const end = last.start + yearAt.index + yearAt[0].length;
      const label = text.slice(token.start, end);
      const iso = parseSingle(label);
      if (iso !== null) return extendToRange(text, { label, iso, start: token.start, end });
      // a double issue printed as one token (`May-June 2023`, `Spring/Summer 2023`)
      const range = span <= 2 ? parsePrintedDate(label) : null;
      if (range !== null) return { ...range, start: token.start, end };
    }
  }
  return null;
}

const OPENING_BRACKETS: ReadonlySet<string> = new Set(['(', '[']);
/** `5/2024` opening a word of running text after a word for month (`… ấn bản Tháng 5/2024 của …`). */
const RUNNING_NUMBERED_MONTH = /^\d{1,2}\/\d{4}(?!\d)/u;
/** A numeric date opening a word of running text: a Roman-numeral month between dots, or digits and slashes. */
const RUNNING_NUMERIC_DATE =
  /^(?:\d{1,2}\.[IVX]{1,4}\.\d{4}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2}(?!\d))/u;

/** An edition sentence's issue part before its date holds at most this many issue words (`Vol. 3 No. 9,`). */
const ISSUE_PARTS_BEFORE_MAX = 3;
const ISSUE_PART_NUMBER = /^\d{1,5},?$/u;

/**
 * Where the issue part printed right before a date starts (`Vol. 3 No. 9, ` before `May 2022`):
 * pairs of an issue word and its number, walked back from `dateStart`; `dateStart` when none.
 * The date alone is the label; the issue part is neither the date nor the publication.
 */
export function issuePartStart(text: string, dateStart: number): number {
  const words = text.slice(0, dateStart).split(' ');
  let start = dateStart;
  let k = words.length - 1;
  if (words[k] === '') k--;
  for (let n = 0; n < ISSUE_PARTS_BEFORE_MAX && k >= 1; n++) {
    const number = words[k] ?? '';
    const word = words[k - 1] ?? '';
    if (!ISSUE_PART_NUMBER.test(number) || !ISSUE_WORD_SET.has(word.toLowerCase())) break;
    k -= 2;
    start = words.slice(0, k + 1).join(' ').length + (k >= 0 ? 1 : 0);
  }
  return start;
}

/** `№ 14 (3321)`, `14 (3321)`, `№ 14`: an issue number, maybe with its running number in parentheses. */
const ISSUE_NUMBER_SHAPE = /(?:№ ?)?\d{1,5} \(\d{1,6}\)|№ ?\d{1,5}/u;

/**
 * An issue number printed where an edition sentence's date would be, with no issue word a table
 * knows: the number mark `№` or a second number in parentheses (`… из номера № 14 (3321) издания
 * Pub.`). Its place in the text only: an issue number is no date, and no edition label.
 */
export function findIssueNumber(text: string): { start: number; end: number } | null {
  if (!text.includes('№') && !text.includes(' (')) return null;
  const m = ISSUE_NUMBER_SHAPE.exec(text);
  return m === null ? null : { start: m.index, end: m.index + m[0].length };
}

/** An issue number inside running text: `… fra Issue 14, 2025-udgaven af …` → `Issue 14, 2025`. */
export function findIssueLabel(text: string): (PrintedDate & { start: number; end: number }) | null {
  const re = /\S+/gu;
  const tokens: { word: string; start: number }[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) tokens.push({ word: m[0], start: m.index });
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i] as { word: string; start: number };
    if (!ISSUE_WORD_SET.has(word.word.toLowerCase())) continue;
    const number = tokens[i + 1] as { word: string; start: number };
    const digits = /^\d{1,5}/u.exec(number.word);
    if (!digits) continue;
    let end = number.start + digits[0].length;
    const year = tokens[i + 2];
    // `Issue 17, 2023` (the year may carry a suffix: `2025-udgaven`) and Zinio's `Issue 50 2019`
    if (year !== undefined) {
      const comma = number.word === `${digits[0]},`;
      const y = comma
        ? /^\d{4}/u.exec(year.word)
        : number.word === digits[0]
          ? /^\d{4}[.,]?$/u.exec(year.word)
          : null;
      if (y) end = year.start + 4;
    }
    const label = text.slice(word.start, end);
    return { label, iso: issueYear(label), start: word.start, end };
  }
  return null;
}

/** `December 2024` followed by ` - January 2025`: the whole range, dated by its first date. */
function extendToRange(
  text: string,
  found: PrintedDate & { start: number; end: number },
): PrintedDate & { start: number; end: number } {
  const tail = text.slice(found.end, found.end + DATE_RANGE_MAX_CHARS);
  for (const sep of RANGE_SEPARATORS) {
    if (!tail.startsWith(sep)) continue;
    const rest = tail.slice(sep.length);
    const second = /^\p{L}{3,9}\.? ?(?:\d{1,2}(?:st|nd|rd|th)?,? )?\d{4}/u.exec(rest);
    if (second && parseSingle(second[0]) !== null) {
      const end = found.end + sep.length + second[0].length;
      return { ...found, label: text.slice(found.start, end), end };
    }
  }
  return found;
}

/** True when a printed edition field is an unrendered template such as `{{IssueName}}`. */
export function isTemplatePlaceholder(text: string): boolean {
  return text.includes('{{') || text.includes('}}');
}

export interface EditionLineMatch {
  publication: string | null;
  date: PrintedDate | null;
  /** The issue text as printed when it is not a date (an issue number); null for templates. */
  issueText: string | null;
  placeholder: boolean;
}

/** The date printed inside an issue name (`Filmfare 23-APR-2017`, `Filmfare July2025`), or null. */
function dateInIssueName(text: string): PrintedDate | null {
  if (text.length > ISSUE_TEXT_MAX_CHARS) return null;
  const found = findPrintedDate(text);
  return found === null ? null : { label: found.label, iso: found.iso };
}

/** An edition sentence holds at most this many copies of the word between its date and its publication. */
const TEMPLATE_SPLITS_MAX = 6;

/**
 * Where the date and the publication part: at the word the template prints between them, the
 * first copy after the date (the last before the publication, in the other order). The date
 * may hold that word itself (`3 de agosto de 2025 de Pub`, Spanish `de`): where that split
 * leaves only the date's first word (a day or a month), the split that leaves the longest date
 * part reading as a date wins.
 */
function splitAt(middle: string, template: EditionTemplate): number {
  const dateFirst = template.order === 'date-pub';
  const plain = dateFirst ? middle.indexOf(template.between) : middle.lastIndexOf(template.between);
  // one copy only (most lines): nothing to choose; the template's own split reads a date: kept
  if (plain <= 0 || middle.indexOf(template.between) === middle.lastIndexOf(template.between)) return plain;
  // only a date cut after its first word by its own copy of the word (`3` or `agosto` of `3 de agosto de 2025`)
  const plainDate = (
    dateFirst ? middle.slice(0, plain) : middle.slice(plain + template.between.length)
  ).trim();
  if (!DAY_TOKEN.test(plainDate) && monthNumber(plainDate.replace(/\.$/u, '')) === undefined) return plain;
  let best = -1;
  let at = middle.indexOf(template.between);
  for (let n = 0; at > 0 && n < TEMPLATE_SPLITS_MAX; n++) {
    const dateText = dateFirst ? middle.slice(0, at) : middle.slice(at + template.between.length);
    if (parsePrintedDate(dateText.trim()) !== null && (dateFirst || best < 0)) best = at;
    at = middle.indexOf(template.between, at + 1);
  }
  return best > 0 ? best : plain;
}

/** Match a line against one localized edition-line template. */
export function matchEditionTemplate(line: string, template: EditionTemplate): EditionLineMatch | null {
  if (!line.startsWith(template.prefix)) return null;
  let end = line.length;
  if (line.endsWith(template.suffix)) end -= template.suffix.length;
  else if (template.suffixLoose !== '' && line.endsWith(template.suffixLoose))
    end -= template.suffixLoose.length;
  else return null;
  if (end < template.prefix.length) return null;
  const middle = line.slice(template.prefix.length, end);
  const at = splitAt(middle, template);
  if (at <= 0) return null;
  const left = middle.slice(0, at).trim();
  const right = middle.slice(at + template.between.length).trim();
  const dateText = template.order === 'date-pub' ? left : right;
  const pubText = template.order === 'date-pub' ? right : left;
  if (dateText === '' || pubText === '') return null;
  const placeholder = isTemplatePlaceholder(dateText) || isTemplatePlaceholder(pubText);
  // an issue name holding the date (`Filmfare 23-APR-2017`): the date printed in it
  const date = isTemplatePlaceholder(dateText)
    ? null
    : (parsePrintedDate(dateText) ??
      parseEditionYear(dateText) ??
      dateInIssueName(dateText) ??
      datedIssue(dateText));
  if (date === null && !isTemplatePlaceholder(dateText) && dateText.length > ISSUE_TEXT_MAX_CHARS)
    return null;
  return {
    publication: isTemplatePlaceholder(pubText) ? null : pubText,
    date,
    issueText: date === null && !isTemplatePlaceholder(dateText) ? dateText : null,
    placeholder,
  };
}

/** The lines of a page that name its edition: the edition line, the "More stories from" or contents header. */
export function editionLines(all: readonly ClassifiedLine[]): {
  editionLine: ClassifiedLine | undefined;
  moreStoriesPublication: string | null;
  contentsDate: PrintedDate | null;
} {
  const editionLine = all.find(
    (l) => l.kind === 'edition-line' && l.edition !== undefined && !l.edition.placeholder && l.cut !== true,
  );
  const moreStories = all.find((l) => l.kind === 'more-stories' && l.publication !== undefined);
  // an issue page's contents header may name the issue (a mirror's breadcrumb)
  const contents = all.find((l) => l.kind === 'issue-contents' && l.publication !== undefined);
  const moreStoriesPublication = moreStories?.publication ?? contents?.publication ?? null;
  return { editionLine, moreStoriesPublication, contentsDate: contents?.date ?? null };
}

export interface EditionSources {
  line: ClassifiedLine | undefined;
  header: StoryDraft;
  moreStoriesPublication: string | null;
  /** The issue named by an issue page's contents header, when it names one. */
  contentsDate: PrintedDate | null;
  teasers: readonly Teaser[];
  hasStory: boolean;
}

/** The edition: its edition line first, then the header, then the "More stories from" header, then a listing's cards. */
/**
 * The order of day and month the page's own numeric dates show: `4/25/2025` can only be month
 * first, `25/4/2025` day first. Null when none tells, or when they disagree.
 */
export function numericOrderShown(dates: readonly (string | null)[]): NumericOrder | null {
  let order: NumericOrder | null = null;
  for (const date of dates) {
    const m = date === null ? null : SLASHED_YEAR_LAST.exec(date.trim());
    if (m === null) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    const shown: NumericOrder | null =
      a > 12 && b <= 12 ? 'day-first' : b > 12 && a <= 12 ? 'month-first' : null;
    if (shown === null) continue;
    if (order !== null && order !== shown) return null;
    order = shown;
  }
  return order;
}

export function buildEdition(sources: EditionSources, platform: Edition['platform']): Edition | null {
  const printed = sources.line?.edition;
  let publication = printed?.publication ?? sources.header.publication ?? sources.moreStoriesPublication;
  if (publication === null && !sources.hasStory && sources.teasers.length > 0) {
    const first = sources.teasers[0]?.publication ?? null;
    if (first !== null && sources.teasers.every((t) => t.publication === first)) publication = first;
  }
  let date: PrintedDate | null = printed?.date ?? sources.header.date ?? sources.contentsDate;
  if (date !== null && date.iso === null && SLASHED_YEAR_LAST.test(date.label)) {
    // `5/9/2025` both ways possible: the order the page's other numeric dates show (a card's `4/25/2025`)
    const order = numericOrderShown(sources.teasers.map((t) => t.date));
    if (order !== null) date = parsePrintedDate(date.label, order) ?? date;
  }
  const label = date?.label ?? printed?.issueText ?? null;
  if (publication === null && label === null && platform === null) return null;
  return { publication, date: date?.iso ?? null, label, platform };
}
