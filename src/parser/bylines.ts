/**
 * Bylines: the writer's name out of a header line (`By Jane Doe`, `Text: Name`, `记者 Name`,
 * `Автор — Name`), without the prefix, credential or place that comes with it, and whether a
 * line reads as a person's name at all.
 */

import { isCreditLabelWord, withoutFirstNameOpener } from './credits.js';
import {
  BYLINE_CREDITS,
  BYLINE_OPENERS,
  CREDIT_LABELS,
  HONORIFIC_WORDS,
  NAME_PARTICLES,
  NEWSROOM_CREDIT_WORDS,
} from './rules/generic.js';
import {
  BYLINE_LABEL_MAX_CHARS,
  BYLINE_MAX_CHARS,
  BYLINE_MAX_WORDS,
  CREDIT_LABEL_MAX_WORDS,
  CREDENTIAL_MAX_CHARS,
  BYLINE_SHAPE_OPENER_MAX_CHARS,
  NAME_JOINER_MAX_CHARS,
} from './settings.js';
import {
  endsSentence,
  hasDigit,
  hasLetter,
  hasLowercase,
  hasUppercase,
  startsLowercase,
  startsUppercase,
} from './text.js';

const OPENERS = [...BYLINE_OPENERS].sort((a, b) => b.length - a.length);
const CREDITS: ReadonlySet<string> = new Set(BYLINE_CREDITS);
const PARTICLES: ReadonlySet<string> = new Set(NAME_PARTICLES);
const HONORIFICS: ReadonlySet<string> = new Set(HONORIFIC_WORDS);
const NEWSROOM: ReadonlySet<string> = new Set(NEWSROOM_CREDIT_WORDS);

/** Each opener followed by its space (`by `) or a colon glued to it (`بقلم: `), made once. */
const OPENERS_SPACED = OPENERS.flatMap((opener) =>
  opener.endsWith(':') ? [`${opener} `] : [`${opener} `, `${opener}: `],
);

export function stripOpener(text: string): { rest: string; opened: boolean } {
  const folded = text.toLowerCase();
  for (const opener of OPENERS_SPACED) {
    if (folded.startsWith(opener)) return { rest: text.slice(opener.length).trim(), opened: true };
  }
  return (
    lowercaseOpener(text) ??
    labelOpener(text) ??
    labelPairOpener(text) ??
    caselessLabelOpener(text) ??
    firstNameOpener(text) ??
    creditPhraseOpener(text) ??
    titleCasePrefix(text) ?? { rest: text, opened: false }
  );
}

/** `Per Joan Castèth`: a "by" that is also a first name, before a name of two words or more. */
function firstNameOpener(text: string): { rest: string; opened: boolean } | null {
  const rest = withoutFirstNameOpener(text);
  return rest === text ? null : { rest, opened: true };
}

/**
 * `Testo e foto di Paolo Bianchi`, `Text and photos by Name`: credit label words (`rules/generic.ts`),
 * then the language's short lower-case "by", then a name of at least two words. The phrase is the opener.
 */
function creditPhraseOpener(text: string): { rest: string; opened: boolean } | null {
  const words = text.split(' ').filter(Boolean);
  let k = 0;
  while (k < words.length && k < CREDIT_LABEL_MAX_WORDS && isCreditLabelWord(words[k] ?? '')) k++;
  const by = words[k] ?? '';
  if (k === 0 || by.length > BYLINE_SHAPE_OPENER_MAX_CHARS || !startsLowercase(by)) return null;
  const name = words.slice(k + 1);
  return name.length >= 2 && name.length <= BYLINE_MAX_WORDS && name.every(isNameWord)
    ? { rest: name.join(' '), opened: true }
    : null;
}

/**
 * `Na AMINA JUMA` (Swahili), `Troch JAN JANSEN`: a title-case prefix the tables do not list
 * before a name of at least two words in capitals. Only the capitals tell it: a title-case
 * first word before a title-case name is the name's (`Võ Thị Sáu`, `Maria Luisa Fernández`).
 * Honorifics (`Dr`, `Mrs`) are the name's.
 */
function titleCasePrefix(text: string): { rest: string; opened: boolean } | null {
  const words = text.split(' ').filter(Boolean);
  const prefix = words[0] ?? '';
  const name = words.slice(1);
  if (name.length < 2 || name.length > BYLINE_MAX_WORDS) return null;
  if (!startsUppercase(prefix) || !hasLowercase(prefix) || !hasLetter(prefix) || prefix.includes('.'))
    return null;
  if (HONORIFICS.has(prefix.toLowerCase()) || !name.every(isNameWord)) return null;
  // a short title-case first word is no prefix by its shape: `Võ Thị Sáu`, `Li Wei Ming`, `Oh Se Hoon`
  const capitals = name.every((w) => hasUppercase(w) && !hasLowercase(w));
  return capitals ? { rest: name.join(' '), opened: true } : null;
}

/**
 * `Συντάκτης: Νίκος Παπαδάκης`, `Муаллиф: Name`: one capitalised word and a colon (an author
 * label, in any language) before at least two capitalised words is the byline's opener.
 */
function labelOpener(text: string): { rest: string; opened: boolean } | null {
  // `Автор — Иван Петров` ("author"): a dash sets the label off as a colon does
  const dash = text.indexOf(' — ');
  const colon = dash > 0 && dash <= BYLINE_LABEL_MAX_CHARS ? dash + 1 : text.indexOf(': ');
  if (colon <= 0 || colon > BYLINE_LABEL_MAX_CHARS) return null;
  const label = text.slice(0, colon).trim();
  // `बातचीत: Name` ("conversation"): a script without case shows no capital, the colon sets the label off
  if (label.includes(' ') || !((startsUppercase(label) && hasLowercase(label)) || isUncased(label)))
    return null;
  const rest = text.slice(colon + 2).trim();
  const words = rest.split(' ').filter(Boolean);
  return words.length >= 2 && words.every(isNameWord) ? { rest, opened: true } : null;
}

const LETTERS_ONLY = /^[\p{L}\p{M}]+$/u;
/** Caseless writer labels of two characters or more (`记者`, "reporter"); one character (`文`) may open a name. */
const CASELESS_WRITER_LABELS: ReadonlySet<string> = new Set(
  CREDIT_LABELS.writer.filter((label) => label.length >= 2 && isUncased(label)),
);

/**
 * `记者 陈晓东` ("reporter"): a writer's label in a script without case, then a space and the name:
 * no capital tells the label from the name, the vocabulary does.
 */
function caselessLabelOpener(text: string): { rest: string; opened: boolean } | null {
  const space = text.indexOf(' ');
  if (space <= 0 || !CASELESS_WRITER_LABELS.has(text.slice(0, space))) return null;
  const rest = text.slice(space + 1).trim();
  const words = rest.split(' ').filter(Boolean);
  return words.length >= 1 && words.length <= BYLINE_MAX_WORDS && words.every(isUncased)
    ? { rest, opened: true }
    : null;
}

/** Middle dots joining two credit nouns (`글·사진`, `文・写真`, "text·photos"). */
const LABEL_PAIR_DOTS: readonly string[] = ['·', '・', '･'];

/**
 * `글·사진 박서연` ("text·photos"): a first word made of two short words joined by a middle dot,
 * then a name: a pair of credit labels, in any language. Catalan's `l·l` is a letter of the word.
 */
function labelPairOpener(text: string): { rest: string; opened: boolean } | null {
  const space = text.indexOf(' ');
  if (space <= 0 || space > BYLINE_LABEL_MAX_CHARS) return null;
  const first = text.slice(0, space);
  const dot = LABEL_PAIR_DOTS.find((d) => first.includes(d));
  if (dot === undefined) return null;
  const at = first.indexOf(dot);
  const [left, right] = [first.slice(0, at), first.slice(at + dot.length)];
  if (!LETTERS_ONLY.test(left) || !LETTERS_ONLY.test(right) || (left.endsWith('l') && right.startsWith('l')))
    return null;
  if (hasUppercase(first) && !startsUppercase(first)) return null;
  const rest = text.slice(space + 1).trim();
  const words = rest.split(' ').filter(Boolean);
  return words.length >= 1 && words.length <= BYLINE_MAX_WORDS && words.every(isNameWord) && !hasDigit(rest)
    ? { rest, opened: true }
    : null;
}

/**
 * `di Marco Ferri`, `od Jana Nováka`: a name does not open in lower case, so a short
 * lower-case word before at least two capitalised words is the byline's opener, in any
 * language the opener table does not list.
 */
function lowercaseOpener(text: string): { rest: string; opened: boolean } | null {
  const space = text.indexOf(' ');
  if (space <= 0 || space > BYLINE_SHAPE_OPENER_MAX_CHARS) return null;
  const opener = text.slice(0, space);
  if (!hasLetter(opener) || opener !== opener.toLowerCase() || opener === opener.toUpperCase()) return null;
  const rest = text.slice(space + 1).trim();
  const words = rest.split(' ').filter(Boolean);
  if (words.length < 2 || !startsUppercase(words[0] ?? '')) return null;
  return words.every((w) => startsUppercase(w) || PARTICLES.has(w.toLowerCase()))
    ? { rest, opened: true }
    : null;
}

/** `WORDS by SIRISH CHANDRAN PHOTOGRAPHY by ROHIT G MANE` → `SIRISH CHANDRAN`; `By Name` → `Name`. */
export function extractByline(text: string): string | null {
  const { rest } = stripOpener(text.trim());
  const kept: string[] = [];
  for (const word of rest.split(' ')) {
    if (word === '') continue;
    const folded = word.toLowerCase().replace(/[:,]$/u, '');
    if (CREDITS.has(folded) || folded === 'by' || word === '|' || word === '/') break;
    kept.push(word);
  }
  const name = withoutTrailer(kept.join(' '))
    .replace(/[,;:]$/u, '')
    .trim();
  // `Redacción EFE`: a newsroom, no writer
  return name === '' || NEWSROOM.has((name.split(' ')[0] ?? '').toLowerCase()) ? null : name;
}

/**
 * `Inês Carvalho, de Coimbra`, `Name, candidate of sciences` → the name: what a comma adds
 * after it in lower case (where the writer is from, a credential) is not the name.
 */
function withoutTrailer(name: string): string {
  const comma = name.indexOf(', ');
  if (comma > 0 && (startsLowercase(name.slice(comma + 2)) || isCredential(name.slice(comma + 2))))
    return name.slice(0, comma);
  return withoutPlace(name);
}

/** `PhD`, `MD`, `MBA`: one short word with two capitals or more after the name's comma (a credential, not a name). */
function isCredential(text: string): boolean {
  const word = text.replace(/\.$/u, '');
  if (word.length < 2 || word.length > CREDENTIAL_MAX_CHARS || word.includes(' ') || !hasLetter(word))
    return false;
  let capitals = 0;
  for (const ch of word) if (ch !== ch.toLowerCase()) capitals++;
  return capitals >= 2;
}

/**
 * `Amara Nwosu in KISUMU` → `Amara Nwosu`: a name in ordinary case, then one short lower-case word
 * (no name particle) and a place in capitals: where the writer filed from, not the name.
 */
function withoutPlace(name: string): string {
  if (!hasLowercase(name)) return name;
  const words = name.split(' ');
  for (let k = 2; k < words.length - 1; k++) {
    const word = words[k] as string;
    if (!startsLowercase(word) || word.length > BYLINE_SHAPE_OPENER_MAX_CHARS || PARTICLES.has(word))
      continue;
    const place = words.slice(k + 1);
    if (place.every((w) => hasUppercase(w) && !hasLowercase(w)) && words.slice(0, k).every(isNameWord))
      return words.slice(0, k).join(' ');
    return name;
  }
  return name;
}

/**
 * `Bài và ảnh: Nguyễn Thu Hà` ("text and photos"): a credit whose label no table knows, read by
 * its shape: at most CREDIT_LABEL_MAX_WORDS words and a colon, then a name. Only where a byline
 * is printed (under a header), so `Fazit: Alles Gut` in a body stays body. Returns the name.
 */
export function labelledName(text: string): string | null {
  const colon = text.indexOf(': ');
  if (colon <= 0) return null;
  const label = text.slice(0, colon);
  if (hasDigit(label) || label.split(' ').length > CREDIT_LABEL_MAX_WORDS) return null;
  const name = text.slice(colon + 2).trim();
  return name.split(' ').length >= 2 && !name.includes(':') && isNameLike(name) ? name : null;
}

/** A line that reads as a person's name (`Sree Kumar`, `SREELEKHA CHATTERJEE`, `By Jane Doe`). */
export function isNameLike(text: string): boolean {
  const { rest, opened } = stripOpener(text);
  if (rest.length > 2 * BYLINE_MAX_CHARS || hasDigit(rest) || endsSentence(rest) || !hasLetter(rest))
    return false;
  const words = rest.split(' ').filter(Boolean);
  if (rest.length <= BYLINE_MAX_CHARS && isOneName(words, opened)) return true;
  // `By Áine Ní Bhriain and Seán Ó Riada`: two names joined by one lower-case word, in any language
  if (!opened) return false;
  for (let k = 2; k < words.length - 1; k++) {
    const joiner = words[k] as string;
    if (startsUppercase(joiner) || !hasLowercase(joiner) || joiner.length > NAME_JOINER_MAX_CHARS) continue;
    if (isOneName(words.slice(0, k), false) && isOneName(words.slice(k + 1), false)) return true;
  }
  return false;
}

/**
 * `Anouk Verbeek en Joris Hendriks`, `Rina Kusumawati dan Bayu Pratama`: two names of at least two
 * capitalised words each, joined by one short lower-case word (the language's "and", which no
 * table needs to list), with no opener. Read only in the byline slot of a header: elsewhere a
 * title-case line may have this shape.
 */
export function isJoinedNames(text: string): boolean {
  if (text.length > BYLINE_MAX_CHARS || hasDigit(text) || endsSentence(text)) return false;
  const words = text.split(' ').filter(Boolean);
  for (let k = 2; k < words.length - 1; k++) {
    const joiner = words[k] as string;
    if (!startsLowercase(joiner) || !LETTERS_ONLY.test(joiner) || joiner.length > NAME_JOINER_MAX_CHARS)
      continue;
    const [left, right] = [words.slice(0, k), words.slice(k + 1)];
    if (right.length >= 2 && isOneName(left, false) && isOneName(right, false)) return true;
  }
  return false;
}

function isOneName(words: readonly string[], opened: boolean): boolean {
  if (words.length > BYLINE_MAX_WORDS || (words.length < 2 && !opened)) return false;
  return words.every(isNameWord);
}

export function isNameWord(word: string): boolean {
  return startsUppercase(word) || isUncased(word) || PARTICLES.has(word.toLowerCase());
}

/** `కె.`, `ಶ್ರೀನಿವಾಸ್`: a word of a script without capitals, where a name shows no case. */
export function isUncased(word: string): boolean {
  return hasLetter(word) && !hasUppercase(word) && !hasLowercase(word);
}
