import { describe, expect, it } from 'vitest';

import { median, percentile } from '../../bench/lib/stats.js';

describe('bench stats', () => {
  it('takes nearest-rank percentiles from unsorted samples without reordering them', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
    expect(samples).toEqual([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
  });

  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('says NaN, not zero, when there is nothing to summarise', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(median([])).toBeNaN();
  });
});
