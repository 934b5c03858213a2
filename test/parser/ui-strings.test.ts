/**
 * Platform strings in UIs with no locale table (stranger-3 classes 6 and 7): what the
 * shape rules must take, and what they must leave alone.
 */

import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';
import { TRY_GOLD_SHAPE } from '../../src/parser/rules/generic.js';

describe('Try-GOLD label shape', () => {
  it('takes one to four words before the dash and one after', () => {
    for (const label of [
      'GOLDをお試し - 無料',
      'ลองใช้ทองคำ - ฟรี',
      'GOLD را امتحان کنید - رایگان',
      'Try GOLD - Free',
    ])
      expect(TRY_GOLD_SHAPE.test(label)).toBe(true);
  });

  it('leaves longer lines and lines with more after the dash', () => {
    expect(TRY_GOLD_SHAPE.test('One two three four five - six')).toBe(false);
    expect(TRY_GOLD_SHAPE.test('Try GOLD - Free for a month')).toBe(false);
  });
});

describe('a More-from header beside a footer', () => {
  it('is looked for only beside a platform footer, not after other chrome', () => {
    const page = [
      '/ News & Politics',
      'ZINIO logo',
      'Outlook',
      'Why the monsoon came late',
      'Meteorologists say warmer seas in the Arabian Sea held the rains back by two weeks this year.',
      'The delay hit sowing in three states, and reservoirs in the south are at their lowest level in a decade.',
    ].join('\n\n');
    const out = parsePage(page);
    expect(out.removed.some((r) => r.reason === 'more-stories')).toBe(false);
  });
});
