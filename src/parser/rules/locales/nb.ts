import type { LocaleRules } from '../types.js';

/** Norwegian Bokmål UI (Magzter). Danish shares some strings; the edition line and "Try GOLD" tell them apart. */
export const nb: LocaleRules = {
  tag: 'nb',
  editionLines: ['Denne historien er fra {date}-utgaven av {pub}.'],
  trialMarkers: ['7-dagers gratis prøveperiode på Magzter GOLD', 'Abonner på Magzter GOLD for å'],
  trialSentences: [
    'Start din 7-dagers gratis prøveperiode på Magzter GOLD for å få tilgang til tusenvis av utvalgte premiumhistorier og 9000+ magasiner og aviser.',
  ],
  signInQuestions: ['Allerede abonnent', 'Er du allerede abonnent'],
  signInActions: ['Logg på', 'Logg inn'],
  moreStories: ['Flere historier fra {pub}'],
  viewAll: ['Se alt', 'Se alle', 'Vis alle'],
  tryGold: ['Prøve GULL - Gratis', 'Prøv GULL - Gratis'],
  upsellPrefixes: ['Gå ubegrenset med Magzter GOLD', 'Få ubegrenset tilgang til'],
  paywallLines: ['Fortsett å lese historien din i appen', 'Fortsett å lese historien din i magasinet'],
  navigationLines: ['Les mer'],
  issueContents: ['i denne utgaven'],
  issueCounts: ['{n} utgaver'],
  promoPrefixes: [],
  pricePeriods: ['År', 'Måned'],
  readingTimeLabels: ['lesetid'],
  readingTimeUnits: ['min lesing', 'min lesetid'],
  navigationPrefixes: [],
};
