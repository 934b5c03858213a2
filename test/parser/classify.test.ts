import { describe, expect, it } from 'vitest';
import { classifyLine, classifyLines } from '../../src/parser/classify.js';
import { parsePage } from '../../src/parser/index.js';
import { LOCALES } from '../../src/parser/rules/locales/index.js';
import { PLATFORMS } from '../../src/parser/rules/platforms.js';

describe('locale rules', () => {
  it('has one rules object per tag, every edition template with both placeholders', () => {
    const tags = LOCALES.map((l) => l.tag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of [
      'en',
      'de',
      'fr',
      'es',
      'it',
      'pt',
      'nl',
      'nb',
      'sv',
      'da',
      'tr',
      'ar',
      'hi',
      'id',
      'ru',
      'ja',
      'zh',
    ])
      expect(tags).toContain(tag);
    for (const l of LOCALES) {
      for (const t of l.editionLines) {
        expect(t).toContain('{date}');
        expect(t).toContain('{pub}');
      }
      for (const t of l.moreStories) expect(t).toContain('{pub}');
    }
  });

  it('has one rules object per platform', () => {
    expect(PLATFORMS.map((p) => p.platform).sort()).toEqual(['magzter', 'pressreader', 'scribd', 'zinio']);
  });
});

describe('classifyLine', () => {
  it.each([
    ['Already a subscriber ? Sign In', 'sign-in', ['en', 'en']],
    ['Already a subscriber? Giriş Yap', 'sign-in', ['en', 'tr']],
    ['Bereits Abonnent? Anmelden', 'sign-in', ['de', 'de']],
    ['¿Ya eres suscriptor? Iniciar sesión', 'sign-in', ['es', 'es']],
    ['هل أنت مشترك بالفعل؟ تسجيل الدخول', 'sign-in', ['ar', 'ar']],
    [
      'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories.',
      'trial',
      ['en'],
    ],
    ['Intentar ORO - Gratis', 'try-gold', ['es']],
    ['Gå ubegrenset med Magzter GOLD', 'upsell', ['nb']],
    ['Continue reading your story on the app', 'paywall', ['en']],
    ['in this issue', 'issue-contents', ['en']],
    ['12 Issues', 'issue-count', ['en']],
    ['SPECIAL: Save 40% on your subscription!', 'promo', ['en']],
    ['Read More', 'navigation', ['en']],
    ['ZINIO logo', 'chrome', []],
    ['News & Politics', 'category', []],
    ['Abonnez-vous à Magzter GOLD pour accéder à des milliers d’histoires.', 'trial', ['fr']],
    ['Prova Magzter GOLD gratis per 7 giorni', 'brand', []],
    ['すでに購読者ですか？サインイン', 'sign-in', ['ja', 'ja']],
    ['Already a subscriber ? Войти', 'sign-in', ['en', 'ru']],
    ['Provare ORO - Gratuito', 'try-gold', ['it']],
    ['tempo de leitura', 'reading-time', ['pt']],
    ['2 min läsning', 'reading-time', ['sv']],
    ['5 min czytania', 'reading-time', []],
    ['10+ min  |', 'reading-time', []],
    ['4分钟', 'reading-time', ['zh']],
    ['3 perc', 'reading-time', []],
    ['$74.99/Anno', 'price', ['it']],
    ['Issue 13, 2025', 'date', []],
    ['Newspapers in English', 'navigation', ['en']],
    ['Fortsätt läsa din berättelse i appen', 'paywall', ['sv']],
  ])('%s → %s', (line, kind, locales) => {
    const c = classifyLine(line, false);
    expect(c.kind).toBe(kind);
    expect(c.locales).toEqual(locales);
  });

  it.each([
    ['MORE STORIES FROM EVO INDIAView all', 'EVO INDIA'],
    ['MAIS HISTÓRIAS DE FORBES INDIAVer todos', 'FORBES INDIA'],
    ['ALTRE STORIE DA AUTOCAR INDIAVedi tutto', 'AUTOCAR INDIA'],
    ['ALTRE STORIE DA AUTOCAR INDIAMostra ogni cosa', 'AUTOCAR INDIA'],
    ['المزيد من القصص منINDIA TODAYعرض الكل', 'INDIA TODAY'],
    ['NATIONAL GEOGRAPHIC TRAVELLER INDIAのその他の記事すべて表示', 'NATIONAL GEOGRAPHIC TRAVELLER INDIA'],
    ['来自 Lianhe Zaobao 的更多故事', 'Lianhe Zaobao'],
    ['FLERE HISTORIER FRA FILMFARESe alt', 'FILMFARE'],
    ['MÁS HISTORIAS DE GLOBAL MOVIE MAGAZINE', 'GLOBAL MOVIE MAGAZINE'],
    ['المزيد من القصص من India Today', 'India Today'],
    ['GLOBAL MOVIE MAGAZINE से और कहानियाँ', 'GLOBAL MOVIE MAGAZINE'],
    ['More from New Zealand Listener', 'New Zealand Listener'],
  ])('%s is a "More stories" header for %s', (line, publication) => {
    const c = classifyLine(line, false);
    expect(c.kind).toBe('more-stories');
    expect(c.publication).toBe(publication);
  });

  it('does not take an ordinary subhead for a "More from" header', () => {
    expect(classifyLine('More from the archives', false).kind).toBe('text');
  });

  it.each([
    ['$149.99', 'price'],
    ['$74.99/Año', 'price'],
    ['₹ 1,272.74', 'price'],
    ['₹ 1,257.23₹ 754.34', 'price'],
    ['US$ 5.99', 'price'],
    // a currency sign or code in letters before the amount (stranger-11 locale class 26)
    ['RM 12.90 (Termasuk cukai)', 'price'],
    ['MYR12.90', 'price'],
    ['Rp 45.000', 'price'],
    ['Zoo 12', 'text'],
    ['49,99 zł (z VAT)', 'price'],
    ['89,00 kr', 'price'],
    // the currency after the amount, a localised tax note (stranger-6)
    ['2 500 XOF (TVA incluse)', 'price'],
    ['12,99 €', 'price'],
    // a period word whose vowel signs are combining marks (stranger-11 class 6)
    ['$74.99/ปี', 'price'],
    ['$74.99/ஆண்டு', 'price'],
    ['$74.99/\u0E35', 'text'],
    ['737 MAX', 'text'],
    ['ZINIO लोगो', 'chrome'],
    ['$5/', 'text'],
    ['$', 'text'],
    ['10+ min  |', 'reading-time'],
    ['1 min read', 'reading-time'],
    ['4 mins', 'reading-time'],
    ['2 min.', 'reading-time'],
    ['time-read', 'reading-time'],
    ['time to read', 'reading-time'],
    ['June 2024', 'date'],
    ['|June 2023', 'pipe'],
    ['|India Today', 'pipe'],
    ['|', 'pipe'],
    ["Woman's Era|February 2021", 'pipe'],
    ['-', 'dash'],
    ['- JETHRO BOVINGDON', 'dash'],
    ['![alt text](https://cdn.example.com/a.jpg)', 'image'],
    ['New Zealand Listener3 min readSocial Science', 'card-publication'],
    ['It was a 5 min read at most.', 'text'],
    ['Price war: $5 and up', 'text'],
    ['a | b | c', 'text'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line, false).kind).toBe(kind);
  });

  it.each([
    ['© PressReader. All rights reserved.', 'chrome'],
    ['© 2024 Magzter Inc. Všechna práva vyhrazena.', 'chrome'],
    ['Copyright 2025 The Harbour Gazette', 'chrome'],
    ['Copyright © Harbour Gazette', 'chrome'],
    ['(c) 2024 Harbour Gazette', 'chrome'],
    ['Copyright @ 2019 The New Arab.', 'chrome'],
    ['Copyright (c) 2019 The New Arab.', 'chrome'],
    ['COPYRIGHT: 2024 HARBOUR GAZETTE', 'chrome'],
    ['Copyright The Harbour Gazette. All rights reserved.', 'chrome'],
    ['Harbour Gazette © 2025', 'chrome'],
    // Story text that only begins like a footer: a lettered list item, a sentence.
    ['(c) a ban of one year for repeat offenders.', 'text'],
    ['Copyright holders welcomed the ruling on Tuesday.', 'text'],
    ['Copyright law was rewritten in 1976 after a decade of debate.', 'text'],
  ])('a copyright footer needs a footer shape: %s → %s', (line, kind) => {
    expect(classifyLine(line, false).kind).toBe(kind);
  });

  it('reads the publication of a glued card line and of a Pub|Date line', () => {
    expect(classifyLine('New Zealand Listener1 min read', false).publication).toBe('New Zealand Listener');
    const pipe = classifyLine("Woman's Era|February 2021", false);
    expect(pipe.publication).toBe("Woman's Era");
    expect(pipe.date?.iso).toBe('2021-02');
  });

  it('recognises the start of a boilerplate sentence only on a cut last line', () => {
    const cut = 'Start din 7-dagers gratis prøveperiode på Mag';
    expect(classifyLine(cut, false).kind).toBe('text');
    expect(classifyLine(cut, true)).toMatchObject({ kind: 'trial', cut: true });
    expect(classifyLine('Motoring World से और कहा', true)).toMatchObject({
      kind: 'more-stories',
      publication: 'Motoring World',
    });
    expect(classifyLine('This story is from the April 2024 edi', true).kind).toBe('edition-line');
    expect(classifyLine('Start', true).kind).toBe('text');
  });
});

describe('a contents breadcrumb that prints its issue with a date (stranger-4 class 1)', () => {
  it('reads the date inside the issue part', () => {
    const line = classifyLine('Home//India Today/No. 12 (October 3, 2023)/In This Issue', false);
    expect(line.kind).toBe('issue-contents');
    expect(line.publication).toBe('India Today');
    expect(line.date).toEqual({ label: 'October 3, 2023', iso: '2023-10-03' });
  });
});

describe('a subhead opened by a bullet mark is no card publication (stranger-7 class 37)', () => {
  it('reads `■ phrase with 5分` as text, a glued card line as a card publication', () => {
    expect(classifyLine('■ 駅から徒歩5分の好立地', false).kind).toBe('text');
    expect(classifyLine('● 歩いて10分の海', false).kind).toBe('text');
    expect(classifyLine('日経ビジネス4分で読めます', false)).toMatchObject({
      kind: 'card-publication',
      publication: '日経ビジネス',
    });
  });
});

describe('stranger-8 class 29: a clock reading time in a script that parts syllables with a mark', () => {
  it('reads the unit after a clock icon with its tsheg and its closing shad', () => {
    const out = parsePage(
      [
        'ZINIO logo',
        'Delta WeeklyDelta Weekly',
        'Delta Weekly March 2024',
        '',
        'A title over the story',
        'access_time12 སྐར་མ།',
        '',
        'The story opens here with a sentence long enough to be a paragraph of the body.',
        'Its second paragraph follows with another sentence of the story.',
      ].join('\n') + '\n',
    );
    expect(out.story?.title).toBe('A title over the story');
    expect(out.story?.paragraphs).toContain(
      'Its second paragraph follows with another sentence of the story.',
    );
    expect(out.story?.paragraphs.some((p) => p.includes('སྐར'))).toBe(false);
  });
});

describe('a table line with one word swapped (stranger-9 class 6)', () => {
  const kindOf = (text: string): string => classifyLines([{ text, lineNo: 1 }], false)[0]?.kind ?? 'none';

  it.each([
    // the brand left in English where the table translates it
    ['Experimente GOLD - Grátis', 'try-gold'],
    // a loanword where the table has the native word
    ['アプリでストーリーの続きを読む', 'paywall'],
    ['雑誌でストーリーの続きを読む', 'paywall'],
  ])('%s is %s, with no locale vote of its own', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
    expect(classifyLines([{ text, lineNo: 1 }], false)[0]?.locales ?? []).toEqual([]);
  });

  it.each([
    'Experimente o novo menu do restaurante - Grátis para sócios',
    'Experimente GOLD hoje mesmo - Grátis',
    'Continue reading your story about the harbour',
    'アプリで新しい写真集を見る',
  ])('%s differs in more than one word: not the table line', (text) => {
    expect(kindOf(text)).toBe('text');
  });
});
