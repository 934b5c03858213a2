import { describe, expect, it } from 'vitest';
import { findDateline } from '../../src/parser/datelines.js';

describe('datelines', () => {
  it.each([
    ['SEOUL - As evidence mounts of North Korea’s plans…', 'SEOUL'],
    ['LOS ANGELES - Walt Disney’s animated musical…', 'LOS ANGELES'],
    ['NEW DELHI – The government said…', 'NEW DELHI'],
    ["Ah yes, that's the MG4 XPower - the new-age flagship", null],
    ['THE ALTERNATIVES. AND FOR THAT, I ALREADY LOVE THEM - more text', null],
    ['A - B', null],
    ['TOKYO -- When Taiwan Semiconductor…', 'TOKYO'],
    ['NEW DELHI: The finance ministry…', 'NEW DELHI'],
    ['LONDON (Reuters) - Britain will…', 'LONDON'],
    ['SINGAPORE — A driverless tram…', 'SINGAPORE'],
    ['NASA said on Tuesday that July 2023 was the hottest month', null],
    ['MUMBAI IN DECEMBER is a good place to see it.', null],
    // a place in ordinary case only before a wire agency in capitals (issue 11)
    ['Praha (ČTK) – Na jaře začne stavba nové linky metra…', 'Praha'],
    ['Nová Ves (ČTK) – Obec dostane…', 'Nová Ves'],
    ['Praha (pro Lidovky) – Na jaře…', null],
    // a place in ordinary case alone before a dash (stranger-7 class 12)
    ['Praha – Na jaře začne stavba…', 'Praha'],
    ['Reggio Emilia - Da lunedì la biblioteca…', 'Reggio Emilia'],
    ['Update - the council said…', null],
    ['Toruń. Radni miasta…', null],
    // a wire's date before its agency, the Spanish agency style (stranger-7 class 12)
    ['NAIROBI, March 4 (Reuters) - Kenya will…', 'NAIROBI'],
    ['Madrid, 5 abr (EFE).- El Consejo…', 'Madrid'],
    ['BOGOTÁ (AFP).- Colombia inauguró…', 'BOGOTÁ'],
    // a day and month between the place and the dash, a Cyrillic place closed by a period (stranger-4 class 12)
    ['VILNIUS, spalio 16 d. – Seimas antradienį pritarė…', 'VILNIUS'],
    ['LONDON, Oct. 3 - Britain will…', 'LONDON'],
    ['LONDON, the capital - Britain will…', null],
    ['СОФИЯ. Общинският съвет одобри…', 'СОФИЯ'],
    ['U.S. officials said on Tuesday…', null],
    ['AI. It is everywhere now.', null],
    ['THE ALTERNATIVES. AND FOR THAT, I LOVE THEM', null],
    ['THE GRILLES. OH GOD, THE GRILLES. Haven’t you moaned…', null],
    // a hyphenated place, a closing period, a department, a region, a paper's code (stranger-6 class 12)
    ['SAINT-ÉTIENNE – Le conseil municipal a voté…', 'SAINT-ÉTIENNE'],
    ['MENDOZA.– La provincia anunció…', 'MENDOZA'],
    ['TOULON (Var). – Le port militaire accueille…', 'TOULON'],
    ['SALTA, Argentina.– El gobierno provincial…', 'SALTA'],
    ['LYON, LP – Les transports en commun…', 'LYON'],
    ["ST. JOHN'S, N.L.– Newfoundland's premier…", "ST. JOHN'S, N.L."],
    ['काठमाडौं: सरकारले नयाँ बजेट ल्याएको छ।', 'काठमाडौं'],
  ])('%s → %s', (text, place) => {
    expect(findDateline(text)).toBe(place);
  });
});
