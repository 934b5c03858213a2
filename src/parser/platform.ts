/**
 * Which newsstand printed the page, and what that platform's pages look like: read from the
 * URL's host, then from platform text, then from line kinds only one platform prints (all of
 * it data in rules/platforms.ts).
 */

import type { ClassifiedLine } from './classify.js';
import { logoPlatform, setsDropCaps } from './platform-grammars.js';
import { PLATFORMS } from './rules/platforms.js';
import type { Platform } from './types.js';

/** The host of a URL, lower-cased, without credentials or port; '' when there is none. */
export function urlHost(url: string): string {
  let rest = url.trim().toLowerCase();
  const scheme = rest.indexOf('//');
  if (scheme >= 0 && scheme <= 10) rest = rest.slice(scheme + 2);
  const end = rest.search(/[/?#]/u);
  if (end >= 0) rest = rest.slice(0, end);
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  const colon = rest.indexOf(':');
  return colon >= 0 ? rest.slice(0, colon) : rest;
}

/** The platform named by the URL's host, or else by platform text on the page. */
export function detectPlatform(
  url: string | null | undefined,
  lines: readonly { text: string; kind: string }[],
): Platform | null {
  if (typeof url === 'string' && url !== '') {
    const host = urlHost(url);
    for (const rules of PLATFORMS) {
      if (rules.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return rules.platform;
    }
  }
  for (const rules of PLATFORMS) {
    if (rules.textMarkers.some((m) => lines.some((l) => l.text.includes(m)))) return rules.platform;
    // its logo: the platform's name alone on a line
    if (lines.some((l) => l.kind === 'chrome' && l.text === rules.displayName)) return rules.platform;
  }
  // a logo's alt text in the UI's language (`ZINIO लोगो`)
  for (const line of lines) {
    const logo = line.kind === 'chrome' ? logoPlatform(line.text) : null;
    if (logo !== null) return logo;
  }
  for (const rules of PLATFORMS) {
    const kinds = rules.exclusiveLineKinds;
    if (kinds !== undefined && lines.some((l) => kinds.includes(l.kind))) return rules.platform;
  }
  return null;
}

/** Line kinds only a newsstand prints: one on the page is evidence of a newsstand page. */
const PLATFORM_SIGNAL_KINDS: ReadonlySet<string> = new Set([
  'edition-line',
  'trial',
  'paywall',
  'sign-in',
  'more-stories',
  'try-gold',
  'upsell',
  'promo',
  'brand',
  'issue-contents',
  'issue-count',
]);

/** Whether the page prints any line only a newsstand prints. */
export function printsPlatformLines(lines: readonly ClassifiedLine[]): boolean {
  return lines.some((l) => PLATFORM_SIGNAL_KINDS.has(l.kind));
}

/** How the platform sets a story page, as the story extractor needs it. */
export interface PlatformLayout {
  /** Story pages open with the publication's name above the title. */
  leadingPublication: boolean;
  /** Story pages set a drop cap the capture may have mangled. */
  dropCaps: boolean;
  /** Story pages may open with a content-type label above the publication, the title and the date (or the platform is unknown). */
  labelledHeader: boolean;
  platformUnknown: boolean;
}

export function platformLayout(platform: Platform | null): PlatformLayout {
  return {
    leadingPublication: PLATFORMS.some((p) => p.platform === platform && p.leadingPublication),
    dropCaps: setsDropCaps(platform),
    labelledHeader:
      platform === null || PLATFORMS.some((p) => p.platform === platform && p.labelledHeader === true),
    platformUnknown: platform === null,
  };
}

/**
 * Whether a preview wall that does not name the brand may close the story: on a platform that
 * closes its stories with one, and on a page whose platform is not known (the same text must
 * parse the same with or without its URL).
 */
export function closesWithPreviewWall(platform: Platform | null): boolean {
  return platform === null || PLATFORMS.some((p) => p.platform === platform && p.previewWall === true);
}
