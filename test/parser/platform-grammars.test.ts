import { describe, expect, it } from 'vitest';
import { classifyLine, classifyLines } from '../../src/parser/classify.js';
import { normalizedLines, parsePage } from '../../src/parser/index.js';
import { normalizeInput, stripIconLigatures } from '../../src/parser/normalize.js';
import {
  cardPublicationDate,
  labelledHeaderLength,
  labelUnderDate,
  logoPlatform,
  matchCreditLine,
  repairDropCap,
} from '../../src/parser/platform-grammars.js';

describe('PressReader print footers in any language, whole or cut (issue 11, second stranger)', () => {
  const story = [
    'Gemeenten worstelen met tekort aan jeugdzorg',
    'NRC (Amsterdam) · · Binnenland · Door Eva de Boer',
    'Bijna de helft van de Nederlandse gemeenten kan de kosten van de jeugdzorg dit jaar niet meer dragen, blijkt uit een rondgang.',
    'Wethouders zeggen dat de wachtlijsten langer worden, terwijl de budgetten al drie jaar niet zijn meegegroeid.',
  ];
  const url = 'https://www.pressreader.com/netherlands/nrc/20250304/281500000000001';
  const footerOf = (lines: string[]) => {
    // the lede set apart from the credit line by a blank line (glued under it, a standfirst is the deck)
    const out = parsePage([...story.slice(0, 2), '', ...story.slice(2), ...lines].join('\n'), { url });
    expect(out.story?.paragraphs).toEqual(story.slice(2));
    return out.removed.map((r) => r.text).slice(1);
  };

  it('the lines naming the platform and the short lines after them are its footer', () => {
    const footer = [
      'Gedrukt en verspreid door PressReader',
      'PressReader.com +1 604 278 4604',
      'AUTEURSRECHTELIJK BESCHERMD DOOR TOEPASSELIJKE WETGEVING',
    ];
    expect(footerOf([...footer, ''])).toEqual(footer);
    expect(
      footerOf(['Printed and distributed by PressReader', 'PressReader.com +1 604 278 4604', '']),
    ).toHaveLength(2);
  });

  it('the footer links pair with no copyright line, the last cut inside the word both open with (stranger-7 class 7)', () => {
    expect(footerOf(['Kranten in het Nederlands', 'Kranten uit Nederland'])).toEqual([
      'Kranten in het Nederlands',
      'Kranten uit Nederland',
    ]);
    expect(footerOf(['Kranten in het Nederlands', 'Kran'])).toEqual(['Kranten in het Nederlands', 'Kran']);
    expect(footerOf(['Kranten in het Nederlands', 'Kranten'])).toEqual([
      'Kranten in het Nederlands',
      'Kranten',
    ]);
  });

  it('a footer cut by the capture is still the footer', () => {
    expect(footerOf(['Gedruckt und verbreitet von PressReader', 'PressReader.com +1 604 27'])).toHaveLength(
      2,
    );
    expect(footerOf(['Imprimé et distribué par PressRe'])).toEqual(['Imprimé et distribué par PressRe']);
  });

  it('a story line that names the platform is story', () => {
    expect(classifyLine('PressReader, the Vancouver company, said its readers doubled.', false).kind).toBe(
      'text',
    );
    expect(classifyLine('The deal was signed with PressReader', false).kind).toBe('text');
  });
});

describe('Scribd preview walls in any language (issue 11, second stranger)', () => {
  const story = [
    'The Slow Road to Spiti',
    'National Geographic Traveller India',
    'September 2021',
    'By Kavya Iyer',
    'THE ROAD OUT OF RECKONG PEO narrows almost as soon as the town ends. Within an hour, the apple orchards of Kinnaur give way to raw scree.',
    'Our driver, Tenzin, has made this journey more than two hundred times. He drives with one hand on the wheel and the other on the horn.',
  ];
  const url = 'https://www.scribd.com/article/712094534/The-Slow-Road-To-Spiti';
  const cards = [
    'More from National Geographic Traveller India',
    'National Geographic Traveller India2 min read',
    'Monsoon in Meghalaya',
    'Living root bridges, swollen waterfalls and a village that claims to be the cleanest in Asia.',
  ];

  it.each([
    [
      [
        'Estás leyendo una vista previa gratuita.',
        'Lee el resto de este artículo con una prueba gratuita de Scribd.',
        'Prueba gratis durante 30 días',
        'Cancela cuando quieras.',
      ],
    ],
    [['Du liest eine kostenlose Vorschau.', 'Lies den Rest mit einer Testversion von Everand.']],
  ])('the short lines closing the story, one naming the brand, are the wall: %j', (wall) => {
    const out = parsePage([...story, ...wall, ...cards].join('\n'), { url });
    expect(out.story?.paragraphs).toEqual(story.slice(4));
    expect(out.removed.filter((r) => r.reason === 'paywall').map((r) => r.text)).toEqual(wall);
    expect(out.teasers.map((t) => t.title)).toEqual(['Monsoon in Meghalaya']);
  });

  it('a story paragraph naming the brand is story', () => {
    const paragraph =
      'Scribd, the San Francisco company, said on Tuesday that its readers had doubled in two years, most of them outside the United States.';
    const out = parsePage([...story, paragraph, ...cards].join('\n'), { url });
    expect(out.story?.paragraphs).toEqual([...story.slice(4), paragraph]);
  });
});

describe('PressReader credit lines', () => {
  it('reads a bare name in a script without case after Pub (Country) and the date (stranger-4)', () => {
    expect(matchCreditLine('Lankadeepa (Sri Lanka) · 3 Oct 2023 · සුනිල් පෙරේරා')).toEqual({
      publication: 'Lankadeepa (Sri Lanka)',
      byline: 'සුනිල් පෙරේරා',
      date: { label: '3 Oct 2023', iso: '2023-10-03' },
    });
    // a cased last part may be a section: the line is read by its frame, the section is no writer
    expect(matchCreditLine('The Hindu (Chennai) · 3 Oct 2023 · Front Page')).toEqual({
      publication: 'The Hindu (Chennai)',
      byline: null,
      date: { label: '3 Oct 2023', iso: '2023-10-03' },
    });
  });

  it('reads a bare name signed with an e-mail, or after the empty slot and a section, with no place (stranger-10 class 2)', () => {
    expect(matchCreditLine('L’Écho du Bocage · 12 févr. 2025 · MARC LEROUX mleroux@echodubocage.fr')).toEqual(
      {
        publication: 'L’Écho du Bocage',
        byline: 'MARC LEROUX',
        date: { label: '12 févr. 2025', iso: '2025-02-12' },
      },
    );
    // the address goes with a prefixed name or a `(City)` frame too
    expect(matchCreditLine('Le Progrès (Lyon) · 3 mars 2024 · Par Anne Roux aroux@example.org')?.byline).toBe(
      'Anne Roux',
    );
    expect(matchCreditLine('Bay Chronicle - - Opinion - Fiona Mackay')).toEqual({
      publication: 'Bay Chronicle',
      byline: 'Fiona Mackay',
      date: null,
    });
    // with no place and no date, a section or a role last is no credit line; nor is a bare name with no address
    expect(matchCreditLine('Bay Chronicle - - Opinion - Front Page')).toBeNull();
    expect(matchCreditLine('Bay Chronicle - - Opinion - Our Correspondent')).toBeNull();
    expect(matchCreditLine('Bay Chronicle · 3 Oct 2023 · Front Page')).toBeNull();
  });

  it('reads the credit line by its frame whatever the writer slot holds (stranger-6)', () => {
    const date = { label: '2 Jun 2024', iso: '2024-06-02' };
    // no writer slot: the writer signs at the end of the story
    expect(matchCreditLine('The Namibian (Namibia) · 2 Jun 2024')).toEqual({
      publication: 'The Namibian (Namibia)',
      byline: null,
      date,
    });
    // a bare capitalised Latin-script name
    expect(matchCreditLine('The Namibian (Namibia) · 2 Jun 2024 · Selma Nangolo')?.byline).toBe(
      'Selma Nangolo',
    );
    // a credit naming a role, not a person
    expect(matchCreditLine('The Namibian (Namibia) · 2 Jun 2024 · Our Correspondent')?.byline).toBeNull();
    // the `- -` form prints the section first: a section alone is no writer
    expect(matchCreditLine('День (Україна) - - 2 квіт. 2024 - - Суспільство -')).toEqual({
      publication: 'День (Україна)',
      byline: null,
      date: { label: '2 квіт. 2024', iso: '2024-04-02' },
    });
    // two labels joined by `&` before the colon
    expect(matchCreditLine('Kosmo 7 · Ahad, 4 Ogos 2024 · Teks & Gambar: Nurul Huda Ismail')?.byline).toBe(
      'Nurul Huda Ismail',
    );
    // a byline opener before a name in a script without case
    expect(matchCreditLine('Forverts (USA) · 2 Jun 2024 · פֿון משה גרינבערג')?.byline).toBe('משה גרינבערג');
    // no frame (no qualifier, no empty slot): a date alone makes no credit line
    expect(matchCreditLine('Дзеркало тижня · 12 березня 2024')).toBeNull();
  });

  it('reads a credit label phrase in no vocabulary by its shape, never a title-case section (stranger-4)', () => {
    expect(matchCreditLine('Diena · 2023. gada 14. oktobris · Teksts un foto: Anna Kalniņa')).toEqual({
      publication: 'Diena',
      byline: 'Anna Kalniņa',
      date: { label: '2023. gada 14. oktobris', iso: '2023-10-14' },
    });
    expect(matchCreditLine('Diena · 14 Oct 2023 · Front Page: Anna Kalniņa')).toBeNull();
    expect(matchCreditLine('Diena · 14 Oct 2023 · Foto un video: Anna Kalniņa')).toBeNull();
  });

  it('reads a numeric date by the country the credit line names (stranger-7 class 1)', () => {
    expect(matchCreditLine('The Valley Ledger (USA) · 5/9/2025 · By Mark Evans')?.date).toEqual({
      label: '5/9/2025',
      iso: '2025-05-09',
    });
    expect(matchCreditLine('La Voz del Valle (Spain) · 05/03/2024 · Por Lucía Gómez')?.date?.iso).toBe(
      '2024-03-05',
    );
    // a country that writes both orders, or no country: a date both ways possible stays unread
    expect(matchCreditLine('The Lake Post (Canada) · 5/9/2025 · By Mark Evans')?.date ?? null).toBeNull();
    expect(matchCreditLine('The Lake Post · 5/9/2025 · By Mark Evans')?.date ?? null).toBeNull();
  });

  it('reads a label phrase that opens with a capital and goes on in lower case (stranger-7 class 2)', () => {
    expect(
      matchCreditLine('Le Journal du Bocage (France) · 5 au 11 juin 2024 · Propos recueillis par MARC DUVAL'),
    ).toEqual({
      publication: 'Le Journal du Bocage (France)',
      byline: 'MARC DUVAL',
      date: { label: '5 au 11 juin 2024', iso: '2024-06-05' },
    });
    expect(matchCreditLine('The Coastal Times (Australia) · 04 MAY 24 · Insight')).toEqual({
      publication: 'The Coastal Times (Australia)',
      byline: null,
      date: { label: '04 MAY 24', iso: '2024-05-04' },
    });
  });

  it('reads the publication, the writer and a printed date', () => {
    expect(matchCreditLine('Hindustan Times (Mumbai) - - Business - By Rhea Mogul')).toEqual({
      publication: 'Hindustan Times (Mumbai)',
      byline: 'Rhea Mogul',
      date: null,
    });
    expect(matchCreditLine('El Tiempo (Bogotá) - - Nación - TEXTO: Ana Ruiz, FOTO: EFE')?.byline).toBe(
      'Ana Ruiz',
    );
    expect(matchCreditLine('Der Standard (Wien) - - Inland - TEXT: Eva Maier FOTO: APA')?.byline).toBe(
      'Eva Maier',
    );
    expect(matchCreditLine('Gulf News - - Business - By/TEXT: Staff Reporter, FOTO: AFP')?.byline).toBe(
      'Staff Reporter',
    );
    expect(matchCreditLine('The Hindu (Chennai) - 23 Oct 2024 - National - By A. Srinivas')).toEqual({
      publication: 'The Hindu (Chennai)',
      byline: 'A. Srinivas',
      date: { label: '23 Oct 2024', iso: '2024-10-23' },
    });
  });

  it('reads other separators (`·`, `–`, `/`) and other writer words (issue 11, second stranger)', () => {
    expect(matchCreditLine('NRC (Amsterdam) · · Binnenland · Door Eva de Boer')).toEqual({
      publication: 'NRC (Amsterdam)',
      byline: 'Eva de Boer',
      date: null,
    });
    expect(matchCreditLine('Die Presse (Wien) – – Wirtschaft – Autor: Jakob Zirm')?.byline).toBe(
      'Jakob Zirm',
    );
    expect(matchCreditLine('Lidové noviny (Praha) / / Domov / Autor: Jan Novák, Foto: ČTK')?.byline).toBe(
      'Jan Novák',
    );
    expect(matchCreditLine('Rzeczpospolita (Warszawa) · · Kraj · Autor: Anna Wiśniewska')?.publication).toBe(
      'Rzeczpospolita (Warszawa)',
    );
    expect(matchCreditLine('Sme (Bratislava) – – Domov – Na Peter Kováč')?.byline).toBe('Peter Kováč');
    expect(
      matchCreditLine('Hürriyet (İstanbul) – – Ekonomi – Haber: Ayşe Yılmaz, Fotoğraf: Emre Kaya')?.byline,
    ).toBe('Ayşe Yılmaz');
    expect(
      matchCreditLine('Público (Lisboa) · · Sociedade · Autor: Rita Siza / Foto: Nuno Ferreira')?.byline,
    ).toBe('Rita Siza');
  });

  it('an empty slot and a `(City)` publication carry a writer printed without any opener word', () => {
    expect(matchCreditLine('De Standaard (Brussel) · · Binnenland · Pieter Jansens')?.byline).toBe(
      'Pieter Jansens',
    );
    // one word after the section is no name: the line is still the credit line, without a writer
    expect(matchCreditLine('De Standaard (Brussel) · · Binnenland')).toBeNull();
  });

  it('a dateline with an agency is no credit line, whatever word follows the dash', () => {
    expect(
      matchCreditLine('Praha (ČTK) – Na jaře začne stavba nové linky metra, oznámil ve čtvrtek magistrát.'),
    ).toBeNull();
    expect(matchCreditLine('Brno (ČTK) / Na Petrově se bude opravovat katedrála')).toBeNull();
  });

  it('is not fooled by body lines with dashes', () => {
    expect(matchCreditLine('SINGAPORE - By the end of the year, the line will open.')).toBeNull();
    expect(matchCreditLine('Prices rose - again - by 4 per cent in May.')).toBeNull();
    expect(matchCreditLine('Hindustan Times - - Business')).toBeNull();
    expect(classifyLine('Gulf News - - Business - By Staff Reporter', false).kind).toBe('credit');
  });

  it('the credit line is never body, and footers are boilerplate', () => {
    const out = parsePage(
      [
        'Rates on hold',
        'Gulf News - - Business - By Staff Reporter',
        'Lenders expect mortgage costs to stay high until early next year',
        'TThe central bank kept its base rate unchanged on Thursday, as the markets had expected.',
        'Bankers said the decision changed little for borrowers in the short run.',
        '© PressReader. All rights reserved.',
        'Newspapers in English',
      ].join('\n'),
    );
    expect(out.story).toMatchObject({
      title: 'Rates on hold',
      byline: 'Staff Reporter',
      deck: 'Lenders expect mortgage costs to stay high until early next year',
    });
    expect(out.story?.paragraphs[0]).toBe(
      'The central bank kept its base rate unchanged on Thursday, as the markets had expected.',
    );
    expect(out.edition).toMatchObject({ publication: 'Gulf News', platform: 'pressreader' });
    expect(out.removed.map((r) => r.reason)).toEqual(['layout', 'navigation', 'navigation']);
  });
});

describe('drop caps', () => {
  it('repairs a doubled capital, a glued one-letter word and a lower-cased first word', () => {
    expect(repairDropCap('TTata Electronics has begun')).toBe('Tata Electronics has begun');
    expect(repairDropCap('A27 de Agosto, a câmara')).toBe('A 27 de Agosto, a câmara');
    expect(repairDropCap('the central bank kept')).toBe('The central bank kept');
  });

  it('leaves what may be printed that way alone', () => {
    for (const text of [
      'iPhone sales fell',
      'eBay said',
      'F1 teams met',
      'G20 leaders met',
      'AAA batteries',
      'LLC filings rose',
    ])
      expect(repairDropCap(text)).toBe(text);
  });

  it('repairs only on platforms that set drop caps', () => {
    const page = [
      'Rates on hold',
      'Lenders expect costs to stay high',
      '- By Staff Reporter',
      'TThe central bank kept its base rate unchanged on Thursday, as the markets had expected.',
      'Bankers said the decision changed little for borrowers in the short run.',
    ].join('\n');
    expect(parsePage(page).story?.paragraphs[0]).toMatch(/^TThe/u);
  });
});

describe('Zinio grammar', () => {
  it('cuts icon ligature names out wherever they are glued', () => {
    expect(stripIconLigatures('Read Morekeyboard_arrow_down')).toBe('Read More');
    expect(stripIconLigatures('access_time1 min.')).toBe('1 min.');
    expect(stripIconLigatures('category_outlined / News & Politics')).toBe(' / News & Politics');
    const input = 'access_time1 最少\nkeyboard_arrow_down\nRead Morekeyboard_arrow_down';
    expect(normalizeInput(input).lines.map((l) => l.text)).toEqual(['1 最少', 'Read More']);
    // a line that is only an icon name is no line; the others are accounted for as printed
    expect(normalizedLines(input)).toEqual(['access_time1 最少', 'Read Morekeyboard_arrow_down']);
  });

  it('reports a removed line as printed, icon names included (issue 11)', () => {
    const out = parsePage(
      ['category_outlined / News & Politics', 'Delta WeeklyDelta Weekly', 'Delta Weekly Issue 9 2021'].join(
        '\n',
      ),
      { url: 'https://www.zinio.com/delta-weekly/issue-9' },
    );
    expect(out.removed.map((r) => r.text)).toContain('category_outlined / News & Politics');
  });

  it('reads breadcrumbs, prices with a tax note, issue counts and reading times as platform text', () => {
    expect(classifyLine('/ News & Politics', false).kind).toBe('navigation');
    expect(classifyLine('/ 新聞 & 政治', false).kind).toBe('navigation');
    expect(classifyLine('Home//Magazines/News/India Today', false).kind).toBe('navigation');
    expect(classifyLine('₹ 91.27 (Incl. tax)', false).kind).toBe('price');
    expect(classifyLine('NT$ 95.00 (Incl. tax)', false).kind).toBe('price');
    expect(classifyLine('52 期號', false).kind).toBe('issue-count');
    expect(classifyLine('1 最少', false).kind).toBe('reading-time');
    // a date range and a sentence with slashes are not breadcrumbs
    expect(classifyLine('May/June 2024', false).kind).toBe('date');
    expect(classifyLine('He said 24/7/365 service was the goal.', false).kind).toBe('text');
  });

  it('an issue page: no story, the edition from the glued name and the issue line, and the cards', () => {
    const out = parsePage(
      [
        'ZINIO logo',
        '/ News & Politics',
        'India TodayIndia Today',
        'India Today Issue 50 2019',
        'Read Morekeyboard_arrow_down',
        '52 Issues',
        'in this issue',
        'access_time1 min.',
        'up front',
        'THE WEEK THAT WAS: a new chief minister and a budget session cut short…',
        '',
      ].join('\n'),
    );
    expect(out.story).toBeNull();
    expect(out.edition).toEqual({
      publication: 'India Today',
      date: '2019',
      label: 'Issue 50 2019',
      platform: 'zinio',
    });
    expect(out.teasers.map((t) => t.title)).toEqual(['up front']);
  });
});

describe('mirrors of newsstand issue pages', () => {
  it('a breadcrumb ending in "In This Issue" is a contents header naming the publication and the issue', () => {
    expect(classifyLine('Home//India Today/Issue 50 2019/In This Issue', false)).toMatchObject({
      kind: 'issue-contents',
      publication: 'India Today',
      date: { label: 'Issue 50 2019', iso: '2019' },
    });
    expect(classifyLine('Table of contents for Issue 50 2019 in India Today', false).kind).toBe(
      'issue-contents',
    );
  });

  it('a table of contents is a non-story page, with its edition and cards', () => {
    const out = parsePage(
      [
        'Table of contents for Issue 12 2024 in The Week',
        'cover story',
        'The quiet return of the joint family, and what it means for the way India saves and spends…',
        'sport',
        'Why the Ranji Trophy still matters to the players who never make it to the IPL…',
      ].join('\n'),
    );
    expect(out.story).toBeNull();
    expect(out.teasers.map((t) => t.title)).toEqual(['cover story', 'sport']);
  });
});

describe('PressReader credit lines read by their structure under an unknown prefix (stranger-5 class 2)', () => {
  it.each([
    ['Dimmalætting · 4. mar. 2024 · tekstur Jógvan Hansen', 'Dimmalætting', 'Jógvan Hansen', '2024-03-04'],
    ['東洋新報 · 令和5年3月1日 · 文と写真 佐藤健一', '東洋新報', '佐藤健一', '2023-03-01'],
    ['東洋新報 · 令和5年3月1日 · 文と写真＝佐藤健一', '東洋新報', '佐藤健一', '2023-03-01'],
    ['聯合時報 · 民國112年3月1日 · 記者 陳美玲', '聯合時報', '陳美玲', '2023-03-01'],
    ['聯合時報 · 民國112年3月1日 · 記者陳美玲', '聯合時報', '陳美玲', '2023-03-01'],
    [
      '星光日報 (Hong Kong) - - 2024年3月1日 - 港聞 - 記者 黃志明',
      '星光日報 (Hong Kong)',
      '黃志明',
      '2024-03-01',
    ],
  ])('%s', (line, publication, byline, iso) => {
    const credit = matchCreditLine(line);
    expect(credit?.publication).toBe(publication);
    expect(credit?.byline).toBe(byline);
    expect(credit?.date?.iso).toBe(iso);
  });

  it('needs a read date or the empty slot before it cuts an unknown label', () => {
    expect(matchCreditLine('Diena · Front page · tekstur Jógvan Hansen')).toBeNull();
    // a one-character label may open a name (`文在寅`): only a marked or longer label is cut when glued
    expect(matchCreditLine('東洋新報 · 令和5年3月1日 · 文在寅')).toBeNull();
  });
});

describe('platform logo lines', () => {
  it('reads a logo alt text translated into the UI language (stranger-6)', () => {
    expect(logoPlatform('ZINIO logo')).toBe('zinio');
    expect(logoPlatform('ZINIO लोगो')).toBe('zinio');
    // the name in running text, or followed by more than one word, is no logo
    expect(logoPlatform('ZINIO sells single issues')).toBeNull();
    expect(logoPlatform('Zinio logo')).toBeNull();
  });

  it('reads the word for "logo" before the name, maybe with a preposition (stranger-10 class 29)', () => {
    expect(logoPlatform('Logo ZINIO')).toBe('zinio');
    expect(logoPlatform('Logotipo de ZINIO')).toBe('zinio');
    // more than two words before the name, or the name in another case, is no logo
    expect(logoPlatform('Read this story on ZINIO')).toBeNull();
    expect(logoPlatform('Logo Zinio')).toBeNull();
    expect(logoPlatform('ZINIO')).toBeNull();
  });
});

describe('a label header with a deck and a credit before its date (stranger-7 class 4)', () => {
  it('reads title, deck and byline on a Scribd preview', () => {
    const text = [
      'Articles',
      'Nature Today',
      'Bees in the city',
      'Rooftop hives have doubled in London in five years',
      'By Ana Ruiz',
      'May 2024',
      '5 min read',
      'The first hives went up on office roofs in the City a decade ago, as a curiosity for the staff.',
      'Now beekeepers worry that there are too many hives for the flowers the city can offer them.',
    ].join('\n');
    const out = parsePage(text, { url: 'https://www.scribd.com/article/1/Bees-in-the-city' });
    expect(out.story).toMatchObject({
      title: 'Bees in the city',
      deck: 'Rooftop hives have doubled in London in five years',
      byline: 'Ana Ruiz',
    });
    expect(out.edition?.publication).toBe('Nature Today');
  });

  it('reads the publication printed last, above the date, where the cards name it or after the credit line (stranger-10 class 48)', () => {
    const url = 'https://www.scribd.com/article/1/Bees-in-the-city';
    const body = [
      'The first hives went up on office roofs in the City a decade ago, as a curiosity for the staff.',
      'Now beekeepers worry that there are too many hives for the flowers the city can offer them.',
    ];
    const header = [
      'Articles',
      'Bees in the city',
      'Rooftop hives have doubled in London in five years',
      'By Ana Ruiz',
      'Nature Today',
      'May 2024',
      '5 min read',
    ];
    const expected = {
      title: 'Bees in the city',
      deck: 'Rooftop hives have doubled in London in five years',
      byline: 'Ana Ruiz',
    };
    // no card: the line between the credit line and the date
    const alone = parsePage([...header, ...body].join('\n'), { url });
    expect(alone.story).toMatchObject(expected);
    expect(alone.edition?.publication).toBe('Nature Today');
    // no credit line above the publication: the line the cards name
    const cards = [
      'More from Nature Today',
      'Nature Today4 min readWildlife',
      'The foxes of Camden',
      'Urban foxes now outnumber those in the countryside around the capital, a new survey finds.',
    ];
    const noCredit = [
      'Articles',
      'Bees in the city',
      expected.deck,
      'Nature Today',
      'May 2024',
      '5 min read',
    ];
    const named = parsePage(
      [...noCredit, ...body, 'Read the rest with a free trial.', 'Try it free', ...cards].join('\n'),
      { url },
    );
    expect(named.story).toMatchObject({ title: 'Bees in the city', deck: expected.deck, byline: null });
    expect(named.edition?.publication).toBe('Nature Today');
  });
});

describe('feed card lines `Pub · date` (stranger-7 class 34)', () => {
  it('reads the name and a whole date after one middle dot', () => {
    expect(cardPublicationDate('The Namibian · Tue, 4 Jun 2024')).toEqual({
      publication: 'The Namibian',
      date: { label: 'Tue, 4 Jun 2024', iso: '2024-06-04' },
    });
    expect(cardPublicationDate('Kurier · 2024-06-03')).toEqual({
      publication: 'Kurier',
      date: { label: '2024-06-03', iso: '2024-06-03' },
    });
  });

  it('is no card line with a writer, a section, a sentence or no date after the dot', () => {
    expect(cardPublicationDate('Kurier · 5 Oct 2023 · By Anna Berger')).toBeNull();
    expect(cardPublicationDate('Kurier · Politik')).toBeNull();
    expect(cardPublicationDate('Prices rose again. · 4 Jun 2024')).toBeNull();
    expect(cardPublicationDate('· 4 Jun 2024')).toBeNull();
  });
});

describe('PressReader credit lines with two writers joined by a local "and" (stranger-8 class 2)', () => {
  it.each([
    ['La Gazzetta del Lago · 12 mar 2024 · di Marco Rossi e Giulia Bianchi', 'Marco Rossi e Giulia Bianchi'],
    ['Le Courrier (France) · 4 mai 2024 · Par Claire Martin et Paul Roux', 'Claire Martin et Paul Roux'],
  ])('%s', (line, byline) => {
    expect(matchCreditLine(line)?.byline).toBe(byline);
  });

  it('keeps the word for "and" only between two capitalised words', () => {
    expect(matchCreditLine('La Gazzetta del Lago · 12 mar 2024 · di Marco Rossi e')).toBeNull();
    expect(
      matchCreditLine('La Gazzetta del Lago · 12 mar 2024 · di Marco Rossi e altri')?.byline ?? null,
    ).not.toBe('Marco Rossi e altri');
  });
});

describe('Scribd label header with the content label under the date (stranger-11 class 48)', () => {
  const classified = (texts: string[]) =>
    classifyLines(
      texts.map((text, k) => ({ text, lineNo: k + 1 })),
      false,
    );
  const body =
    'The last keepers left the light in the winter of 1990, after the lamp was switched to remote control.';

  it('reads Title / By Name / Pub / date / Label / reading time as a label header', () => {
    const lines = classified([
      'The keepers',
      'By Thomas Reid',
      'Coast Magazine',
      'February 2025',
      'Articles',
      '6 min read',
      body,
    ]);
    expect(labelledHeaderLength(lines, 0)).toBe(6);
    expect(labelUnderDate(lines, 0)).toBe(true);
  });

  it('keeps the label on top as before, and wants a one-word label between the date and the reading time', () => {
    const onTop = classified([
      'Articles',
      'Coast Magazine',
      'The keepers',
      'February 2025',
      '6 min read',
      body,
    ]);
    expect(labelledHeaderLength(onTop, 0)).toBe(5);
    expect(labelUnderDate(onTop, 0)).toBe(false);
    const noLabel = classified([
      'The keepers',
      'By Thomas Reid',
      'Coast Magazine',
      'February 2025',
      '6 min read',
      body,
    ]);
    expect(labelledHeaderLength(noLabel, 0)).toBe(0);
    const sentence = classified([
      'The keepers',
      'Coast Magazine',
      'February 2025',
      'Read this.',
      '6 min read',
      body,
    ]);
    expect(labelledHeaderLength(sentence, 0)).toBe(0);
  });
});

describe('Zinio store category above the issue title, with or without its slash (stranger-11 class 29)', () => {
  const page = (category: string) =>
    [
      category,
      'Nordisk VandringNordisk Vandring',
      'Nordisk Vandring Maj 2025',
      '',
      'Leden som följer de gamla postvägarna',
      'access_time7 min.',
      'Den nya vandringsleden följer en postväg som användes redan på 1600-talet.',
      'Längs vägen finns sex stugor där vandrare kan övernatta.',
    ].join('\n');

  it.each([
    'category_outlined / Resor',
    'category_outlinedResor och kultur',
    'category_outlined Resor',
    'Resor och kultur',
  ])('%s is navigation and the header is read under it', (category) => {
    const out = parsePage(page(category), { url: null });
    expect(out.story?.title).toBe('Leden som följer de gamla postvägarna');
    expect(out.edition?.publication).toBe('Nordisk Vandring');
    expect(out.removed[0]).toEqual({ text: category, reason: 'navigation' });
  });

  it('a sentence above the glued name is not a category', () => {
    const out = parsePage(page('Det här är en mening om vandring.'), { url: null });
    expect(out.removed.some((r) => r.reason === 'navigation')).toBe(false);
  });
});

describe('short paragraphs cut by the capture at the end of a Scribd preview are body (stranger-11 class 48)', () => {
  const url = 'https://www.scribd.com/article/812345678/Posledni-Mlynar';
  const header = [
    'Poslední mlynář',
    'Por Tomáš Beneš',
    'Venkov a Řemesla',
    '4 de fevereiro de 2025',
    'Revistas',
    '7 min de leitura',
  ];
  const body = [
    'Mlýn pod Ledečem mele obilí stejně jako před sto lety, jen kolo dnes pohání turbína.',
    'Mlynáři je sedmdesát dva let.',
    'Mouku prodává sousedům a dvěma pekárnám.',
    'Syn se o mlýn nezajímá, vnučka ano.',
  ];

  it('a last line cut open is no wall button', () => {
    const out = parsePage([...header, ...body, 'Letos na jaře chce mlýn poprvé otevřít pro ško'].join('\n'), {
      url,
    });
    expect(out.story?.paragraphs).toHaveLength(5);
    expect(out.removed.some((r) => r.reason === 'paywall')).toBe(false);
  });

  it('an unbranded wall closed by its button still ends the story there', () => {
    const wall = [
      'Este artigo é exclusivo para assinantes.',
      'Leia o artigo completo com um teste gratuito.',
      'Comece seu teste gratuito',
    ];
    const out = parsePage([...header, ...body, ...wall].join('\n'), { url });
    expect(out.removed.filter((r) => r.reason === 'paywall').map((r) => r.text)).toContain(wall[2]);
  });
});
