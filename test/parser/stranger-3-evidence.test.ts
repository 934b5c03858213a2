/**
 * Stranger-3 classes 2, 5 (issue 11), written from the class summary only: text that is
 * not a newsstand page (Markdown, chat exports, recipes) is no story; a PressReader credit
 * line directly under the title, in the shapes other editions print, is the edition and
 * the byline, never the title.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';
import { matchCreditLine } from '../../src/parser/platform-grammars.js';

const page = (id: string): string =>
  readFileSync(new URL(`../fixtures/pages/${id}/raw.txt`, import.meta.url), 'utf8');
const isNoStoryWarning = (w: string): boolean => w.startsWith('no story:');

describe('text that is not a newsstand page is no story, by its shape (stranger-3 class 5)', () => {
  it.each([
    '470-xx-not-a-page-markdown-readme',
    '471-es-not-a-page-whatsapp-chat',
    '472-ca-not-a-page-recipe',
    '473-de-not-a-page-markdown-notes',
    '474-pt-not-a-page-recipe-quantities',
    '475-en-not-a-page-chat-brackets',
  ])('%s: no story, no edition, a warning saying why', (id) => {
    const out = parsePage(page(id));
    expect(out.story).toBeNull();
    expect(out.edition).toBeNull();
    expect(out.warnings.some(isNoStoryWarning)).toBe(true);
  });

  it('a Markdown file in any language: headings, a fence and a table, whatever its prose', () => {
    const french =
      '# Guide de contribution\n\nMerci de vouloir aider ce projet. Lisez ce guide avant d’ouvrir une demande, il vous fera gagner du temps.\n\n' +
      '## Installation\n\n```\nmake install\n```\n\nLe script installe toutes les dépendances. Il faut ensuite relancer le terminal pour que les chemins soient pris en compte.\n\n' +
      '| option | effet |\n| --- | --- |\n| -v | plus de détails |';
    const out = parsePage(french);
    expect(out.story).toBeNull();
    expect(out.warnings.find(isNoStoryWarning)).toContain('Markdown');
  });

  it('a chat export with a timestamp and a speaker on every line, in the comma form', () => {
    const chat = [
      '3/2/23, 21:05 - Kasia: Czytałaś ten artykuł o nowym moście na Wiśle? Podobno budowa potrwa jeszcze dwa lata.',
      '3/2/23, 21:07 - Ola: Tak, ale tylko początek, reszta była za płatną ścianą jak zwykle w tej gazecie.',
      '3/2/23, 21:09 - Kasia: Mogę ci jutro przesłać cały tekst, mam dostęp przez bibliotekę w pracy.',
      '3/2/23, 21:10 - Ola: Super, dzięki. Chętnie przeczytam, bo codziennie jeżdżę tamtędy do pracy.',
    ].join('\n');
    expect(parsePage(chat).story).toBeNull();
  });

  it('a recipe: a run of quantity lines, fractions included, among method paragraphs', () => {
    const recipe =
      'Gâteau au yaourt\n\n6 parts · 40 min\n\n1 pot de yaourt nature\n3 pots de farine\n2 pots de sucre\n½ pot d’huile\n3 œufs\n1 sachet de levure\n\n' +
      'Mélangez le yaourt, le sucre et les œufs dans un grand saladier, puis ajoutez la farine et la levure sans cesser de remuer.\n\n' +
      'Versez l’huile en dernier, beurrez un moule et faites cuire trente minutes à 180 degrés, jusqu’à ce que la lame du couteau ressorte sèche.';
    const out = parsePage(recipe);
    expect(out.story).toBeNull();
    expect(out.edition).toBeNull();
    expect(out.warnings.find(isNoStoryWarning)).toContain('quantity');
  });

  it('a newsstand story keeps its list of figures: the shapes are judged only off a newsstand', () => {
    const story =
      'How the city spends its water budget\n\nMumbai Mirror (Mumbai) - - City - By Anil Rao\n\n' +
      'The corporation published its water accounts on Monday, for the first time in a format anyone can read. The figures show where each rupee went last year.\n\n' +
      '40 crore on pipes\n25 crore on pumps\n12 crore on meters\n8 crore on staff training\n\n' +
      'Officials said the pipe budget would double next year as the old mains near the docks are replaced.\n\n' +
      '© PressReader. All rights reserved.';
    const out = parsePage(story, { url: 'https://www.pressreader.com/india/mumbai-mirror/20230302/1' });
    expect(out.story?.title).toBe('How the city spends its water budget');
    expect(out.story?.paragraphs).toContain('40 crore on pipes');
  });
});

describe('a PressReader credit line under the title, with no masthead line (stranger-3 class 2)', () => {
  it.each([
    ['476-pt-pressreader-publico-middot-date-texto', 'Público', 'Rita Siza', '2023-03-02'],
    ['477-hr-pressreader-vecernji-city-date-pise', 'Večernji list (Zagreb)', 'Ivana Horvat', '2023-03-02'],
    ['478-el-pressreader-kathimerini-tou-caps', 'Η Καθημερινή (Αθήνα)', 'ΝΙΚΟΥ ΠΑΠΑΔΑΚΗ', '2023-03-02'],
    ['479-en-pressreader-koreaherald-iso-date-by', 'The Korea Herald', 'Park Ji-won', '2023-03-02'],
    ['480-mr-pressreader-lokmat-devanagari-role', 'Lokmat (Pune)', 'प्रतिनिधी', null],
  ])(
    '%s: the title stays the title; publication, byline and date come from the credit line',
    (id, pub, by, date) => {
      const raw = page(id);
      const out = parsePage(raw, { url: 'https://www.pressreader.com/x/y/20230302/1' });
      const [title, credit] = raw.split('\n').filter((l) => l !== '');
      expect(out.story?.title).toBe(title);
      expect(out.story?.byline).toBe(by);
      expect(out.edition?.publication).toBe(pub);
      expect(out.edition?.date).toBe(date);
      expect(out.story?.paragraphs).not.toContain(credit);
    },
  );

  it('reads the shape whether or not the date is in a language the date table knows', () => {
    // the date slot is recognised by its shape (a year, short); reading it is the date table's job
    for (const line of [
      'Jutarnji list (Hrvatska) · 2. ožujka 2023. · Piše: Marko Babić',
      'Τα Νέα (Ελλάδα) · 2 Μαρ 2023 · ΤΗΣ ΜΑΡΙΑΣ ΝΙΚΟΛΑΟΥ',
      'Pravda · 2. 3. 2023 · Text: Jana Kováčová',
    ]) {
      const credit = matchCreditLine(line);
      expect(credit, line).not.toBeNull();
      expect(credit?.byline, line).toMatch(/^(Marko Babić|ΜΑΡΙΑΣ ΝΙΚΟΛΑΟΥ|Jana Kováčová)$/u);
    }
    expect(matchCreditLine('The Korea Herald · 2023-03-02 · By Park Ji-won')?.date).toEqual({
      label: '2023-03-02',
      iso: '2023-03-02',
    });
  });

  it('does not take sentences, photo credits or lists joined with dashes for a credit line', () => {
    for (const line of [
      'Lisbon - Porto - Faro: the three cities will share one tram ticket from 2024.',
      'Público · 2 mar. 2023 · Foto: Rui Gaudêncio',
      'Breakfast · Lunch · Dinner',
      'Season 2023 - Round 4 - Results: home wins',
    ])
      expect(matchCreditLine(line), line).toBeNull();
  });
});

describe('a mirror table of contents in a language no locale lists (stranger-3 class 8)', () => {
  it('481: no story; the breadcrumb, heading and links are removed, the entries are teasers', () => {
    const out = parsePage(page('481-pl-mirror-toc-polityka-issue-slash-year'));
    expect(out.story).toBeNull();
    expect(out.edition?.publication).toBe('Polityka');
    expect(out.teasers).toHaveLength(7);
    expect(out.teasers[0]?.title).toBe('Rząd szuka pieniędzy na podwyżki dla nauczycieli');
    expect(out.page_locale).toBe('pl');
  });

  it('reads the breadcrumb by its shape: the heading under it names its publication and issue number', () => {
    const text =
      'Domů//Týdeník Echo/Číslo 12/2024/V tomto čísle\n\nObsah čísla 12/2024 v Týdeník Echo\n\n' +
      'Proč zdražují byty v Brně\nMladí lidé si vlastní bydlení nemohou dovolit, ukazují nová data z katastru…\n' +
      'Rozhovor s ministrem financí\nO rozpočtu, daních a o tom, proč se schodek nedaří snížit…\n';
    const out = parsePage(text);
    expect(out.story).toBeNull();
    expect(out.edition?.publication).toBe('Týdeník Echo');
    expect(out.teasers.map((t) => t.title)).toEqual([
      'Proč zdražují byty v Brně',
      'Rozhovor s ministrem financí',
    ]);
  });

  it('leaves a story under a plain breadcrumb alone when no heading names the issue', () => {
    const text =
      'Home//News/World\n\nFloods close the main road to the coast\n\n' +
      'Heavy rain closed the coast road on Tuesday for the second time this month. Engineers said the old culverts could not carry the water.\n\n' +
      'The council has asked the government for money to rebuild them before the winter storms begin.';
    const out = parsePage(text);
    expect(out.story?.paragraphs[0]).toBe('Floods close the main road to the coast');
    expect(out.teasers).toEqual([]);
  });
});
