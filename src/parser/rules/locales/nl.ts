import type { LocaleRules } from '../types.js';

/** Dutch UI (Magzter). */
export const nl: LocaleRules = {
  tag: 'nl',
  editionLines: [
    'Dit verhaal komt uit de {date}-editie van {pub}.',
    'Dit verhaal komt uit de editie {date} van {pub}.',
    'Dit verhaal is afkomstig uit de {date}-editie van {pub}.',
  ],
  trialMarkers: [
    'gratis proefperiode van Magzter GOLD',
    'Abonneer je op Magzter GOLD',
    'Abonneer u op Magzter GOLD',
  ],
  trialSentences: [
    'Start uw 7-daagse gratis proefperiode van Magzter GOLD om toegang te krijgen tot duizenden geselecteerde premiumverhalen en meer dan 9.000 tijdschriften en kranten.',
    'Abonneer je op Magzter GOLD voor toegang tot duizenden geselecteerde premiumverhalen en meer dan 9.000 tijdschriften en kranten.',
  ],
  signInQuestions: ['Al abonnee', 'Bent u al abonnee', 'Ben je al abonnee'],
  signInActions: ['Inloggen', 'Aanmelden'],
  moreStories: ['Meer verhalen van {pub}', 'Meer verhalen uit {pub}'],
  viewAll: ['Alles bekijken', 'Bekijk alles', 'Alles weergeven'],
  tryGold: ['Proberen GOUD - Vrij', 'Probeer GOUD - Gratis'],
  upsellPrefixes: ['Ga onbeperkt met Magzter GOLD', 'Krijg onbeperkt toegang tot'],
  paywallLines: ['Lees je verhaal verder in de app', 'Lees je verhaal verder in het tijdschrift'],
  navigationLines: ['Lees meer'],
  issueContents: ['in dit nummer'],
  issueCounts: ['{n} nummers'],
  promoPrefixes: [],
  pricePeriods: ['Jaar', 'Maand'],
  readingTimeLabels: ['leestijd'],
  readingTimeUnits: ['min lezen', 'min leestijd'],
  navigationPrefixes: ['Gedrukt en verspreid door '],
};
