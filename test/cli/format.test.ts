import { describe, expect, it } from 'vitest';
import { editionLine, escapeMarkdown, formatMarkdown, formatText } from '../../src/cli/format.js';
import type { ParsedPage } from '../../src/parser/types.js';

const page: ParsedPage = {
  story: {
    title: 'Rates *rise* again',
    deck: 'The bank_moves',
    byline: 'By A. Writer',
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

describe('CLI formatting', () => {
  it('escapes Markdown so text shows literally', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('2024. A year')).toBe('2024\\. A year');
    expect(escapeMarkdown('3.5 million')).toBe('3.5 million');
    expect(escapeMarkdown('a *b* _c_ [d] <e> `f` |g| \\h')).toBe(
      'a \\*b\\* \\_c\\_ \\[d\\] \\<e\\> \\`f\\` \\|g\\| \\\\h',
    );
  });

  it('writes the edition line from what is known', () => {
    expect(editionLine(null)).toBeNull();
    expect(editionLine({ publication: null, date: null, label: null, platform: null })).toBeNull();
    expect(editionLine(page.edition)).toBe('The Paper · 2024-10 · PressReader');
    expect(
      editionLine({ publication: 'X', date: '2024-10-23', label: 'October 23, 2024', platform: null }),
    ).toBe('X · October 23, 2024 (2024-10-23)');
  });

  it('renders Markdown', () => {
    expect(formatMarkdown(page)).toBe(
      [
        '# Rates \\*rise\\* again',
        '_The bank\\_moves_',
        '**By A. Writer**',
        '\\# not a heading',
        '\\- not a list',
        '1\\. not a list either',
        'Plain \\[text\\] \\<b\\>',
        '---',
        '_The Paper · 2024-10 · PressReader_',
        '## Related stories',
        '1. **Next** _(cut off)_\n2. **Other** — More. _(The Paper, Oct 2024)_',
      ].join('\n\n') + '\n',
    );
  });

  it('renders plain text', () => {
    expect(formatText(page)).toBe(
      [
        'Rates *rise* again\nThe bank_moves\nBy A. Writer',
        '# not a heading',
        '- not a list',
        '1. not a list either',
        'Plain [text] <b>',
        'Edition: The Paper · 2024-10 · PressReader',
        'Related stories:\n1. Next\n   (cut off)\n2. Other\n   More.\n   (The Paper, Oct 2024)',
      ].join('\n\n') + '\n',
    );
  });

  it('says when there is no story', () => {
    const empty: ParsedPage = { ...page, story: null, edition: null, teasers: [] };
    expect(formatMarkdown(empty)).toBe('_No main story found on this page._\n');
    expect(formatText(empty)).toBe('No main story found on this page.\n');
  });
});
