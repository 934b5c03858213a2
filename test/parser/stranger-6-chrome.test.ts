/**
 * Stranger-6 classes 5, 31, 8, 6, 4 and their neighbours (text that is no page, site banners,
 * non-story pages, Magzter UI strings, Scribd previews): the mechanisms behind golden 980–999,
 * tried in shapes and languages the golden pages do not print.
 */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';

describe('documents made of records are no page (class 5)', () => {
  it('a thread of two posts: handles, relative times and the button row each post repeats', () => {
    const text = [
      'Ana Ribeiro',
      '@anar@masto.pt',
      '3h',
      'Li agora na Magzter a reportagem sobre as salinas. Vale muito a pena.',
      'Responder',
      'Partilhar',
      'Favorito',
      'Rui Costa',
      '@rui@social.example.org',
      '1h',
      'Obrigado pela dica, vou ler hoje à noite.',
      'Responder',
      'Partilhar',
      'Favorito',
    ].join('\n');
    const out = parsePage(text);
    expect(out.story).toBeNull();
    expect(out.page_locale).toBeNull();
    expect(out.teasers).toEqual([]);
  });

  it('reviews with their buttons on one line: a rating histogram, repeated labels and counter lines', () => {
    const review = (name: string, n: number): string[] => [
      name,
      '4.0 von 5 Sternen Gute Reportagen',
      'Rezension aus Deutschland vom 3. März 2024',
      'Verifizierter Kauf',
      'Die Hefte kommen pünktlich und die Reportagen sind lang und gründlich recherchiert.',
      `${n} Personen fanden diese Informationen hilfreich`,
      'Hilfreich · Melden',
    ];
    const text = [
      'Kundenrezensionen',
      '5 Sterne 52%',
      '4 Sterne 21%',
      '3 Sterne 12%',
      '2 Sterne 6%',
      '1 Stern 9%',
      ...review('Jonas', 12),
      ...review('Petra K.', 4),
      ...review('M. Weber', 31),
    ].join('\n');
    const out = parsePage(text);
    expect(out.story).toBeNull();
    expect(out.edition).toBeNull();
    expect(out.page_locale).toBeNull();
  });

  it('a story whose cards repeat their publication and reading time stays a story', () => {
    const card = (title: string): string[] => [
      'Outlook',
      title,
      'A short summary of the story.',
      '5 mins',
      'March 2024',
    ];
    const text = [
      'The River Remembers',
      'Outlook|March 15, 2024',
      'The floods came early this year. Nobody in the valley was ready for them, and the dams were full.',
      'Farmers lost their seed stock. The state has promised help, but little has arrived so far.',
      ...card('First card title'),
      ...card('Second card title'),
      ...card('Third card title'),
    ].join('\n');
    expect(
      parsePage(text, { url: 'https://www.magzter.com/IN/Outlook/Outlook/News/1' }).story,
    ).not.toBeNull();
  });
});

describe('site banners around the page are chrome (class 31)', () => {
  const header = [
    'The Salt Road',
    'Wanderlust',
    '|',
    'May 2024',
    '- By Priya Nair',
    'The caravans still leave Agadez in October. Fewer camels go now, and the trucks take most of the salt.',
    'Those who still walk say the road has changed less than the people who use it.',
  ];

  it('an English app banner over the newest layout’s prices, the label in capitals without a dash', () => {
    const text = [
      'Read faster in the Magzter app',
      'Open in app',
      'Not now',
      'Unlimited access',
      '$9.99/Month',
      'Vyzkoušejte ZLATO zdarma',
      ...header,
    ].join('\n');
    const out = parsePage(text, {
      url: 'https://www.magzter.com/cs/stories/travel/Wanderlust/THE-SALT-ROAD',
    });
    expect(out.story?.title).toBe('The Salt Road');
    expect(out.story?.byline).toBe('Priya Nair');
    expect(out.story?.paragraphs).toHaveLength(2);
  });

  it('a cookie notice under the copyright line after Title / Summary cards makes no card', () => {
    const text = [
      ...header,
      'This story is from the May 2024 edition of Wanderlust.',
      'Start your 7-day Magzter GOLD FREE trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
      'Already a subscriber ? Sign In',
      'The last ferry to Lamu',
      'A week on the dhows of the Kenyan coast, where the timetable is the wind.',
      '© 2024 Magzter Inc. All rights reserved.',
      'We use cookies to improve your experience and to show you relevant content.',
      'Accept all',
      'Manage settings',
    ].join('\n');
    const out = parsePage(text, { url: 'https://www.magzter.com/stories/travel/Wanderlust/THE-SALT-ROAD' });
    expect(out.teasers.map((t) => t.title)).toEqual(['The last ferry to Lamu']);
  });

  it('a search page’s labels on top are no banner: its results stay what they were', () => {
    const text = [
      'Search',
      'monsoon',
      'Article',
      'The monsoon that never came',
      'Down To Earth',
      'July 1, 2024',
      'Farmers in three districts waited for rain that the forecasters had promised.',
    ].join('\n');
    expect(parsePage(text).removed.some((r) => r.text === 'Search' && r.reason !== 'layout')).toBe(false);
  });
});

describe('non-story pages (class 8)', () => {
  it('a sign-in wall under the platform logo and the issue masthead: the masthead names the edition', () => {
    const text = [
      'PressReader',
      'Catálogo',
      'Publicações',
      'Entrar',
      'Jornal de Notícias',
      'sexta-feira, 12 de julho de 2024',
      'Entre para continuar a ler esta publicação',
      'E-mail',
      'Palavra-passe',
      'Esqueceu-se da palavra-passe?',
      'Entrar',
    ].join('\n');
    const out = parsePage(text, { url: 'https://www.pressreader.com/portugal/jornal-de-noticias/20240712' });
    expect(out.story).toBeNull();
    expect(out.edition?.publication).toBe('Jornal de Notícias');
    expect(out.edition?.date).toBe('2024-07-12');
  });

  it('a PressReader story whose page opens with the logo keeps its publication from the masthead', () => {
    const text = [
      'PressReader',
      'The Irish Times',
      'March 4, 2024',
      'Ferry timetable cut for the winter',
      'The island ferry will run twice a day from November, the operator said. Islanders say the cut leaves them without a morning crossing to the mainland hospital.',
      'The council has asked for a review before the change takes effect.',
    ].join('\n');
    const out = parsePage(text, { url: 'https://www.pressreader.com/ireland/the-irish-times/20240304' });
    expect(out.story).not.toBeNull();
    expect(out.edition?.publication).not.toBe('PressReader');
  });
});

describe('Magzter UI strings in no table (class 6)', () => {
  const header = [
    'A Harbour Without Boats',
    'Coastal Life',
    '|',
    'May 2024',
    '- By Tom Evans',
    'The last trawler left the harbour in March. Its owner sold it to a museum in Hull, where it now sits on blocks.',
    'The quay is quieter now, but the cafés say the walkers have replaced the fishermen.',
  ];
  const card = (pub: string, title: string, time: string, date: string): string[] => [
    pub,
    title,
    'A short summary of the story, in one sentence.',
    time,
    date,
  ];

  it('a reading time with a label and a colon, printed alike on every card, in another language', () => {
    const text = [
      ...header,
      'More stories from Coastal Life',
      ...card('Coastal Life', 'The ferry that never came', 'Leestijd: 5 min.', 'May 2024'),
      ...card('Coastal Life', 'Gulls on the high street', 'Leestijd: 3 min.', 'April 2024'),
    ].join('\n');
    const out = parsePage(text, { url: 'https://www.magzter.com/nl/stories/news/Coastal-Life/A-HARBOUR' });
    expect(out.teasers.map((t) => t.title)).toEqual([
      'The ferry that never came',
      'Gulls on the high street',
    ]);
    expect(out.teasers.map((t) => t.date)).toEqual(['May 2024', 'April 2024']);
  });

  it('a title shaped like a reading time on one card only stays a title', () => {
    const text = [
      ...header,
      'More stories from Coastal Life',
      'Coastal Life',
      'Apollo 11',
      'May 2024',
      'Coastal Life',
      'Gulls on the high street',
      'April 2024',
    ].join('\n');
    const out = parsePage(text, { url: 'https://www.magzter.com/stories/news/Coastal-Life/A-HARBOUR' });
    expect(out.teasers.map((t) => t.title)).toContain('Apollo 11');
  });
});

describe('captions and pull quotes in other shapes (classes 17 and 18)', () => {
  const paragraphs = [
    'The river rose two metres overnight, and by morning the lower town was under water.',
    'Volunteers filled sandbags at the fire station until the army arrived at noon.',
    'The mayor said the new flood wall would have held if it had been finished on time.',
  ];

  it('a caption closed by its credit after a bar, and one in capitals, are layout', () => {
    const text = [
      'Flood in the lower town',
      'The Courier|March 2024',
      'Volunteers and soldiers worked through the night to hold the water back',
      '- By Mark Hill',
      paragraphs[0],
      'Sandbags outside the fire station on Tuesday. | PICTURE: Anna Reid',
      paragraphs[1],
      'PICTURED: VOLUNTEERS LOAD A TRUCK WITH SANDBAGS ON MILL STREET',
      paragraphs[2],
    ].join('\n');
    const out = parsePage(text, { url: 'https://www.pressreader.com/uk/the-courier/20240301' });
    expect(out.story?.paragraphs).toEqual(paragraphs);
  });

  it('a whole quoted paragraph of two long sentences stays body', () => {
    const quote =
      '“We lost everything in the shop, the stock, the till and the photographs on the wall. We will open again, but not this year.”';
    const text = [
      'Flood in the lower town',
      'The Courier|March 2024',
      paragraphs[0],
      quote,
      paragraphs[1],
    ].join('\n');
    expect(parsePage(text).story?.paragraphs).toContain(quote);
  });

  it('a title in straight double quotes with a non-ASCII letter keeps its quotes', () => {
    const text = [
      '"Köyün son fırıncısı"',
      'Atlas|Nisan 2024',
      'Ekmek fırını kırk yıldır aynı saatte yanıyor. Fırıncı Hasan Usta her sabah dörtte kalkıyor.',
      'Köyde artık yalnızca otuz aile yaşıyor, ama fırının önündeki kuyruk hiç kısalmıyor.',
    ].join('\n');
    expect(parsePage(text).story?.title).toBe('"Köyün son fırıncısı"');
  });
});
