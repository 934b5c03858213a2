/**
 * Line accounting: every non-empty line either feeds an output field or is
 * removed with a reason, exactly once. One ledger per parse call.
 */

import type { RemovalReason, RemovedLine } from './types.js';
import type { ClassifiedLine, LineKind } from './classify.js';

/** Removal reason of each boilerplate kind; content kinds are absent. */
export const BOILERPLATE_REASON: Readonly<Partial<Record<LineKind, RemovalReason>>> = {
  'edition-line': 'edition-line',
  trial: 'paywall',
  paywall: 'paywall',
  'sign-in': 'sign-in',
  'more-stories': 'more-stories',
  'try-gold': 'upsell',
  upsell: 'upsell',
  promo: 'upsell',
  price: 'upsell',
  brand: 'paywall',
  navigation: 'navigation',
  chrome: 'navigation',
  category: 'navigation',
  'issue-contents': 'navigation',
  'issue-count': 'navigation',
  'reading-time': 'reading-time',
  learned: 'learned-boilerplate',
};

export function isBoilerplate(line: ClassifiedLine): boolean {
  return BOILERPLATE_REASON[line.kind] !== undefined;
}

export class Ledger {
  private readonly reasons: (RemovalReason | null)[];
  private readonly used: boolean[];

  constructor(private readonly lines: readonly ClassifiedLine[]) {
    this.reasons = lines.map(() => null);
    this.used = lines.map(() => false);
  }

  /** The line feeds an output field. */
  use(line: ClassifiedLine): void {
    this.used[line.index] = true;
    this.reasons[line.index] = null;
  }

  remove(line: ClassifiedLine, reason: RemovalReason): void {
    if (!this.used[line.index]) this.reasons[line.index] = reason;
  }

  /** Take back a line's use (its field was dropped) and remove it with this reason. */
  discard(line: ClassifiedLine, reason: RemovalReason): void {
    this.used[line.index] = false;
    this.reasons[line.index] ??= reason;
  }

  /** Remove a boilerplate line with the reason of its kind. */
  removeBoilerplate(line: ClassifiedLine): void {
    const reason = BOILERPLATE_REASON[line.kind];
    if (reason !== undefined) this.remove(line, reason);
  }

  isPlaced(line: ClassifiedLine): boolean {
    return this.used[line.index] === true || this.reasons[line.index] !== null;
  }

  /** Removed lines in input order; a line no stage placed is removed as layout and counted. */
  removedLines(): { removed: RemovedLine[]; unplaced: number } {
    const removed: RemovedLine[] = [];
    let unplaced = 0;
    for (const line of this.lines) {
      if (this.used[line.index]) continue;
      const reason = this.reasons[line.index];
      if (reason === null || reason === undefined) unplaced++;
      const text = line.printed ?? line.text;
      if (reason === 'learned-boilerplate' && line.evidence !== undefined)
        removed.push({ text, reason, evidence: line.evidence });
      else removed.push({ text, reason: reason ?? 'layout' });
    }
    return { removed, unplaced };
  }
}
