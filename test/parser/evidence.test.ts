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

const page = (id: string): string =>
  readFileSync(new URL(`../fixtures/pages/${id}/raw.txt`, import.meta.url), 'utf8');
const isNoStoryWarning = (w: string): boolean => w.startsWith('no story:');

describe('pages shaped like no story, in any language (issue 11)', () => {
  it('a sign-in wall in a UI language with no rules is no story, even on the platform', () => {
    const out = parsePage(page('370-fi-magzter-sign-in-wall'), {
      url: 'https://www.magzter.com/fi/login?next=/stories/Business/Forbes-India',
    });
    expect(out.story).toBeNull();
    // a newsstand page keeps its edition (here only the platform is known)
    expect(out.edition).toEqual({ publication: null, date: null, label: null, platform: 'magzter' });
    expect(out.warnings.some(isNoStoryWarning)).toBe(true);
    // without its URL it is no story either, and then not a newsstand page at all
    const bare = parsePage(page('370-fi-magzter-sign-in-wall'));
    expect(bare.story).toBeNull();
    expect(bare.edition).toBeNull();
  });

  it('a 404 page is no story and no edition', () => {
    const out = parsePage(page('371-pl-not-found-404'));
    expect(out.story).toBeNull();
    expect(out.edition).toBeNull();
    expect(out.warnings.some(isNoStoryWarning)).toBe(true);
  });

  it('a search results page is no story; the platform page still returns its edition', () => {
    const out = parsePage(page('372-en-zinio-search-results'), {
      url: 'https://www.zinio.com/in/search?q=monsoon',
    });
    expect(out.story).toBeNull();
    expect(out.edition?.platform).toBe('zinio');
  });

  it('an e-mail is no story: a block of Key: value headers holding an address, in any language', () => {
    expect(parsePage(page('373-xx-not-a-page-email')).story).toBeNull();
    const german = parsePage(
      'Von: Jonas Weber <jonas.weber@example.de>\nGesendet: Dienstag, 3. Dezember 2024 09:14\nAn: Redaktion <redaktion@example.de>\nBetreff: Abgabe\n' +
        'Hallo zusammen,\nich schicke euch den Text für die Märzausgabe bis Freitag, weil die Fotos noch fehlen und der Fotograf erst morgen zurück ist.\n' +
        'Die Bildunterschriften habe ich schon gekürzt, damit sie in die neue Spalte passen und nichts mehr abgeschnitten wird.\nGruß\nJonas',
    );
    expect(german.story).toBeNull();
    expect(german.edition).toBeNull();
  });

  it('a log, an INI file and a subtitle file are records, not prose', () => {
    expect(parsePage(page('374-xx-not-a-page-log')).story).toBeNull();
    const ini = parsePage(
      '[server]\nhost = 127.0.0.1\nport = 8080\n; the worker pool is sized to the machine, which has two cores shared by everyone.\n' +
        '[storage]\npath = /var/lib/masthead/db.sqlite\nbusy_timeout = 5000\nThe database is checked at start-up unless the check is skipped by the operator.',
    );
    expect(ini.story).toBeNull();
    const subtitles = parsePage(
      '1\n00:00:01,000 --> 00:00:04,000\nThe rain had not stopped for three days when the boats came in.\n\n' +
        '2\n00:00:04,500 --> 00:00:08,000\nNobody on the quay said a word until the last one was tied up.\n\n' +
        '3\n00:00:08,500 --> 00:00:12,000\nThen the harbour master walked out to count the crews himself.',
    );
    expect(subtitles.story).toBeNull();
  });

  it('a story with short questions, list lines or subheads keeps its story when one paragraph is prose', () => {
    const interview = parsePage(
      'Back on set\nFilmfare|May 2021\nWhat next?\nA new film, a new role and a long shoot in the hills.\nWhere?\n' +
        'In the north, for three months. We start in March and we will be done by the time the monsoon arrives, if the weather holds.\nWhy now?\nIt felt right.\nAnd after?\nRest.',
    );
    expect(interview.story).not.toBeNull();
    const recipe = parsePage(
      'Monsoon pakoras\nFemina|July 2024\nWhen the rain comes down, the kitchen fills up. These fritters take ten minutes and use what is already in the cupboard, so there is no excuse not to make them tonight.\n' +
        'Ingredients\n1 cup gram flour\n1 onion, sliced\n2 green chillies\nSalt to taste\nOil for frying\nMethod\nMix, fry, serve.',
    );
    expect(recipe.story).not.toBeNull();
  });
});

describe('letters and tables of contents are no story, by punctuation and numbers alone', () => {
  it('an e-mail without headers: a short greeting and a sign-off ending in commas', () => {
    const out = parsePage(
      'Hi Tom,\n\nThanks for the notes on the draft. I have moved the second section up and cut the paragraph about the budget, which was repeating what the minister said anyway.\n\n' +
        'Can you check the captions before Friday? The photo desk wants them by noon.\n\nCheers,\nAnna',
    );
    expect(out.story).toBeNull();
    expect(out.edition).toBeNull();
  });

  it('a letter printed on a newsstand page (an editor’s letter) keeps its story', () => {
    const out = parsePage(
      'Dear readers,\nThis issue has been a long time in the making. We travelled to six states and spoke to more than forty families about what the new law means for them.\n' +
        'We hope you find their stories as moving as we did.\nWarm regards,\nThe editors\n' +
        'This story is from the May 2021 edition of Femina.\nStart your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
    );
    expect(out.story).not.toBeNull();
  });

  it('a story holding a table of figures is still a story (rows hold more numbers; a paragraph stands outside)', () => {
    const out = parsePage(
      'The season ended on Sunday with the closest finish in years. Three drivers were separated by eight points after thirty-six races.\n' +
        'Pos. Driver Points Wins\n1 Kyle Busch 5040 5\n2 Martin Truex 5035 7\n3 Kevin Harvick 5033 4\n4 Denny Hamlin 5027 6\n' +
        'Final standings 2019 round 36\nTop five 5\nTop ten 10',
    );
    expect(out.story).not.toBeNull();
  });

  it('a mirror’s table of contents in a language with no rules: lines ending in page numbers', () => {
    const out = parsePage(
      'Domů > Respekt > Číslo 14/2024 > Obsah\nObsah čísla 14/2024\n1. Vláda a rozpočet na příští rok – str. 10\n2. Proč mladí odcházejí z venkova – str. 18\n' +
        '3. Rozhovor: spisovatelka, která se vrátila domů – str. 26\n4. Kultura: pět knih na jaro – str. 40',
    );
    expect(out.story).toBeNull();
    expect(out.warnings.some(isNoStoryWarning)).toBe(true);
  });
});

describe('a short sign-in form (stranger-2 class 4)', () => {
  it.each([
    [
      'en, a heading that reads as the publication',
      'The New Yorker\nSign in\nEmail address\nPassword\nForgot your password?\nSign in to keep reading this story and every issue since 1925.\nDon’t have an account? Subscribe now and get your first month for free.',
    ],
    [
      'tr, on a platform URL',
      'Giriş yap\nE-posta\nŞifre\nŞifrenizi mi unuttunuz?\nBu hikayeyi okumaya devam etmek için giriş yapın ve tüm sayılara erişin.',
    ],
  ])('%s: field labels one under another are a form, whatever share of lines hold a sentence', (_, text) => {
    const out = parsePage(text, { url: 'https://www.magzter.com/login' });
    expect(out.story).toBeNull();
    expect(out.warnings.some((w) => w.startsWith('no story:') && w.includes('(a form)'))).toBe(true);
  });

  it('a story whose subhead stands alone above its paragraph keeps its story', () => {
    const out = parsePage(
      'Rain at last\nThe dry season ended early this year in the south of the country.\nThe farmers\nMost of them had already planted their fields before the first storm.\nThe towns\nThe reservoirs were full for the first time in three years.',
    );
    expect(out.story?.paragraphs).toContain('The farmers');
  });
});

describe('a story under a dated header on a newsstand (review of stranger-6 class 8)', () => {
  it('may be short lines, a list with one sentence: only a form shape rejects it', () => {
    const page = [
      'Five things to see in the harbour town',
      'Coast Weekly | March 4, 2024',
      'The ferry makes the town an easy day out.',
      '1. The harbour walk',
      '2. The old lighthouse',
      '3. The fish market',
      '4. The island ferry',
      '5. The sea baths',
    ].join('\n');
    const out = parsePage(page, { url: 'https://www.magzter.com/GB/Coast/Coast-Weekly/Travel/123' });
    expect(out.story?.title).toBe('Five things to see in the harbour town');
    expect(out.story?.paragraphs).toContain('4. The island ferry');
  });
});
