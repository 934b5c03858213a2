import { describe, expect, it } from 'vitest';
import { classifyLine, classifyLines } from '../../src/parser/classify.js';
import { normalizeInput } from '../../src/parser/normalize.js';
import { segment } from '../../src/parser/segment.js';
import { parsePage } from '../../src/parser/index.js';
import {
  findEditionYear,
  findIssueLabel,
  findIssueNumber,
  foldDigits,
  findPrintedDate,
  matchIssueTitle,
  parseEditionLabel,
  issuePartStart,
  parseIssueNameYear,
  parseNamedIssueDate,
  numericOrderShown,
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
    ['Issue 17, 2023', '2023'],
    ['Issue 231', null],
  ])('%s is an issue label dated by the year it prints: %s', (text, iso) => {
    expect(parseEditionLabel(text)).toEqual({ label: text, iso });
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

describe('issue lines of other shapes (stranger-4 class 1)', () => {
  it('reads an issue number over a year as an issue dated by its year', () => {
    expect(parseEditionLabel('Nr. 3/2023')).toEqual({ label: 'Nr. 3/2023', iso: '2023' });
    expect(parseEditionLabel('N° 17')).toEqual({ label: 'N° 17', iso: null });
  });

  it('dates an issue number printed with its date by the date', () => {
    expect(parseEditionLabel('Nº 17 · outubro 2023')).toEqual({ label: 'outubro 2023', iso: '2023-10' });
  });

  it('reads a month printed as its number and the word for month, year first', () => {
    expect(parseEditionLabel('2023 оны 10-р сар')).toEqual({ label: '2023 оны 10-р сар', iso: '2023-10' });
    expect(parseEditionLabel('2023 оны 13-р сар')).toBeNull();
  });

  it('reads a Zinio issue line in these shapes', () => {
    expect(matchIssueTitle('GEOGEO', 'GEO Nr. 3/2023')?.publication).toBe('GEO');
    expect(matchIssueTitle('Tempo', 'Tempo Nº 17 · outubro 2023')?.date.iso).toBe('2023-10');
  });
});

describe('seasons and numeric dates', () => {
  it('dates a season to its year, and a season double issue too', () => {
    expect(parsePrintedDate('Winter 2023')).toEqual({ label: 'Winter 2023', iso: '2023' });
    expect(parsePrintedDate('WINTER 2023')?.iso).toBe('2023');
    expect(parsePrintedDate('Spring/Summer 2023')?.iso).toBe('2023');
    expect(parsePrintedDate('Weather 2023')).toBeNull();
  });

  it('reads dotted digits day first, or year first when the year leads', () => {
    expect(parsePrintedDate('17.11.2023')?.iso).toBe('2023-11-17');
    expect(parsePrintedDate('2023.11.17.')?.iso).toBe('2023-11-17');
    expect(parsePrintedDate('31.02.2023')).toBeNull();
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

  it('finds a double issue printed as one token, dated by its first month', () => {
    expect(findPrintedDate('Tämä juttu on May-June 2023-numerosta Pyöräily.')).toMatchObject({
      label: 'May-June 2023',
      iso: '2023-05',
    });
  });

  it('finds digits with dots, day first, and a year-first worded date', () => {
    expect(findPrintedDate('Бұл мақала 17.11.2023. шығарылымынан')).toMatchObject({
      label: '17.11.2023',
      iso: '2023-11-17',
    });
    expect(findPrintedDate('Diena · 2023. gada 14. oktobris · Teksts')).toMatchObject({
      label: '2023. gada 14. oktobris',
      iso: '2023-10-14',
    });
  });

  it('finds a date inside brackets, without the bracket', () => {
    expect(findPrintedDate('Home//Liwayway/No. 12 (Oktubre 3, 2023)/Sa isyung ito')).toMatchObject({
      label: 'Oktubre 3, 2023',
      iso: '2023-10-03',
    });
  });

  it('returns null when there is no date', () => {
    expect(findPrintedDate('May the force be with you in 2024 and beyond')).toBeNull();
    expect(findPrintedDate('Version 1.2.3 shipped with 12.5.20 patches')).toBeNull();
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
    expect(parseEditionLabel('Issue 17, 2023')).toEqual({ label: 'Issue 17, 2023', iso: '2023' });
    expect(parseEditionLabel('Issue 50 2019')).toEqual({ label: 'Issue 50 2019', iso: '2019' });
    expect(findIssueLabel('India Today Issue 50 2019')?.iso).toBe('2019');
    expect(findIssueLabel('India Today Issue 50 2019')?.label).toBe('Issue 50 2019');
    expect(findIssueLabel('fra Issue 14, 2025-udgaven af Filmfare')?.label).toBe('Issue 14, 2025');
  });

  it('finds an issue number with no issue word by its number mark or running number (stranger-10 class 49)', () => {
    const text = 'Эта статья взята из номера № 14 (3321) издания Деловой Вестник.';
    const found = findIssueNumber(text);
    expect(found === null ? null : text.slice(found.start, found.end)).toBe('№ 14 (3321)');
    expect(findIssueNumber('from issue 14 (3321) of Pub')).not.toBeNull();
    expect(findIssueNumber('№14 of Pub')).not.toBeNull();
    // a number alone, or words in parentheses, is no issue number
    expect(findIssueNumber('He was 14 when the plant opened.')).toBeNull();
    expect(findIssueNumber('The plant (in Cherepovets) opened in 2024.')).toBeNull();
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

describe('header dates in other scripts and languages (stranger-2 class 2)', () => {
  it.each([
    ['٣ مارس ٢٠٢٢', '2022-03-03'],
    ['۱۵ ژانویه ۲۰۲۴', '2024-01-15'],
    ['Agosto de 2025', '2025-08'],
    ['3 de agosto de 2025', '2025-08-03'],
    ['3. März 2022', '2022-03-03'],
    ['15 janvier 2024', '2024-01-15'],
    ['1er janvier 2024', '2024-01-01'],
    ['2022年3月3日', '2022-03-03'],
    ['2022年3月', '2022-03'],
    ['2022년 3월 3일', '2022-03-03'],
    ['3 марта 2022 г.', '2022-03-03'],
    ['3 मार्च 2022', '2022-03-03'],
    ['2022. március 3.', '2022-03-03'],
    ['15 במרץ 2022', '2022-03-15'],
    ['كانون الثاني 2022', '2022-01'],
    ['Dezembro 2024 - Janeiro 2025', '2024-12'],
    ['３ March ２０２２', '2022-03-03'],
    ['Donnerstag, 3. März 2022', '2022-03-03'],
    ['الخميس، ٣ مارس، ٢٠٢٢', '2022-03-03'],
    ['٣ مارس ٢٠٢٢م', '2022-03-03'],
    ['jeudi 15 janvier 2024', '2024-01-15'],
    ['2022年3月号', '2022-03'],
  ])('%s is dated %s, its label kept as printed', (printed, iso) => {
    expect(parsePrintedDate(printed)).toEqual({ label: printed, iso });
  });

  it.each(['12 Monkeys 2022', 'Shopping 2022', '31 فبراير ٢٠٢٢', '2022年13月', 'listopad 2022'])(
    '%s is no date (no month word, an impossible day or month, a word two languages disagree on)',
    (text) => {
      expect(parsePrintedDate(text)).toBeNull();
    },
  );

  it('folds the digits of any script one code unit for one', () => {
    expect(foldDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ०१२३४५६७८९ ０１２３４５６７８９ ๐๑๒๓๔๕๖๗๘๙')).toBe(
      '0123456789 0123456789 0123456789 0123456789 0123456789',
    );
    expect(foldDigits('no digits here')).toBe('no digits here');
  });

  it('finds such a date inside running text, with its offsets in the printed text', () => {
    const text = 'Diese Geschichte stammt aus der 3. März 2022-Ausgabe von agrarheute.';
    const found = findPrintedDate(text);
    expect(found).toMatchObject({ label: '3. März 2022', iso: '2022-03-03' });
    expect(text.slice(found?.start, found?.end)).toBe('3. März 2022');
    expect(findPrintedDate('هذه القصة من طبعة ٣ مارس ٢٠٢٢ من المجلة.')).toMatchObject({
      label: '٣ مارس ٢٠٢٢',
      iso: '2022-03-03',
    });
  });

  it('reads a header date line in Arabic digits as the date, never the deck', () => {
    const page = parsePage(
      'Title of the story\nAl Majalla\n|\n٣ مارس ٢٠٢٢\nThe deck says what the story is about\nThe body starts here and it goes on for a while. It has two sentences at least.\nA second paragraph follows the first one and it ends here. Then another sentence.',
      { url: 'https://www.magzter.com/stories/news/x/y' },
    );
    expect(page.edition).toMatchObject({ date: '2022-03-03', label: '٣ مارس ٢٠٢٢' });
    expect(page.story?.deck).toBe('The deck says what the story is about');
  });
});

describe('dates of other calendars and spellings (stranger-5 class 1)', () => {
  it.each([
    ['Tháng 3/2024 - Tháng 4/2024', '2024-03'],
    ['3/2024 - 4/2024', '2024-03'],
    ['Mar 1-15, 2024', '2024-03-01'],
    ['March 4 - 11, 2024', '2024-03-04'],
    ['1-15 March 2024', '2024-03-01'],
    ['Winter 2023/24', '2023'],
    ['令和5年3月1日', '2023-03-01'],
    ['平成元年4月1日', '1989-04-01'],
    ['民國112年3月1日', '2023-03-01'],
    ['民国112年3月', '2023-03'],
    ['4. mar. 2024', '2024-03-04'],
    ['ខែមីនា ឆ្នាំ២០២៤', '2024-03'],
    ['មីនា ២០២៤', '2024-03'],
    ['१५ मार्च २०२४', '2024-03-15'],
    // the Ethiopian calendar, by arithmetic: its new year falls on 11 or 12 September
    ['መስከረም 1 ቀን 2016 ዓ.ም.', '2023-09-12'],
    ['ጳጉሜ 6 ቀን 2015 ዓ.ም', '2023-09-11'],
    ['የካቲት 23 ቀን 2016 ዓ.ም.', '2024-03-02'],
    ['የካቲት 23/2016 ዓ.ም', '2024-03-02'],
    // a Bikram Sambat month, by the Gregorian month it begins in
    ['चैत २०८०', '2024-03'],
    ['बैशाख २०८१', '2024-04'],
    ['पुस २०८०', '2023-12'],
    ['माघ २०८०', '2024-01'],
    // a Solar Hijri month, by the Gregorian year it begins in (a year: it straddles two months)
    ['اردیبهشت ۱۴۰۳', '2024'],
    ['اردیبهشت 1403', '2024'],
    ['دی ۱۴۰۲', '2023'],
    ['بهمن ۱۴۰۲', '2024'],
    ['فروردين ۱۴۰۳', '2024'],
    // a season across two years, the second printed with four digits
    ['Winter 2023/2024', '2023'],
  ])('%s → %s, label kept as printed', (text, iso) => {
    expect(parsePrintedDate(text)).toEqual({ label: text, iso });
  });

  it.each([
    // alone, a number over a year may be an issue number (`Nr. 3/2023`)
    ['3/2024'],
    ['Mar 15-1, 2024'],
    ['Winter 2023/25'],
    ['Winter 2023/2025'],
    // an era no table lists, and a Bikram Sambat day (its days need the year's tables): not converted
    ['大正5年3月1日'],
    ['५ चैत २०८०'],
    // Pagume has a sixth day only before a leap year
    ['ጳጉሜ 6 ቀን 2016 ዓ.ም'],
  ])('%s is no date', (text) => {
    expect(parsePrintedDate(text)).toBeNull();
  });

  it('keeps the weekday and the second year of a date found in running text', () => {
    expect(findPrintedDate('from the Monday, 4 March 2024 edition of')?.label).toBe('Monday, 4 March 2024');
    expect(findPrintedDate('from the Winter 2023/24 edition of')?.label).toBe('Winter 2023/24');
    expect(findPrintedDate('from the Winter 2023/25 edition of')?.label).toBe('Winter 2023');
  });

  it('reads a Zinio issue line in month numbers', () => {
    expect(matchIssueTitle('Tuổi TrẻTuổi Trẻ', 'Tuổi Trẻ 3/2024 - 4/2024')?.date).toEqual({
      label: '3/2024 - 4/2024',
      iso: '2024-03',
    });
  });
});

describe('dates of stranger-6 class 1', () => {
  it('reads a two-digit year after an apostrophe as 20YY (19YY from 50), the label as printed', () => {
    expect(parsePrintedDate("Apr '23")).toEqual({ label: "Apr '23", iso: '2023-04' });
    expect(parsePrintedDate('March ’24')).toEqual({ label: 'March ’24', iso: '2024-03' });
    expect(parsePrintedDate("Dec '99")?.iso).toBe('1999-12');
    expect(findPrintedDate("This story is from the Apr '23 edition of Pitch & Putt.")).toMatchObject({
      label: "Apr '23",
      iso: '2023-04',
    });
  });

  it('reads a date in Chinese numerals', () => {
    expect(parsePrintedDate('二〇二三年七月')).toEqual({ label: '二〇二三年七月', iso: '2023-07' });
    expect(parsePrintedDate('二〇二四年十二月二十三日')?.iso).toBe('2024-12-23');
    expect(parsePrintedDate('二〇二四年十月')?.iso).toBe('2024-10');
  });

  it('reads an English ordinal day, in a line and in running text', () => {
    expect(parsePrintedDate('2nd April 2022')?.iso).toBe('2022-04-02');
    expect(findPrintedDate('This story is from the 2nd April 2022 edition of Dune Weekly.')).toMatchObject({
      label: '2nd April 2022',
      iso: '2022-04-02',
    });
  });

  it('extends a month found in running text to the day range printed before it (a weekly issue)', () => {
    expect(findPrintedDate('Harbour Weekly 8-14 June 2024')).toMatchObject({
      label: '8-14 June 2024',
      iso: '2024-06-08',
    });
  });
});

describe('numeric and other unread date shapes (stranger-7 class 1)', () => {
  it.each([
    ['2024/05/12', '2024-05-12'],
    ['11/2024', '2024-11'],
    ['21/03/2024', '2024-03-21'],
    ['5/19/2025', '2025-05-19'],
    ['2024.05', '2024-05'],
    ['9.XI.2024', '2024-11-09'],
    ['07 MAR 22', '2022-03-07'],
    ['7 Mar. 22', '2022-03-07'],
    ['1st–14th March 2024', '2024-03-01'],
    ['March 1st–14th, 2024', '2024-03-01'],
    ['5 au 11 juin 2024', '2024-06-05'],
    ['5 bis 11. Juni 2024', '2024-06-05'],
    ['2024 йыл, март', '2024-03'],
    ['Meurzh 2024', '2024-03'],
    ['avrigl 2024', '2024-04'],
  ])('%s → %s', (text, iso) => {
    expect(parsePrintedDate(text)).toEqual({ label: text, iso });
  });

  it('keeps a numeric date both ways possible as a date, undated unless an order is given', () => {
    expect(parsePrintedDate('5/9/2025')).toEqual({ label: '5/9/2025', iso: null });
    expect(parsePrintedDate('5/9/2025', 'month-first')?.iso).toBe('2025-05-09');
    expect(parsePrintedDate('5/9/2025', 'day-first')?.iso).toBe('2025-09-05');
    // an unambiguous one ignores the order
    expect(parsePrintedDate('21/03/2024', 'month-first')?.iso).toBe('2024-03-21');
  });

  it.each([
    '13/13/2024',
    '0/5/2024',
    '13/2024',
    '9.XIV.2024',
    'MAR 22',
    '07 XYZ 22',
    '11 au 5 juin 2024',
    '5 foo 11 juin 2024',
  ])('%s is no date', (text) => {
    expect(parsePrintedDate(text)).toBeNull();
  });
});

describe('numeric dates in running text and by the page (stranger-7 class 1)', () => {
  it('finds a Roman-numeral month or a slashed date in running text, never one both ways possible', () => {
    expect(
      findPrintedDate('Ten materiał ukazał się w numerze Góry i Ludzie z dnia 9.XI.2024.'),
    ).toMatchObject({
      label: '9.XI.2024',
      iso: '2024-11-09',
    });
    expect(findPrintedDate('From the 2024/05/12 edition of Harbour Weekly.')?.iso).toBe('2024-05-12');
    expect(findPrintedDate('From the 5/9/2025 edition of Harbour Weekly.')).toBeNull();
  });

  it("reads the order of day and month from the page's other numeric dates, when they agree", () => {
    expect(numericOrderShown(['5/2/2025', '4/25/2025', null])).toBe('month-first');
    expect(numericOrderShown(['25/4/2025', 'March 2025'])).toBe('day-first');
    expect(numericOrderShown(['5/2/2025', '4/5/2025'])).toBeNull();
    expect(numericOrderShown(['4/25/2025', '25/4/2025'])).toBeNull();
  });
});

describe('dates with more than a date in them (stranger-8 class 1)', () => {
  it.each([
    ['2024-06-17', '2024-06-17'],
    ['Oct. 28–Nov. 3, 2024', '2024-10-28'],
    ['Oct. 28 – Nov. 3, 2024', '2024-10-28'],
    ['28 Oct.–3 Nov. 2024', '2024-10-28'],
    ['Dec. 30–Jan. 5, 2025', '2024-12-30'],
    ['2024/5 (majo)', '2024-05'],
    ['令和6年3月号', '2024-03'],
  ])('%s is %s', (text, iso) => {
    expect(parsePrintedDate(text)).toEqual({ label: text, iso });
  });

  it.each([
    '2024-13-01',
    '2024-02-30',
    'Oct. 28–Dec. 3, 2024',
    'Oct. 28–Nov. 31, 2024',
    '2024/5 (junio)',
    '2024/5',
  ])('%s is no date', (text) => {
    expect(parsePrintedDate(text)).toBeNull();
  });

  it('reads the date beside an issue number read by its shape, and a year set apart by a mark', () => {
    expect(parseEditionLabel('Số 7 - Tháng 5/2024')).toEqual({ label: 'Tháng 5/2024', iso: '2024-05' });
    expect(parseEditionLabel('Issue 12: Winter 2023')).toEqual({ label: 'Winter 2023', iso: '2023' });
    expect(parseEditionLabel('No. 2 / 2023')).toEqual({ label: '2023', iso: '2023' });
    expect(parseEditionLabel('Issue 17, 2023')).toEqual({ label: 'Issue 17, 2023', iso: '2023' });
  });

  it("reads a special issue's closing year, and no other digits", () => {
    expect(parseIssueNameYear("Collector's Edition 2024")).toEqual({ label: '2024', iso: '2024' });
    expect(parseIssueNameYear('Top 10 of 2024')).toBeNull();
    expect(parseIssueNameYear('2024')).toBeNull();
  });

  it('finds an ISO date in running text, a glued suffix left out', () => {
    expect(findPrintedDate('ئەم بابەتە لە ژمارەی 2024-06-17ی Foo وەرگیراوە')).toMatchObject({
      label: '2024-06-17',
      iso: '2024-06-17',
    });
  });
});

describe('edition sentences split at the right word (stranger-8 class 15)', () => {
  it('keeps a short weekday form with no mark after it out of the date (an article in the sentence)', () => {
    expect(
      findPrintedDate('Hierdie storie kom uit die November 4-10, 2024-uitgawe van Boerebode.'),
    ).toMatchObject({ label: 'November 4-10, 2024', iso: '2024-11-04' });
    expect(findPrintedDate('From the Tue, 3 Oct 2023 edition of Harbour Weekly.')?.label).toBe(
      'Tue, 3 Oct 2023',
    );
    expect(findPrintedDate('From the Monday 4 March 2024 edition of Harbour Weekly.')?.label).toBe(
      'Monday 4 March 2024',
    );
  });

  it('splits a date holding the word before the publication where the date part reads whole', () => {
    const line = classifyLine(
      'Esta historia es de la edición 3 de agosto de 2025 de Viajes y Caminos.',
      false,
    );
    expect(line.kind).toBe('edition-line');
    expect(line.edition?.publication).toBe('Viajes y Caminos');
    expect(line.edition?.date).toEqual({ label: '3 de agosto de 2025', iso: '2025-08-03' });
    // a date read whole at the template's own split is kept, whatever the publication holds
    const other = classifyLine('Esta historia es de la edición February 2023 de Revista de 2024.', false);
    expect(other.edition?.publication).toBe('Revista de 2024');
  });
});

describe('a numbered month after the word for month in running text (stranger-8 class 1)', () => {
  it('finds `Tháng 5/2024` in a sentence, never a bare `5/2024`', () => {
    expect(findPrintedDate('Câu chuyện này được trích từ ấn bản Tháng 5/2024 của Sống Xanh.')).toMatchObject({
      label: 'Tháng 5/2024',
      iso: '2024-05',
    });
    expect(findPrintedDate('From issue 5/2024 of Harbour Weekly.')).toBeNull();
  });
});

describe('parseNamedIssueDate (stranger-9 class 1)', () => {
  it('reads the date of an issue named by its publication and a date', () => {
    expect(parseNamedIssueDate('Orchard Notes 07-NOV-2021', 'Orchard Notes')).toEqual({
      label: '07-NOV-2021',
      iso: '2021-11-07',
    });
    expect(parseNamedIssueDate('Pub 7 November 2021', 'Pub')?.iso).toBe('2021-11-07');
  });

  it('reads nothing where the name does not open the text or no date follows', () => {
    expect(parseNamedIssueDate('Orchard Notes 07-NOV-2021', 'Orchard')).toBeNull();
    expect(parseNamedIssueDate('Orchard Notes Special', 'Orchard Notes')).toBeNull();
    expect(parseNamedIssueDate('Other 07-NOV-2021', 'Orchard Notes')).toBeNull();
    expect(parseNamedIssueDate('Orchard Notes07-NOV-2021', 'Orchard Notes')).toBeNull();
  });

  it('reads `Pub|Pub DD-MON-YYYY` as the publication and the date part', () => {
    const line = classifyLine('Orchard Notes|Orchard Notes 07-NOV-2021', false);
    expect(line.kind).toBe('pipe');
    expect(line.publication).toBe('Orchard Notes');
    expect(line.date).toEqual({ label: '07-NOV-2021', iso: '2021-11-07' });
  });
});

describe('CJK dates with a day and the issue mark (stranger-9 class 1)', () => {
  it.each([
    ['2023年9月14日号', '2023-09-14'],
    ['令和5年11月2日号', '2023-11-02'],
    ['2023年9月号', '2023-09'],
    ['2023年9月14日', '2023-09-14'],
  ])('%s → %s', (text, iso) => {
    expect(parsePrintedDate(text)?.iso).toBe(iso);
  });
});

describe('a volume and number before the month (stranger-9 class 15)', () => {
  it('reads the month, not the number after the issue word, as the date', () => {
    expect(findPrintedDate('Pub of Vol. 3 No. 9, May 2022 edition')).toMatchObject({
      label: 'May 2022',
      iso: '2022-05',
    });
    expect(findPrintedDate('the 9 May 2022 edition')?.iso).toBe('2022-05-09');
  });

  it('issuePartStart walks back over issue words and their numbers', () => {
    const text = 'story Pub of Vol. 3 No. 9, May 2022 edition';
    const at = text.indexOf('May');
    expect(text.slice(issuePartStart(text, at))).toMatch(/^Vol\. 3 No\. 9, May/u);
    expect(issuePartStart('from Pub May 2022', 9)).toBe(9);
  });
});

describe('namedIssueDates (stranger-9 class 1): a card date line holding the issue name', () => {
  const kinds = (lines: string[]): string[] => {
    const { lines: source, lastLineOpen } = normalizeInput(lines.join('\n') + '\n');
    return segment(classifyLines(source, lastLineOpen), lastLineOpen).lines.map((l) => l.kind);
  };

  it('reads `Pub DD-MON-YYYY` as a date where the page prints the name as a publication', () => {
    const card = (date: string): string[] => ['Orchard Notes', 'A Title', 'A summary of the card.', date];
    const got = kinds([...card('Orchard Notes 07-NOV-2021'), ...card('Orchard Notes 24-OCT-2021')]);
    expect([got[3], got[7]]).toEqual(['date', 'date']);
  });

  it('a name printed once is no evidence', () => {
    expect(kinds(['Walks', 'Walks 07-NOV-2021', 'A sentence of the story.'])[1]).toBe('text');
  });
});

describe('matchIssueTitle: a year alone after the name (stranger-9 class 1)', () => {
  it('dates an annual by its year', () => {
    expect(matchIssueTitle('Fell Runner AnnualFell Runner Annual', 'Fell Runner Annual 2022')).toEqual({
      publication: 'Fell Runner Annual',
      date: { label: '2022', iso: '2022' },
    });
  });
});

describe('an issue number is no year (stranger-11 class 53)', () => {
  it.each([
    ["Aquest article és de l'edició número Núm. 2087 d'Avui."],
    ['Bài viết này từ ấn bản số 2095 của Tuổi Trẻ.'],
    ['From the issue #2087 of Pub.'],
    ['From the issue Nº2087 of Pub.'],
  ])('%s holds no edition year', (text) => {
    expect(findEditionYear(text)).toBeNull();
  });

  it('keeps a year after other words, and an issue number with its year', () => {
    expect(findEditionYear('… the 2024 edition of Pub.')).toMatchObject({ label: '2024' });
    expect(findIssueLabel('… from Núm. 2087 of Pub.')).toMatchObject({ label: 'Núm. 2087', iso: null });
    expect(findIssueLabel('… from Issue 17, 2023 of Pub.')).toMatchObject({
      label: 'Issue 17, 2023',
      iso: '2023',
    });
  });

  it('finds a Solar Hijri month in running text', () => {
    expect(findPrintedDate('این مطلب از شماره اردیبهشت ۱۴۰۳ مجله است.')).toMatchObject({
      label: 'اردیبهشت ۱۴۰۳',
      iso: '2024',
    });
  });
});

describe("an issue name in the newest layout's bar slot (stranger-11 class 1)", () => {
  it.each([
    ['|Highlands Courier 19-APR-2024', '19-APR-2024', '2024-04-19'],
    ['|Port City Weekly 07 Nov 2023', '07 Nov 2023', '2023-11-07'],
  ])('%s is the bar with the date part', (text, label, iso) => {
    const line = classifyLine(text, false);
    expect(line.kind).toBe('pipe');
    expect(line.date).toMatchObject({ label, iso });
    expect(line.publication).toBeUndefined();
  });

  it('keeps a bar with a publication alone, and a sentence before a date, as they were', () => {
    expect(classifyLine('|India Today', false)).toMatchObject({ kind: 'pipe', publication: 'India Today' });
    expect(classifyLine('|It rained. 07 Nov 2023', false).date).toBeUndefined();
  });
});

describe("an edition sentence's publication with a lower-case word (stranger-11 class 15)", () => {
  const page = (sentence: string) =>
    parsePage(
      [
        'A story paragraph long enough to be the body of this page, ending with a full stop.',
        sentence,
        'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
        'Already a subscriber ? Sign In',
        sentence,
      ].join('\n') + '\n',
    );

  it('keeps a lower-case second name word before a short preposition', () => {
    expect(page('Tento článek pochází z vydání Moravské noviny z May 3, 2024.').edition?.publication).toBe(
      'Moravské noviny',
    );
  });

  it('leaves a word for issue out, and drops an elided article', () => {
    expect(page('Lo trovi nel Corriere issue of May 3, 2024.').edition?.publication).toBe('Corriere');
    expect(page("Aquest article és de l'edició May 3, 2024 d'Avui Setmanal.").edition?.publication).toBe(
      'Avui Setmanal',
    );
  });
});
