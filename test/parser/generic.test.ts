/**
 * Pages in a UI language no locale file knows: the generic rules (brand name,
 * repeated paywall block, edition line recognised by its date, "More stories"
 * header naming the publication) must still clean them.
 */

import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';

/** Polish UI: no locale file knows these strings. */
const POLISH = `WARSZAWA - Rząd przyjął wczoraj nową ustawę budżetową po tygodniach negocjacji między partiami koalicji rządzącej.
Według analityków nowe przepisy będą miały znaczący wpływ na rodziny i przedsiębiorstwa w całym kraju.
Ta historia pochodzi z wydania October 23, 2024 gazety The Straits Times.
Rozpocznij 7-dniowy bezpłatny okres próbny Magzter GOLD, aby uzyskać dostęp do tysięcy wybranych historii premium i ponad 9000 czasopism i gazet.
Jesteś już subskrybentem ? Zaloguj się
Ta historia pochodzi z wydania October 23, 2024 gazety The Straits Times.
Rozpocznij 7-dniowy bezpłatny okres próbny Magzter GOLD, aby uzyskać dostęp do tysięcy wybranych historii premium i ponad 9000 czasopism i gazet.
Jesteś już subskrybentem? Zaloguj się
WIĘCEJ HISTORII Z THE STRAITS TIMES
The Straits Times
Shaw Theatres to close cinema
Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15.
`;

describe('unknown UI language', () => {
  const out = parsePage(POLISH);

  it('keeps the story and its dateline', () => {
    expect(out.story?.paragraphs).toHaveLength(2);
    expect(out.story?.dateline).toBe('WARSZAWA');
    expect(out.story?.language).toBe('pl');
  });

  it('reads the edition line by its shape', () => {
    expect(out.edition).toEqual({
      publication: 'The Straits Times',
      date: '2024-10-23',
      label: 'October 23, 2024',
      platform: 'magzter',
    });
  });

  it('removes the whole paywall block and the header', () => {
    expect(out.removed.map((r) => r.reason)).toEqual([
      'edition-line',
      'paywall',
      'paywall',
      'edition-line',
      'paywall',
      'paywall',
      'more-stories',
    ]);
  });

  it('reads the teaser and detects the UI language from the platform sentences', () => {
    expect(out.teasers).toEqual([
      {
        title: 'Shaw Theatres to close cinema',
        summary: 'Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15.',
        publication: 'The Straits Times',
        date: null,
        partial: false,
      },
    ]);
    expect(out.page_locale).toBe('pl');
  });

  it('removes an upsell block on top in an unknown language', () => {
    const page = [
      'Przejdź bez ograniczeń z Magzter GOLD',
      'Nieograniczony dostęp do ponad 9000 czasopism już za',
      '$149.99',
      'Próbować ZŁOTO - Bezpłatnie',
      'TYTUŁ',
      'Magazyn',
      '|',
      'March 2025',
      'Krótki lead.',
      'Treść historii zaczyna się tutaj i ciągnie się długo.',
    ].join('\n');
    const out2 = parsePage(page);
    expect(out2.story).toMatchObject({
      title: 'TYTUŁ',
      deck: 'Krótki lead.',
      paragraphs: ['Treść historii zaczyna się tutaj i ciągnie się długo.'],
    });
    expect(out2.edition?.publication).toBe('Magazyn');
    expect(out2.removed.slice(0, 4).map((r) => r.reason)).toEqual(['upsell', 'upsell', 'upsell', 'upsell']);
  });

  it('ends the story at a "More stories from {pub}" header that names the header publication (no platform block)', () => {
    const page = [
      'TYTUŁ',
      'Magazyn',
      '|',
      'March 2025',
      'Krótki lead.',
      'Treść historii zaczyna się tutaj i ciągnie się długo.',
      'Więcej historii z Magazyn',
      'Magazyn',
      'Inny tytuł',
      'Streszczenie innej historii.',
      '4 min czytania',
      'MAR 2025',
    ].join('\n');
    const out3 = parsePage(page);
    expect(out3.story?.paragraphs).toEqual(['Treść historii zaczyna się tutaj i ciągnie się długo.']);
    expect(out3.teasers).toEqual([
      {
        title: 'Inny tytuł',
        summary: 'Streszczenie innej historii.',
        publication: 'Magazyn',
        date: 'MAR 2025',
        partial: false,
      },
    ]);
    expect(out3.removed.map((r) => [r.text, r.reason])).toContainEqual([
      'Więcej historii z Magazyn',
      'more-stories',
    ]);
    expect(out3.removed.map((r) => [r.text, r.reason])).toContainEqual(['4 min czytania', 'reading-time']);
  });

  it('reads the old paywall pair in an unknown wording', () => {
    const page = [
      'Pierwszy akapit historii, dość długi, aby był akapitem.',
      'Drugi akapit historii też kończy się jak zdanie.',
      'Czytaj dalej swoją historię w aplikacji',
      'Czytaj dalej swoją historię w magazynie',
      'Tytuł zapowiedzi',
      'Streszczenie zapowiedzi.',
    ].join('\n');
    const out4 = parsePage(page);
    expect(out4.story?.paragraphs).toHaveLength(2);
    expect(out4.removed.slice(0, 2).map((r) => r.reason)).toEqual(['paywall', 'paywall']);
    expect(out4.teasers.map((t) => t.title)).toEqual(['Tytuł zapowiedzi']);
  });
});

describe('the paid tier named in a body sentence', () => {
  it('stays in the body; the platform block after the story does not', () => {
    const page = [
      'Bundles changed the market for publishers across the region last year.',
      'Magzter GOLD alone says it now carries more than 9,000 titles.',
      'Publishers who once refused to join are signing up for the reach.',
      'This story is from the January 21, 2024 edition of Business Today.',
      'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
      'Already a subscriber ? Sign In',
    ].join('\n');
    const out = parsePage(page);
    expect(out.story?.paragraphs).toHaveLength(3);
    expect(out.story?.paragraphs[1]).toBe('Magzter GOLD alone says it now carries more than 9,000 titles.');
    expect(out.removed.map((r) => r.reason)).toEqual(['edition-line', 'paywall', 'sign-in']);
  });

  it('a short label naming it is platform text', () => {
    const out = parsePage(
      [
        'Go Unlimited with Magzter GOLD',
        '$149.99',
        'TITLE',
        'Mag',
        '|',
        'May 2025',
        'Body text here, long enough.',
      ].join('\n'),
    );
    expect(out.removed[0]).toEqual({ text: 'Go Unlimited with Magzter GOLD', reason: 'upsell' });
  });
});

describe('a publication inflected inside an edition line in an unknown language (stranger-4 class 15)', () => {
  const TRIAL =
    'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.';
  const body =
    'Նոր գիծը կանցնի քաղաքի հյուսիսային թաղամասերով և կմիացնի երկաթուղային կայարանը օդանավակայանին։\nՇինարարությունը կսկսվի գարնանը և կտևի երեք տարի, իսկ առաջին կանգառները կբացվեն հաջորդ տարի։';
  const page = (edition: string): string => `${body}\n${edition}\n${TRIAL}\n${edition}\n`;

  it('drops a case suffix in another script glued to the name by a hyphen', () => {
    const out = parsePage(page('Այս պատմությունը Yerevan Magazine-ի October 16, 2023 համարից է։'));
    expect(out.edition?.publication).toBe('Yerevan Magazine');
    expect(out.edition?.date).toBe('2023-10-16');
    expect(out.story?.paragraphs).toHaveLength(2);
  });

  it.each([
    ['Ši istorija yra iš Pub Words 24 2023 m. spalio 16 d. leidimo.', '2023 m. spalio 16 d.'],
    ['Ši istorija yra iš October 16, 2023 leidinio Pub Words 24 numerio.', 'October 16, 2023'],
    ['Ši istorija paimta iš leidinio „Pub Words 24“ October 16, 2023 numerio.', 'October 16, 2023'],
  ])(
    'keeps a number closing the name and drops the line’s words and quotes around it: %s',
    (edition, label) => {
      const out = parsePage(page(edition));
      expect(out.edition).toMatchObject({ publication: 'Pub Words 24', date: '2023-10-16', label });
    },
  );

  it('keeps a hyphen inside a Latin name', () => {
    const out = parsePage(page('Այս պատմությունը Coca-Cola Journal October 16, 2023 համարից է։'));
    expect(out.edition?.publication).toBe('Coca-Cola Journal');
  });
});
