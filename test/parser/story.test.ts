import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';
import { isQuotedTitle, isStandfirst } from '../../src/parser/story.js';

const BODY = [
  'The first paragraph of the story runs long enough to be a paragraph, with a full stop at its end.',
  'The second paragraph follows it and also ends like a sentence does, cleanly.',
];

describe('story headers', () => {
  it('reads Title / Pub|Date / deck / byline / repeated title', () => {
    const page = [
      'The Big Test',
      'Auto Mag|May 2021',
      'A short deck about the test.',
      'Jane Doe',
      'The Big Test',
      ...BODY,
    ].join('\n');
    const out = parsePage(page);
    expect(out.story).toMatchObject({
      title: 'The Big Test',
      deck: 'A short deck about the test.',
      byline: 'Jane Doe',
      paragraphs: BODY,
    });
    expect(out.edition).toMatchObject({ publication: 'Auto Mag', date: '2021-05', label: 'May 2021' });
    expect(out.removed.map((r) => r.text)).toEqual(['Auto Mag|May 2021', 'The Big Test']);
  });

  it('reads Title / Pub / | / Date / deck / - Byline, blank-line separated', () => {
    const page = [
      'RACERS',
      '',
      'Top Mag',
      '',
      '|',
      '',
      'November 2025',
      '',
      'Three cars, one track.',
      '',
      '- By JANE DOE',
      '',
      'RACERS',
      '',
      ...BODY,
    ].join('\n');
    const out = parsePage(page);
    expect(out.story).toMatchObject({
      title: 'RACERS',
      deck: 'Three cars, one track.',
      byline: 'JANE DOE',
      paragraphs: BODY,
    });
    expect(out.edition).toMatchObject({ publication: 'Top Mag', date: '2025-11' });
  });

  it('takes the title from a thumbnail whose alt text repeats it', () => {
    const out = parsePage([`!['Big Title' 'Big Title'](https://cdn.example.com/x.jpg)`, ...BODY].join('\n'));
    expect(out.story?.title).toBe("'Big Title'");
    expect(out.story?.paragraphs).toEqual(BODY);
  });

  it('starts the body at once on a body-first page, subheads included', () => {
    const page = ['WHAT HAPPENED NEXT?', ...BODY, 'THE VERDICT', 'It was good.'].join('\n');
    const out = parsePage(page);
    expect(out.story?.title).toBeNull();
    expect(out.story?.paragraphs).toEqual(['WHAT HAPPENED NEXT?', ...BODY, 'THE VERDICT', 'It was good.']);
  });

  it('reads a PressReader header (publication, title, deck) when the URL says PressReader', () => {
    const page = [
      'The Hindu',
      'Budget fallout hits markets',
      'Investors fret over the deficit',
      ...BODY,
    ].join('\n\n');
    const out = parsePage(page, { url: 'https://www.pressreader.com/india/the-hindu/20240201/1' });
    expect(out.story).toMatchObject({
      title: 'Budget fallout hits markets',
      deck: 'Investors fret over the deficit',
      paragraphs: BODY,
    });
    expect(out.edition).toEqual({
      publication: 'The Hindu',
      date: null,
      label: null,
      platform: 'pressreader',
    });
  });

  it('drops a pull quote inserted between the halves of a sentence', () => {
    const page = [
      'The car was quick and, as a',
      'THE CAR LOVES CORNERS AND A SLALOM OR TWO',
      'result, we loved it on every road we tried. The brakes held up through a long day of hard laps.',
    ].join('\n');
    const out = parsePage(page);
    expect(out.story?.paragraphs).toEqual([
      'The car was quick and, as a',
      'result, we loved it on every road we tried. The brakes held up through a long day of hard laps.',
    ]);
    expect(out.removed).toEqual([{ text: 'THE CAR LOVES CORNERS AND A SLALOM OR TWO', reason: 'layout' }]);
  });
});

describe('a standfirst with no title above it (issue 11)', () => {
  it('is the deck, not the title', () => {
    const out = parsePage(
      [
        'Is the four-day week about to arrive in Indian offices, or is it still a perk for a lucky few start-ups?',
        '- By Anirudh Rao',
        'Three Bengaluru software firms moved to a four-day week this year. Their founders say output has not fallen.',
        'Labour lawyers say the new codes allow it, as long as weekly hours stay within the limit.',
      ].join('\n'),
    );
    expect(out.story).toMatchObject({ title: null, byline: 'Anirudh Rao' });
    expect(out.story?.deck).toMatch(/^Is the four-day week/u);
    expect(out.story?.paragraphs).toHaveLength(2);
  });

  it('a short title, even a question or one closed by a stop, stays the title', () => {
    expect(isStandfirst('Can Indian Whisky Go Global?')).toBe(false);
    expect(isStandfirst("Hope -It's good to have.")).toBe(false);
    expect(isStandfirst('The Family Business Reset')).toBe(false);
    expect(isStandfirst('Rents are rising in every part of town. Buyers say they will wait a year.')).toBe(
      true,
    );
  });
});

describe('story lines that begin like a copyright footer', () => {
  it('stay in the story: a lettered list item and a sentence starting with "Copyright"', () => {
    const raw = readFileSync(
      new URL('../fixtures/pages/004-en-womansera-hope/raw.txt', import.meta.url),
      'utf8',
    );
    const anchor =
      'It was good for both of them as retired ones and used to meet very often remembering those good old days.';
    const lettered = '(c) a ban of one year for repeat offenders.';
    const sentence = 'Copyright holders welcomed the ruling on Tuesday.';
    expect(raw).toContain(anchor);
    const page = parsePage(raw.replace(anchor, `${anchor}\n\n${lettered}\n\n${sentence}`));
    expect(page.story?.paragraphs).toContain(lettered);
    expect(page.story?.paragraphs).toContain(sentence);
    expect(page.removed.map((line) => line.text)).not.toContain(lettered);
  });
});

describe('dialogue and interview lines opened by a dash (stranger-6 class 28)', () => {
  it('stay in the body: a quoted reply and an interview question are story text, not a `- Name` line', () => {
    const page = [
      'Fjordbyen får ny ferje',
      'Nordlys Avis | 4. mars 2024',
      'Ferjen skal gå hver time fra neste sommer, melder selskapet.',
      '- Kari Nordmann',
      'Kommunen har ventet på den nye ferjen i seks år, og innbyggerne har lenge klaget på ventetiden.',
      '– Vi har ventet lenge nok, sier ordføreren.',
      '— Hva betyr ferjen for byen?',
      'Den betyr at folk kan pendle til byen igjen, og at butikkene får flere kunder om morgenen.',
    ].join('\n');
    const story = parsePage(page).story;
    expect(story?.byline).toBe('Kari Nordmann');
    expect(story?.paragraphs).toContain('– Vi har ventet lenge nok, sier ordføreren.');
    expect(story?.paragraphs).toContain('— Hva betyr ferjen for byen?');
  });
});

describe('under a PressReader credit line (stranger-7 classes 2, 14 and 30)', () => {
  const url = 'https://www.pressreader.com/uk/the-northern-courier/20240312/1';
  const body = [
    'The council will close three of its five branch libraries on Sundays from next month.',
    'Librarians say Sunday is the only day many families can visit the branches.',
  ];
  const parse = (lines: string[]) => parsePage([...lines, ...body].join('\n\n'), { url }).story;

  it('reads the writer from a `Name | Role` line under a credit line that names none', () => {
    const story = parse([
      'Library hours cut',
      'The Northern Courier (UK) · 12 Mar 2024',
      'Sarah Collins | Political Editor',
    ]);
    expect(story?.byline).toBe('Sarah Collins');
    expect(story?.deck).toBeNull();
    // a role that is a sentence is no job title
    const sentence = parse([
      'Library hours cut',
      'The Northern Courier (UK) · 12 Mar 2024',
      'Sarah Collins | She has covered the council for ten years.',
    ]);
    expect(sentence?.byline).toBeNull();
  });

  it('takes toolbar buttons printed one a line for navigation, and the closed standfirst above them for the deck', () => {
    const story = parse([
      'Library hours cut',
      'The Northern Courier (UK) · 12 Mar 2024 · By Sarah Collins',
      'Branches will lose their busiest day. The council needs savings.',
      'Share',
      'Print',
    ]);
    expect(story?.deck).toBe('Branches will lose their busiest day. The council needs savings.');
    expect(story?.paragraphs).toEqual(body);
    // one such word alone is no toolbar: a closed paragraph set apart stays the lede
    const one = parse([
      'Library hours cut',
      'The Northern Courier (UK) · 12 Mar 2024 · By Sarah Collins',
      'Branches will lose their busiest day. The council needs savings.',
      'Share',
    ]);
    expect(one?.deck).toBeNull();
  });
});

describe('sign-offs closing the body (stranger-7 class 38)', () => {
  const header = ['A Title About the Rates', 'Daily Mail (Ghana) · 5 Mar 2024'];
  const body = [
    'ACCRA - The central bank kept its rate unchanged on Monday, as most economists had expected.',
    'It said inflation would fall below ten per cent by the end of the year.',
  ];
  it('reads the writer from a wire sign-off and keeps it out of the body', () => {
    const signOff = '(Reporting by Kofi Mensah in Accra; Editing by Anna Lee)';
    const out = parsePage([...header, ...body, signOff].join('\n\n'));
    expect(out.story?.byline).toBe('Kofi Mensah');
    expect(out.story?.paragraphs).toEqual(body);
  });
  it('drops initials in parentheses, naming nobody', () => {
    const out = parsePage([...header, ...body, '(km)'].join('\n\n'));
    expect(out.story?.byline).toBeNull();
    expect(out.story?.paragraphs).toEqual(body);
  });
  it('keeps a closing sentence in parentheses', () => {
    const last = '(The bank meets again in May.)';
    const out = parsePage([...header, ...body, last].join('\n\n'));
    expect(out.story?.paragraphs).toEqual([...body, last]);
  });
});

describe('an opening question with no title (stranger-7 class 11)', () => {
  const block = [
    'This story is from the March 2024 edition of The Week.',
    'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
    'Already a subscriber ? Sign In',
  ];
  const body = [
    'LAGOS - The port authority will open a second container terminal in June, the transport ministry said on Monday.',
    'Shipping lines have waited two years for the extra berths.',
  ];
  it('is the deck above a paragraph its dateline opens', () => {
    const out = parsePage(['Will the new terminal end the queues?', ...body, ...block].join('\n'));
    expect(out.story?.deck).toBe('Will the new terminal end the queues?');
    expect(out.story?.paragraphs).toEqual(body);
  });
  it('stays body above a paragraph with no dateline', () => {
    const plain = ['The port authority will open a second terminal in June.', body[1] as string];
    const out = parsePage(['Will the new terminal end the queues?', ...plain, ...block].join('\n'));
    expect(out.story?.deck).toBeNull();
  });
});

describe('a caption closed by the agency name (stranger-7 class 17)', () => {
  const header = ['Fishermen win another month', 'Gulf Times (Qatar) · 12 Mar 2024 · By Omar Haddad'];
  const body = [
    'The fishermen of the old harbour were granted another month of the season on Tuesday, after weeks of rough seas.',
    'The ministry agreed to push the closing date back to the middle of April.',
    'Traders fear that prices will fall when the whole catch lands at once.',
  ];
  it('is layout between paragraphs', () => {
    const caption = 'Fishing boats in the old harbour at dawn. REUTERS';
    const out = parsePage([...header, body[0], caption, body[1], body[2]].join('\n\n'));
    expect(out.story?.paragraphs).toEqual(body);
  });
  it('is no caption when it holds two sentences or ends in a lower-case word', () => {
    const kept = ['It rained. It rained again. NASA', 'The launch moved to May, said NASA'];
    for (const line of kept) {
      const out = parsePage([...header, body[0], line, body[1], body[2]].join('\n\n'));
      expect(out.story?.paragraphs).toContain(line);
    }
  });
});

describe('a pull quote printed before the passage it quotes (stranger-7 class 18)', () => {
  const header = ['The Valley', 'Sahel Review', '|', 'April 2024', '- By Musa Danjuma'];
  const before = 'The reservoir behind the new dam will flood eleven villages when it fills next spring.';
  const quoting =
    'A few dozen have refused. "We are not leaving this valley, whatever the dam does to it," said Halima Bello.';
  const after = 'The state says it will not force anyone out before the water comes.';
  it('is layout when the next paragraph repeats it, in any case', () => {
    const pull = '"WE ARE NOT LEAVING THIS VALLEY, WHATEVER THE DAM DOES TO IT."';
    const out = parsePage([...header, before, pull, quoting, after].join('\n\n'));
    expect(out.story?.paragraphs).toEqual([before, quoting, after]);
  });
  it('stays body when nothing after it repeats it', () => {
    const quote =
      '"WE HAVE BEEN HERE FOR SEVEN GENERATIONS AND WE WILL STAY FOR SEVEN MORE. NOBODY ASKED US."';
    const out = parsePage([...header, before, quote, quoting, after].join('\n\n'));
    expect(out.story?.paragraphs).toContain(quote);
  });
});

describe('stranger-8 class 29: a quoted title', () => {
  it('reads a short whole line in quotes as a title, not one holding two sentences', () => {
    expect(isQuotedTitle('"Theatre is a matter of patience"')).toBe(true);
    expect(isQuotedTitle('«On ne joue pas pour soi.»')).toBe(true);
    expect(isQuotedTitle('"We came back. Nobody else did."')).toBe(false);
    expect(isQuotedTitle('Theatre is a matter of patience')).toBe(false);
  });
});

describe('a mangled drop cap under a compact PressReader credit line opens the body (stranger-11 class 20)', () => {
  const url = 'https://www.pressreader.com/australia/the-coastal-herald/20250512/281500000000778';
  const page = (lede: string) =>
    [
      'Harbour ferry fares to rise in July',
      'The Coastal Herald · 12 May 2025 · by Daniel Okafor',
      lede,
      '',
      'Commuters who buy a monthly pass will pay the same as now until the end of the year.',
    ].join('\n');
  const lede = "he city's harbour ferries will cost a dollar more from July. Fuel and wages have risen.";

  it('a doubled capital is no deck', () => {
    const out = parsePage(page(`TT${lede}`), { url });
    expect(out.story?.deck).toBeNull();
    expect(out.story?.paragraphs[0]).toBe(`T${lede}`);
  });

  it('the same lede with one capital is the standfirst', () => {
    expect(parsePage(page(`T${lede}`), { url }).story?.deck).toBe(`T${lede}`);
  });
});
