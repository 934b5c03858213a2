/**
 * Pages in a UI language no locale file knows: the generic rules (brand name,
 * repeated paywall block, edition line recognised by its date, "More stories"
 * header naming the publication) must still clean them.
 */

import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';

const ITALIAN = `ROMA - Il governo ha approvato ieri la nuova legge di bilancio, dopo settimane di trattative tra i partiti della maggioranza.
Secondo gli analisti, le misure avranno un impatto significativo sulle famiglie e sulle imprese del paese.
Questa storia è tratta dall'edizione October 23, 2024 di The Straits Times.
Inizia la tua prova gratuita di 7 giorni di Magzter GOLD per accedere a migliaia di storie premium selezionate e a oltre 9.000 riviste e giornali.
Già abbonato ? Accedi
Questa storia è tratta dall'edizione October 23, 2024 di The Straits Times.
Inizia la tua prova gratuita di 7 giorni di Magzter GOLD per accedere a migliaia di storie premium selezionate e a oltre 9.000 riviste e giornali.
Già abbonato? Accedi
ALTRE STORIE DA THE STRAITS TIMES
The Straits Times
Shaw Theatres to close cinema
Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15.
`;

describe('unknown UI language', () => {
  const out = parsePage(ITALIAN);

  it('keeps the story and its dateline', () => {
    expect(out.story?.paragraphs).toHaveLength(2);
    expect(out.story?.dateline).toBe('ROMA');
    expect(out.story?.language).toBe('it');
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
    expect(out.page_locale).toBe('it');
  });

  it('removes an upsell block on top in an unknown language', () => {
    const page = [
      'Passa a Magzter GOLD senza limiti',
      'Accesso illimitato a oltre 9000 riviste per soli',
      '$149.99',
      'Prova ORO - Gratis',
      'TITOLO',
      'Rivista',
      '|',
      'March 2025',
      'Sommario breve.',
      'Il corpo della storia comincia qui e continua a lungo.',
    ].join('\n');
    const out2 = parsePage(page);
    expect(out2.story).toMatchObject({
      title: 'TITOLO',
      deck: 'Sommario breve.',
      paragraphs: ['Il corpo della storia comincia qui e continua a lungo.'],
    });
    expect(out2.edition?.publication).toBe('Rivista');
    expect(out2.removed.slice(0, 4).map((r) => r.reason)).toEqual(['upsell', 'upsell', 'upsell', 'upsell']);
  });
});
