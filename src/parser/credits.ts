/**
 * Credits lines under a title that name the writer and the photographer
 * (`Text: Ana Ruiz, Photos: Rui Gaudêncio`, `Tekst: Jan de Vries / Foto: Eva
 * Smit`, `Yazı: Ayşe Kaya Fotoğraflar: Emre Can`, `By Ana Ruiz; Photographs by
 * Rui Gaudêncio`): the byline is the writer. Read by shape, in any language:
 * `Label: Name` credits joined by punctuation or printed one after another; the
 * label vocabulary (`rules/generic.ts`) only tells a photo credit from the writer's.
 */

import {
  BYLINE_OPENERS_BEFORE_FULL_NAME,
  CREDIT_LABELS,
  HONORIFIC_WORDS,
  NAME_PARTICLES,
} from './rules/generic.js';
import {
  BYLINE_MAX_WORDS,
  CAPTION_CAPITALS_MIN_WORDS,
  CAPTION_MAX_CHARS,
  CREDITS_LINE_MAX_CHARS,
  CREDIT_LABEL_MAX_WORDS,
} from './settings.js';
import { endsSentence, hasDigit, hasLetter, hasLowercase, startsLowercase, startsUppercase } from './text.js';

/** Tokens printed between two credits (`Ana Ruiz | Fotos: …`). */
const JOINERS: ReadonlySet<string> = new Set(['|', '/', '·', '–', '—', '-', '&']);
const PARTICLES: ReadonlySet<string> = new Set(NAME_PARTICLES);
const WRITER_LABELS: ReadonlySet<string> = new Set(CREDIT_LABELS.writer);

interface Credit {
  label: string[];
  name: string[];
}

export interface Credits {
  /** The writer's name, or null when the line credits only photos. */
  writer: string | null;
}

function isPhotoWord(word: string): boolean {
  return CREDIT_LABELS.photo.some((stem) => word.startsWith(stem));
}

/**
 * `Foto: Name  Caption sentence.`, `FOTO: Caption sentence.`: a photo caption printed inside
 * the body, opened by a photo label (one word, any case) and its colon.
 */
export function isPhotoCaption(text: string): boolean {
  const colon = text.indexOf(': ');
  if (colon <= 0 || text.slice(0, colon).includes(' ')) return false;
  return isPhotoWord(text.slice(0, colon).toLowerCase()) && hasLetter(text.slice(colon + 2));
}

/** Separators a caption prints before the credit at its end (`Caption. | PHOTO : Name`, `Caption. — Photo …`). */
const CAPTION_CREDIT_SEPARATORS: readonly string[] = [' | ', ' — ', ' – ', ' / '];

/**
 * `Caption sentence. | PHOTO : Name`, `Caption sentence. — Photo by the writer`: a photo caption
 * inside the body whose credit closes it, after a separator: a closed sentence, then a photo
 * label (any case, maybe its colon) and at most a few words that are no sentence.
 */
export function isCaptionWithCreditAtEnd(text: string): boolean {
  if (text.length > CAPTION_MAX_CHARS) return false;
  for (const separator of CAPTION_CREDIT_SEPARATORS) {
    const at = text.lastIndexOf(separator);
    if (at <= 0) continue;
    const caption = text.slice(0, at).trim();
    const credit = text.slice(at + separator.length).trim();
    const words = credit.split(' ').filter((w) => w !== ':');
    const label = (words[0] ?? '').replace(/:$/u, '').toLowerCase();
    if (!endsSentence(caption) || endsSentence(credit) || !isPhotoWord(label)) continue;
    if (words.length >= 2 && words.length <= BYLINE_MAX_WORDS + CREDIT_LABEL_MAX_WORDS) return true;
  }
  return false;
}

/**
 * `LABEL: A CAPTION IN CAPITALS`: a line all in capitals, one word and its colon (maybe spaced,
 * as French sets it), then at least CAPTION_CAPITALS_MIN_WORDS words: a caption as some papers
 * print it. A subhead in capitals is shorter and holds no label.
 */
export function isCapitalsCaption(text: string): boolean {
  if (text.length > CAPTION_MAX_CHARS || hasLowercase(text) || !hasLetter(text)) return false;
  const colon = text.indexOf(':');
  if (colon <= 0 || text.slice(0, colon).trim().includes(' ')) return false;
  const rest = text
    .slice(colon + 1)
    .trim()
    .split(' ')
    .filter(Boolean);
  return rest.length >= CAPTION_CAPITALS_MIN_WORDS;
}

/** Words that join two labels into one (`Text and photos:`, `Texto e fotos:`). */
const LABEL_CONNECTORS: ReadonlySet<string> = new Set([
  'and',
  '&',
  'e',
  'y',
  'und',
  'en',
  've',
  'et',
  'i',
  'og',
  'och',
]);

/** A label made only of credit words (`Text and photos`), not a heading that holds one (`Photo Essay`). */
function isCreditLabel(credit: Credit): boolean {
  return (
    credit.label.length > 0 &&
    labelWords(credit).every((w) => WRITER_LABELS.has(w) || isPhotoWord(w) || LABEL_CONNECTORS.has(w))
  );
}

/** The label's words, a pair joined by a middle dot counted as two (`取材・文` is `取材`, `文`). */
function labelWords(credit: Credit): string[] {
  return credit.label.flatMap((w) => (LABEL_DOTS.test(w) ? w.split(LABEL_DOTS).filter(Boolean) : [w]));
}

function creditsWriter(credit: Credit): boolean {
  return isCreditLabel(credit) && labelWords(credit).some((w) => WRITER_LABELS.has(w));
}

function creditsPhotosOnly(credit: Credit): boolean {
  return isCreditLabel(credit) && !labelWords(credit).some((w) => WRITER_LABELS.has(w));
}

function isName(words: readonly string[]): boolean {
  if (words.length === 0 || words.length > BYLINE_MAX_WORDS) return false;
  const name = words.join(' ');
  if (hasDigit(name) || !hasLetter(name)) return false;
  return words.every((w) => !startsLowercase(w) || PARTICLES.has(w.toLowerCase()));
}

const HONORIFICS: ReadonlySet<string> = new Set(HONORIFIC_WORDS);

/** `Dr.`, `Prof.`, `Mrs.` before a capitalised word: an honorific's period, which closes no credit. */
function isHonorific(word: string, next: string): boolean {
  return HONORIFICS.has(word.slice(0, -1).toLowerCase()) && startsUppercase(next);
}

/** A word of a credit label: a writer's or a photo label, or a word joining two (`Testo e foto`). */
export function isCreditLabelWord(word: string): boolean {
  const folded = word.toLowerCase();
  return WRITER_LABELS.has(folded) || isPhotoWord(folded) || LABEL_CONNECTORS.has(folded);
}

/** Splits the line into credits; null when a part is neither a label nor a name. */
function splitCredits(text: string): Credit[] | null {
  const credits: Credit[] = [];
  let current: Credit | null = null;
  let pending: string[] = [];
  const close = (): void => {
    if (current === null && pending.length > 0) credits.push({ label: [], name: pending });
    current = null;
    pending = [];
  };
  const tokens = text.split(' ').filter(Boolean);
  for (let t = 0; t < tokens.length; t++) {
    let word = tokens[t] as string;
    if (JOINERS.has(word)) {
      close();
      continue;
    }
    let ends = false;
    const lastChar = word.at(-1);
    if (
      lastChar === ',' ||
      lastChar === ';' ||
      (lastChar === '.' &&
        word.length > 2 &&
        !word.endsWith('fot.') &&
        !isHonorific(word, tokens[t + 1] ?? ''))
    ) {
      word = word.slice(0, -1);
      ends = true;
    }
    // `Photos:`, French `PHOTO :`, `Photographs by`
    const colon = word.endsWith(':') || tokens[t + 1] === ':';
    const by = word.toLowerCase() === 'by';
    if (colon || by) {
      if (tokens[t + 1] === ':') t++;
      const labelWord = (colon ? word.replace(/:$/u, '') : '').toLowerCase();
      const open: Credit | null = current;
      // `… by`: the label is the words before it (`Photographs by`), at the start of a credit or after a name
      const label: string[] = open === null ? pending.map((w) => w.toLowerCase()) : [];
      if (open !== null && by) label.push(...open.name.splice(-1).map((w) => w.toLowerCase()));
      if (labelWord !== '') label.push(labelWord);
      if (label.length > CREDIT_LABEL_MAX_WORDS) return null;
      current = { label, name: [] };
      credits.push(current);
      pending = [];
    } else if (current !== null) current.name.push(word);
    else pending.push(word);
    if (ends) close();
  }
  close();
  return credits;
}

/**
 * Full-width marks CJK credits print after their label (`文／王小明`, `撰文：陳美玲`,
 * `取材・文＝山田太郎`), read as `Label: Name`.
 */
const FULL_WIDTH_LABEL_MARK = /[／：＝]/gu;

function withLabelColons(text: string): string {
  return text.includes('／') || text.includes('：') || text.includes('＝')
    ? text.replace(FULL_WIDTH_LABEL_MARK, ': ')
    : text;
}

/** Middle dots that join two credit labels into one (`取材・文`, `글·사진`: "reporting·text", "text·photos"). */
const LABEL_DOTS = /[·・･]/u;

/**
 * `Per Joan Castèth` → `Joan Castèth`: a "by" that is also a first name (`rules/generic.ts`) opens
 * the byline only before two name words or more; `Per Olsen` is a name.
 */
export function withoutFirstNameOpener(text: string): string {
  const space = text.indexOf(' ');
  if (space <= 0 || !BYLINE_OPENERS_BEFORE_FULL_NAME.includes(text.slice(0, space).toLowerCase()))
    return text;
  const rest = text.slice(space + 1).trim();
  const words = rest.split(' ').filter(Boolean);
  return words.length >= 2 && words.every((w) => !startsLowercase(w) || PARTICLES.has(w.toLowerCase()))
    ? rest
    : text;
}

/**
 * The credits of a line shaped as a credits line, or null: one or more
 * credits, every one a name, at least one under a label the vocabulary knows
 * (`Text: Ana Ruiz`, `Photos: Rui Gaudêncio`).
 */
export function readCredits(printed: string): Credits | null {
  const text = withLabelColons(printed);
  if (text.length > CREDITS_LINE_MAX_CHARS || (!text.includes(':') && !/ by /iu.test(text))) return null;
  const credits = splitCredits(text);
  if (credits === null || credits.length === 0) return null;
  if (!credits.every((c) => isName(c.name))) return null;
  // one label the vocabulary knows: `Pros: Fast Charging, Cons: Heavy Body` is no credits line
  if (!credits.some((c) => creditsWriter(c) || creditsPhotosOnly(c))) return null;
  // the writer is credited first, or under a writer's label; a name after a photo credit is its agency or photographer
  const writer = credits.find(
    (c, k) =>
      (k === 0 && c.label.length === 0) || creditsWriter(c) || (c.label.length > 0 && !creditsPhotosOnly(c)),
  );
  return { writer: writer === undefined ? null : writer.name.join(' ') };
}
