/**
 * masthead's parser: captured newsstand page text in, structured data out.
 *
 * parsePage() reads as a recipe: size guard → normalize → classify lines →
 * segment the page → learned boilerplate → story → teasers → edition → UI locale → accounting.
 * Pure and deterministic; linear in the input; never throws.
 */

import { classifyLines, type ClassifiedLine } from './classify.js';
import type { PrintedDate } from './edition.js';
import { missingStoryEvidence, nonStoryShape } from './evidence.js';
import { detectLanguage } from './language.js';
import { applyLearned } from './learned.js';
import { isBoilerplate, Ledger } from './ledger.js';
import { normalizeInput } from './normalize.js';
import { pageLocale } from './locale.js';
import { detectPlatform, platformLayout, printsPlatformLines } from './platform.js';
import { segment } from './segment.js';
import { CAPTURE_BYTE_LIMIT, CAPTURE_BYTE_SLACK, MAX_INPUT_CHARS, MAX_INPUT_LINES } from './settings.js';
import { extractStory, type StoryDraft } from './story.js';
import { extractTeasers } from './teasers.js';
import { utf8Length } from './text.js';
import type { Edition, ParsedPage, ParseOptions, Story, Teaser } from './types.js';

export type * from './types.js';
export { normalizedLines } from './normalize.js';

export { PARSER_VERSION } from './version.js';

function emptyPage(warnings: string[]): ParsedPage {
  return { story: null, edition: null, teasers: [], page_locale: null, removed: [], warnings };
}

/** Whether the capture was cut at its end: the caller's word, else the capture size. */
function isCaptureCut(text: string, options: ParseOptions): boolean {
  if (typeof options.truncated === 'boolean') return options.truncated;
  const bytes = utf8Length(text, CAPTURE_BYTE_LIMIT + 1);
  return bytes <= CAPTURE_BYTE_LIMIT && bytes >= CAPTURE_BYTE_LIMIT - CAPTURE_BYTE_SLACK;
}

interface EditionSources {
  line: ClassifiedLine | undefined;
  header: StoryDraft;
  moreStoriesPublication: string | null;
  /** The issue named by an issue page's contents header, when it names one. */
  contentsDate: PrintedDate | null;
  teasers: readonly Teaser[];
  hasStory: boolean;
}

/** The edition: its edition line first, then the header, then the "More stories from" header, then a listing's cards. */
function buildEdition(sources: EditionSources, platform: Edition['platform']): Edition | null {
  const printed = sources.line?.edition;
  let publication = printed?.publication ?? sources.header.publication ?? sources.moreStoriesPublication;
  if (publication === null && !sources.hasStory && sources.teasers.length > 0) {
    const first = sources.teasers[0]?.publication ?? null;
    if (first !== null && sources.teasers.every((t) => t.publication === first)) publication = first;
  }
  const date: PrintedDate | null = printed?.date ?? sources.header.date ?? sources.contentsDate;
  const label = date?.label ?? printed?.issueText ?? null;
  if (publication === null && label === null && platform === null) return null;
  return { publication, date: date?.iso ?? null, label, platform };
}

function buildStory(draft: StoryDraft): Story | null {
  if (draft.title === null && draft.paragraphs.length === 0) return null;
  const languageSource =
    draft.paragraphs.length > 0 ? draft.paragraphs : [draft.title ?? '', draft.deck ?? ''];
  return {
    title: draft.title,
    deck: draft.deck,
    byline: draft.byline,
    dateline: draft.dateline,
    paragraphs: draft.paragraphs,
    language: detectLanguage(languageSource),
  };
}

/** Where the `count`-th line ends (its newline excluded), or the text's length if it has fewer lines. */
function endOfLine(text: string, count: number): number {
  let at = -1;
  for (let line = 0; line < count; line++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text.length;
  }
  return at;
}

function parse(text: string, options: ParseOptions): ParsedPage {
  const warnings: string[] = [];
  let input = text;
  if (input.length > MAX_INPUT_CHARS) {
    input = input.slice(0, MAX_INPUT_CHARS);
    warnings.push(`input longer than ${MAX_INPUT_CHARS} characters: only its start was parsed`);
  }
  const lineCut = endOfLine(input, MAX_INPUT_LINES);
  if (lineCut < input.length && input.slice(lineCut).trim() !== '') {
    input = input.slice(0, lineCut);
    warnings.push(
      `input has more than ${MAX_INPUT_LINES} lines: only the first ${MAX_INPUT_LINES} were parsed`,
    );
  }

  const { lines, lastLineOpen } = normalizeInput(input);
  if (lines.length === 0) return emptyPage(['no text to parse']);

  const segments = segment(classifyLines(lines, lastLineOpen), lastLineOpen);
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
  });
  for (const line of all.slice(segments.storyEnd, segments.teaserStart)) {
    if (isBoilerplate(line)) ledger.removeBoilerplate(line);
    else ledger.remove(line, line.kind === 'lost-glyphs' ? 'layout' : 'paywall');
  }

  const editionLine = all.find(
    (l) => l.kind === 'edition-line' && l.edition !== undefined && !l.edition.placeholder && l.cut !== true,
  );
  const moreStories = all.find((l) => l.kind === 'more-stories' && l.publication !== undefined);
  // an issue page's contents header may name the issue (a mirror's breadcrumb)
  const contents = all.find((l) => l.kind === 'issue-contents' && l.publication !== undefined);
  const moreStoriesPublication = moreStories?.publication ?? contents?.publication ?? null;
  const knownPublications = [
    editionLine?.edition?.publication,
    draft.publication,
    moreStoriesPublication,
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const cut = lastLineOpen && isCaptureCut(text, options);
  const teasers = extractTeasers(all.slice(segments.teaserStart), ledger, {
    knownPublications,
    cutLineIndex: cut ? all.length - 1 : null,
    openLineIndex: lastLineOpen && options.truncated !== false ? all.length - 1 : null,
  });

  let story = buildStory(draft);
  // why the text is not a newsstand page at all (then it has no edition either), or null
  let garbage: string | null = null;
  if (story !== null) {
    const texts = draft.deck === null ? draft.paragraphs : [draft.deck, ...draft.paragraphs];
    const platformLines = printsPlatformLines(all);
    const newsstand = platform !== null || platformLines;
    garbage = missingStoryEvidence(texts, {
      platform: platform !== null,
      platformLines,
      edition: editionLine !== undefined || draft.date !== null,
      byline: draft.byline !== null,
    });
    // a platform's page (or any text) whose story lines are not shaped like a story
    const notStoryShaped =
      garbage ??
      nonStoryShape(
        all.slice(0, segments.storyEnd).flatMap((l) => (l.text === '' ? [] : [l.text])),
        draft.title === null ? texts : [draft.title, ...texts],
        {
          newsstand: newsstand || editionLine !== undefined,
          byline: draft.byline !== null,
          headerDate: draft.date !== null,
        },
      );
    if (notStoryShaped !== null) {
      story = null;
      if (!newsstand && editionLine === undefined) garbage = notStoryShaped;
      for (const line of all.slice(0, segments.storyEnd)) ledger.discard(line, 'layout');
      warnings.push(notStoryShaped);
    }
  }
  const edition =
    garbage !== null
      ? null
      : buildEdition(
          {
            line: editionLine,
            header: draft,
            moreStoriesPublication,
            contentsDate: contents?.date ?? null,
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
