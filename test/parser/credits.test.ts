/**
 * Bylines that credit the photographer too (issue 11, the second stranger's class): the
 * byline is the writer, the credits line is layout, never the deck or body. Pages written for
 * this test in several languages, not copies of stranger pages.
 */
import { describe, expect, it } from 'vitest';
import { isPhotoCaption, readCredits, withoutFirstNameOpener } from '../../src/parser/credits.js';
import { parsePage } from '../../src/parser/index.js';

describe('readCredits', () => {
  it.each([
    ['Text: Kavya Iyer, Photos: Tenzin Norbu', 'Kavya Iyer'],
    ['Words: Kavya Iyer | Photographs: Tenzin Norbu', 'Kavya Iyer'],
    ['Text and photos: Kavya Iyer', 'Kavya Iyer'],
    ['Texto: Rita Siza. Fotos: Nuno Ferreira', 'Rita Siza'],
    ['Tekst: Eva de Boer / Foto: Jan Smit', 'Eva de Boer'],
    ['Text: Jakob Zirm · Fotos: Clemens Fabry', 'Jakob Zirm'],
    ['By Kavya Iyer; Photographs by Tenzin Norbu', 'Kavya Iyer'],
    ['Kavya Iyer, Photos: Tenzin Norbu', 'Kavya Iyer'],
    ['Yazı: Ayşe Yılmaz Fotoğraflar: Emre Kaya', 'Ayşe Yılmaz'],
    ['Photos: Tenzin Norbu', null],
    ['PHOTO : OUEST-FRANCE / MARC OLLIVIER', null],
    // full-width equals signs, a label pair joined by a middle dot (stranger-7 class 9)
    ['取材・文＝山田太郎 写真＝佐藤花子', '山田太郎'],
    ['写真＝佐藤花子', null],
  ])('%s → %s', (line, writer) => {
    expect(readCredits(line)).toEqual({ writer });
  });

  it('is no credits line without a label it knows, or when a part is no name', () => {
    expect(readCredits('Pros: Fast Charging, Cons: Heavy Body')).toBeNull();
    // a heading that holds a credit word is a title, not a credit (`Photo Essay: …` on a card)
    expect(readCredits('Photo Essay: The Last Ferry To Majuli')).toBeNull();
    expect(readCredits('Video Review: The New Harrier EV')).toBeNull();
    expect(readCredits('The minister said: We Will Win')).toBeNull();
    expect(readCredits('Photos: the ministry released three of them on Tuesday')).toBeNull();
    expect(readCredits('Kavya Iyer')).toBeNull();
    expect(readCredits('By Kavya Iyer')).toBeNull();
  });
});

describe('a credits line under the header (Magzter, old header)', () => {
  const body = [
    'THE ROAD OUT OF RECKONG PEO narrows almost as soon as the town ends, and within an hour the orchards give way to scree.',
    'Our driver has made this journey more than two hundred times. He drives with one hand on the wheel and the other on the horn.',
    'By the time we cross into Spiti at Sumdo, the landscape has been stripped to its bones, and the villages appear like mirages.',
  ];
  const pageWith = (credits: string) =>
    parsePage(
      [
        'The Slow Road to Spiti',
        'National Geographic Traveller India|September2021',
        'Four days, two flat tyres and one unplanned night in Kaza: a drive through the cold desert',
        credits,
        'The Slow Road to Spiti',
        ...body,
      ].join('\n'),
      { url: 'https://www.magzter.com/IN/Delta/National-Geographic-Traveller-India/Travel/123' },
    );

  it.each([
    'Text: Kavya Iyer, Photos: Tenzin Norbu',
    'Tekst: Kavya Iyer / Foto: Tenzin Norbu',
    'Yazı: Kavya Iyer Fotoğraflar: Tenzin Norbu',
    'Kavya Iyer, Photos: Tenzin Norbu',
    '- Texto: Kavya Iyer, Fotos: Tenzin Norbu',
  ])('%s: the writer is the byline, the line is layout', (credits) => {
    const out = pageWith(credits);
    expect(out.story?.byline).toBe('Kavya Iyer');
    expect(out.story?.deck).toMatch(/^Four days/u);
    expect(out.story?.paragraphs).toEqual(body);
    expect(out.removed.map((r) => r.text)).toContain(credits);
  });

  it('a photo credit between paragraphs is layout, not body', () => {
    const out = parsePage(
      [
        'The Slow Road to Spiti',
        'National Geographic Traveller India|September2021',
        'Kavya Iyer',
        body[0],
        'Photo: Tenzin Norbu',
        body[1],
        body[2],
      ].join('\n'),
    );
    expect(out.story?.paragraphs).toEqual(body);
  });
});

describe('photo captions inside the body', () => {
  it.each([
    ['Foto: Markus Weber  Radfahrer auf dem neuen Abschnitt der Ringstraße.', true],
    ['FOTO: Punëtorët duke mbjellë pemët e para pranë liqenit.', true],
    ['Фото: Иван Петров', true],
    ['Photo credit goes to the agency: Reuters', false],
    ['Text: Ana Ruiz', false],
    ['Foto:', false],
  ])('%s → %s', (text, caption) => {
    expect(isPhotoCaption(text)).toBe(caption);
  });
});

describe('a "by" that is also a first name (stranger-7 class 9)', () => {
  it.each([
    ['Per Joan Castèth', 'Joan Castèth'],
    ['per Joan Castèth', 'Joan Castèth'],
    ['Per Olsen', 'Per Olsen'],
    ['Per Anders Olsen', 'Anders Olsen'],
    ['Persson Olsen Lind', 'Persson Olsen Lind'],
  ])('%s → %s', (slot, name) => {
    expect(withoutFirstNameOpener(slot)).toBe(name);
  });
});
