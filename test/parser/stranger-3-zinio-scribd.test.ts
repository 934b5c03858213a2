/**
 * Stranger-3 classes 3 (Zinio in other UI languages) and 4 (Scribd previews with a label
 * header), each mechanism shown on lines made up for this test: shapes, not strings.
 * The golden pages 482–491 show them on whole pages.
 */
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/parser/classify.js';
import { matchIssueTitle } from '../../src/parser/edition.js';
import { parsePage } from '../../src/parser/index.js';
import { extractByline } from '../../src/parser/bylines.js';

describe('Zinio issue lines in any UI language (class 3)', () => {
  it('under a name printed twice glued, a short rest with a number is the issue, no date', () => {
    expect(matchIssueTitle('Deltablad Deltablad', 'Deltablad Nummer 77')).toBeNull();
    expect(matchIssueTitle('DeltabladDeltablad', 'Deltablad Nummer 77')).toEqual({
      publication: 'Deltablad',
      date: { label: 'Nummer 77', iso: null },
    });
  });

  it('the name line may be set in another case: the issue line prints the name', () => {
    expect(matchIssueTitle('DELTABLADDELTABLAD', 'Deltablad Nummer 77')?.publication).toBe('Deltablad');
  });

  it('a date printed in the issue name dates the edition', () => {
    expect(matchIssueTitle('DeltabladDeltablad', 'Deltablad Edição de Março 2023')?.date).toEqual({
      label: 'Março 2023',
      iso: '2023-03',
    });
  });

  it('needs the doubled name, a number, and no sentence', () => {
    expect(matchIssueTitle('Deltablad', 'Deltablad Nummer 77')).toBeNull();
    expect(matchIssueTitle('DeltabladDeltablad', 'Deltablad Nummer')).toBeNull();
    expect(matchIssueTitle('DeltabladDeltablad', 'Deltablad sold 77 copies.')).toBeNull();
  });

  it('a label glued to a link icon is navigation in any language; a sentence is not', () => {
    const out = parsePage(
      ['/ Věda', 'DeltabladDeltablad', 'Deltablad Nummer 77', '', 'Číst dálekeyboard_arrow_down'].join('\n'),
      { url: 'https://www.zinio.com/cz/deltablad/nummer-77-i1' },
    );
    expect(out.removed).toContainEqual({ text: 'Číst dálekeyboard_arrow_down', reason: 'navigation' });
    expect(classifyLine('Read the whole story here.', false).kind).toBe('text');
  });
});

describe('page_locale from a store breadcrumb alone (class 3)', () => {
  const page = (crumb: string): string =>
    [
      crumb,
      'DeltabladDeltablad',
      'Deltablad Nummer 77',
      '',
      'Un port nou pentru Constanța',
      'access_time5 min.',
      '',
      'Autoritatea portuară a aprobat planul pentru un terminal nou de containere, care ar trebui să fie gata până la sfârșitul anului 2026.',
      'Locuitorii din cartierele apropiate se tem de zgomot și de camioane, iar primăria promite o centură ocolitoare.',
    ].join('\n');

  it('a letter only one language writes names it, with `&` or not', () => {
    expect(parsePage(page('/ Știri & Politică')).page_locale).toBe('ro');
    expect(parsePage(page('/ Hírek & Közélet')).page_locale).toBe('hu');
  });

  it('an English store category is English', () => {
    expect(parsePage(page('/ News & Politics')).page_locale).toBe('en');
  });
});

describe('bylines opened by a lower-case word (class 3)', () => {
  it('a short lower-case word before a capitalised name is the opener', () => {
    expect(extractByline('di Marco Ferri')).toBe('Marco Ferri');
    expect(extractByline('od Jana Nováka')).toBe('Jana Nováka');
  });

  it('a name that is one capitalised word after a particle stays as printed', () => {
    expect(extractByline('de Souza')).toBe('de Souza');
  });
});

describe('glued card lines in any language (class 4)', () => {
  it('a publication glued to a reading time, with or without a section', () => {
    expect(classifyLine('Deltablad7 min čteníPolitika', false)).toMatchObject({
      kind: 'card-publication',
      publication: 'Deltablad',
    });
    expect(classifyLine('デルタ4分で読めます', false)).toMatchObject({
      kind: 'card-publication',
      publication: 'デルタ',
    });
  });

  it('a reading time in a script without spaces opens with its word for "minute"', () => {
    expect(classifyLine('5分で読める', false).kind).toBe('reading-time');
    expect(classifyLine('5分で読める長い記事のタイトル', false).kind).toBe('text');
  });

  it('a word that only begins like "minute" or a number standing apart is no card line', () => {
    expect(classifyLine('Apollo11 ministers resign', false).kind).toBe('text');
    expect(classifyLine('Deltablad 7 min čtení', false).kind).not.toBe('card-publication');
  });
});

describe('Scribd previews with a label header and an unbranded wall (class 4)', () => {
  const story = [
    'Čtení',
    'Deltablad',
    'Přístav se rozšíří o nový terminál',
    '2. března 2023',
    '6 min čtení',
    'Přístavní správa schválila plán, podle kterého má nový terminál pro kontejnery stát do konce roku 2026 na místě bývalých skladů.',
    'Obyvatelé okolních ulic se obávají hluku a nákladních aut, radnice slibuje obchvat a protihlukové stěny podél železnice, ale zatím bez',
    'Tento článek je jen pro předplatitele.',
    'Přečtěte si celý článek se zkušební verzí na 30 dní.',
    'Začít zkušební verzi',
    'Více z Deltablad',
    'Deltablad4 min čtení',
    'Nový most přes řeku',
    'Stavba začne na jaře a potrvá tři roky.',
  ].join('\n');

  for (const url of ['https://www.scribd.com/article/1/Pristav', undefined]) {
    it(`reads the header and drops the wall (${url === undefined ? 'no URL' : 'Scribd URL'})`, () => {
      const out = parsePage(story, url === undefined ? {} : { url });
      expect(out.story).toMatchObject({ title: 'Přístav se rozšíří o nový terminál', deck: null });
      expect(out.story?.paragraphs).toHaveLength(2);
      expect(out.edition).toMatchObject({ publication: 'Deltablad', date: '2023-03-02' });
      expect(out.teasers.map((t) => t.publication)).toEqual(['Deltablad']);
    });
  }

  it('under its label header, a preview with no cards ends with its wall', () => {
    const page = story.slice(0, story.indexOf('\nVíce z Deltablad'));
    const out = parsePage(page, { url: 'https://www.scribd.com/article/1/Pristav' });
    expect(out.story?.paragraphs).toHaveLength(2);
    expect(out.removed.filter((r) => r.reason === 'paywall')).toHaveLength(3);
  });

  it('keeps short closing paragraphs that end in sentences when no button closes the run', () => {
    const page = story
      .replace('Začít zkušební verzi', 'Radnice chce rozhodnout do léta.')
      .replace(', ale zatím bez', ', ale zatím bez peněz.');
    const out = parsePage(page, { url: 'https://www.scribd.com/article/1/Pristav' });
    expect(out.story?.paragraphs.at(-1)).toBe('Radnice chce rozhodnout do léta.');
  });
});
