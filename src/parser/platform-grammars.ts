/**
 * Per-platform grammars: named matchers over the data in `rules/platforms.ts`
 * (Postlight-style site rules over the generic pipeline). Each matcher reads
 * one construct a platform prints; a platform without the rule is untouched.
 */

import { parseEditionLabel, type PrintedDate } from './edition.js';
import { PLATFORMS } from './rules/platforms.js';
import type { CreditLineRules } from './rules/types.js';
import { CARD_PUBLICATION_MAX_CHARS, CREDIT_LINE_MAX_CHARS } from './settings.js';
import { endsSentence, startsLowercase } from './text.js';
import type { Platform } from './types.js';

const CREDIT_RULES: readonly CreditLineRules[] = PLATFORMS.flatMap((p) =>
  p.creditLine === undefined ? [] : [p.creditLine],
);
const WRITER_OPENERS: readonly string[] = [
  ...new Set(CREDIT_RULES.flatMap((r) => r.writerOpeners.map((o) => o.toLowerCase()))),
].sort((a, b) => b.length - a.length);
const OTHER_CREDITS: readonly string[] = [
  ...new Set(CREDIT_RULES.flatMap((r) => r.otherCredits.map((o) => o.toLowerCase()))),
];

export interface CreditLine {
  publication: string;
  byline: string | null;
  date: PrintedDate | null;
}

/** `By Rhea Mogul` → `Rhea Mogul`; `TEXTO: Ana Ruiz, FOTO: EFE` → `Ana Ruiz`; null when no writer opener. */
function writerOf(part: string): string | null {
  const folded = part.toLowerCase();
  for (const opener of WRITER_OPENERS) {
    if (!folded.startsWith(opener)) continue;
    const next = part.charAt(opener.length);
    if (!opener.endsWith(':') && next !== ' ') continue;
    let name = part.slice(opener.length).trim();
    const comma = name.indexOf(',');
    if (comma >= 0) name = name.slice(0, comma).trim();
    const lowerName = name.toLowerCase();
    for (const credit of OTHER_CREDITS) {
      const at = lowerName.indexOf(` ${credit}`);
      if (at >= 0) name = name.slice(0, at).trim();
    }
    return name;
  }
  return null;
}

/**
 * `Publication (City) - - Section - By Name, FOTO: …`: the publication, an
 * empty or dated slot, a section and the credits, joined by ` - `. Recognised
 * by its shape: the empty slot (` - - `) or a `(City)` publication, and a
 * writer's credit. Returns null for anything else.
 */
export function matchCreditLine(text: string): CreditLine | null {
  if (WRITER_OPENERS.length === 0 || text.length > CREDIT_LINE_MAX_CHARS) return null;
  // the empty slot, or a `(City)` publication before the first dash: most lines have neither
  if (!text.includes(' - -') && !text.includes(') -')) return null;
  const parts = text.split(' -').map((p) => p.trim());
  const publication = parts[0] ?? '';
  if (
    publication === '' ||
    publication.length > CARD_PUBLICATION_MAX_CHARS ||
    (endsSentence(publication) && !publication.endsWith(')'))
  )
    return null;
  const emptySlot = parts.slice(1).some((p) => p === '');
  if (!emptySlot && !publication.endsWith(')')) return null;
  let byline: string | null = null;
  let credited = false;
  let date: PrintedDate | null = null;
  for (const part of parts.slice(1)) {
    if (part === '') continue;
    const writer = writerOf(part);
    if (writer !== null) {
      credited = true;
      byline ??= writer === '' ? null : writer;
      continue;
    }
    date ??= parseEditionLabel(part);
  }
  if (!credited) return null;
  return { publication, byline, date: date?.iso === null ? null : date };
}

const DROP_CAP_PLATFORMS: ReadonlySet<Platform> = new Set(
  PLATFORMS.filter((p) => p.dropCaps === true).map((p) => p.platform),
);

export function setsDropCaps(platform: Platform | null): boolean {
  return platform !== null && DROP_CAP_PLATFORMS.has(platform);
}

/** `TTata Electronics` (the drop cap printed and then the word whole): the doubled capital. */
const DOUBLED_CAPITAL = /^(\p{Lu})\1(?=\p{Ll})/u;
/** `A27 de Agosto`: a one-letter word set as a drop cap and glued to a day number before `de`/`of`. */
const GLUED_ONE_LETTER_WORD = /^([AEOY])\d{1,2} (?=(?:de|of|di|du|del) )/u;
/** A first word all in lower case, letters only (`the government said…`): `iPhone` or `eBay` are not. */
const LOWERCASE_WORD = /^\p{Ll}+(?=[ ,])/u;

/**
 * The first body line of a story whose drop cap the capture mangled,
 * repaired conservatively: a doubled capital loses one copy, a one-letter
 * word glued to a number gets its space back, a first word in lower case gets
 * its capital. Anything else is returned unchanged.
 */
export function repairDropCap(text: string): string {
  if (DOUBLED_CAPITAL.test(text)) return text.slice(1);
  const glued = GLUED_ONE_LETTER_WORD.exec(text);
  if (glued) return `${glued[1]} ${text.slice(1)}`;
  if (startsLowercase(text) && LOWERCASE_WORD.test(text)) return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}
