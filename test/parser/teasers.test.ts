import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';
import { classifyLines, type ClassifiedLine } from '../../src/parser/classify.js';
import { cardsHeading, namesPublication } from '../../src/parser/card-zone.js';
import { readingTimesUnderTitles } from '../../src/parser/teasers.js';

const STORY = 'A story paragraph long enough to be the body of this page, ending with a full stop.';
const BLOCK = [
  'This story is from the May 2021 edition of Femina.',
  'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
  'Already a subscriber ? Sign In',
];

describe('teaser cards', () => {
  it('pairs Title / Summary cards after the paywall block', () => {
    const out = parsePage(
      [STORY, ...BLOCK, 'First title', 'First summary.', 'Second title', 'Second summary.'].join('\n') + '\n',
    );
    expect(out.teasers).toEqual([
      { title: 'First title', summary: 'First summary.', publication: null, date: null, partial: false },
      { title: 'Second title', summary: 'Second summary.', publication: null, date: null, partial: false },
    ]);
  });

  it('reads alt / Pub / Title / Summary / time-read / N mins | / date cards', () => {
    const cards = [
      'MORE STORIES FROM FEMINAView All',
      'Ghee time',
      'Femina',
      'Ghee time',
      'A summary of the ghee story.',
      'time-read',
      '1 min  |',
      'September 2024',
      'Femina',
      'No alt here',
      'Another summary.',
      'time-read',
      '3 mins  |',
      'December 2024 - January 2025',
    ];
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n') + '\n');
    expect(out.teasers).toEqual([
      {
        title: 'Ghee time',
        summary: 'A summary of the ghee story.',
        publication: 'Femina',
        date: 'September 2024',
        partial: false,
      },
      {
        title: 'No alt here',
        summary: 'Another summary.',
        publication: 'Femina',
        date: 'December 2024 - January 2025',
        partial: false,
      },
    ]);
    expect(out.removed.filter((r) => r.reason === 'duplicate').map((r) => r.text)).toEqual(['Ghee time']);
  });

  it('attaches a publication printed after the reading time to the card above', () => {
    const cards = [
      'Title one',
      'Summary one.',
      '1 min read',
      'PC Magazine',
      'June 2020',
      'Title two',
      'Summary two.',
    ];
    const out = parsePage([STORY, 'Continue reading your story on the app', ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => [t.title, t.publication, t.date])).toEqual([
      ['Title one', 'PC Magazine', 'June 2020'],
      ['Title two', null, null],
    ]);
  });

  it('marks the card cut by the end of the capture as partial', () => {
    const page = [STORY, ...BLOCK, 'Title one', 'Summary one.', 'Title two', 'Summary t'].join('\n');
    expect(parsePage(page, { truncated: true }).teasers.map((t) => t.partial)).toEqual([false, true]);
    expect(parsePage(page, { truncated: false }).teasers.map((t) => t.partial)).toEqual([false, false]);
    expect(parsePage(`${page}\n`, { truncated: true }).teasers.map((t) => t.partial)).toEqual([false, false]);
  });

  it('marks a last card lacking the summary every other card has as partial', () => {
    const out = parsePage(
      [STORY, ...BLOCK, 'Title one', 'Summary one.', 'Title two', 'Summary two.', 'Lone title'].join('\n') +
        '\n',
    );
    expect(out.teasers.at(-1)).toEqual({
      title: 'Lone title',
      summary: null,
      publication: null,
      date: null,
      partial: true,
    });
  });

  it('reads a listing page (no story) and names its publication', () => {
    const card = (n: number): string[] => [
      'THE MAG',
      'THE MAG',
      `Title ${n}`,
      `Summary ${n}.`,
      '5 min  |',
      'June 2024',
    ];
    const out = parsePage([...card(1), ...card(2), ...card(3)].join('\n\n') + '\n');
    expect(out.story).toBeNull();
    expect(out.edition?.publication).toBe('THE MAG');
    expect(out.teasers.map((t) => [t.title, t.publication, t.date, t.partial])).toEqual([
      ['Title 1', 'THE MAG', 'June 2024', false],
      ['Title 2', 'THE MAG', 'June 2024', false],
      ['Title 3', 'THE MAG', 'June 2024', false],
    ]);
  });
});

describe('stranger-7 card classes (10, 35)', () => {
  const header = 'MORE STORIES FROM FEMINAView All';

  it('a lone card whose summary is the open last line, stopping mid-word, is partial (class 10)', () => {
    const out = parsePage(
      [STORY, ...BLOCK, header, 'Femina', 'Only card', 'It stops in the middle of a wo'].join('\n'),
    );
    expect(out.teasers.map((t) => t.partial)).toEqual([true]);
    // the same summary closed by a line break is whole
    const whole = parsePage(
      [STORY, ...BLOCK, header, 'Femina', 'Only card', 'A summary with no final stop'].join('\n') + '\n',
    );
    expect(whole.teasers.map((t) => t.partial)).toEqual([false]);
  });

  it('summaries clipped at one length: only a clearly shorter open last one is cut (class 10)', () => {
    const clipped = (n: number): string => 'word '.repeat(40).slice(0, n);
    const cards = (last: number): string =>
      [STORY, ...BLOCK, header, 'First', clipped(150), 'Second', clipped(152), 'Third', clipped(last)].join(
        '\n',
      );
    expect(parsePage(cards(60)).teasers.at(-1)?.partial).toBe(true);
    expect(parsePage(cards(140)).teasers.at(-1)?.partial).toBe(false);
  });

  it('a carousel printed again for looping yields its cards once (class 35)', () => {
    const carousel = ['First title', 'First summary.', 'Second title', 'Second summary.'];
    const out = parsePage(
      [STORY, ...BLOCK, header, ...carousel, 'First title', 'First summary.', 'Second ti'].join('\n'),
    );
    expect(out.teasers.map((t) => t.title)).toEqual(['First title', 'Second title']);
    expect(out.removed.map((r) => r.text)).toEqual(expect.arrayContaining(['First summary.', 'Second ti']));
  });
});

describe('stranger-8 card class 42: the reading time between title and summary', () => {
  const line = (text: string, index: number): ClassifiedLine =>
    ({
      text,
      index,
      key: text.toLowerCase(),
      kind: /^\d+ min/.test(text) ? 'reading-time' : 'text',
      locales: [],
    }) as unknown as ClassifiedLine;
  const lines = (texts: string[]): ClassifiedLine[] => texts.map(line);

  it('reads Title / reading time / Summary cards as that layout', () => {
    const cards = [
      'First title',
      '4 min read',
      'First summary.',
      'Second title',
      '6 min read',
      'Second summary.',
    ];
    expect(readingTimesUnderTitles(lines(cards))).toBe(true);
  });

  it('leaves Title / Summary / reading time and reading time / Title / Summary cards alone', () => {
    expect(
      readingTimesUnderTitles(
        lines([
          'First title',
          'First summary.',
          '4 min read',
          'Second title',
          'Second summary.',
          '6 min read',
        ]),
      ),
    ).toBe(false);
    expect(
      readingTimesUnderTitles(
        lines([
          '4 min read',
          'First title',
          'First summary.',
          '6 min read',
          'Second title',
          'Second summary.',
        ]),
      ),
    ).toBe(false);
  });

  it('needs two such cards', () => {
    expect(readingTimesUnderTitles(lines(['Only title', '4 min read', 'Only summary.']))).toBe(false);
  });

  it('pairs the cards of a page under an "in this issue" heading', () => {
    const out = parsePage(
      [
        STORY,
        ...BLOCK,
        'First title',
        '4 min read',
        'First summary.',
        'Second title',
        '6 min read',
        'Second summary.',
      ].join('\n') + '\n',
    );
    expect(out.teasers.map((t) => [t.title, t.summary])).toEqual([
      ['First title', 'First summary.'],
      ['Second title', 'Second summary.'],
    ]);
  });
});

describe('stranger-8 card class 41: a title-only card among Title / Summary cards', () => {
  it('keeps a card with no summary and the cards after it whole', () => {
    const cards = ['First title', 'First summary.', 'A HEADING CARD', 'Second title', 'Second summary.'];
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => [t.title, t.summary, t.partial])).toEqual([
      ['First title', 'First summary.', false],
      ['A HEADING CARD', null, false],
      ['Second title', 'Second summary.', false],
    ]);
  });

  it('pairs as printed where summaries have no final stop (two unclosed lines in a row)', () => {
    const cards = [
      'First title',
      'First summary',
      'Second title',
      'Second summary.',
      'Third title',
      'Third summary.',
    ];
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => [t.title, t.summary])).toEqual([
      ['First title', 'First summary'],
      ['Second title', 'Second summary.'],
      ['Third title', 'Third summary.'],
    ]);
  });
});

describe('stranger-8 card class 34: title-only cards opened by their publication', () => {
  it('reads Pub / Title / reading time / date cards, each name printed once', () => {
    const cards = [
      'Coast Weekly',
      'The Last Ferry',
      '7 min  |',
      'March 2024',
      'Wild Isles',
      'Otters In Town',
      '5 min  |',
      'May 2024',
    ];
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => [t.title, t.summary, t.publication, t.date])).toEqual([
      ['The Last Ferry', null, 'Coast Weekly', 'March 2024'],
      ['Otters In Town', null, 'Wild Isles', 'May 2024'],
    ]);
  });

  it('leaves Title / Summary cards with a summary that ends a sentence alone', () => {
    const cards = [
      'First title',
      'A first summary.',
      '7 min  |',
      'March 2024',
      'Second title',
      'A second summary.',
      '5 min  |',
      'May 2024',
    ];
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => [t.title, t.summary])).toEqual([
      ['First title', 'A first summary.'],
      ['Second title', 'A second summary.'],
    ]);
  });
});

describe('stranger-8 card class 34: result cards from several publications, the last cut', () => {
  it('keeps the first card its publication and gives the cut card its own', () => {
    const page = [
      'Try GOLD - Free',
      'Search results for "harbour"',
      'Coast Weekly',
      'The Last Ferry',
      'The island loses its winter boat, and the school run now takes a day.',
      '7 min  |',
      'March 2024',
      'Sea Breezes',
      'Otters In Town',
      'They are back on every river in the county, and in the middle of the city.',
      '5 min  |',
      'May 2024',
      'Island Life',
      'Painting The Tower',
      'Every ten years the tower gets a new coat of white, and the',
    ].join('\n');
    const out = parsePage(page);
    expect(out.teasers.map((t) => [t.title, t.publication, t.partial])).toEqual([
      ['The Last Ferry', 'Coast Weekly', false],
      ['Otters In Town', 'Sea Breezes', false],
      ['Painting The Tower', 'Island Life', true],
    ]);
  });
});

describe('stranger-9 classes 8 and 10: cards each closed by an anchor printed after them', () => {
  const crumb = [
    'Home//Harbour Life/Issue 112/In This Issue',
    'Table of contents for Issue 112 of Harbour Life',
  ];
  const ui = [
    'Browse all issues of Harbour Life',
    'Read this issue in the Magzter, Zinio or PressReader app.',
  ];
  const cards = [
    'Boats for hire',
    'Three families now rent out their old trawlers.',
    'p. 8',
    'The net menders',
    'Only two people still mend drift nets by hand.',
    'p. 14',
  ];

  it('a first pair no anchor closes, above closed cards, is no card', () => {
    const out = parsePage([...crumb, ...ui, ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => t.title)).toEqual(['Boats for hire', 'The net menders']);
    expect(out.removed.map((r) => r.text)).toEqual(expect.arrayContaining(ui));
    expect(out.edition?.label).toBeNull();
  });

  it('a last card no anchor closes where the zone ends is cut, line break or not', () => {
    const cut = ['A new roof for the fish market', 'The council has found the money at last, but the tra'];
    for (const end of ['', '\n']) {
      const out = parsePage([...crumb, ...cards, ...cut].join('\n') + end);
      expect(out.teasers.map((t) => t.partial)).toEqual([false, false, true]);
    }
  });

  it('anchors printed before each card (`5 min.` / Title / Summary) cut nothing', () => {
    const out = parsePage(
      [
        ...crumb,
        '5 min.',
        'Boats for hire',
        'Three families now rent out their old trawlers.',
        '3 min.',
        'The net menders',
        'Only two people still mend drift nets by hand.',
        '4 min.',
        'A new roof for the fish market',
        'The council has found the money at last.',
      ].join('\n') + '\n',
    );
    expect(out.teasers.map((t) => t.partial)).toEqual([false, false, false]);
  });
});

describe('stranger-9 class 45: a thumbnail alt describing the photo above the card publication', () => {
  const block = [
    'This story is from the November 2021 edition of Country Yard.',
    'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
    'MORE STORIES FROM COUNTRY YARDView All',
  ];
  const card = (alt: string, title: string, date: string): string[] => [
    alt,
    'Country Yard',
    title,
    `${title}: a summary of the story.`,
    'time-read',
    '3 mins  |',
    date,
  ];

  it('is layout, not a title-only card', () => {
    const out = parsePage(
      [
        STORY,
        ...block,
        ...card('Hens in a movable pen', 'Eggs From The Field', 'November 2021'),
        ...card('A farmer beside a shed', 'The Feed Bill', 'October 2021'),
      ].join('\n') + '\n',
    );
    expect(out.teasers.map((t) => [t.title, t.publication, t.date])).toEqual([
      ['Eggs From The Field', 'Country Yard', 'November 2021'],
      ['The Feed Bill', 'Country Yard', 'October 2021'],
    ]);
    expect(out.removed).toEqual(
      expect.arrayContaining([
        { text: 'Hens in a movable pen', reason: 'layout' },
        { text: 'A farmer beside a shed', reason: 'layout' },
      ]),
    );
  });
});

describe('stranger-9 class 8: page numbers under each card of a contents page, in any wording', () => {
  const crumb = [
    'Home//Harbour Life/Issue 112/In This Issue',
    'Table of contents for Issue 112 of Harbour Life',
  ];
  const cards = (ref: (n: number) => string): string[] => [
    'Boats for hire',
    'Three families now rent out their old trawlers.',
    ref(8),
    'The net menders',
    'Only two people still mend drift nets by hand.',
    ref(14),
  ];

  it.each([['Page'], ['Seite'], ['']])('`%s N` closes its card and is no text', (word) => {
    const ref = (n: number): string => (word === '' ? `${n}` : `${word} ${n}`);
    const out = parsePage([...crumb, ...cards(ref)].join('\n') + '\n');
    expect(out.teasers.map((t) => t.title)).toEqual(['Boats for hire', 'The net menders']);
    expect(out.removed.map((r) => r.text)).toEqual(expect.arrayContaining([ref(8), ref(14)]));
  });

  it('a numbered subhead between two body sentences stays body', () => {
    const body = [
      'The first part of the story ends here with a full stop.',
      'Part 2',
      'The second part opens with another sentence.',
      'Part 3',
      'The third part closes the story.',
    ];
    const out = parsePage(['A title for the story', ...body].join('\n') + '\n');
    expect(out.story?.paragraphs).toEqual(expect.arrayContaining(body));
    expect(out.teasers).toEqual([]);
  });

  it('numbered subheads over a short line (`Meal 2` / `Eat every 2–3 hours`) stay body: their numbers run on by one, or start again', () => {
    const plan = (n: number): string[] => [
      `Meal ${n}`,
      'Eat every 2–3 hours',
      `Salad with ${n} cups of greens, tomatoes and feta, and a spoon of oil.`,
    ];
    const body = [
      'A plan for the week opens the story, written out meal by meal below.',
      ...plan(1),
      ...plan(2),
      ...plan(3),
      ...plan(1),
      ...plan(2),
    ];
    const out = parsePage(['Eating on a training week', ...body].join('\n') + '\n');
    expect(out.story?.paragraphs).toEqual(expect.arrayContaining(body));
    expect(out.teasers).toEqual([]);
  });
});

describe('an issue page heading over cards that print their reading time last (stranger-11 class 54)', () => {
  const kinds = (texts: string[]) => {
    const lines = classifyLines(
      texts.map((text, k) => ({ text, lineNo: k + 1 })),
      false,
    );
    cardsHeading(lines, 0);
    return lines.map((l) => l.kind);
  };
  const cards = [
    'Pierwsze zdjęcia z nowego teleskopu',
    'Astronomowie pokazali obrazy galaktyk sprzed trzynastu miliardów lat.',
    '7 min',
    'Dlaczego pszczoły tańczą',
    'Taniec pszczół mówi reszcie roju, gdzie szukać kwiatów.',
    '5 min',
  ];

  it('the short line above the first card (Title / Summary / reading time) is the heading', () => {
    expect(kinds(['Wydawnictwo Nauka Plus', 'Przeczytasz w numerze', ...cards]).slice(0, 3)).toEqual([
      'text',
      'issue-contents',
      'text',
    ]);
  });

  it('cards that open with their reading time are read as before', () => {
    const opening = [
      'Wydawnictwo Nauka Plus',
      'Przeczytasz w numerze',
      '7 min',
      cards[0],
      cards[1],
      '5 min',
      cards[3],
      cards[4],
    ];
    expect(kinds(opening as string[]).slice(0, 3)).toEqual(['text', 'issue-contents', 'reading-time']);
  });
});

describe('a "more stories" header in no table with its view-all link after an ellipsis (stranger-11 class 6)', () => {
  const card = classifyLines([{ text: 'Chennai Review', lineNo: 1 }], false);
  const pubs = ['Chennai Review'];

  it.each([
    'மேலும் கதைகள் Chennai Review இலிருந்து…அனைத்தையும் காண்க',
    'ಇನ್ನಷ್ಟು ಕಥೆಗಳು Chennai Review ನಿಂದ...ಎಲ್ಲವನ್ನೂ ವೀಕ್ಷಿಸಿ',
  ])('%s names the publication', (text) => {
    expect(namesPublication(text, pubs, card, true)).toBe('Chennai Review');
  });

  it('the words before the ellipsis still count', () => {
    const long = 'Chennai Review ran a long story about the harbour and the fishing boats…More';
    expect(namesPublication(long, pubs, card, true)).toBeNull();
  });
});

describe('stranger-11 card class 52: the publication and date under the summary', () => {
  const harbour = ['The harbour after dark', 'Night fishermen on the hours the town never sees.'];
  const garden = ['A garden on the rocks', 'Apples grown on a windswept island.'];
  it.each([
    [
      'reads Title / Summary / Pub / date cards',
      [...harbour, 'Coast & Country', 'Autumn 2018', ...garden, 'Island Gardener', 'September 2018'],
    ],
    [
      'keeps Pub / Title / Summary / date cards, the summary last, as they were',
      ['Coast & Country', ...harbour, 'Autumn 2018', 'Island Gardener', ...garden, 'September 2018'],
    ],
  ])('%s', (_name, cards) => {
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => [t.title, t.summary, t.publication, t.date])).toEqual([
      [...harbour, 'Coast & Country', 'Autumn 2018'],
      [...garden, 'Island Gardener', 'September 2018'],
    ]);
  });
});

describe("stranger-11 teaser precision: a story's reading time over its body opens no card", () => {
  const body = ['First sentence of the body.', 'Second sentence of the body.', 'Third sentence of the body.'];

  it('keeps the body under a header reading time, a short line or two between them', () => {
    for (const between of [[], ['By Tom Harlow'], ['By Tom Harlow', 'A standfirst with no stop']]) {
      const out = parsePage(
        ['The title', 'Coastal Review|March 2025', '6 min read', ...between, ...body].join('\n') + '\n',
      );
      expect(out.teasers).toEqual([]);
      expect([out.story?.deck, ...(out.story?.paragraphs ?? [])]).toEqual(expect.arrayContaining(body));
    }
  });

  it('still reads Title / Summary cards under a reading time (two sentences in a row at most)', () => {
    const cards = ['First title', 'A first summary.', 'Second title', 'A second summary.', '5 min read'];
    const out = parsePage([STORY, ...BLOCK, '7 min read', ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => t.title)).toEqual(['First title', 'Second title']);
  });
});

describe('stranger-11 card class 10: the last title cut under its thumbnail alt', () => {
  const card = (title: string, summary: string) => [title, 'Femina', title, summary, '4 mins  |', 'May 2021'];

  it('counts the alt as the cut title copy and keeps the card partial with its publication', () => {
    const cards = [
      ...card('First title here', 'A first summary.'),
      ...card('Second title here', 'A second summary.'),
      'Third title cut by the capture',
      'Femina',
      'Third title c',
    ];
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n'));
    expect(out.teasers.at(-1)).toEqual({
      title: 'Third title c',
      summary: null,
      publication: 'Femina',
      date: null,
      partial: true,
    });
    expect(out.removed).toContainEqual({ text: 'Third title cut by the capture', reason: 'duplicate' });
  });
});

describe('stranger-11 class 8: a pager closing a listing', () => {
  const cards = ['First title', 'A first summary.', 'Second title', 'A second summary.'];

  it.each([[['Page 1 of 3', 'Next page']], [['Previous', '2 / 4', 'Next']], [['Seite 2 von 5']]])(
    '%j is chrome, no card',
    (pager) => {
      const out = parsePage([STORY, ...BLOCK, ...cards, ...pager].join('\n') + '\n');
      expect(out.teasers.map((t) => t.title)).toEqual(['First title', 'Second title']);
      for (const line of pager) expect(out.removed.map((r) => r.text)).toContain(line);
    },
  );

  it('leaves a counter whose first number is above the second, and one far from the end', () => {
    const out = parsePage([STORY, ...BLOCK, ...cards, 'Page 5 of 3', 'Next page'].join('\n') + '\n');
    expect(out.removed.map((r) => r.text)).not.toContain('Page 5 of 3');
  });
});

describe('stranger-11 teaser precision: an unread line above bare Title / Summary cards', () => {
  it('drops the line above the first pair where the cards under it pair whole', () => {
    const cards = ['MORE TO READ', 'First title', 'A first summary.', 'Second title', 'A second summary.'];
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => [t.title, t.summary])).toEqual([
      ['First title', 'A first summary.'],
      ['Second title', 'A second summary.'],
    ]);
    expect(out.removed).toContainEqual({ text: 'MORE TO READ', reason: 'layout' });
  });

  it('keeps a first card whose summary has no final stop (an even count)', () => {
    const cards = [
      'First title',
      'First summary',
      'Second title',
      'A second summary.',
      'Third title',
      'A third summary.',
    ];
    const out = parsePage([STORY, ...BLOCK, ...cards].join('\n') + '\n');
    expect(out.teasers.map((t) => t.title)).toEqual(['First title', 'Second title', 'Third title']);
  });
});
