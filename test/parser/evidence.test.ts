import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proseSentences } from '../../src/parser/evidence.js';
import { parsePage } from '../../src/parser/index.js';

describe('evidence of a story', () => {
  it('a shopping list is not a story: no story, no edition, and a warning saying why', () => {
    const out = parsePage('Shopping list\nMilk\nEggs\nBread');
    expect(out.story).toBeNull();
    expect(out.edition).toBeNull();
    expect(out.warnings.some((w) => w.startsWith('no story:') && w.includes('running prose'))).toBe(true);
    // every line is still accounted for
    expect(out.removed.map((r) => r.text)).toEqual(['Shopping list', 'Milk', 'Eggs', 'Bread']);
  });

  it('a package.json is not a story', () => {
    const out = parsePage(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(out.story).toBeNull();
    expect(out.edition).toBeNull();
    expect(out.warnings.some((w) => w.startsWith('no story:'))).toBe(true);
  });

  it('two sentences of running prose are a story, with no platform or header', () => {
    const out = parsePage(
      'The council met on Tuesday to discuss the new bridge.\nMost members said the plan would cost far too much money.',
    );
    expect(out.story?.paragraphs).toHaveLength(2);
  });

  it('a short text with a printed edition date or a byline keeps its story', () => {
    const dated = parsePage('Rain at last\nThe Hindu | October 23, 2024\nIt rained.');
    expect(dated.story?.title).toBe('Rain at last');
    const bylined = parsePage('Rain at last\nFinally, some water\n- By Jane Doe\nIt rained.\nIt stopped.');
    expect(bylined.story?.byline).toBe('Jane Doe');
  });

  it('counts sentences by their shape in any script, not by vocabulary', () => {
    expect(
      proseSentences([
        'Der Rat traf sich am Dienstag, um die neue Brücke zu besprechen. Die meisten Mitglieder waren dagegen und sagten es laut.',
      ]),
    ).toBe(2);
    expect(
      proseSentences(['市议会周二开会讨论新桥的建设计划。大多数议员认为这个计划的费用实在太高了。']),
    ).toBe(2);
    // dots inside tokens and code-shaped text do not make sentences
    expect(
      proseSentences([
        '"build": "tsc -p tsconfig.build.json && node -e require(\'node:fs\').chmodSync(\'dist/cli.js\')"',
      ]),
    ).toBe(0);
    expect(
      proseSentences(['{ "a": 1, "b": [1, 2, 3], "c": { "d": "e" } }. { "x": "y", "z": [4, 5, 6] }.']),
    ).toBe(0);
    expect(proseSentences(['Milk.', 'Eggs and bread.'])).toBe(0);
  });
});
