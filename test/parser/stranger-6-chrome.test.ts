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
