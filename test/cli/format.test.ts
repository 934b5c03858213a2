import { describe, expect, it } from 'vitest';
import { formatPage } from '../../src/cli/format.js';
import type { ParsedPage } from '../../src/parser/types.js';

const page: ParsedPage = {
  story: {
    title: 'Rates *rise* again',
    deck: 'The bank_moves',
    byline: 'A. Writer',
    dateline: null,
    paragraphs: ['# not a heading', '- not a list', '1. not a list either', 'Plain [text] <b>'],
    language: 'en',
  },
  edition: { publication: 'The Paper', date: '2024-10', label: null, platform: 'pressreader' },
  teasers: [
    { title: 'Next', summary: null, publication: null, date: null, partial: true },
    { title: 'Other', summary: 'More.', publication: 'The Paper', date: 'Oct 2024', partial: false },
  ],
  page_locale: 'en',
  removed: [],
  warnings: [],
};

// The Markdown and text renderers are the API's (test/render/): these pin what a parse adds.
describe('CLI formatting', () => {
  it('prints JSON as POST /v1/parse serves it, pretty-printed', () => {
    expect(JSON.parse(formatPage(page, 'json'))).toEqual(page);
    expect(formatPage(page, 'json')).toContain('\n  "story": {');
  });

  it('renders Markdown, teasers unlinked (a parse stores nothing to link to)', () => {
    expect(formatPage(page, 'markdown')).toBe(
      [
        '# Rates \\*rise\\* again',
        '*The bank\\_moves*',
        'By A. Writer',
        '\\# not a heading',
        '\\- not a list',
        '1\\. not a list either',
        'Plain \\[text\\] \\<b\\>',
        '---',
        '*The Paper, 2024-10 (PressReader)*',
        '## More stories',
        '- **Next**\n- **Other** — More.',
      ].join('\n\n') + '\n',
    );
  });

  it('renders plain text', () => {
    expect(formatPage(page, 'text')).toBe(
      [
        'Rates *rise* again\nThe bank_moves\nBy A. Writer',
        '# not a heading',
        '- not a list',
        '1. not a list either',
        'Plain [text] <b>',
        'The Paper, 2024-10',
        'More stories\n* Next\n* Other: More.',
      ].join('\n\n') + '\n',
    );
  });

  it('prints the date as printed when the page has it', () => {
    const labelled: ParsedPage = {
      ...page,
      edition: { publication: 'X', date: '2024-10-23', label: 'October 23, 2024', platform: null },
      teasers: [],
    };
    expect(formatPage(labelled, 'markdown')).toMatch(/\n\n---\n\n\*X, October 23, 2024\*\n$/);
    expect(formatPage(labelled, 'text')).toMatch(/\n\nX, October 23, 2024\n$/);
  });

  it('says when there is no story, and still prints what the page holds', () => {
    const empty: ParsedPage = { ...page, story: null, edition: null, teasers: [] };
    expect(formatPage(empty, 'markdown')).toBe('*No main story found on this page.*\n');
    expect(formatPage(empty, 'text')).toBe('No main story found on this page.\n');
    const listing: ParsedPage = { ...page, story: null };
    expect(formatPage(listing, 'text')).toBe(
      'No main story found on this page.\n\nThe Paper, 2024-10\n\nMore stories\n* Next\n* Other: More.\n',
    );
  });
});
