/**
 * The generic rules must carry a page whose UI strings no locale file knows.
 * This file empties the locale table before the parser compiles its
 * vocabulary (vitest gives each test file its own module graph), then parses
 * every Magzter page: everything but the UI language must still come out
 * exactly as labelled, with no platform text in the story or the teasers.
 */

import { describe, expect, it } from 'vitest';
import { expectedShape, loadFixtures, missingRemovals, toExpectedShape } from '../helpers/fixtures.js';
import { leaks } from '../../scripts/lib/metrics.js';
import { LOCALES } from '../../src/parser/rules/locales/index.js';
import type { LocaleRules } from '../../src/parser/rules/types.js';

(LOCALES as LocaleRules[]).splice(0);
const { parsePage } = await import('../../src/parser/index.js');

/**
 * Magzter pages, non-pages (a shopping list), and PressReader pages whose footer links follow the platform's
 * untranslated copyright line; Zinio prints English store chrome ("Read More",
 * "in this issue") that only the `en` data knows.
 */
const CARRIED = loadFixtures().filter(
  (f) =>
    f.source.platform === 'magzter' ||
    (f.source.platform === 'pressreader' && f.raw.includes('© PressReader')) ||
    // text that is not a newsstand page is told by its shape alone
    f.id.includes('not-a-page'),
);

describe('no locale files at all', () => {
  it('has pages to check', () => {
    expect(CARRIED.length).toBeGreaterThanOrEqual(40);
  });

  for (const fixture of CARRIED) {
    it(`${fixture.id}: every field but the UI language, no leaks`, () => {
      const out = parsePage(fixture.raw, { url: fixture.source.url });
      const { page_locale: _got, ...got } = toExpectedShape(out);
      const { page_locale: _want, ...want } = expectedShape(fixture.expected);
      expect(got).toEqual(want);
      expect(leaks(out, fixture.expected)).toEqual([]);
      expect(missingRemovals(out, fixture.expected)).toEqual([]);
    });
  }
});
