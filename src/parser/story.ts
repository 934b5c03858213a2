/**
 * Stage 4: the story. Header first (title, the edition metadata printed under
 * it, deck, byline, the title's repeat), then the body, its pull quotes and
 * its dateline.
 */

import {
  extractByline,
  isJoinedNames,
  isNameLike,
  isNameWord,
  isUncased,
  labelledName,
  stripOpener,
} from './bylines.js';
import type { ClassifiedLine } from './classify.js';
import { findDateline } from './datelines.js';
import { isDateWord, matchIssueLineUnderName, matchIssueTitle, type PrintedDate } from './edition.js';
import { proseSentences } from './evidence.js';
import { storyLanguage } from './language.js';
import { isBoilerplate, type Ledger } from './ledger.js';
import { labelledHeaderAt, labelUnderDate, repairDropCap } from './platform-grammars.js';
import { isCapitalsCaption, isCaptionWithCreditAtEnd, isPhotoCaption, readCredits } from './credits.js';
import { QUESTION_MARKS } from './rules/generic.js';
import {
  BYLINE_MAX_CHARS,
  BYLINE_MAX_WORDS,
  CREDIT_LABEL_MAX_WORDS,
  CAPTION_MAX_CHARS,
  CAPTION_WHEN_WHERE_MAX_CHARS,
  CAPTION_NEIGHBOUR_MIN_RATIO,
  CAPTION_POSITION_MAX_CHARS,
  SHORT_CAPTION_MAX_CHARS,
  CARD_PUBLICATION_MAX_CHARS,
  DECK_ABOVE_CREDIT_MIN_WORDS,
  DECK_ABOVE_CREDIT_MORE_WORDS,
  DECK_MAX_CHARS,
  HEADER_BYLINE_MAX_OFFSET,
  HEADER_META_MAX_OFFSET,
  OPENING_STANDFIRST_MAX_CHARS,
  SHORT_STANDFIRST_MAX_CHARS,
  SHORT_STANDFIRST_MIN_WORDS,
  STANDFIRST_BODY_MIN_RATIO,
  INTERVIEW_QUESTION_LOOKAHEAD_LINES,
  PRESS_HEADER_WITH_PUBLICATION,
  PULL_QUOTE_ALONE_MAX_WORDS,
  PULL_QUOTE_LOOKAHEAD_LINES,
  PULL_QUOTE_LOOKBACK_LINES,
  PULL_QUOTE_MAX_CHARS,
  PULL_QUOTE_MIN_UNSPACED_LETTERS,
  PULL_QUOTE_MIN_WORDS,
  STANDFIRST_MIN_WORDS,
  TITLE_MAX_CHARS,
  TOOLBAR_MAX_CHARS,
  TOOLBAR_MIN_LINES,
  CREDIT_ROLE_MAX_WORDS,
  TOOLBAR_MAX_LABELS,
  TOOLBAR_MIN_LABELS,
  HEBREW_DATE_MAX_WORDS,
} from './settings.js';
import {
  endsSentence,
  foldKey,
  hasDigit,
  hasLowercase,
  startsLowercase,
  startsUppercase,
  wordCount,
  UNSPACED_SCRIPTS_FROM,
} from './text.js';
import type { Story } from './types.js';

export interface StoryDraft {
  title: string | null;
  deck: string | null;
  byline: string | null;
  dateline: string | null;
  paragraphs: string[];
  /** Edition metadata printed in the page header (`Pub|Date`, `|Date`, an issue title). */
  publication: string | null;
  date: PrintedDate | null;
}

const QUOTE_OPENERS = new Set(["'", '"', '“', '‘', '«', '「', '『']);

/** `'Title' 'Title'`: thumbnail alt text that repeats the title twice. */
function undoubled(alt: string): string {
  const n = alt.length;
  if (n % 2 === 1) {
    const half = (n - 1) / 2;
    if (alt[half] === ' ' && alt.slice(0, half) === alt.slice(half + 1)) return alt.slice(0, half);
  }
  return alt;
}

/** `Reader's Digest India` followed by `Reader's Digest India April 2017`. */
function findIssueTitle(
  content: readonly ClassifiedLine[],
): { publication: string; date: PrintedDate } | null {
  for (let k = 0; k + 1 < content.length && k < HEADER_BYLINE_MAX_OFFSET; k++) {
    const [name, issueLine] = [content[k]?.text ?? '', content[k + 1]?.text ?? ''];
    const issue = matchIssueTitle(name, issueLine) ?? matchIssueLineUnderName(name, issueLine);
    if (issue) return issue;
  }
  return null;
}

/**
 * `The Straits Times` / `23 Oct 2024` / title / deck / `- By …`: the line above
 * a date that names no publication is the publication when the platform opens
 * pages with it, or when a `- Byline` line, a credits line or a plain `By Name` line
 * follows the title and deck (a Scribd preview: Pub / `Issue N · Season YYYY` / title).
 */
function publicationFirst(
  content: readonly ClassifiedLine[],
  i: number,
  h: number,
  ctx: StoryContext,
): boolean {
  const first = content[i];
  if (first?.kind !== 'text' || first.text.length > CARD_PUBLICATION_MAX_CHARS || endsSentence(first.text))
    return false;
  let j = h;
  while (content[j]?.kind === 'pipe' || content[j]?.kind === 'date') {
    if (content[j]?.publication !== undefined) return false;
    j++;
  }
  if (content[j]?.kind !== 'text') return false;
  if (ctx.leadingPublication) return true;
  for (let k = j + 1; k <= j + HEADER_BYLINE_MAX_OFFSET - 1 && k < content.length; k++) {
    const line = content[k] as ClassifiedLine;
    if (line.kind === 'dash' || line.kind === 'credits') return true;
    if (line.kind !== 'text') return false;
    // a plain `By Name` under the title (or its deck) closes the header as a credits line does
    if (isOpenedName(line.text)) return true;
  }
  return false;
}

/** `By Name`, `Por Name`: a line that reads as a name behind a byline opener. */
function isOpenedName(text: string): boolean {
  return text.length <= CARD_PUBLICATION_MAX_CHARS && isNameLike(text) && stripOpener(text).opened;
}

/**
 * `– We have waited long enough, says the mayor.`, `— What does it mean for the town?`: a line
 * opened by a dash that holds a sentence is a reply or an interview question, story text; a
 * `- Name` line holds a name, not a sentence.
 */
function isDialogueLine(line: ClassifiedLine): boolean {
  const spoken = line.detail ?? '';
  return line.kind === 'dash' && endsSentence(spoken) && !isNameLike(spoken);
}

function emptyDraft(): StoryDraft {
  return {
    title: null,
    deck: null,
    byline: null,
    dateline: null,
    paragraphs: [],
    publication: null,
    date: null,
  };
}

/**
 * A standfirst, not a title: one or two full sentences (closed by a stop, a
 * question mark or an exclamation mark) of at least `STANDFIRST_MIN_WORDS`
 * words, or two sentences of any length. Titles are short and rarely closed
 * by a full stop (`Hope -It's good to have.` is five words).
 */
export function isStandfirst(text: string): boolean {
  if (text.length > DECK_MAX_CHARS || !STANDFIRST_STOPS.has(text.at(-1) ?? '')) return false;
  return wordCount(text) >= STANDFIRST_MIN_WORDS || proseSentences([text], 2) >= 2;
}

/** Sentence stops in the scripts newsstands print: Latin, Arabic, CJK, the Devanagari danda `।`, the Urdu `۔`. */
const STANDFIRST_STOPS: ReadonlySet<string> = new Set(['.', '?', '!', '…', '؟', '。', '？', '！', '।', '۔']);
const QUESTION_MARK_SET: ReadonlySet<string> = new Set(QUESTION_MARKS);

/** Whether `text` holds a sentence stop followed by a space (a sentence ends inside it). */
function endsSentenceInside(text: string): boolean {
  for (let k = 0; k + 1 < text.length; k++)
    if (STANDFIRST_STOPS.has(text.charAt(k)) && text.charAt(k + 1) === ' ') return true;
  return false;
}

/**
 * `Why is the aquifer sinking so fast?`: a title asked as one question, short, no sentence
 * ended inside it. A header scan reads it as a title, not as a sentence of the body.
 */
export function isQuestionTitle(text: string): boolean {
  return (
    text.length <= TITLE_MAX_CHARS &&
    QUESTION_MARK_SET.has(text.at(-1) ?? '') &&
    !endsSentenceInside(text.slice(0, -1))
  );
}

/**
 * `"Theatre is a matter of patience"`: a title quoting one line (an interview's), the whole line
 * in quotes, short, no sentence ended inside it. A header scan reads it as a title, not as a
 * sentence of the body (the closing quote ends it as a sentence would).
 */
export function isQuotedTitle(text: string): boolean {
  return (
    text.length > 2 &&
    text.length <= TITLE_MAX_CHARS &&
    QUOTE_OPENERS.has(text.charAt(0)) &&
    QUOTE_CLOSERS.has(text.charAt(text.length - 1)) &&
    !endsSentenceInside(text.slice(1, -1))
  );
}

/**
 * The standfirst a body-first page opens with when it prints no title: exactly two
 * sentences, a question and then the sentence that answers or teases it (`Why is the
 * train late? A look inside the signal boxes shows…`). Punctuation, not vocabulary: an
 * interview opens with a statement and then the question, a lede with no question.
 */
export function isQuestionThenAnswer(text: string): boolean {
  if (text.length > OPENING_STANDFIRST_MAX_CHARS) return false;
  let q = -1;
  for (let k = 0; k < text.length; k++) {
    if (QUESTION_MARK_SET.has(text.charAt(k))) {
      q = k;
      break;
    }
  }
  if (q <= 0) return false;
  const question = text.slice(0, q);
  const answer = text.slice(q + 1).trim();
  if (
    answer === '' ||
    !STANDFIRST_STOPS.has(answer.at(-1) ?? '') ||
    QUESTION_MARK_SET.has(answer.at(-1) ?? '')
  )
    return false;
  return !endsSentenceInside(question) && !endsSentenceInside(answer);
}

/**
 * `Can a late monsoon still save the winter crop?` over `PUNE - Farmers…`: one question, no
 * other sentence in it, right above a paragraph opened by a dateline (the story's first): the
 * page's standfirst, printed with no title.
 */
function isQuestionOverDateline(text: string, below: ClassifiedLine | undefined): boolean {
  if (text.length > OPENING_STANDFIRST_MAX_CHARS || !QUESTION_MARK_SET.has(text.at(-1) ?? '')) return false;
  if (below?.kind !== 'text' || endsSentenceInside(text.slice(0, -1))) return false;
  return findDateline(below.text) !== null;
}

/** How many sentences end inside `text` (a stop followed by a space). */
function sentencesEndedInside(text: string): number {
  let n = 0;
  for (let k = 0; k + 1 < text.length; k++)
    if (STANDFIRST_STOPS.has(text.charAt(k)) && text.charAt(k + 1) === ' ') n++;
  return n;
}

/**
 * `Is the village pub finding its way back?`, `The mill closed in 1982. Its weavers never left town.`:
 * the standfirst a body-first page opens with when it prints no title: one question alone, or
 * two short sentences, above a paragraph at least `STANDFIRST_BODY_MIN_RATIO` times as long (the
 * body proper). Punctuation and length, not vocabulary. A question is an interview's first when
 * a line just below it is asked too (`INTERVIEW_QUESTION_LOOKAHEAD_LINES`): interview questions are body.
 */
function isShortStandfirst(content: readonly ClassifiedLine[], at: number): boolean {
  const text = (content[at] as ClassifiedLine).text;
  const below = content[at + 1];
  if (below?.kind !== 'text' || below.text.length < STANDFIRST_BODY_MIN_RATIO * text.length) return false;
  if (!STANDFIRST_STOPS.has(text.at(-1) ?? '') || startsLowercase(text)) return false;
  // a subhead in capitals (`WHAT HAPPENED NEXT?`) or a short question (`Why now?`) is body
  if (
    wordCount(text) < SHORT_STANDFIRST_MIN_WORDS ||
    (text === text.toUpperCase() && text !== text.toLowerCase())
  )
    return false;
  const asked = QUESTION_MARK_SET.has(text.at(-1) ?? '');
  const inside = sentencesEndedInside(text);
  // two statements; a statement and then a question is an interview's opening (`…done well. Why…?`)
  const shape =
    inside === 1
      ? text.length <= SHORT_STANDFIRST_MAX_CHARS && !asked
      : inside === 0 && text.length <= OPENING_STANDFIRST_MAX_CHARS && asked;
  if (!shape) return false;
  for (let k = at + 1; k < content.length && k <= at + INTERVIEW_QUESTION_LOOKAHEAD_LINES; k++) {
    const line = content[k] as ClassifiedLine;
    if (line.kind === 'text' && QUESTION_MARK_SET.has(line.text.at(-1) ?? '')) return false;
  }
  return true;
}

/**
 * `The Hindu` above the title, `The Hindu (Chennai) - - …` under it: the masthead the
 * page prints names the publication, the credit line adds the edition's city. A line
 * above the title is the masthead only when the credit line's name is it plus `(City)`.
 */
function mastheadName(above: readonly ClassifiedLine[], credited: string | undefined): string | undefined {
  if (credited === undefined) return undefined;
  for (const line of above) {
    const name = line.text;
    if (line.kind === 'text' && credited.startsWith(`${name} (`) && credited.endsWith(')')) return name;
  }
  return credited;
}

/** The publication a credit line under the deck names, unless the header's own line names it (or is its masthead). */
function creditedOver(header: string | null, credited: string | undefined): string | null | undefined {
  if (credited === undefined || credited === '') return header;
  if (header === null) return credited;
  const [name, named] = [header.toLowerCase(), credited.toLowerCase()];
  return name === named || named.startsWith(`${name} (`) ? header : credited;
}

/** Index of a credit line within the header's reach, or -1. */
function creditHeader(content: readonly ClassifiedLine[], i: number): number {
  for (let k = i; k <= i + HEADER_META_MAX_OFFSET && k < content.length; k++)
    if (content[k]?.kind === 'credit') return k;
  return -1;
}

/** The title line, when it is text: used. */
function useTitle(draft: StoryDraft, ledger: Ledger, line: ClassifiedLine | undefined): void {
  if (line?.kind !== 'text') return;
  draft.title = line.text;
  ledger.use(line);
}

/**
 * A header layout: when the story's content lines from `i` open with it, it fills the draft's
 * header fields, uses or removes its lines on the ledger and returns the index after the
 * header; otherwise it touches nothing and returns null.
 */
type HeaderMatcher = (
  content: readonly ClassifiedLine[],
  i: number,
  draft: StoryDraft,
  ledger: Ledger,
  ctx: HeaderContext,
) => number | null;

/**
 * Title / credit line / standfirst printed with no blank line between them, and a blank line
 * under the standfirst before the body, or a standfirst's shape (one or two sentences, long
 * enough: `isStandfirst`) where the body follows with no blank line: the deck. A lede is set
 * apart from the credit line by a blank line (golden 304).
 */
function setApartAsStandfirst(
  above: ClassifiedLine | undefined,
  candidate: ClassifiedLine,
  below: ClassifiedLine | undefined,
): boolean {
  return (
    above !== undefined &&
    below !== undefined &&
    candidate.lineNo === above.lineNo + 1 &&
    (below.lineNo > candidate.lineNo + 1 || isStandfirst(candidate.text))
  );
}

/** What a header matcher knows beyond the content lines: the page's layout, and the region's reading times. */
interface HeaderContext extends StoryContext {
  /** Whether the line opens a label header (`labelledHeaderAt`, read on the region: its reading time is boilerplate). */
  opensLabelledHeader: (line: ClassifiedLine) => boolean;
  /** Whether that label header prints its label under the date (`labelUnderDate`). */
  labelUnderDate: (line: ClassifiedLine) => boolean;
}

/**
 * Title / deck / credit line (PressReader prints the credit line under the deck as well as under
 * the title): the line right above the credit line is the deck, not the title, when it reads as
 * one under the line above it. By shape, in any language: the deck is an unclosed or closed
 * sentence of at least `DECK_ABOVE_CREDIT_MIN_WORDS` words, longer than the title by
 * `DECK_ABOVE_CREDIT_MORE_WORDS`; the title is no masthead (`The Hindu` over `The Hindu (Chennai)`),
 * no kicker in capitals, and does not close a sentence.
 */
function deckAboveCredit(
  title: ClassifiedLine | undefined,
  deck: ClassifiedLine | undefined,
  credited: string | undefined,
): boolean {
  if (title?.kind !== 'text' || deck?.kind !== 'text' || deck.text.length > DECK_MAX_CHARS) return false;
  const titleWords = wordCount(title.text);
  const deckWords = wordCount(deck.text);
  if (deckWords < DECK_ABOVE_CREDIT_MIN_WORDS || deckWords < titleWords + DECK_ABOVE_CREDIT_MORE_WORDS)
    return false;
  if (title.text.length > TITLE_MAX_CHARS || (endsSentence(title.text) && !isQuestionTitle(title.text)))
    return false;
  if (credited !== undefined && credited.startsWith(title.text)) return false;
  // a kicker in capitals (`WORLD NEWS`); a script with no case has none
  const upper = title.text.toUpperCase();
  return title.text !== upper || upper === title.text.toLowerCase();
}

/** Title / `Pub (City) - - Section - By Name` (PressReader): the credit line is the edition and the byline. */
const creditLineHeader: HeaderMatcher = (content, i, draft, ledger) => {
  const credit = creditHeader(content, i);
  if (credit < 0) return null;
  const line = content[credit] as ClassifiedLine;
  // Title / deck / credit line: the title two lines above the credit line
  const deckAbove =
    credit >= i + 2 && deckAboveCredit(content[credit - 2], content[credit - 1], line.publication);
  const titleAt = deckAbove ? credit - 2 : credit - 1;
  for (let k = i; k < titleAt; k++) ledger.remove(content[k] as ClassifiedLine, 'layout');
  if (credit > i) useTitle(draft, ledger, content[titleAt]);
  if (deckAbove) {
    const deck = content[credit - 1] as ClassifiedLine;
    draft.deck = deck.text;
    ledger.use(deck);
  }
  draft.publication = mastheadName(content.slice(i, Math.max(i, titleAt)), line.publication) ?? null;
  draft.date = line.date ?? null;
  draft.byline = line.detail === undefined || line.detail === '' ? null : line.detail;
  ledger.remove(line, 'layout');
  return credit + 1;
};

/**
 * `PubPub` / `Pub March 3, 2022` / (reading time) / title (a Zinio story): the issue line is the
 * edition. The title may be asked as a question or quote a line in quotes.
 */
const issueTitleHeader: HeaderMatcher = (content, i, draft, ledger) => {
  const nameLine = content[i];
  const issueLine = content[i + 1];
  if (nameLine?.kind !== 'text' || issueLine?.kind !== 'text') return null;
  const issueTitle = matchIssueTitle(nameLine.text, issueLine.text);
  if (issueTitle === null) return null;
  draft.publication = issueTitle.publication;
  draft.date = issueTitle.date;
  ledger.remove(nameLine, 'layout');
  ledger.remove(issueLine, 'layout');
  let end = i + 2;
  const titleLine = content[end];
  if (
    titleLine?.kind === 'text' &&
    titleLine.text.length <= TITLE_MAX_CHARS &&
    (!endsSentence(titleLine.text) || isQuestionTitle(titleLine.text) || isQuotedTitle(titleLine.text)) &&
    content[end + 1] !== undefined
  ) {
    useTitle(draft, ledger, titleLine);
    end++;
  }
  return end;
};

/**
 * `Artigo` / `Exame` / title / `2 de mar. de 2023` (a Scribd preview): a one-word content-type
 * label in the UI's language, then the header's short lines down to the date: the publication,
 * the title, maybe a deck and a credit line, in more than one order. The publication is the
 * line the page's cards and "More from" header name, wherever it stands (`publicationSlot`);
 * the title is the first other line. The label is the platform's.
 */
const labelledHeader: HeaderMatcher = (content, i, draft, ledger, ctx) => {
  const first = content[i];
  if (!ctx.labelledHeader || first === undefined || !ctx.opensLabelledHeader(first)) return null;
  // the label on top, or under the date (Title / `By Name` / Pub / date / Label / reading time)
  const under = ctx.labelUnderDate(first);
  // the lines follow one another in the region (none is boilerplate): the same in the content
  let d = under ? i : i + 1;
  while (content[d] !== undefined && content[d]?.kind !== 'date') d++;
  const run = content.slice(under ? i : i + 1, d);
  const label = under ? content[d + 1] : first;
  if (label === undefined) return null;
  const pub = publicationSlot(run, ctx);
  const pubLine = run[pub] as ClassifiedLine;
  ledger.remove(label, 'navigation');
  draft.publication = pubLine.text;
  ledger.remove(pubLine, 'layout');
  const rest = run.filter((_, k) => k !== pub);
  useTitle(draft, ledger, rest[0]);
  // a deck and a credit line between the title and the date (`labelledHeaderLength`)
  for (const line of rest.slice(1)) {
    if (draft.byline === null && isCreditLine(line)) {
      draft.byline = extractByline(line.text);
      ledger.remove(line, 'layout');
    } else if (draft.deck === null) {
      draft.deck = line.text;
      ledger.use(line);
    } else return null;
  }
  const dateLine = content[d] as ClassifiedLine;
  draft.date = dateLine.date ?? null;
  ledger.remove(dateLine, 'layout');
  return under ? d + 2 : d + 1;
};

/** A label header's credit line: a name with an opener (`By Name`, `Por Name`). */
function isCreditLine(line: ClassifiedLine): boolean {
  return isNameLike(line.text) && stripOpener(line.text).opened;
}

/**
 * Where a label header's publication stands among its lines above the date (`run`, the label
 * excluded): the line the page's cards name, when one other than the first does and the first
 * does not (Label / Title / Pub, Label / Title / deck / `By Name` / Pub); else, with no card
 * to name it, the line between a credit line and the date (Label / Title / deck / `By Name` /
 * Pub / date: the golden order puts the credit line itself right above the date); else the
 * line under the label (Label / Pub / Title / deck / `By Name`).
 */
function publicationSlot(run: readonly ClassifiedLine[], ctx: StoryContext): number {
  if (!namesPagePublication(run[0], ctx)) {
    const named = run.findIndex((line, k) => k > 0 && namesPagePublication(line, ctx));
    if (named > 0) return named;
  }
  const last = run.length - 1;
  const above = run[last - 1];
  const lastLine = run[last] as ClassifiedLine;
  if (
    last >= 2 &&
    above !== undefined &&
    isCreditLine(above) &&
    !isCreditLine(lastLine) &&
    lastLine.text.length <= CARD_PUBLICATION_MAX_CHARS &&
    !endsSentence(lastLine.text)
  )
    return last;
  return 0;
}

/** Title (and publication) above `Pub | Date` or date lines near the top: the metadata lines are the edition. */
const metadataHeader: HeaderMatcher = (content, i, draft, ledger, ctx) => {
  let h = -1;
  for (let k = i; k <= i + HEADER_META_MAX_OFFSET + 1 && k < content.length; k++) {
    const kind = content[k]?.kind;
    if (kind === 'pipe' || kind === 'date') {
      h = k;
      break;
    }
  }
  // a third line above the date only as Title / Deck / Pub, the publication one the page's cards name
  if (h - i === HEADER_META_MAX_OFFSET + 1 && !namesPagePublication(content[h - 1], ctx)) h = -1;
  if (h < 0) return null;
  const meta = content[h];
  if (h - i === HEADER_META_MAX_OFFSET + 1) {
    useTitle(draft, ledger, content[i]);
    const deckLine = content[i + 1] as ClassifiedLine;
    if (deckLine.kind === 'text') {
      draft.deck = deckLine.text;
      ledger.use(deckLine);
    }
    const pubLine = content[i + 2] as ClassifiedLine;
    draft.publication = pubLine.text;
    ledger.remove(pubLine, 'layout');
  } else if (h - i === 2) {
    if (meta?.publication !== undefined) {
      ledger.remove(content[i] as ClassifiedLine, 'layout');
      useTitle(draft, ledger, content[i + 1]);
    } else {
      // Pub / Title / date when the first line is the name the page's cards print, else Title / Pub / date
      const pubFirst = namesPagePublication(content[i], ctx) && !namesPagePublication(content[i + 1], ctx);
      useTitle(draft, ledger, content[pubFirst ? i + 1 : i]);
      const pubLine = content[pubFirst ? i : i + 1] as ClassifiedLine;
      draft.publication = pubLine.text;
      ledger.remove(pubLine, 'layout');
    }
  } else if (h - i === 1 && !publicationFirst(content, i, h, ctx)) useTitle(draft, ledger, content[i]);
  let j = h;
  while (j < content.length) {
    const line = content[j] as ClassifiedLine;
    if (line.kind === 'pipe' || line.kind === 'date') {
      draft.publication ??= line.publication ?? null;
      draft.date ??= line.date ?? null;
      ledger.remove(line, 'layout');
      j++;
      continue;
    }
    if (line.kind === 'text' && draft.publication !== null && line.key === foldKey(draft.publication)) {
      ledger.remove(line, 'layout');
      j++;
      continue;
    }
    // `Filmfare 23-APR-2017` under the bar: an issue name holding the date
    const issue =
      line.kind === 'text' && draft.publication !== null && draft.date === null
        ? matchIssueTitle(draft.publication, line.text)
        : null;
    if (issue !== null) {
      draft.date = issue.date;
      ledger.remove(line, 'layout');
      j++;
      continue;
    }
    break;
  }
  let end = j;
  if (h - i === 1 && draft.title === null && publicationFirst(content, i, h, ctx)) {
    const pubLine = content[i] as ClassifiedLine;
    draft.publication = pubLine.text;
    ledger.remove(pubLine, 'layout');
    useTitle(draft, ledger, content[end]);
    if (draft.title !== null) end++;
  }
  return end;
};

/** Whether the line is a short text line naming a publication the page's cards or "More from" header name. */
function namesPagePublication(line: ClassifiedLine | undefined, ctx: StoryContext): boolean {
  return (
    line?.kind === 'text' &&
    line.text.length <= CARD_PUBLICATION_MAX_CHARS &&
    (ctx.pagePublications ?? []).includes(line.key)
  );
}

/** (Publication /) title / (deck /) `- Byline` or a credits line: short header lines above the byline marker. */
const bylineMarkerHeader: HeaderMatcher = (content, i, draft, ledger) => {
  let b = -1;
  for (let k = i + 1; k <= i + HEADER_BYLINE_MAX_OFFSET && k < content.length; k++) {
    if (content[k]?.kind === 'dash' || content[k]?.kind === 'credits') {
      b = k;
      break;
    }
    if (content[k]?.kind !== 'text' || content[k - 1]?.kind !== 'text') break;
  }
  const headerLines = content.slice(i, Math.max(b, i));
  const shortHeader = headerLines.every((l) => l.text.length <= DECK_MAX_CHARS);
  const titleLine = headerLines[headerLines.length >= PRESS_HEADER_WITH_PUBLICATION ? 1 : 0];
  if (!(b > i && shortHeader && titleLine !== undefined && titleLine.text.length <= TITLE_MAX_CHARS))
    return null;
  let k = i;
  if (b - i >= PRESS_HEADER_WITH_PUBLICATION) {
    const pubLine = content[k] as ClassifiedLine;
    draft.publication = pubLine.text;
    ledger.remove(pubLine, 'layout');
    k++;
  }
  useTitle(draft, ledger, content[k]);
  k++;
  if (k < b) {
    const deckLine = content[k] as ClassifiedLine;
    draft.deck = deckLine.text;
    ledger.use(deckLine);
  }
  return b;
};

/**
 * Publication / title as two short lines (a platform that opens story pages with the
 * publication, or an unknown platform whose page may be set that way).
 */
const leadingPublicationHeader: HeaderMatcher = (content, i, draft, ledger, ctx) => {
  if (!ctx.leadingPublication && !ctx.platformUnknown) return null;
  const pubLine = content[i];
  const titleLine = content[i + 1];
  const limit = ctx.leadingPublication ? TITLE_MAX_CHARS : CARD_PUBLICATION_MAX_CHARS;
  const short = (l: ClassifiedLine | undefined): l is ClassifiedLine =>
    l?.kind === 'text' && l.text.length <= limit && !endsSentence(l.text);
  const enough = ctx.leadingPublication
    ? content[i + 2] !== undefined
    : content[i + 2]?.kind === 'text' && content[i + 3] !== undefined;
  if (!(short(pubLine) && short(titleLine) && enough && foldKey(pubLine.text) !== foldKey(titleLine.text)))
    return null;
  draft.publication = pubLine.text;
  ledger.remove(pubLine, 'layout');
  useTitle(draft, ledger, titleLine);
  return i + 2;
};

/** The header layouts, most specific first (Postlight style: the first that matches wins). */
const HEADER_MATCHERS: readonly HeaderMatcher[] = [
  creditLineHeader,
  issueTitleHeader,
  labelledHeader,
  metadataHeader,
  bylineMarkerHeader,
  leadingPublicationHeader,
];

/** What the story stage knows of the page beyond its story region (platform, cards). */
export interface StoryContext {
  /** The page lists an issue's contents: its text is the store's, not a story. */
  issuePage: boolean;
  /** The platform opens story pages with the publication's name (PressReader). */
  leadingPublication: boolean;
  /** The platform sets drop caps: the first body line may need its first letter repaired. */
  dropCaps: boolean;
  /** The platform may open story pages with a content-type label (Scribd): see `labelledHeader`. */
  labelledHeader: boolean;
  /** No platform was recognised: a page opening with two short lines may be a PressReader-style header. */
  platformUnknown: boolean;
  /** Publications the page's cards and "More from" headers name (folded keys): a header line that is one is no title. */
  pagePublications?: readonly string[];
}

/** Extract the story from the story region; every line is used or removed on the ledger. */
export function extractStory(
  region: readonly ClassifiedLine[],
  ledger: Ledger,
  ctx: StoryContext,
): StoryDraft {
  const draft = emptyDraft();
  const content: ClassifiedLine[] = [];
  for (const line of region) {
    if (isBoilerplate(line)) ledger.removeBoilerplate(line);
    else if (line.kind === 'lost-glyphs') ledger.remove(line, 'layout');
    else content.push(line);
  }

  if (ctx.issuePage) {
    const issue = findIssueTitle(content);
    if (issue) {
      draft.publication = issue.publication;
      draft.date = issue.date;
    }
    for (const line of content) ledger.remove(line, 'layout');
    return draft;
  }

  let headerStart = 0;
  let altTitle: string | null = null;
  const first = content[0];
  if (first?.kind === 'image') {
    altTitle = first.detail ? undoubled(first.detail) : null;
    ledger.remove(first, 'layout');
    headerStart = 1;
  }

  // the header layouts, tried in order: the first that matches reads the header and says where it ends
  let headerEnd: number | null = null;
  let header: HeaderMatcher | null = null;
  const headerCtx: HeaderContext = {
    ...ctx,
    opensLabelledHeader: (line) => labelledHeaderAt(region, line.index - (region[0]?.index ?? 0)),
    labelUnderDate: (line) => labelUnderDate(region, line.index - (region[0]?.index ?? 0)),
  };
  for (const matchHeader of HEADER_MATCHERS) {
    headerEnd = matchHeader(content, headerStart, draft, ledger, headerCtx);
    if (headerEnd !== null) {
      header = matchHeader;
      break;
    }
  }
  const headerFound = headerEnd !== null;
  let next = headerEnd ?? headerStart;

  if (draft.title !== null && draft.deck === null && isStandfirst(draft.title)) {
    // a summary sentence where a title would be: the page printed no title above its standfirst
    draft.deck = draft.title;
    draft.title = null;
  }
  if (draft.title === null && altTitle !== null && altTitle !== '') draft.title = altTitle;
  const titleKey = draft.title === null ? null : foldKey(draft.title);
  const isTitleRepeat = (line: ClassifiedLine | undefined): boolean =>
    line !== undefined && line.kind === 'text' && titleKey !== null && line.key === titleKey;

  if (header === creditLineHeader) {
    // under a credit line: the article toolbar's labels, a date in another calendar (`ב׳ באדר ב׳ תשפ״ד`)
    for (let line = content[next]; line?.kind === 'text'; line = content[next]) {
      const run = toolbarRunAt(content, next);
      if (run > 0) {
        // `Share` / `Print` / `Listen`: the toolbar's buttons, one a line
        for (let k = next; k < next + run; k++) ledger.remove(content[k] as ClassifiedLine, 'navigation');
        next += run;
        continue;
      }
      if (isToolbar(line.text)) ledger.remove(line, 'navigation');
      else if (isHebrewCalendarDate(line.text)) ledger.remove(line, 'layout');
      else break;
      next++;
    }
  }

  if (headerFound) {
    const candidate = content[next];
    const after = content[next + 1];
    const deckAllowed =
      draft.deck === null &&
      candidate?.kind === 'text' &&
      !isTitleRepeat(candidate) &&
      candidate.text.length <= DECK_MAX_CHARS &&
      after !== undefined &&
      // `By Name` under the title is the byline, never the deck
      !(isNameLike(candidate.text) && stripOpener(candidate.text).opened) &&
      // a line opened by a dateline (`SEOUL - …`, `አዲስ አበባ፡- …`) is the body's first, never a deck
      findDateline(candidate.text) === null &&
      // so is a line whose drop cap the capture mangled (`TThe …`, `A27 de …`): a deck has no drop cap
      !(ctx.dropCaps && repairDropCap(candidate.text) !== candidate.text) &&
      // under a credit line the deck is printed unclosed (or as a question): a closed paragraph is the lede,
      // unless it is printed right under the credit line with a blank line before the body (a compact header)
      !(
        header === creditLineHeader &&
        candidate.text.endsWith('.') &&
        !setApartAsStandfirst(content[next - 1], candidate, after) &&
        // the toolbar printed under it closes the header: the standfirst above it is the deck
        toolbarRunAt(content, next + 1) === 0
      ) &&
      // a labelled header has no deck: the byline or the body follows its date
      header !== labelledHeader &&
      // `Firstname Lastname | Political Editor` under a credit line is its writer, never the deck
      !(header === creditLineHeader && nameBeforeRole(candidate.text) !== null) &&
      !(isNameLike(candidate.text) && isTitleRepeat(after));
    if (deckAllowed && candidate) {
      draft.deck = candidate.text;
      ledger.use(candidate);
      next++;
      if (header === creditLineHeader) {
        const run = toolbarRunAt(content, next);
        for (let k = next; k < next + run; k++) ledger.remove(content[k] as ClassifiedLine, 'navigation');
        next += run;
      }
    }
    const bylineLine = draft.byline === null ? content[next] : undefined;
    if (bylineLine?.kind === 'dash') {
      const detail = bylineLine.detail ?? '';
      // `- Texto: Ana Ruiz, Fotos: …`: a credits line behind the dash
      const credits = readCredits(detail);
      draft.byline = credits === null ? extractByline(detail) : credits.writer;
      ledger.remove(bylineLine, 'layout');
      next++;
    } else if (bylineLine?.kind === 'credit') {
      // `Pub` / title / deck / `Pub · date · By Name`: a credit line printed after the deck
      draft.byline = bylineLine.detail === undefined || bylineLine.detail === '' ? null : bylineLine.detail;
      draft.date ??= bylineLine.date ?? null;
      // the line read as the publication above the title is a kicker (`WORLD`) when the credit
      // line names another publication: it is neither that name nor its masthead (`Pub` of `Pub (City)`)
      draft.publication = creditedOver(draft.publication, bylineLine.publication) ?? null;
      ledger.remove(bylineLine, 'layout');
      next++;
    } else if (bylineLine?.kind === 'credits') {
      // `Text: Ana Ruiz, Photos: Rui Gaudêncio`: the writer, never the photographer
      draft.byline = bylineLine.detail === undefined || bylineLine.detail === '' ? null : bylineLine.detail;
      ledger.remove(bylineLine, 'layout');
      next++;
    } else if (
      header === creditLineHeader &&
      bylineLine?.kind === 'text' &&
      nameBeforeRole(bylineLine.text) !== null
    ) {
      // a credit line that names no writer, the writer under it with a job title
      draft.byline = nameBeforeRole(bylineLine.text);
      ledger.remove(bylineLine, 'layout');
      next++;
    } else if (bylineLine?.kind === 'text' && labelledName(bylineLine.text) !== null) {
      draft.byline = labelledName(bylineLine.text);
      ledger.remove(bylineLine, 'layout');
      next++;
    } else if (
      bylineLine?.kind === 'text' &&
      !isTitleRepeat(bylineLine) &&
      (isNameLike(bylineLine.text) ||
        // two names joined by a word no table lists: only as the old header prints them, above the title's repeat
        (isTitleRepeat(content[next + 1]) && isJoinedNames(bylineLine.text))) &&
      content[next + 1] !== undefined
    ) {
      // a bare name is the byline itself (two joined by the language's "and", `A en B`, too);
      // `By A and B` is layout that carries it
      if (stripOpener(bylineLine.text).opened) {
        draft.byline = extractByline(bylineLine.text);
        ledger.remove(bylineLine, 'layout');
      } else {
        draft.byline = bylineLine.text;
        ledger.use(bylineLine);
      }
      next++;
    }
  }

  // `A fisherman near Alappuzha mends his net.` between the deck and `KOCHI: …`: the dateline opens the
  // story's first paragraph, so one statement above it, under the header's deck, is a photo caption
  const overDateline = content[next];
  if (
    headerFound &&
    draft.deck !== null &&
    overDateline?.kind === 'text' &&
    isOneStatement(overDateline.text) &&
    content[next + 1]?.kind === 'text' &&
    findDateline(overDateline.text) === null &&
    findDateline((content[next + 1] as ClassifiedLine).text) !== null
  ) {
    ledger.remove(overDateline, 'layout');
    next++;
  }

  const opening = content[next];
  if (
    !headerFound &&
    draft.title === null &&
    opening?.kind === 'text' &&
    content[next + 2] !== undefined &&
    (isQuestionThenAnswer(opening.text) ||
      isQuestionOverDateline(opening.text, content[next + 1]) ||
      isShortStandfirst(content, next))
  ) {
    // no title printed: the page opens with its standfirst, a question and its answer, a
    // question alone above the paragraph its dateline opens, or a short one above a longer paragraph
    draft.deck = opening.text;
    ledger.use(opening);
    next++;
  }

  // a credit line that names no writer: the writer signs at the end (`— Name`, `Material prepared by Name`)
  const signature =
    header === creditLineHeader && draft.byline === null ? closingSignature(content.at(-1)) : null;
  if (signature !== null) draft.byline = signature;
  // `(Reporting by Name in City; Editing by Name)`, `(kh)`: a sign-off in parentheses closing the body
  const signOffAt = closingSignOffAt(content, next);
  if (signOffAt >= 0) draft.byline ??= signOffWriter((content[signOffAt] as ClassifiedLine).text);
  const body: ClassifiedLine[] = [];
  for (let k = next; k < content.length; k++) {
    const line = content[k] as ClassifiedLine;
    // a photo caption between paragraphs is layout, as image alt text is
    if (
      isTitleRepeat(line) ||
      (line.kind !== 'text' && !isDialogueLine(line)) ||
      (signature !== null && k === content.length - 1) ||
      k === signOffAt ||
      (body.length > 0 &&
        (isPhotoCaption(line.text) ||
          isCaptionShaped(line.text) ||
          isPositionCaption(line.text) ||
          isCaptionBetween(body.at(-1) as ClassifiedLine, line, content[k + 1])))
    )
      ledger.remove(line, 'layout');
    else body.push(line);
  }
  const kept = dropPullQuotes(body, ledger);
  for (const line of kept) ledger.use(line);
  draft.paragraphs = kept.map((l) => l.text);
  if (ctx.dropCaps && headerFound && draft.paragraphs[0] !== undefined)
    draft.paragraphs[0] = repairDropCap(draft.paragraphs[0]);
  const firstParagraph = draft.paragraphs[0];
  draft.dateline = firstParagraph === undefined ? null : findDateline(firstParagraph);
  return draft;
}

/**
 * `Sarah Collins | Political Editor` → `Sarah Collins`: a name, one pipe and a short job title
 * (no digit, no sentence), as a credit line with no writer slot prints its writer under it.
 */
function nameBeforeRole(text: string): string | null {
  const bar = text.indexOf(' | ');
  if (bar <= 0 || text.indexOf('|', bar + 2) >= 0 || text.length > 2 * BYLINE_MAX_CHARS) return null;
  const name = text.slice(0, bar).trim();
  const role = text.slice(bar + 3).trim();
  if (role === '' || hasDigit(role) || endsSentence(role) || role.split(' ').length > CREDIT_ROLE_MAX_WORDS)
    return null;
  return isNameLike(name) && !stripOpener(name).opened ? name : null;
}

/** `SharePrintListenTranslate`: capitalised words glued into one, each a capital and lower-case letters. */
const GLUED_LABELS = /^(?:\p{Lu}\p{Ll}{2,}){3,6}$/u;
/** One spaced toolbar label (`Share`, `Écouter`): a capital and at least three lower-case letters (`The`, `Why` are not). */
const SPACED_LABEL = /^\p{Lu}\p{Ll}{3,}$/u;

/**
 * The article toolbar under a credit line, its button labels (share, print, listen, translate)
 * printed as one line in any language with case: glued into one word
 * (`CompartirImprimirEscucharTraducir`) or spaced (`Share Print Listen Translate`), each
 * label one capitalised word of four letters or more, no punctuation. A caseless script's
 * spaced labels cannot be told from a short deck by shape and are left to the deck.
 */
function isToolbar(text: string): boolean {
  if (text.length > TOOLBAR_MAX_CHARS) return false;
  if (GLUED_LABELS.test(text)) return true;
  const words = text.split(' ');
  return (
    words.length >= TOOLBAR_MIN_LABELS &&
    words.length <= TOOLBAR_MAX_LABELS &&
    words.every((w) => SPACED_LABEL.test(w))
  );
}

/**
 * `Share` / `Print` / `Listen` / `Translate`, `Partager` / `Imprimer`: the article toolbar's
 * buttons printed one a line, in any language with case: from line `at`, a run of at least
 * TOOLBAR_MIN_LINES lines, each one label (`SPACED_LABEL`). Returns the run's length, 0 when none.
 * Two one-word paragraphs in a row are no story's.
 */
function toolbarRunAt(content: readonly ClassifiedLine[], at: number): number {
  let k = at;
  while (k - at < TOOLBAR_MAX_LABELS) {
    const line = content[k];
    if (line?.kind !== 'text' || line.text.length > TOOLBAR_MAX_CHARS || !SPACED_LABEL.test(line.text)) break;
    k++;
  }
  return k - at >= TOOLBAR_MIN_LINES ? k - at : 0;
}

/** Geresh and gershayim, which write Hebrew numerals (`כ״ה`, `ב׳`, `תשפ״ד`), in Hebrew or ASCII marks. */
const HEBREW_NUMERAL_MARKS: readonly string[] = ['׳', '״', "'", '"'];
const HEBREW_WORD = /^[\p{Script=Hebrew}'"]+$/u;

/**
 * `ב׳ באדר ב׳ תשפ״ד`, `כ״ה בשבט התשפ״ד`: a date in the Hebrew calendar, two to five words of
 * Hebrew letters, the day and the year (at least two words) written as numerals with their marks.
 */
function isHebrewCalendarDate(text: string): boolean {
  const words = text.split(' ');
  if (words.length < 2 || words.length > HEBREW_DATE_MAX_WORDS || !words.every((w) => HEBREW_WORD.test(w)))
    return false;
  return words.filter((w) => HEBREW_NUMERAL_MARKS.some((m) => w.includes(m))).length >= 2;
}

/**
 * The writer's signature closing a story: `— Jordi Puig Serra` (a dash and a name), a name
 * alone, or a short label then the name (`Матеріал підготувала Олена Коваль`: one capitalised
 * word, lower-case words, then at least two capitalised ones), in any language. The name, or null.
 */
function closingSignature(line: ClassifiedLine | undefined): string | null {
  if (line === undefined) return null;
  const text = line.kind === 'dash' ? (line.detail ?? '') : line.kind === 'text' ? line.text : '';
  if (text.length > 2 * BYLINE_MAX_CHARS || hasDigit(text) || endsSentence(text)) return null;
  const words = text.split(' ').filter(Boolean);
  let label = 0;
  while (label < words.length && label <= CREDIT_LABEL_MAX_WORDS && startsLowercase(words[label + 1] ?? ''))
    label++;
  const name = words.slice(label === 0 ? 0 : label + 1);
  if (label > CREDIT_LABEL_MAX_WORDS || name.length < 2 || name.length > BYLINE_MAX_WORDS) return null;
  return name.every((w) => startsUppercase(w) || isUncased(w)) ? name.join(' ') : null;
}

/** `(kh)`, `(ab/cd)`: the writers' initials in parentheses, a line of their own. */
const INITIALS_SIGN_OFF = /^\(\p{L}{2,4}(?:\/\p{L}{2,4})?\)$/u;

/**
 * The index of the body's last text line when it is a sign-off in parentheses: the writers'
 * initials (`(kh)`), or credits each `<label> by Name` joined by semicolons (`(Reporting by Name in
 * City; Editing by Name)`), as wires close a story. -1 when there is none.
 */
function closingSignOffAt(content: readonly ClassifiedLine[], from: number): number {
  let k = content.length - 1;
  while (k > from && content[k]?.kind !== 'text') k--;
  const text = content[k]?.text ?? '';
  // a cheap test first: most last lines do not open with a parenthesis
  if (k <= from || !text.startsWith('(') || !text.endsWith(')') || text.length > CAPTION_MAX_CHARS) return -1;
  if (INITIALS_SIGN_OFF.test(text)) return k;
  return signOffWriter(text) === null ? -1 : k;
}

/** `(Reporting by Peter Mwangi in Nairobi; Editing by Mark Hollis)` → `Peter Mwangi`; null for initials. */
function signOffWriter(text: string): string | null {
  const parts = text.slice(1, -1).split('; ');
  let first: string | null = null;
  for (const part of parts) {
    const by = part.indexOf(' by ');
    if (by <= 0) return null;
    const label = part.slice(0, by).split(' ');
    if (
      label.length > CREDIT_LABEL_MAX_WORDS ||
      !startsUppercase(label[0] ?? '') ||
      label.slice(1).some(startsUppercase)
    )
      return null;
    const words = part.slice(by + 4).split(' ');
    // the name runs to the first lower-case word that is no particle (`in Nairobi`, `and`)
    let end = 0;
    while (end < words.length && isNameWord(words[end] as string)) end++;
    if (end < 2 || end > BYLINE_MAX_WORDS) return null;
    first ??= words.slice(0, end).join(' ');
  }
  return first;
}

/**
 * Photo captions between paragraphs, by their shape in any language: `Caption sentence. Mynd:
 * Name` (one closed sentence, then a label of one word with its colon and a name in capitals,
 * closing the line), the Japanese press caption `<what it shows>＝<day and time>、<place>`
 * (a full-width equals sign, then a short when-and-where holding a digit), a caption closed by
 * its credit after a separator (`Caption. | PHOTO : Name`) and a `LABEL: CAPTION` in capitals.
 */
function isCaptionShaped(text: string): boolean {
  return (
    creditClosesCaption(text) ||
    agencyClosesCaption(text) ||
    whenAndWhereCaption(text) ||
    isCaptionWithCreditAtEnd(text) ||
    isCapitalsCaption(text)
  );
}

/** One sentence closed by a stop, not a question, nothing ended inside it, no longer than a caption. */
function isOneStatement(text: string): boolean {
  const last = text.at(-1) ?? '';
  return (
    text.length <= CAPTION_MAX_CHARS &&
    STANDFIRST_STOPS.has(last) &&
    !QUESTION_MARK_SET.has(last) &&
    !endsSentenceInside(text)
  );
}

/** Quote marks of any kind: a caption quotes no one. */
const ANY_QUOTE = /["“”„«»‘’'「」『』]/u;

/**
 * `A bee orchid in flower on the bank above Wensley Beck.` between two paragraphs: a photo caption
 * with no label, by its place: one short statement (`SHORT_CAPTION_MAX_CHARS`), quoting no one,
 * naming something in capitals after its first word, set between two closed paragraphs each at
 * least `CAPTION_NEIGHBOUR_MIN_RATIO` times as long. A short paragraph of a story sits there too,
 * but rarely names a name and never with paragraphs that much longer on both sides of it.
 */
function isCaptionBetween(
  prev: ClassifiedLine,
  line: ClassifiedLine,
  next: ClassifiedLine | undefined,
): boolean {
  const text = line.text;
  // a cheap test first: most paragraphs are longer or end otherwise
  if (text.length > SHORT_CAPTION_MAX_CHARS || text.at(-1) !== '.' || next?.kind !== 'text') return false;
  const least = CAPTION_NEIGHBOUR_MIN_RATIO * text.length;
  if (prev.text.length < least || next.text.length < least || !endsSentence(prev.text)) return false;
  if (
    !startsUppercase(text) ||
    !startsUppercase(next.text) ||
    endsSentenceInside(text) ||
    ANY_QUOTE.test(text)
  )
    return false;
  // a name or a place: a capitalised word that is no month or weekday (`on Monday`)
  return text
    .split(' ')
    .slice(1)
    .some((w) => startsUppercase(w) && !isDateWord(w));
}

/**
 * `Karl Wendt (links) übergibt den Schlüssel an Jana Lorenz.`: a photo caption that places a person
 * in the picture, one lower-case word in parentheses right after a name of two capitalised words, in a line
 * that is one statement quoting no one. The word is not read: its place after a name tells it.
 */
function isPositionCaption(text: string): boolean {
  // a cheap test first: most lines hold no parenthesis
  const open = text.indexOf(' (');
  if (open <= 0 || !isOneStatement(text) || ANY_QUOTE.test(text)) return false;
  for (let at = open; at > 0; at = text.indexOf(' (', at + 2)) {
    const close = text.indexOf(')', at + 2);
    if (close < 0) return false;
    const word = text.slice(at + 2, close);
    // the name before it: two capitalised words at least (`Karl Wendt`, not `Officials (sic)`)
    const name = text.slice(0, at).split(' ').slice(-2);
    if (
      word.length >= 2 &&
      word.length <= CAPTION_POSITION_MAX_CHARS &&
      POSITION_WORD.test(word) &&
      name.length === 2 &&
      name.every((w) => startsUppercase(w) && hasLowercase(w))
    )
      return true;
  }
  return false;
}

/** One lower-case word, letters only (`links`, `left`): a position in a caption. */
const POSITION_WORD = /^\p{Ll}+$/u;

function creditClosesCaption(text: string): boolean {
  if (text.length > CAPTION_MAX_CHARS) return false;
  const colon = text.lastIndexOf(': ');
  if (colon <= 0) return false;
  const space = text.lastIndexOf(' ', colon - 1);
  const label = text.slice(space + 1, colon);
  const caption = text.slice(0, Math.max(0, space)).trim();
  if (label === '' || !startsUppercase(label) || !endsSentence(caption) || endsSentenceInside(caption))
    return false;
  const name = text
    .slice(colon + 2)
    .trim()
    .split(' ');
  return (
    name.length >= 2 &&
    name.length <= BYLINE_MAX_WORDS &&
    name.every(isNameWord) &&
    !hasDigit(text.slice(colon))
  );
}

/** `AFP`, `EPA-EFE`, `REUTERS`: an agency's name in capitals, maybe two joined by a hyphen or slash. */
const AGENCY_NAME = /^\p{Lu}{2,12}(?:[-/]\p{Lu}{2,12})?$/u;

/**
 * `Fishing boats in the harbour at dawn. AFP`: one closed sentence, then the agency's name in
 * capitals closing the line with no label and no period: a caption as wires credit it.
 */
function agencyClosesCaption(text: string): boolean {
  const space = text.lastIndexOf(' ');
  // a cheap test first: most lines end in a lower-case word or a period
  if (space <= 0 || text.length > CAPTION_MAX_CHARS || !AGENCY_NAME.test(text.slice(space + 1))) return false;
  const caption = text.slice(0, space);
  return endsSentence(caption) && !endsSentenceInside(caption) && hasLowercase(caption);
}

function whenAndWhereCaption(text: string): boolean {
  const equals = text.indexOf('＝');
  if (equals <= 0 || text.length > CAPTION_MAX_CHARS) return false;
  const after = text.slice(equals + 1);
  return after.length <= CAPTION_WHEN_WHERE_MAX_CHARS && /\p{Nd}/u.test(after) && !after.includes('。');
}

/**
 * A line the layout inserted between two halves of a sentence (a pull quote):
 * the line before it stops mid-sentence and the line after it goes on in lower case.
 */
function dropPullQuotes(body: readonly ClassifiedLine[], ledger: Ledger): ClassifiedLine[] {
  const kept: ClassifiedLine[] = [];
  for (let k = 0; k < body.length; k++) {
    const line = body[k] as ClassifiedLine;
    const prev = kept.at(-1);
    const next = body[k + 1];
    const inserted =
      prev !== undefined &&
      next !== undefined &&
      !endsSentence(prev.text) &&
      startsLowercase(next.text) &&
      !startsLowercase(line.text) &&
      line.text.length <= PULL_QUOTE_MAX_CHARS &&
      (!hasLowercase(line.text) || QUOTE_OPENERS.has(line.text.charAt(0)));
    if (
      inserted ||
      repeatsEarlierSentence(line, kept) ||
      standsAloneQuoted(line, prev, next) ||
      repeatsLaterQuote(line, body, k)
    )
      ledger.remove(line, 'layout');
    else kept.push(line);
  }
  return kept;
}

/** Quotes that close a pull quote printed as a whole line. */
const QUOTE_CLOSERS = new Set(['"', '”', '’', "'", '»', '」', '』']);

/**
 * `"We never planned to grow."`: a whole line in quotes, or one whole sentence (the normalizer
 * unwraps quotes it takes for the scraper's), that repeats word for word a sentence of a longer
 * paragraph just before it: a pull quote set between paragraphs.
 */
function repeatsEarlierSentence(line: ClassifiedLine, kept: readonly ClassifiedLine[]): boolean {
  const text = line.text.endsWith('.') ? line.text.slice(0, -1) : line.text;
  if (text.length > PULL_QUOTE_MAX_CHARS) return false;
  const quoted = QUOTE_OPENERS.has(text.charAt(0)) && QUOTE_CLOSERS.has(text.charAt(text.length - 1));
  // unquoted, only a closed sentence: a subhead (`THE NEXT ORDER`) may repeat words of the text above
  if (!quoted && !endsSentence(line.text)) return false;
  const inner = quoted ? foldKey(text.slice(1, -1).trim()) : line.key;
  // words, or in a script without spaces its letters (`「地元の人が…」`)
  if (wordCount(inner) < PULL_QUOTE_MIN_WORDS && unspacedLetters(inner) < PULL_QUOTE_MIN_UNSPACED_LETTERS)
    return false;
  // the paragraphs just before it only: a bounded look back keeps the body pass linear
  for (let k = kept.length - 1; k >= 0 && k >= kept.length - PULL_QUOTE_LOOKBACK_LINES; k--) {
    const key = (kept[k] as ClassifiedLine).key;
    if (key.length > inner.length && key.includes(inner)) return true;
  }
  return false;
}

/**
 * `"WE ARE NOT LEAVING THIS VALLEY."` above `A few refused. "We are not leaving this valley," said…`:
 * a whole line in quotes whose words (any case, its closing stop aside) the next paragraphs
 * print inside a longer line: a pull quote set before the passage it quotes.
 */
function repeatsLaterQuote(line: ClassifiedLine, body: readonly ClassifiedLine[], k: number): boolean {
  if (line.text.length > PULL_QUOTE_MAX_CHARS) return false;
  const whole = wholeLineQuote(line.text);
  if (whole === null) return false;
  const inner = withoutClosingStops(foldKey(whole));
  if (wordCount(inner) < PULL_QUOTE_MIN_WORDS && unspacedLetters(inner) < PULL_QUOTE_MIN_UNSPACED_LETTERS)
    return false;
  // the paragraphs just after it only: a bounded look ahead keeps the body pass linear
  for (let j = k + 1; j < body.length && j <= k + PULL_QUOTE_LOOKAHEAD_LINES; j++) {
    const key = (body[j] as ClassifiedLine).key;
    if (key.length > inner.length && key.includes(inner)) return true;
  }
  return false;
}

/** Stops closing a quotation, which its repeat in the text may print otherwise (`here.` / `here,"`). */
const CLOSING_STOPS: ReadonlySet<string> = new Set(['.', ',', '!', '?', '…']);

function withoutClosingStops(text: string): string {
  let end = text.length;
  while (end > 0 && CLOSING_STOPS.has(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Quote marks that open and close a whole line (`"…"`, `„…“`, `“…”`, `«…»`), by opener. */
const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['„', '“'],
  ['“', '”'],
  ['«', '»'],
]);

/** The text inside a line that is wholly one quotation (one pair of marks around it), or null. */
function wholeLineQuote(text: string): string | null {
  const closer = QUOTE_PAIRS.get(text.charAt(0));
  if (closer === undefined || text.length < 3 || text.charAt(text.length - 1) !== closer) return null;
  const inner = text.slice(1, -1);
  return inner.includes(closer) || inner.includes(text.charAt(0)) ? null : inner.trim();
}

/**
 * A pull quote that repeats nothing word for word (it rewords the text, or quotes a later
 * paragraph in another split): a whole line in quotes, one short sentence, between two
 * paragraphs that are not quotations themselves (a run of quoted paragraphs is an interview's).
 * A quoted paragraph of several sentences is the story's own (a long quotation).
 */
function standsAloneQuoted(
  line: ClassifiedLine,
  prev: ClassifiedLine | undefined,
  next: ClassifiedLine | undefined,
): boolean {
  if (prev === undefined || next === undefined || line.text.length > PULL_QUOTE_MAX_CHARS) return false;
  const inner = wholeLineQuote(line.text);
  if (inner === null || !endsSentence(inner) || endsSentenceInside(inner)) return false;
  const words = wordCount(inner);
  if (words < PULL_QUOTE_MIN_WORDS || words > PULL_QUOTE_ALONE_MAX_WORDS) return false;
  return (
    wholeLineQuote(prev.text) === null && wholeLineQuote(next.text) === null && !startsLowercase(next.text)
  );
}

const LETTER = /\p{L}/u;

function unspacedLetters(text: string): number {
  let n = 0;
  for (const ch of text) if ((ch.codePointAt(0) ?? 0) >= UNSPACED_SCRIPTS_FROM && LETTER.test(ch)) n++;
  return n;
}

/** The story, or null when the page has neither a title nor paragraphs; its language is read from its text. */
export function buildStory(draft: StoryDraft): Story | null {
  if (draft.title === null && draft.paragraphs.length === 0) return null;
  const languageSource =
    draft.paragraphs.length > 0 ? draft.paragraphs : [draft.title ?? '', draft.deck ?? ''];
  return {
    title: draft.title,
    deck: draft.deck,
    byline: draft.byline,
    dateline: draft.dateline,
    paragraphs: draft.paragraphs,
    language: storyLanguage(languageSource),
  };
}
