import type { LocaleRules } from '../types.js';

/** Swedish UI (Magzter). */
export const sv: LocaleRules = {
  tag: 'sv',
  editionLines: [
    'Denna berättelse är från {date}-upplagan av {pub}.',
    'Den här berättelsen är från {date}-upplagan av {pub}.',
  ],
  trialMarkers: [
    'gratis provperiod av Magzter GOLD',
    'gratis provperiod på Magzter GOLD',
    'Prenumerera på Magzter GOLD',
  ],
  trialSentences: [
    'Starta din 7-dagars gratis provperiod av Magzter GOLD för att få tillgång till tusentals utvalda premiumberättelser och över 9 000 tidningar och tidskrifter.',
    'Prenumerera på Magzter GOLD för att få tillgång till tusentals utvalda premiumberättelser och över 9 000 tidningar och tidskrifter.',
  ],
  signInQuestions: ['Redan prenumerant', 'Redan abonnent', 'Är du redan prenumerant'],
  signInActions: ['Logga in'],
  moreStories: ['Fler berättelser från {pub}', 'Fler artiklar från {pub}'],
  viewAll: ['Visa alla', 'Visa allt', 'Se alla'],
  tryGold: ['Prova GULD - Gratis', 'Försök GULD - Gratis', 'Pröva GULD - Gratis'],
  upsellPrefixes: ['Gå obegränsat med Magzter GOLD', 'Få obegränsad tillgång till'],
  paywallLines: ['Fortsätt läsa din berättelse i appen', 'Fortsätt läsa din berättelse i tidningen'],
  navigationLines: ['Läs mer'],
  issueContents: ['i detta nummer'],
  issueCounts: ['{n} nummer'],
  promoPrefixes: [],
  pricePeriods: ['År', 'Månad'],
  readingTimeLabels: ['lästid'],
  readingTimeUnits: ['min läsning', 'min lästid'],
  navigationPrefixes: [],
};
