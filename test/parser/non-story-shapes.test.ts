/**
 * Non-story pages and non-newsstand text by structure (stranger-5 classes 5 and 8): the
 * mechanisms behind golden 930–936, tried in shapes and languages the golden pages do not print.
 */
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/parser/classify.js';
import { parsePage } from '../../src/parser/index.js';

const MAGZTER_LOGIN = { url: 'https://www.magzter.com/tr/login' };

describe('a sign-in form is told by its structure, not by counting its prose', () => {
  const notices = [
    'Devam ederek Kullanım Koşullarını ve Gizlilik Politikasını kabul etmiş olursunuz.',
    'Sitemizde deneyiminizi iyileştirmek için çerezler kullanıyoruz ve reklamları kişiselleştiriyoruz.',
    'Çerez tercihlerinizi istediğiniz zaman ayarlar sayfasından değiştirebilir ve yönetebilirsiniz.',
  ];

  it('buttons whose provider name comes first (`Google ile devam et`) under field labels', () => {
    const text = [
      'Giriş yap',
      'Okumaya devam etmek için hesabınıza giriş yapın veya ücretsiz bir hesap oluşturun.',
      'E-posta',
      'Şifre',
      'Google ile devam et',
      'Apple ile devam et',
      ...notices,
      'Kabul et',
    ].join('\n');
    const out = parsePage(text, MAGZTER_LOGIN);
    expect(out.story).toBeNull();
    expect(out.warnings.some((w) => w.includes('buttons differ only in one name'))).toBe(true);
  });

  it('one-word buttons in a script without spaces (`Googleで続ける`), three of them without field labels', () => {
    const text = [
      'ログイン',
      '続きを読むには、アカウントにログインするか、無料のアカウントを作成してください。',
      'Googleで続ける',
      'Appleで続ける',
      'Facebookで続ける',
      '続行すると、利用規約とプライバシーポリシーに同意したことになります。',
      '当サイトでは、サービス向上のためにクッキーを使用しています。',
      '当サイトでは、広告の配信と分析のためにもクッキーを使用しています。',
    ].join('\n');
    expect(parsePage(text, { url: 'https://www.magzter.com/ja/login' }).story).toBeNull();
  });

  it('a story with a list of lower-case lines that differ in one word stays a story', () => {
    const text = [
      'Tre modi di fare il pane',
      'La farina conta meno di quanto si creda, il tempo molto di più. Lo dicono tutti i fornai della valle.',
      'Ricetta uno',
      'Ricetta due',
      'Ricetta tre',
      'Il primo impasto riposa una notte intera in frigorifero. Al mattino si piega tre volte e si inforna caldo.',
      'Il secondo usa il lievito madre e chiede due giorni. Il risultato è una crosta spessa e scura.',
    ].join('\n');
    expect(parsePage(text, { url: 'https://www.magzter.com/it/stories/x' }).story).not.toBeNull();
  });
});

describe('result cards are no story header', () => {
  it('cards of Title / Pub / date / snippet, snippets of two sentences, are no story', () => {
    const card = (t: string, p: string, d: string) => [
      t,
      p,
      d,
      `${t} was the talk of the week. Everybody had an opinion about it…`,
    ];
    const text = [
      'Buscar',
      'lluvia',
      '37 resultados',
      ...card('La lluvia vuelve al sur', 'El Diario Sur', '3 de marzo de 2024'),
      ...card('Embalses al límite', 'La Voz del Campo', '1 de marzo de 2024'),
    ].join('\n');
    const out = parsePage(text, { url: 'https://www.pressreader.com/search?query=lluvia' });
    expect(out.story).toBeNull();
    expect(out.edition?.publication).toBeNull();
  });

  it('a story whose header prints a date keeps its story when paragraphs follow', () => {
    const text = [
      'La lluvia vuelve al sur',
      'El Diario Sur',
      '3 de marzo de 2024',
      'Después de dos años de sequía, las primeras lluvias llegaron el domingo. Los agricultores lo celebraron en la plaza.',
      'Los embalses siguen por debajo de la mitad. Harán falta semanas de lluvia para llenarlos.',
    ].join('\n');
    expect(parsePage(text, { url: 'https://www.pressreader.com/spain/x' }).story).not.toBeNull();
  });
});

describe('reading times in a wording no table knows', () => {
  it('one short word before Magzter’s bar is a reading time; a longer phrase or a digit is not', () => {
    expect(classifyLine('7 λεπτά  |', false).kind).toBe('reading-time');
    expect(classifyLine('12 নিমিষ |', false).kind).toBe('reading-time');
    expect(classifyLine('2 Samuel 4 |', false).kind).not.toBe('reading-time');
    expect(classifyLine('5 λεπτά', false).kind).not.toBe('reading-time');
  });
});

describe('text that is no newsstand page, by the shape of its header lines', () => {
  it('a forwarded mail whose Date: header prints a date gives no edition, no teasers, no locale', () => {
    const text = [
      '-------- Mensagem encaminhada --------',
      'De: Loja <loja@example.com.br>',
      'Date: Mon, 2 Dec 2024 at 10:00',
      'Assunto: Seu recibo',
      'Obrigado pela sua compra. A sua assinatura anual já está ativa em todos os seus aparelhos.',
      'Total: R$ 19,90',
      'A renovação acontece automaticamente daqui a um ano, a menos que você a cancele antes disso.',
    ].join('\n');
    const out = parsePage(text);
    expect(out).toMatchObject({ story: null, edition: null, teasers: [], page_locale: null });
  });

  it('a vCard is properties, not a page; a transcript with `NAME: text` lines is a story', () => {
    const vcard = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Ana Ruiz',
      'TITLE:Redactora jefe',
      'NOTE:Escribe cada semana la columna de opinión. Prefiere que la llamen por la tarde.',
      'EMAIL;TYPE=work:ana.ruiz',
      'END:VCARD',
    ].join('\n');
    expect(parsePage(vcard)).toMatchObject({ story: null, edition: null, page_locale: null });
    const transcript = [
      'SMITH: We knew the bridge would not last another winter, and we said so at every meeting.',
      'JONES: Nobody listened to us until the river rose over the road in the first week of March.',
      'SMITH: By then the council had already spent the money on the new car park behind the hall.',
    ].join('\n');
    expect(parsePage(transcript).story).not.toBeNull();
  });

  it('a text closed by numbered notices is a bulletin off a newsstand, a story on one', () => {
    const text = [
      'Club news',
      'Saturday was the best day of the season so far. The juniors won both of their matches in the rain.',
      'The seniors lost narrowly, but the second half showed what the new coach has been working on.',
      '1. Training moves to Thursday evenings from next week.',
      '2. Subscriptions for the spring term are due by the end of the month.',
      '3. Volunteers are needed for the bar rota at the home game.',
    ].join('\n');
    expect(parsePage(text).story).toBeNull();
    expect(parsePage(text, { url: 'https://www.magzter.com/stories/Sports/x' }).story).not.toBeNull();
  });

  // stranger-9 class 5: a shopping list with a heading, a weekday and a paragraph of notes
  it('a run of list items of a few words is a list off a newsstand, whatever its notes say', () => {
    const items = [
      'milk',
      'sourdough loaf',
      '6 eggs',
      'cherry tomatoes',
      'fresh basil',
      'coffee beans',
      'bin bags',
    ];
    const notes =
      'Pick up the parcel from the post office before noon. Renew the Country Garden subscription, the March issue is out.';
    const text = ['Weekend shop', 'Saturday 14th', ...items, notes].join('\n');
    expect(parsePage(text)).toMatchObject({ story: null, edition: null, page_locale: null });
    // a story's short lines are fewer than its paragraphs
    const story = [
      'The bridge reopens',
      'The council said on Tuesday that the old bridge would reopen to traffic next month, after two years of repairs.',
      'Residents had complained for months about the detour through the industrial estate, which added twenty minutes.',
      'Shops on the high street said they had lost a third of their trade while the bridge was closed.',
    ].join('\n');
    expect(parsePage(story).story).not.toBeNull();
  });
});

describe('markup and catalogue records are documents, not pages (stranger-7 classes 5 and 27)', () => {
  it('an Atom feed in German: no story and no locale', () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '<title>Stadtanzeiger Nachrichten</title>',
      '<entry>',
      '<title>Neue Radwege für die Innenstadt</title>',
      '<author><name>Jana Weber</name></author>',
      '<summary>Der Stadtrat hat am Dienstag drei neue Radwege beschlossen. Sie sollen bis zum Herbst fertig sein.</summary>',
      '</entry>',
      '</feed>',
    ].join('\n');
    const out = parsePage(text);
    expect(out.story).toBeNull();
    expect(out.page_locale).toBeNull();
  });
  it('a catalogue record in English, its labelled lines counted beside its fields', () => {
    const text = [
      'Catalogue record',
      'Format: Journal article',
      'Language: English',
      '245 10 $a Rivers of the high Andes / $c Ana Ruiz.',
      '100 1# $a Ruiz, Ana.',
      '773 0# $t Mountain Review $g Vol. 4 (2023)',
      '650 #0 $a Rivers.',
      'Abstract: The rivers that drain the central Andes carry a third less water in summer than they did in 1990. The article asks what that means for farming in the valleys below.',
    ].join('\n');
    expect(parsePage(text).story).toBeNull();
  });
  it('a story that quotes a tag or opens a line with a number stays a story', () => {
    const text = [
      'How the web learned to syndicate',
      'By Sam Lee',
      'In 1999 a small group of engineers agreed on a format that let any site publish a list of its newest articles.',
      '<rss> was the element that opened every such file, and readers learned to look for its orange icon.',
      '245 sites had adopted it by the end of that year, according to one count.',
      'Twenty-five years later the format is still read by podcast apps and news readers alike.',
    ].join('\n');
    expect(parsePage(text).story).not.toBeNull();
  });
});
