/**
 * Site banners around a newsstand page, in any language: a cookie notice with its buttons
 * (`accept`, `settings`), an app banner (`open in app`, the two store buttons), a footer links
 * line (`About · Help · Privacy`). They are the site's chrome, not the platform's upsell nor
 * the story's cards, and are read by their shape and place: a banner is at most one notice line
 * (a sentence or a short heading) and a few button labels under it, stacked above the upsell
 * block, or below the last card around the copyright line.
 */

import type { ClassifiedLine } from './classify.js';
import {
  BANNER_BUTTON_MAX_CHARS,
  BANNER_BUTTON_MAX_WORDS,
  BANNER_MAX_BUTTONS,
  BANNER_MIN_APP_BUTTONS,
  BANNER_NOTICE_MAX_CHARS,
  BANNER_NOTICE_MAX_LINES,
  BANNER_TOP_MAX_LINES,
  FOOTER_LINK_LINES_MAX,
  FOOTER_LINK_MAX_WORDS,
  FOOTER_CUT_LINK_MIN_CHARS,
  FOOTER_PAIR_MIN_WORD_CHARS,
  FOOTER_LINKS_LINE_MIN_LINKS,
  NAVIGATION_MAX_CHARS,
} from './settings.js';
import { endsSentence, hasDigit, wordCount } from './text.js';

/** A banner's button: a short label, no sentence, no digit (`Accept`, `Open in app`, `Get it on Google Play`). */
function isButton(line: ClassifiedLine | undefined): boolean {
  return (
    line !== undefined &&
    line.kind === 'text' &&
    line.text.length <= BANNER_BUTTON_MAX_CHARS &&
    !endsSentence(line.text) &&
    !hasDigit(line.text) &&
    wordCount(line.text) <= BANNER_BUTTON_MAX_WORDS
  );
}

function isNotice(line: ClassifiedLine | undefined): boolean {
  return line !== undefined && line.kind === 'text' && line.text.length <= BANNER_NOTICE_MAX_CHARS;
}

/** Separators a footer prints between its links. */
const LINK_SEPARATORS: readonly string[] = [' · ', ' • ', ' | '];

/**
 * `About · Help · Privacy · Terms · Imprint`: at least FOOTER_LINKS_LINE_MIN_LINKS short links
 * joined by one separator, none holding a digit (a card's `Pub · 4 Jun 2024` does) or a sentence.
 */
export function isFooterLinksLine(text: string): boolean {
  for (const separator of LINK_SEPARATORS) {
    const links = text.split(separator);
    if (links.length < FOOTER_LINKS_LINE_MIN_LINKS) continue;
    return links.every(
      (link) =>
        link.trim() !== '' &&
        link.length <= NAVIGATION_MAX_CHARS &&
        wordCount(link) <= FOOTER_LINK_MAX_WORDS &&
        !hasDigit(link) &&
        !endsSentence(link),
    );
  }
  return false;
}

/**
 * Banners stacked at the top of the page, above the line where the upsell block opens
 * (`opensPage`: an upsell line, a price, a Try-GOLD label, a platform's logo line): each is an
 * optional notice of up to BANNER_NOTICE_MAX_LINES lines (a cookie notice and its privacy
 * sentence) and one to BANNER_MAX_BUTTONS buttons. Returns how many lines they fill (0 for none).
 */
export function bannersOnTop(lines: readonly ClassifiedLine[], opensPage: (k: number) => boolean): number {
  let k = 0;
  let banners = 0;
  while (k < Math.min(lines.length, BANNER_TOP_MAX_LINES)) {
    const start = k;
    // a notice of one or two lines (the cookie notice and its privacy sentence) over the buttons
    let notice = 0;
    while (
      notice < BANNER_NOTICE_MAX_LINES &&
      !opensPage(k + notice) &&
      !isButton(lines[k + notice]) &&
      isNotice(lines[k + notice])
    )
      notice++;
    while (notice > 0 && !isButton(lines[k + notice])) notice--;
    k += notice;
    let buttons = 0;
    while (buttons < BANNER_MAX_BUTTONS && !opensPage(k) && isButton(lines[k])) {
      k++;
      buttons++;
    }
    if (buttons === 0) {
      k = start;
      break;
    }
    banners++;
  }
  return banners === 0 || k >= lines.length || !opensPage(k) ? 0 : k;
}

/**
 * Banners and footer links closing the page after the last card: walking up from the last line,
 * chrome lines (the copyright), footer links lines, and banners. Under the footer's first chrome
 * or links line nothing of the page is left: a banner there is any notice and its buttons (the
 * cookie notice). Above it, only an app banner: at least two buttons (the stores) under at most
 * a heading that is no sentence, or the footer's links one per line (at most FOOTER_LINK_LINES_MAX);
 * a story's closing signature over its last paragraph is not one.
 * Only a run holding a chrome or links line is the page's footer.
 */
export function bannersAtEnd(lines: ClassifiedLine[]): void {
  let k = lines.length - 1;
  let footer = false;
  while (k >= 0) {
    const line = lines[k] as ClassifiedLine;
    if (line.kind === 'chrome' || (line.kind === 'text' && isFooterLinksLine(line.text))) {
      footer = true;
      k--;
      continue;
    }
    if (line.kind === 'navigation') {
      k--;
      continue;
    }
    // under the footer's first chrome line, its links one per line (about, help, privacy, terms) run longer
    const most = footer ? FOOTER_LINK_LINES_MAX : BANNER_MAX_BUTTONS;
    let buttons = 0;
    while (buttons < most && isButton(lines[k - buttons])) buttons++;
    // …only right under the last card's date or reading time, not under a story's short lines
    if (buttons > BANNER_MAX_BUTTONS && !closesCard(lines, k - buttons)) buttons = BANNER_MAX_BUTTONS;
    if (buttons === 0 || (footer && buttons < BANNER_MIN_APP_BUTTONS)) break;
    k -= buttons;
    const notice = lines[k];
    if (!isNotice(notice) || isButton(notice)) continue;
    if (footer ? !endsSentence((notice as ClassifiedLine).text) : !isCardSummary(lines, k)) k--;
  }
  if (!footer) return;
  for (let j = k + 1; j < lines.length; j++) {
    const line = lines[j] as ClassifiedLine;
    if (line.kind !== 'text') continue;
    lines[j] = { ...line, kind: isFooterLinksLine(line.text) ? 'navigation' : 'chrome', locales: [] };
  }
}

/** The end of a card: its date or its reading time. */
function closesCard(lines: readonly ClassifiedLine[], k: number): boolean {
  const kind = lines[k]?.kind;
  return kind === 'date' || kind === 'reading-time';
}

/** A sentence under a short line that is none: the last card's summary under its title. */
function isCardSummary(lines: readonly ClassifiedLine[], k: number): boolean {
  return endsSentence((lines[k] as ClassifiedLine).text) && isTitleLine(lines[k - 1]);
}

/** A card's title: a short text line that is no sentence. */
function isTitleLine(line: ClassifiedLine | undefined): boolean {
  return (
    line !== undefined &&
    line.kind === 'text' &&
    !endsSentence(line.text) &&
    line.text.length <= NAVIGATION_MAX_CHARS * 3
  );
}

/**
 * `Newspapers in English` / `Newspapers from Ind`: a footer's two links closing the page, in any
 * language and with no copyright line above them: two short lines, no sentence, opening with the
 * same word (of at least FOOTER_PAIR_MIN_WORD_CHARS letters) and differing after it, under a line
 * that ends a sentence (the story's last paragraph). The last may be cut mid-word, also inside
 * the word both open with (`Újságok magyar nyelven` / `Újsá`). They are navigation.
 */
export function footerLinkPairAtEnd(lines: ClassifiedLine[]): void {
  const last = lines.length - 1;
  const [above, first, second] = [lines[last - 2], lines[last - 1], lines[last]];
  if (above === undefined || first === undefined || second === undefined) return;
  if (!endsSentence(above.text) || !isFooterLink(first) || !isFooterLink(second)) return;
  const word = first.text.split(' ')[0] as string;
  if ([...word].length < FOOTER_PAIR_MIN_WORD_CHARS || wordCount(first.text) < 2) return;
  // the last link cut inside the word both open with (`Jornals en occitan` / `Jorna`)
  const cutInWord = second.text.length >= FOOTER_CUT_LINK_MIN_CHARS && word.startsWith(second.text);
  if (
    !cutInWord &&
    (!second.text.startsWith(`${word} `) || first.text === second.text || wordCount(second.text) < 2)
  )
    return;
  for (const at of [last - 1, last]) lines[at] = { ...(lines[at] as ClassifiedLine), kind: 'navigation' };
}

function isFooterLink(line: ClassifiedLine): boolean {
  return (
    line.kind === 'text' &&
    line.text.length <= NAVIGATION_MAX_CHARS &&
    !endsSentence(line.text) &&
    !hasDigit(line.text) &&
    wordCount(line.text) <= FOOTER_LINK_MAX_WORDS + 1
  );
}
