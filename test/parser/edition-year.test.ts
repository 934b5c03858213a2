import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';

const WISDEN = new URL('../fixtures/pages/375-en-magzter-wisden-year-only-edition/', import.meta.url);

describe('an edition printed with the year only (issue 11)', () => {
  it('dates the edition with the precision printed: 2024, from the edition line and the Pub|2024 header', () => {
    const out = parsePage(readFileSync(new URL('raw.txt', WISDEN), 'utf8'), {
      url: 'https://www.magzter.com/stories/Sports/Wisden-Cricketers-Almanack/The-Summer-Of-The-Long-Spells',
    });
    expect(out.edition).toEqual({
      publication: "Wisden Cricketers' Almanack",
      date: '2024',
      label: '2024',
      platform: 'magzter',
    });
    // the header is read as a header: title, deck and byline, not body
    expect(out.story?.title).toBe('The Summer Of The Long Spells');
    expect(out.story?.byline).toBe('Lawrence Booth');
    expect(out.story?.paragraphs).toHaveLength(2);
  });

  it('reads the year from the header alone, with no edition line', () => {
    const out = parsePage(
      'Almanac Of The Sea\nThe Mariner Annual|1998\nA year of storms, wrecks and rescues on the northern routes.\nJane Hollis\n' +
        'The winter gales came early that year, and the lifeboat crews were out before the first frost.\n' +
        'By March they had answered more calls than in any season since the station opened.',
    );
    expect(out.edition?.publication).toBe('The Mariner Annual');
    expect(out.edition?.date).toBe('1998');
    expect(out.edition?.label).toBe('1998');
  });

  it('a year alone in running text or on a line of its own is no edition date', () => {
    const out = parsePage(
      'The bridge was finished in 2024 after nine years of work and three changes of contractor.\n2024\n' +
        'Most of the town turned out to watch the first train cross it on a cold morning in March.',
    );
    expect(out.edition).toBeNull();
    expect(out.story?.paragraphs).toContain('2024');
  });
});
