import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/parser/classify.js';
import { parsePage } from '../../src/parser/index.js';
import {
  findIssueLabel,
  findPrintedDate,
  parseEditionLabel,
  parsePrintedDate,
} from '../../src/parser/edition.js';

describe('parsePrintedDate', () => {
  it.each([
    ['October 23, 2024', '2024-10-23'],
    ['September 01, 2025', '2025-09-01'],
    ['January 20, 2024', '2024-01-20'],
    ['April 2024', '2024-04'],
    ['MARCH 2025', '2025-03'],
    ['Feb 2024', '2024-02'],
    ['OCT 2025', '2025-10'],
    ['Sept 2019', '2019-09'],
    ['Feb. 2024', '2024-02'],
    ['September2021', '2021-09'],
    ['23 October 2024', '2024-10-23'],
    ['October 23 2024', '2024-10-23'],
    ['February 29, 2024', '2024-02-29'],
    ['December 2024 - January 2025', '2024-12'],
    ['May/June 2024', '2024-05'],
    ['May - June 2024', '2024-05'],
  ])('%s → %s, label kept as printed', (text, iso) => {
    expect(parsePrintedDate(text)).toEqual({ label: text, iso });
  });

  it.each([
    ['2024'],
    ['Issue 123'],
    ['Octember 2024'],
    ['February 30, 2024'],
    ['February 29, 2023'],
    ['October 32, 2024'],
    ['June 0999'],
    ['Hope is about being more accepting'],
    [''],
    ['May'],
  ])('%s is not a date', (text) => {
    expect(parsePrintedDate(text)).toBeNull();
  });
});

describe('issue numbers', () => {
  it.each([
    ['Issue 17, 2023', 'Issue 17, 2023'],
    ['Issue 231', 'Issue 231'],
  ])('%s is an issue label without a date', (text, label) => {
    expect(parseEditionLabel(text)).toEqual({ label, iso: null });
  });

  it('finds an issue glued to a suffix inside an edition line', () => {
    expect(
      findIssueLabel('Denne historie er fra Issue 14, 2025-udgaven af Illustreret Videnskab.')?.label,
    ).toBe('Issue 14, 2025');
  });

  it('extends a found date to the range it opens', () => {
    const found = findPrintedDate('Denne historie er fra December 2024 - January 2025-udgaven af Filmfare.');
    expect(found).toMatchObject({ label: 'December 2024 - January 2025', iso: '2024-12' });
  });
});

describe('findPrintedDate', () => {
  it('finds a date glued to a suffix', () => {
    const text = 'Diese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.';
    const found = findPrintedDate(text);
    expect(found?.label).toBe('October 23, 2024');
    expect(found?.iso).toBe('2024-10-23');
    expect(text.slice(found?.start, found?.end)).toBe('October 23, 2024');
  });

  it('finds a month-year date inside a sentence', () => {
    expect(findPrintedDate('Questa storia è tratta dall’edizione April 2023 di Storizen.')?.iso).toBe(
      '2023-04',
    );
  });

  it('returns null when there is no date', () => {
    expect(findPrintedDate('May the force be with you in 2024 and beyond')).toBeNull();
    expect(findPrintedDate('')).toBeNull();
  });
});

describe('edition lines', () => {
  it.each([
    [
      'Diese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.',
      'de',
      'The Straits Times',
      '2024-10-23',
    ],
    ['This story is from the April 2024 edition of BBC TopGear India.', 'en', 'BBC TopGear India', '2024-04'],
    ['Denne historien er fra April 2023-utgaven av Storizen.', 'nb', 'Storizen', '2023-04'],
    [
      'Esta historia es de la edición MARCH 2025 de GLOBAL MOVIE MAGAZINE.',
      'es',
      'GLOBAL MOVIE MAGAZINE',
      '2025-03',
    ],
    ['هذه القصة من طبعة September 01, 2025 من India Today.', 'ar', 'India Today', '2025-09-01'],
    ['هذه القصة مأخوذة من طبعة November 2020 من Bike SA.', 'ar', 'Bike SA', '2020-11'],
    ['यह कहानी Motoring World के June 2023 संस्करण से ली गई है।', 'hi', 'Motoring World', '2023-06'],
    [
      'Bu hikaye Mint Mumbai dergisinin January 20, 2024 sayısından alınmıştır.',
      'tr',
      'Mint Mumbai',
      '2024-01-20',
    ],
  ])('%s', (line, locale, publication, iso) => {
    const c = classifyLine(line, false);
    expect(c.kind).toBe('edition-line');
    expect(c.locales).toEqual([locale]);
    expect(c.edition?.publication).toBe(publication);
    expect(c.edition?.date?.iso).toBe(iso);
  });

  it('an unrendered template yields no publication and no date', () => {
    const c = classifyLine('This story is from the {{IssueName}} edition of {{MagazineName}}.', false);
    expect(c.kind).toBe('edition-line');
    expect(c.edition).toEqual({ publication: null, date: null, issueText: null, placeholder: true });
  });

  it('an issue number is kept as printed, with no date', () => {
    const c = classifyLine('This story is from the Issue 42 edition of Wired.', false);
    expect(c.edition?.issueText).toBe('Issue 42');
    expect(c.edition?.date).toBeNull();
  });
});

describe('edition labels of other shapes (issue 11)', () => {
  it('reads a dashed day-month-year and a month glued to the year in any case', () => {
    expect(parsePrintedDate('23-APR-2017')).toEqual({ label: '23-APR-2017', iso: '2017-04-23' });
    expect(parsePrintedDate('july2025')).toEqual({ label: 'july2025', iso: '2025-07' });
    expect(parsePrintedDate('September2021')).toEqual({ label: 'September2021', iso: '2021-09' });
    expect(parsePrintedDate('SEPTEMBER2021')).toEqual({ label: 'SEPTEMBER2021', iso: '2021-09' });
  });

  it('reads issue numbers with or without the comma before the year', () => {
    expect(parseEditionLabel('Issue 17, 2023')).toEqual({ label: 'Issue 17, 2023', iso: null });
    expect(parseEditionLabel('Issue 50 2019')).toEqual({ label: 'Issue 50 2019', iso: null });
    expect(findIssueLabel('India Today Issue 50 2019')?.label).toBe('Issue 50 2019');
    expect(findIssueLabel('fra Issue 14, 2025-udgaven af Filmfare')?.label).toBe('Issue 14, 2025');
  });

  it('takes the date printed inside an issue name in an edition line', () => {
    const out = parsePage(
      [
        'Shah Rukh on his next act',
        'The actor talks about ageing, his children and the films he still wants to make before he stops.',
        'He says the industry has changed more in five years than in the twenty before them.',
        'This story is from the Filmfare 23-APR-2017 edition of Filmfare.',
        'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
        'Already a subscriber ? Sign In',
      ].join('\n'),
    );
    expect(out.edition).toMatchObject({ publication: 'Filmfare', date: '2017-04-23', label: '23-APR-2017' });
  });
});
