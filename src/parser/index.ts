/**
 * masthead's parser: captured newsstand page text in, structured data out.
 *
 * parsePage() reads as a recipe: size guard → normalize → classify lines →
 * segment the page → learned boilerplate → story → teasers → edition → UI locale → accounting.
 * Pure and deterministic; linear in the input; never throws.
 */

import { classifyLines, type ClassifiedLine } from './classify.js';
import { buildEdition, editionLines, type PrintedDate } from './edition.js';
import { documentShape, judgeStory } from './evidence.js';
import { applyLearned } from './learned.js';
import { isBoilerplate, Ledger } from './ledger.js';
import { pageLocale } from './locale.js';
import { isCaptureCut, limitInput, normalizeInput } from './normalize.js';
import { closesWithPreviewWall, detectPlatform, platformLayout, printsPlatformLines } from './platform.js';
import { segment } from './segment.js';
import { buildStory, extractStory, type StoryDraft } from './story.js';
import { extractTeasers } from './teasers.js';
import { CARD_PUBLICATION_MAX_CHARS } from './settings.js';
import { endsSentence, foldKey } from './text.js';
import type { ParsedPage, ParseOptions } from './types.js';

export type * from './types.js';
export { normalizedLines } from './normalize.js';

export { PARSER_VERSION } from './version.js';

function emptyPage(warnings: string[]): ParsedPage {
  return { story: null, edition: null, teasers: [], page_locale: null, removed: [], warnings };
}

/** Text that is no newsstand page (an e-mail, a calendar file): every line is layout. */
function notAPage(lines: readonly ClassifiedLine[], warnings: string[]): ParsedPage {
  const ledger = new Ledger(lines);
  for (const line of lines) ledger.discard(line, 'layout');
  return { ...emptyPage(warnings), removed: ledger.removedLines().removed };
}

/** Publications the cards and "More from {pub}" headers after the story name (folded keys). */
function cardPublications(lines: readonly ClassifiedLine[]): string[] {
  const keys: string[] = [];
  for (const line of lines)
    if ((line.kind === 'card-publication' || line.kind === 'more-stories') && line.publication !== undefined)
      keys.push(foldKey(line.publication));
  return keys;
}

/**
 * The issue's masthead a page with no story may print (a sign-in wall over an issue): its one
 * date line alone, right under a short line that is no sentence, the publication. A page of
 * result cards prints several dates and names no one issue.
 */
function masthead(lines: readonly ClassifiedLine[]): {
  publication: string | null;
  date: PrintedDate | null;
} {
  const none = { publication: null, date: null };
  const at = lines.findIndex((l) => l.kind === 'date');
  const date = lines[at];
  if (date?.date === undefined || lines.some((l, k) => k > at && l.kind === 'date')) return none;
  const name = lines[at - 1];
  if (name?.kind !== 'text' || name.text.length > CARD_PUBLICATION_MAX_CHARS || endsSentence(name.text))
    return none;
  return { publication: name.text, date: date.date };
}

/** Lines that mark a region as cards: a card's publication, date or reading time, a heading over cards. */
const CARD_MARK_KINDS: ReadonlySet<string> = new Set([
  'card-publication',
  'date',
  'reading-time',
  'more-stories',
  'issue-contents',
]);

/** Whether the cards from `teaserStart` on carry a card's marks, or a heading right above opens them. */
function cardsMarked(lines: readonly ClassifiedLine[], teaserStart: number): boolean {
  for (let k = Math.max(0, teaserStart - 1); k < lines.length; k++)
    if (CARD_MARK_KINDS.has((lines[k] as ClassifiedLine).kind)) return true;
  return false;
}

function parse(text: string, options: ParseOptions): ParsedPage {
  const { input, warnings } = limitInput(text);

  const { lines, lastLineOpen } = normalizeInput(input);
  if (lines.length === 0) return emptyPage(['no text to parse']);

  const classified = classifyLines(lines, lastLineOpen);
  const document = documentShape(lines.map((l) => l.text));
  if (document !== null) return notAPage(classified, [...warnings, document]);
  // a preview wall need not name the brand on a platform that closes stories with one, or on an unknown one
  const wallWithoutBrand = closesWithPreviewWall(detectPlatform(options.url, classified));
  const segments = segment(classified, lastLineOpen, wallWithoutBrand);
  const all = segments.lines;
  const platform = detectPlatform(options.url, all);
  applyLearned(all, options.learned, platform, (line, evidence) => ({
    ...line,
    kind: 'learned' as const,
    evidence,
  }));
  const ledger = new Ledger(all);

  const draft = extractStory(all.slice(0, segments.storyEnd), ledger, {
    issuePage: segments.issuePage,
    ...platformLayout(platform),
    pagePublications: cardPublications(all.slice(segments.storyEnd)),
  });
  for (const line of all.slice(segments.storyEnd, segments.teaserStart)) {
    if (isBoilerplate(line)) ledger.removeBoilerplate(line);
    else ledger.remove(line, line.kind === 'lost-glyphs' ? 'layout' : 'paywall');
  }

  const { editionLine, moreStoriesPublication, contentsDate } = editionLines(all);
  const knownPublications = [
    editionLine?.edition?.publication,
    draft.publication,
    moreStoriesPublication,
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const cut = lastLineOpen && isCaptureCut(text, options);
  let teasers = extractTeasers(all.slice(segments.teaserStart), ledger, {
    knownPublications,
    cutLineIndex: cut ? all.length - 1 : null,
    openLineIndex: lastLineOpen && options.truncated !== false ? all.length - 1 : null,
  });

  let story = buildStory(draft);
  // the header read over lines that are no story (a form, result cards) names nothing
  let header: StoryDraft = draft;
  // why the text is not a newsstand page at all (then it has no edition either), or null
  let garbage: string | null = null;
  if (story !== null) {
    const verdict = judgeStory(draft, all.slice(0, segments.storyEnd), {
      platform: platform !== null,
      platformLines: printsPlatformLines(all),
      editionLine: editionLine !== undefined,
    });
    garbage = verdict.garbage;
    // text that is no newsstand page has no teasers either: its lines after the "story" are its own
    if (garbage !== null) {
      for (const line of all.slice(segments.storyEnd)) ledger.discard(line, 'layout');
      teasers = [];
    }
    if (verdict.rejected !== null) {
      story = null;
      header = { ...draft, ...masthead(all.slice(0, segments.storyEnd)) };
      for (const line of all.slice(0, segments.storyEnd)) ledger.discard(line, 'layout');
      warnings.push(verdict.rejected);
    }
  }
  // a page with no story prints cards with a card's marks (a publication, a date, a reading time) or
  // under a heading that opens them; bare title-and-sentence pairs there are its own text (an FAQ)
  const anchored = teasers.some((t) => t.publication !== null || t.date !== null);
  if (story === null && teasers.length > 0 && !anchored && !cardsMarked(all, segments.teaserStart)) {
    for (const line of all.slice(segments.teaserStart)) ledger.discard(line, 'layout');
    teasers = [];
  }
  const edition =
    garbage !== null
      ? null
      : buildEdition(
          {
            line: editionLine,
            header,
            moreStoriesPublication,
            contentsDate,
            teasers,
            hasStory: story !== null,
          },
          platform,
        );
  if (
    editionLine === undefined &&
    all.some((l) => l.kind === 'edition-line' && l.edition?.placeholder === true)
  ) {
    warnings.push(
      'edition line is an unrendered template: publication and date taken from elsewhere, if printed',
    );
  }
  if (story === null && !warnings.some((w) => w.startsWith('no story:')))
    warnings.push('no main story on this page');

  const { removed, unplaced } = ledger.removedLines();
  if (unplaced > 0) warnings.push(`${unplaced} line(s) matched no rule and were removed as layout`);

  return { story, edition, teasers, page_locale: pageLocale(all), removed, warnings };
}

/**
 * Parse one captured page. Never throws: odd input gives empty parts and
 * warnings.
 */
export function parsePage(text: string, options: ParseOptions = {}): ParsedPage {
  try {
    return parse(typeof text === 'string' ? text : '', options ?? {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return emptyPage([`parser failed on this input: ${reason}`]);
  }
}
