/**
 * Stage 6: evidence. A page is a story only when something says so: running
 * prose, a platform or edition signal, or a story header (a byline). A
 * shopping list or a package.json has none of these; it gets no story and a
 * warning saying why. The prose test reads only the shape of the text
 * (sentence punctuation, words per sentence, symbol density), so it holds in
 * any language.
 */

import {
  CARD_PUBLICATION_MAX_CHARS,
  CONTENTS_MAX_NUMBERS,
  FORM_BUTTON_LABEL_MIN_CHARS,
  FORM_BUTTON_MAX_CHARS,
  FORM_BUTTON_MAX_WORDS,
  FORM_LABEL_MAX_CHARS,
  FORM_LABEL_MAX_WORDS,
  FORM_MAX_PARAGRAPHS,
  FORM_MIN_BUTTONS,
  FORM_MIN_BUTTONS_ALONE,
  FORM_MAX_LABELS,
  FORM_MAX_PROSE_LINES,
  FORM_MIN_LABELS,
  LETTER_GREETING_MAX_WORDS,
  LETTER_SIGN_OFF_MAX_WORDS,
  LETTER_SIGN_OFF_WINDOW,
  MAIL_HEADER_KEY_MAX_CHARS,
  MAIL_HEADER_MIN_LINES,
  MAIL_HEADER_WINDOW,
  MARKUP_MIN_KINDS,
  MARKUP_MIN_LINES,
  NOTICES_MAX_LINES_AFTER,
  NOTICES_MIN_ITEMS,
  PROSE_MAX_SYMBOL_RATIO,
  PROSE_MIN_LINE_SHARE,
  PROSE_MIN_RUN,
  PROSE_MIN_SENTENCES,
  PROSE_PARAGRAPH_MIN_SENTENCES,
  PROSE_SENTENCE_MIN_LETTERS_UNSPACED,
  PROSE_SENTENCE_MIN_WORDS,
  QUANTITY_LINE_MAX_CHARS,
  QUANTITY_RUN_MIN_LINES,
  LIST_RUN_MIN_LINES,
  LIST_ITEM_MAX_WORDS,
  LIST_MIN_SHARE,
  LIST_ITEM_MAX_NUMBERS,
  RECORD_BUTTON_MAX_CHARS,
  RECORD_BUTTON_MAX_WORDS,
  RECORD_BUTTON_ROW_MIN_REPEATS,
  RECORD_DOCUMENT_MIN_SHARE,
  RECORD_FIELD_MAX_CHARS,
  RECORD_MIN_LINES,
  RECORD_MIN_SHARE,
  RECORD_COUNTER_MAX_WORDS,
  RECORD_RATING_MIN_ROWS,
  RATING_ROW_MAX_CHARS,
  RECORD_ROW_MIN_REPEATS_WITH_RECORDS,
  RESULT_CARD_MAX_LINES,
  RESULT_CARDS_MIN,
} from './settings.js';
import type { StoryDraft } from './story.js';
import {
  endsSentence,
  hasDigit,
  hasUppercase,
  SENTENCE_STOPS,
  wordCount,
  UNSPACED_SCRIPTS_FROM,
} from './text.js';

/** Characters code and data are made of, and prose rarely holds. */
const CODE_SYMBOLS: ReadonlySet<string> = new Set([
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '=',
  '\\',
  '_',
  '|',
  '#',
  '@',
  '^',
  '~',
  '`',
  '*',
  '"',
]);

const LETTER = /\p{L}/u;

/** Stops of scripts written without spaces: they end a sentence whatever follows. */
const WIDE_STOPS: ReadonlySet<string> = new Set(['。', '！', '？']);
/** What may follow a full stop that ends a sentence (`tsconfig.build` holds none). */
const AFTER_STOP: ReadonlySet<string> = new Set([' ', '"', '”', '’', "'", ')', ']', '»']);

function closesSentence(next: string): boolean {
  return next === '' || AFTER_STOP.has(next);
}

/** Whether one sentence (its words and letters counted by the caller) is long enough to be prose. */
function longEnough(words: number, letters: number, unspacedLetters: number): boolean {
  if (words >= PROSE_SENTENCE_MIN_WORDS) return true;
  // scripts written without spaces (Chinese, Japanese, Thai): count their letters
  return unspacedLetters >= PROSE_SENTENCE_MIN_LETTERS_UNSPACED && unspacedLetters * 2 >= letters;
}

/**
 * How many sentences of running prose the lines hold (counting stops at
 * `enough`): a run of text closed by sentence punctuation, long enough, with
 * few of the symbols code and data are written in.
 */
export function proseSentences(lines: readonly string[], enough = PROSE_MIN_SENTENCES): number {
  let found = 0;
  for (const line of lines) {
    let words = 0;
    let letters = 0;
    let unspacedLetters = 0;
    let symbols = 0;
    let length = 0;
    let inWord = false;
    // code units: the letters counted here (Latin, CJK, Thai…) are all in the BMP
    for (let k = 0; k < line.length; k++) {
      const ch = line.charAt(k);
      length++;
      if (ch === ' ') {
        inWord = false;
        continue;
      }
      if (!inWord) {
        words++;
        inWord = true;
      }
      const code = line.charCodeAt(k);
      if (CODE_SYMBOLS.has(ch)) symbols++;
      // ASCII letters without the regex: most of the text this reads is Latin
      else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) letters++;
      else if (code > 0x7f && LETTER.test(ch)) {
        letters++;
        if (code >= UNSPACED_SCRIPTS_FROM) unspacedLetters++;
      }
      if (SENTENCE_STOPS.has(ch) && (WIDE_STOPS.has(ch) || closesSentence(line.charAt(k + 1)))) {
        if (longEnough(words, letters, unspacedLetters) && symbols <= length * PROSE_MAX_SYMBOL_RATIO)
          found++;
        if (found >= enough) return found;
        words = 0;
        letters = 0;
        unspacedLetters = 0;
        symbols = 0;
        length = 0;
        inWord = false;
      }
    }
  }
  return found;
}

/** What the parse saw besides the story text itself. */
export interface StorySignals {
  /** The platform was recognised (URL or text marker). */
  platform: boolean;
  /** A platform line was removed (edition line, trial, upsell, reading time…). */
  platformLines: boolean;
  /** An edition was printed: an edition line or a date in the header. */
  edition: boolean;
  /** The header carried a byline. */
  byline: boolean;
}

/**
 * Why the text is not a story, or null when it has the evidence of one.
 * Prose is read from the deck and paragraphs only: a title is never prose.
 */
export function missingStoryEvidence(texts: readonly string[], signals: StorySignals): string | null {
  if (signals.platform || signals.platformLines || signals.edition || signals.byline) return null;
  const sentences = proseSentences(texts);
  if (sentences >= PROSE_MIN_SENTENCES) return null;
  return (
    `no story: the text has ${sentences} sentence(s) of running prose (at least ${PROSE_MIN_SENTENCES} needed) ` +
    'and no platform, edition or byline to show it is a newsstand page'
  );
}

/**
 * Why lines that read as a story by their position are not one, or null. Read from their
 * shape in any language, and applied whatever the platform signals say: a platform's
 * sign-in wall, 404 or search page carries its URL and chrome but no story.
 * `region` is every line of the story region (header included); `texts` the title, deck
 * and paragraphs the story stage kept.
 */
export function nonStoryShape(
  lines: readonly RegionLine[],
  texts: readonly string[],
  context: StoryContext,
): string | null {
  const region = lines.map((l) => l.text);
  if (isMail(region))
    return 'no story: the text is an e-mail (a block of `Key: value` headers with an address)';
  if (!context.newsstand && isLetter(texts))
    return 'no story: the text is a letter or an e-mail (a short greeting and a sign-off ending in commas)';
  if (!context.newsstand) {
    const markup = markupLines(region);
    if (markup !== null)
      return `no story: ${markup} lines are Markdown (headings, code fences, tables, links): a document, not a page`;
    const quantities = longestRun(region, isQuantityLine);
    if (quantities >= QUANTITY_RUN_MIN_LINES)
      return `no story: a list of ${quantities} lines opening with a quantity (a recipe or a shopping list)`;
    const items = longestRun(region, isListItem);
    if (items >= LIST_RUN_MIN_LINES && items >= region.length * LIST_MIN_SHARE)
      return `no story: ${items} of ${region.length} lines in a row are list items of a few words (a shopping or to-do list)`;
    const notices = closingNumberedList(region);
    if (notices >= NOTICES_MIN_ITEMS && !context.byline)
      return `no story: the text closes with ${notices} numbered notices (a bulletin or minutes), and nothing says it is a newsstand page`;
  }
  const records = region.filter(isRecordLine).length;
  if (records >= RECORD_MIN_LINES && records >= region.length * RECORD_MIN_SHARE)
    return `no story: ${records} of ${region.length} lines are log, chat, CSV, INI or subtitle records, not prose`;
  const references = texts.filter(endsInPageNumber).length;
  // a story may hold a table of figures; a table of contents holds no paragraph
  if (
    references >= RECORD_MIN_LINES &&
    references >= texts.length * RECORD_MIN_SHARE &&
    !texts.some(
      (t) =>
        !endsInPageNumber(t) &&
        proseSentences([t], PROSE_PARAGRAPH_MIN_SENTENCES) >= PROSE_PARAGRAPH_MIN_SENTENCES,
    )
  )
    return `no story: ${references} of ${texts.length} lines end in a page number (a table of contents)`;
  // a byline is what forms and result pages never print
  if (context.byline) return null;
  // a dated header (`Pub|Date`) is no result card, and a story under one may be short lines (an
  // interview, a list, a recipe); but on a newsstand a sign-in wall may print the issue's
  // masthead (Pub / date) over its form, which its shape tells
  if (context.headerDate) return context.newsstand ? formShortfall(lineShapes(texts)) : null;
  const cards = datedCards(lines);
  if (cards >= RESULT_CARDS_MIN)
    return `no story: ${cards} result cards in a row (a title, a publication and a date each), not one story's header`;
  return proseShareShortfall(texts);
}

/** A line of the story region with the kind the classifier gave it. */
export interface RegionLine {
  text: string;
  kind: string;
}

/**
 * Result cards (`Title` / `Pub · date` / `Pub` / `date` / snippet, `Title` / `Pub` / `date` /
 * snippet): a date alone on its line, right under a short line that is no sentence (the
 * card's publication), one card after another a few lines apart, from the top of the page
 * (no paragraph of two sentences before the first). A story prints one such header. Returns the
 * longest run of cards.
 */
function datedCards(lines: readonly RegionLine[]): number {
  let run = 0;
  let longest = 0;
  let lastCard = -1;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k] as RegionLine;
    if (lastCard < 0 && line.kind === 'text' && isParagraph(line.text)) return longest;
    const above = lines[k - 1] as RegionLine;
    if (line.kind !== 'date' || above.kind !== 'text' || !isCardName(above.text)) continue;
    run = lastCard >= 0 && k - lastCard <= RESULT_CARD_MAX_LINES ? run + 1 : 1;
    longest = Math.max(longest, run);
    lastCard = k;
  }
  return longest;
}

function isParagraph(text: string): boolean {
  return proseSentences([text], PROSE_PARAGRAPH_MIN_SENTENCES) >= PROSE_PARAGRAPH_MIN_SENTENCES;
}

function isCardName(text: string): boolean {
  return text.length <= CARD_PUBLICATION_MAX_CHARS && !endsSentence(text);
}

/**
 * Why the whole text is a document of another kind, read before anything else (a receipt or a
 * reminder names a platform and prints dates, which would make it look like a page): an e-mail
 * (a block of `Key: value` headers with an address at its top), or a calendar or contact file
 * (`BEGIN:VEVENT`, `DTSTART;VALUE=DATE:20240301`: most lines are properties). Null for a page.
 */
export function documentShape(texts: readonly string[]): string | null {
  if (isMail(texts))
    return 'no story: the text is an e-mail (a block of `Key: value` headers with an address)';
  const properties = texts.filter(isPropertyLine).length;
  if (properties >= RECORD_MIN_LINES && properties >= texts.length * RECORD_MIN_SHARE)
    return `no story: ${properties} of ${texts.length} lines are calendar or contact properties (\`KEY:value\`), not a page`;
  return recordDocument(texts);
}

/** The kinds of line a document of records is made of (see RECORD_DOCUMENT_MIN_SHARE). */
type RecordKind = 'entry' | 'account' | 'rating' | 'buttons' | 'markup' | 'catalogue' | 'field';

/** `<channel>`, `<?xml version="1.0"?>`, `</item>`, `<dc:creator>Name</dc:creator>`, `<![CDATA[`: a line opened by a markup tag. */
const MARKUP_TAG = /^<(?:[?/]?[\p{L}_][\p{L}\p{N}_:.-]{0,40}(?:[\s>/]|$)|!\[CDATA\[|!--)/u;
/** `245 10 $a Title`, `650 #4 $a Subject.`: a catalogue field (a three-digit tag, two indicators, a `$` subfield). */
const CATALOGUE_FIELD = /^\d{3} [\d# _]{2} ?\$\p{L}/u;
/** `Tipo de documento: Artículo de revista`: a short label (at most four words) and its value, as a record prints its fields. */
const LABELLED_FIELD = /^\p{L}[\p{L}.]*(?: [\p{L}.]+){0,3}: \S/u;

/** `author    = {Last, First},`, `title = "…"`: a field of a bibliography or data entry, its value braced or quoted. */
const FIELD_ENTRY = /^[\p{L}_][\p{L}\p{N}_-]{0,40} *= *[{"]/u;
/** `@article{key2024word,`: an entry's opener. */
const ENTRY_OPEN = /^@\p{L}{1,20} ?[{(]/u;
/** `}`, `},`, `)`: an entry's closer alone on its line. */
const ENTRY_CLOSE = /^[})\]],?$/u;
/** `@user@host.social`, `@user`: an account handle alone on its line. */
const HANDLE = /^@[\p{L}\p{N}_.-]{1,40}(?:@[\p{L}\p{N}_-]{1,63}(?:\.[\p{L}\p{N}_-]{1,63}){1,5})?$/u;
/** `2h`, `58m`, `3 d`: a post's relative time, read only right under a handle. */
const RELATIVE_TIME = /^\d{1,3} ?\p{L}{1,3}\.?$/u;
/** `58%`, `7,5 %`: a rating row's share. */
const SHARE = /^\d{1,3}(?:[.,]\d{1,2})?%$/u;
/** `5`, `4.5`, `★★★★☆`: a rating row's level. */
const LEVEL = /^(?:\d{1,2}(?:[.,]\d)?|[★☆]{1,5})$/u;

const LESS_THAN = 0x3c;
const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;

/** `5 stars 58%`, `★★★★☆ 21 %`: one row of a rating histogram (a level, at most two words, a share). */
function isRatingRow(text: string): boolean {
  // most lines are prose: a row is short, so a long line is none without splitting it
  if (text.length > RATING_ROW_MAX_CHARS) return false;
  const tokens = text.split(' ').filter(Boolean);
  if (tokens.at(-1) === '%') tokens.splice(-2, 2, `${tokens.at(-2) ?? ''}%`);
  return (
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    LEVEL.test(tokens[0] as string) &&
    SHARE.test(tokens.at(-1) as string)
  );
}

/** A button's label: a short line with no digit and no sentence stop (`Reply`, `Helpful`, `Report abuse`). */
function isButtonLabel(text: string): boolean {
  return (
    text.length <= RECORD_BUTTON_MAX_CHARS &&
    !hasDigit(text) &&
    !endsSentence(text) &&
    wordCount(text) <= RECORD_BUTTON_MAX_WORDS
  );
}

/** A line's template: its digit runs folded to `0` (`23 people found this helpful` → `0 people found this helpful`). */
function template(text: string): string {
  return text.replace(DIGIT_RUN, '0');
}

/**
 * Which lines are rows every record repeats: two adjacent, different button labels printed in that
 * order at least `minRepeats` times (`Reply` / `Boost`, `Helpful` / `Report`); then, once such a row
 * or other records (handles, ratings) are seen, any short label printed as often (`Verified purchase`) and any short line whose template, its numbers folded, is
 * (`12 people found this helpful`). A newsstand page prints its chrome once or twice, and its
 * repeated card lines (a publication, a reading time, a date) sit between titles.
 */
function repeatedRows(texts: readonly string[], minRepeats: number, recordsSeen: boolean): boolean[] {
  const pairs = new Map<string, number>();
  const key = (k: number): string => `${texts[k] as string}\u0000${texts[k + 1] as string}`;
  const labelPair = (k: number): boolean =>
    texts[k] !== texts[k + 1] && isButtonLabel(texts[k] as string) && isButtonLabel(texts[k + 1] as string);
  for (let k = 0; k + 1 < texts.length; k++)
    if (labelPair(k)) pairs.set(key(k), (pairs.get(key(k)) ?? 0) + 1);
  const inRow = texts.map(() => false);
  for (let k = 0; k + 1 < texts.length; k++)
    if (labelPair(k) && (pairs.get(key(k)) ?? 0) >= minRepeats) inRow[k] = inRow[k + 1] = true;
  if (!recordsSeen && !inRow.includes(true)) return inRow;
  const printed = new Map<string, number>();
  const templates = texts.map((text) => (isCounterLine(text) ? template(text) : ''));
  for (const shape of templates) if (shape !== '') printed.set(shape, (printed.get(shape) ?? 0) + 1);
  for (const text of texts) if (isButtonLabel(text)) printed.set(text, (printed.get(text) ?? 0) + 1);
  return texts.map((text, k) => {
    if (inRow[k] === true) return true;
    const shape = templates[k] !== '' ? (templates[k] as string) : isButtonLabel(text) ? text : '';
    return shape !== '' && (printed.get(shape) ?? 0) >= minRepeats;
  });
}

/** A short line holding a number and no sentence stop at its end (`12 people found this helpful`). */
function isCounterLine(text: string): boolean {
  return hasDigit(text) && !endsSentence(text) && wordCount(text) <= RECORD_COUNTER_MAX_WORDS;
}

/** The record kind of each line, or null for a line of free text. */
function recordKinds(texts: readonly string[]): (RecordKind | null)[] {
  const kinds: (RecordKind | null)[] = texts.map((text, k) => {
    // a cheap first character test: most lines open with neither `<` nor a digit
    const first = text.charCodeAt(0);
    if (first === LESS_THAN && MARKUP_TAG.test(text)) return 'markup';
    if (first >= DIGIT_ZERO && first <= DIGIT_NINE && CATALOGUE_FIELD.test(text)) return 'catalogue';
    if (FIELD_ENTRY.test(text) || ENTRY_OPEN.test(text) || ENTRY_CLOSE.test(text)) return 'entry';
    if (HANDLE.test(text)) return 'account';
    if (k > 0 && HANDLE.test(texts[k - 1] as string) && RELATIVE_TIME.test(text)) return 'account';
    return null;
  });
  // rating rows count only as a histogram, several in a row
  for (let k = 0; k < texts.length;) {
    let end = k;
    while (end < texts.length && isRatingRow(texts[end] as string)) end++;
    if (end - k >= RECORD_RATING_MIN_ROWS) for (let r = k; r < end; r++) kinds[r] = 'rating';
    k = Math.max(end, k + 1);
  }
  // beside catalogue fields, a short labelled line is a field of the same record (`Idioma: Español`)
  if (kinds.filter((kind) => kind === 'catalogue').length >= RECORD_MIN_LINES)
    for (let k = 0; k < texts.length; k++)
      if (
        kinds[k] === null &&
        (texts[k] as string).length <= RECORD_FIELD_MAX_CHARS &&
        LABELLED_FIELD.test(texts[k] as string)
      )
        kinds[k] = 'field';
  // with handles or ratings already seen, a row printed twice is the records' own
  const recordsSeen = kinds.some((kind) => kind === 'account' || kind === 'rating');
  const minRepeats = recordsSeen ? RECORD_ROW_MIN_REPEATS_WITH_RECORDS : RECORD_BUTTON_ROW_MIN_REPEATS;
  const rows = repeatedRows(texts, minRepeats, recordsSeen);
  return kinds.map((kind, k) => kind ?? (rows[k] === true ? 'buttons' : null));
}

/**
 * A document made of records rather than a page (a BibTeX export, a shop's review section, a
 * social thread), read from the structure of its lines, not from any format's words: most lines
 * are entries, handles, rating rows or repeated button rows. Null otherwise.
 */
function recordDocument(texts: readonly string[]): string | null {
  const counts = new Map<RecordKind, number>();
  for (const kind of recordKinds(texts)) if (kind !== null) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total < RECORD_MIN_LINES) return null;
  const kinds = [...counts.keys()];
  const enough =
    kinds.length >= 2
      ? total >= texts.length * RECORD_DOCUMENT_MIN_SHARE
      : total >= texts.length * RECORD_MIN_SHARE;
  if (!enough) return null;
  return `no story: ${total} of ${texts.length} lines are records (${kinds.join(', ')}): a document of entries, not a page`;
}

/**
 * `SUMMARY:Forbes India`, `DTSTART;VALUE=DATE:20240301`, `BEGIN:VCALENDAR`: a property of an
 * iCalendar or vCard file, a key in capitals (maybe parameters after `;`) and the value glued
 * to its colon. A dateline (`BEIJING: The…`) or a transcript (`SMITH: Yes.`) puts a space there.
 */
const PROPERTY_LINE = /^[A-Z][A-Z0-9-]{1,40}(?:;[^:\s]{1,80})?:\S/u;

function isPropertyLine(text: string): boolean {
  return PROPERTY_LINE.test(text);
}

/** What the page says around its story lines. */
export interface StoryContext {
  /** The platform was recognised or a platform line printed: a newsstand's page. */
  newsstand: boolean;
  /** The header carried a byline. */
  byline: boolean;
  /** The header printed a date (`Pub|Date`). */
  headerDate: boolean;
}

/** `Hi Tom,` … `Cheers,` / `Anna`: a short greeting opens the text and a short sign-off closes it, both ending in a comma. */
function isLetter(texts: readonly string[]): boolean {
  const first = texts[0];
  if (first === undefined || !isCommaLine(first, LETTER_GREETING_MAX_WORDS)) return false;
  return texts
    .slice(1)
    .slice(-LETTER_SIGN_OFF_WINDOW)
    .some((t) => isCommaLine(t, LETTER_SIGN_OFF_MAX_WORDS));
}

const COMMAS: ReadonlySet<string> = new Set([',', '،', '，', '、']);

function isCommaLine(text: string, maxWords: number): boolean {
  return COMMAS.has(text.charAt(text.length - 1)) && text.split(' ').filter(Boolean).length <= maxWords;
}

/** `Rząd szuka pieniędzy – s. 12`, `p. 34`: a line ending in a page number (1–3 digits after a letter, a dot or a space). */
const PAGE_NUMBER_END = /[\p{L}.\s]\d{1,3}$/u;

/** Runs of digits: a contents line holds its page number and at most an item number; a table row holds more. */
const DIGIT_RUN = /\d+/gu;

function endsInPageNumber(text: string): boolean {
  if (!PAGE_NUMBER_END.test(text) || !LETTER.test(text)) return false;
  let numbers = 0;
  for (DIGIT_RUN.lastIndex = 0; DIGIT_RUN.exec(text) !== null;)
    if (++numbers > CONTENTS_MAX_NUMBERS) return false;
  return true;
}

/**
 * A story's lines are mostly running prose, with at least one real paragraph; form labels,
 * error pages and result cards are short lines with a sentence here and there.
 */
/** What the prose-share and form checks count over the story's lines. */
interface LineShapes {
  prose: number;
  paragraphs: number;
  longestRun: number;
  labelRun: number;
  buttonRun: number;
}

function lineShapes(texts: readonly string[]): LineShapes {
  const shapes: LineShapes = { prose: 0, paragraphs: 0, longestRun: 0, labelRun: 0, buttonRun: 0 };
  let run = 0;
  let labels = 0;
  let buttons = 0;
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k] as string;
    const sentences = proseSentences([text], PROSE_PARAGRAPH_MIN_SENTENCES);
    if (sentences >= PROSE_PARAGRAPH_MIN_SENTENCES) shapes.paragraphs++;
    run = sentences > 0 ? run + 1 : 0;
    shapes.longestRun = Math.max(shapes.longestRun, run);
    if (sentences > 0) shapes.prose++;
    labels = isFieldLabel(text) ? labels + 1 : 0;
    shapes.labelRun = Math.max(shapes.labelRun, labels);
    buttons = k > 0 && buttonsAlike(texts[k - 1] as string, text) ? Math.max(buttons, 1) + 1 : 0;
    shapes.buttonRun = Math.max(shapes.buttonRun, buttons);
  }
  return shapes;
}

function hasFieldLabels(shapes: LineShapes): boolean {
  return shapes.labelRun >= FORM_MIN_LABELS && shapes.labelRun <= FORM_MAX_LABELS;
}

/**
 * A form is told by its shape, however much prose its notices add (terms, cookies): field labels
 * one under another and buttons that differ only in the provider's name. Why, or null.
 */
function signInForm(shapes: LineShapes): string | null {
  const fields = hasFieldLabels(shapes);
  const { paragraphs, buttonRun, labelRun } = shapes;
  if (
    paragraphs <= FORM_MAX_PARAGRAPHS &&
    (buttonRun >= FORM_MIN_BUTTONS_ALONE || (fields && buttonRun >= FORM_MIN_BUTTONS))
  )
    return `no story: ${buttonRun} buttons differ only in one name${fields ? `, under ${labelRun} field labels` : ''} (a sign-in form)`;
  return null;
}

/** Why the lines are a form (buttons alike; field labels with little prose and no paragraph), or null. */
function formShortfall(shapes: LineShapes): string | null {
  const form = signInForm(shapes);
  if (form !== null || shapes.paragraphs > 0) return form;
  // field labels one under another and a few sentences around them (`Forgot your password?`)
  if (hasFieldLabels(shapes) && shapes.prose <= FORM_MAX_PROSE_LINES)
    return `no story: ${shapes.labelRun} lines in a row are field labels and no line is a paragraph (a form)`;
  return null;
}

function proseShareShortfall(texts: readonly string[]): string | null {
  if (texts.length === 0) return null;
  const shapes = lineShapes(texts);
  const form = formShortfall(shapes);
  if (form !== null) return form;
  const { prose, paragraphs, longestRun } = shapes;
  if (paragraphs > 0) return null;
  // paragraphs of one sentence each, one after another, are running text whatever surrounds them
  if (longestRun >= PROSE_MIN_RUN) return null;
  if (prose >= texts.length * PROSE_MIN_LINE_SHARE) return null;
  return (
    `no story: only ${prose} of ${texts.length} lines hold a sentence of running prose and none a paragraph ` +
    '(a form, an error or a results page)'
  );
}

/** `Email`, `Senha`, `E-Mail-Adresse`, `パスワード`: a form field's label, a word or two and no sentence. */
function isFieldLabel(text: string): boolean {
  return (
    text.length <= FORM_LABEL_MAX_CHARS &&
    wordCount(text) <= FORM_LABEL_MAX_WORDS &&
    !endsSentence(text) &&
    !hasDigit(text)
  );
}

/**
 * `Continue with Google` / `Continue with Apple`, `Google ile devam et` / `Apple ile devam et`,
 * `Googleで続ける` / `Appleで続ける`: two buttons of one group, the same short label but for one
 * name (a word with a capital), in any language.
 */
function buttonsAlike(a: string, b: string): boolean {
  if (!isButton(a) || !isButton(b)) return false;
  const wa = a.split(' ').filter(Boolean);
  const wb = b.split(' ').filter(Boolean);
  if (wa.length !== wb.length) return false;
  if (wa.length === 1) return gluedNamesDiffer(a, b);
  let differ = -1;
  for (let k = 0; k < wa.length; k++) {
    if (wa[k] === wb[k]) continue;
    if (differ >= 0) return false;
    differ = k;
  }
  return differ >= 0 && hasUppercase(wa[differ] as string) && hasUppercase(wb[differ] as string);
}

function isButton(text: string): boolean {
  return (
    text.length <= FORM_BUTTON_MAX_CHARS && wordCount(text) <= FORM_BUTTON_MAX_WORDS && !endsSentence(text)
  );
}

/** `Googleで続ける` / `Appleで続ける`: one word each, a name glued before or after the same label. */
function gluedNamesDiffer(a: string, b: string): boolean {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a.charAt(prefix) === b.charAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a.charAt(a.length - 1 - suffix) === b.charAt(b.length - 1 - suffix)
  )
    suffix++;
  if (Math.max(prefix, suffix) < FORM_BUTTON_LABEL_MIN_CHARS) return false;
  const nameA = a.slice(prefix, a.length - suffix);
  const nameB = b.slice(prefix, b.length - suffix);
  return startsUppercase(nameA) && startsUppercase(nameB);
}

function startsUppercase(text: string): boolean {
  return text !== '' && hasUppercase(text.charAt(0));
}

/** `From: Anna <anna@example.com>`, `Betreff: …`, `件名：…`: a short key of letters, a colon, a value. */
function isHeaderLine(text: string): boolean {
  let colon = text.indexOf(':');
  const wide = text.indexOf('：');
  if (colon < 0 || (wide >= 0 && wide < colon)) colon = wide;
  if (colon <= 0 || colon > MAIL_HEADER_KEY_MAX_CHARS || text.slice(colon + 1).trim() === '') return false;
  const key = text.slice(0, colon);
  let spaces = 0;
  for (const ch of key) {
    if (ch === ' ') spaces++;
    else if (ch !== '-' && !LETTER.test(ch)) return false;
  }
  return spaces <= 1 && !key.startsWith(' ');
}

/** `name@host.tld` somewhere in the text, found without a backtracking regex. */
function holdsAddress(text: string): boolean {
  for (let at = text.indexOf('@'); at > 0; at = text.indexOf('@', at + 1)) {
    if (text.charAt(at - 1) === ' ') continue;
    let end = at + 1;
    while (end < text.length && text.charAt(end) !== ' ' && text.charAt(end) !== '>') end++;
    const host = text.slice(at + 1, end);
    const dot = host.lastIndexOf('.');
    if (dot > 0 && dot < host.length - 2) return true;
  }
  return false;
}

function isMail(region: readonly string[]): boolean {
  const top = region.slice(0, MAIL_HEADER_WINDOW);
  const headers = top.filter(isHeaderLine);
  return headers.length >= MAIL_HEADER_MIN_LINES && headers.some(holdsAddress);
}

/**
 * `2025-03-04 12:00:01`, `04.03.2025 12:00`, `[2025-03-04T12:00:01Z]`, `12:00:01,123`: a record's
 * timestamp; a chat export's too (`12/03/23, 9:41 pm - Name: …`, `[02/03/2023, 08:14:52] Name: …`).
 */
const LEADING_TIMESTAMP =
  /^\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?[T ]\d{1,2}:\d{2}|\d{2}:\d{2}:\d{2})/u;
/** `key=value`, `max_connections = 100`. */
const KEY_VALUE = /^[\w.-]{1,40} ?= ?\S/u;
/** `[server]`: an INI section. */
const SECTION = /^\[[^\]]{1,40}\]$/u;
/** `12`: a subtitle's counter (or a CSV's lone number). */
const COUNTER = /^\d{1,6}$/u;

/** A line of a log, an INI file or a subtitle file. */
function isRecordLine(text: string): boolean {
  return (
    LEADING_TIMESTAMP.test(text) ||
    KEY_VALUE.test(text) ||
    SECTION.test(text) ||
    COUNTER.test(text) ||
    text.includes(' --> ')
  );
}

/** `# Title`, `### Usage`: a Markdown heading. */
const MARKDOWN_HEADING = /^#{1,6} \S/u;

/** Which kind of Markdown syntax a line is written in, or null for a line of plain text. */
function markupKind(text: string): string | null {
  if (MARKDOWN_HEADING.test(text)) return 'heading';
  if (text.startsWith('```') || text.startsWith('~~~')) return 'fence';
  if (text.length >= 3 && text.startsWith('|') && text.endsWith('|')) return 'table';
  if (text.startsWith('**') && text.indexOf('**', 2) > 2) return 'emphasis';
  if (text.startsWith('> ')) return 'quote';
  const link = text.indexOf('](');
  if (link > 0 && text.lastIndexOf('[', link) >= 0) return 'link';
  if (text.length >= 3 && (isRun(text, '-') || isRun(text, '*'))) return 'rule';
  return null;
}

function isRun(text: string, ch: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charAt(k) !== ch) return false;
  return true;
}

/** How many lines are Markdown syntax, when there are enough of them and of enough kinds; else null. */
function markupLines(region: readonly string[]): number | null {
  let lines = 0;
  const kinds = new Set<string>();
  for (const text of region) {
    const kind = markupKind(text);
    if (kind === null) continue;
    lines++;
    kinds.add(kind);
  }
  return lines >= MARKUP_MIN_LINES && kinds.size >= MARKUP_MIN_KINDS ? lines : null;
}

/** `1. Roraty…`, `2) Zebranie…`: a numbered item's number and its mark. */
const ITEM_NUMBER = /^(\d{1,2})[.)] \S/u;

/**
 * The numbered list the text closes with (`1. …` / `2. …` / `3. …`, numbered from one, at most
 * one line after it): its items, or 0. Parish and club bulletins, minutes and agendas end so.
 */
function closingNumberedList(region: readonly string[]): number {
  let items = 0;
  let expected = 1;
  let lastItem = -1;
  for (let k = 0; k < region.length; k++) {
    const number = ITEM_NUMBER.exec(region[k] as string);
    if (number === null) continue;
    const n = Number(number[1]);
    if (n === expected) {
      items = n;
      expected = n + 1;
      lastItem = k;
    } else if (n === 1) {
      items = 1;
      expected = 2;
      lastItem = k;
    }
  }
  return lastItem >= 0 && region.length - 1 - lastItem <= NOTICES_MAX_LINES_AFTER ? items : 0;
}

/** Vulgar fractions (`½`, `¼`, `⅓`…): a quantity's first character, like a digit. */
function isFraction(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code >= 0x00bc && code <= 0x00be) || (code >= 0x2150 && code <= 0x215e);
}

const DIGIT = /\p{Nd}/u;

/** Marks a list item may open with (`- 300 g`, `• 2 ous`). */
const LIST_MARKS: ReadonlySet<string> = new Set(['-', '*', '•', '·', '–']);

/**
 * `300 g de farina`, `- ½ chávena de óleo`, `2 lemons`: a short line (a list item, its mark
 * aside) that opens with a quantity and ends in a word, not a sentence.
 */
function isQuantityLine(text: string): boolean {
  if (text.length > QUANTITY_LINE_MAX_CHARS || endsSentence(text)) return false;
  const item = LIST_MARKS.has(text.charAt(0)) && text.charAt(1) === ' ' ? text.slice(2) : text;
  const first = item.charAt(0);
  // an ingredient ends in a word; a table row (`1 Kyle Busch 5040 5`) ends in a number
  return (DIGIT.test(first) || isFraction(first)) && LETTER.test(item.charAt(item.length - 1));
}

/**
 * The longest run of consecutive lines that pass `test` (an ingredient list, a shopping list).
 * A line printed again right under itself starts a new run: a list names each thing once, and
 * markup debris (`x` ten thousand times over a story) is no list.
 */
function longestRun(region: readonly string[], test: (text: string) => boolean): number {
  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const text of region) {
    run = !test(text) ? 0 : text === previous ? 1 : run + 1;
    previous = text;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * `milk`, `- Sourdough loaf`, `birthday card for Gran`: a list item, its mark aside, of at most
 * LIST_ITEM_MAX_WORDS words, no sentence, at most LIST_ITEM_MAX_NUMBERS numbers.
 */
function isListItem(text: string): boolean {
  if (text.length > QUANTITY_LINE_MAX_CHARS || endsSentence(text)) return false;
  const item = LIST_MARKS.has(text.charAt(0)) && text.charAt(1) === ' ' ? text.slice(2) : text;
  // a table's row (`1 Kyle Busch 5040 5`) holds several numbers; an item a quantity or a price at most
  return (
    LETTER.test(item) &&
    wordCount(item) <= LIST_ITEM_MAX_WORDS &&
    (item.match(DIGIT_RUN) ?? []).length <= LIST_ITEM_MAX_NUMBERS
  );
}

/** What the page around a story says about it being a newsstand page. */
export interface NewsstandSigns {
  /** The page's platform is known. */
  platform: boolean;
  /** The page prints lines only a newsstand prints. */
  platformLines: boolean;
  /** The page prints its edition line. */
  editionLine: boolean;
}

/**
 * Whether the story's lines are a story: `rejected` says why they are not (null when they
 * are), `garbage` why the text is no newsstand page at all (it then has no edition either).
 */
export function judgeStory(
  draft: StoryDraft,
  storyLines: readonly RegionLine[],
  page: NewsstandSigns,
): { rejected: string | null; garbage: string | null } {
  const texts = draft.deck === null ? draft.paragraphs : [draft.deck, ...draft.paragraphs];
  const newsstand = page.platform || page.platformLines;
  let garbage = missingStoryEvidence(texts, {
    platform: page.platform,
    platformLines: page.platformLines,
    edition: page.editionLine || draft.date !== null,
    byline: draft.byline !== null,
  });
  // a platform's page (or any text) whose story lines are not shaped like a story
  const rejected =
    garbage ??
    nonStoryShape(
      storyLines.filter((l) => l.text !== ''),
      draft.title === null ? texts : [draft.title, ...texts],
      {
        newsstand: newsstand || page.editionLine,
        byline: draft.byline !== null,
        headerDate: draft.date !== null,
      },
    );
  if (rejected !== null && !newsstand && !page.editionLine) garbage = rejected;
  return { rejected, garbage };
}
