import type { LocaleRules } from '../types.js';

/** Danish UI (Magzter). Norwegian shares some strings; the edition line and "Try GOLD" tell them apart. */
export const da: LocaleRules = {
  tag: 'da',
  editionLines: [
    'Denne historie er fra {date}-udgaven af {pub}.',
    'Denne historie stammer fra {date}-udgaven af {pub}.',
  ],
  trialMarkers: ['7-dages gratis prøveperiode på Magzter GOLD', 'Abonner på Magzter GOLD for at'],
  trialSentences: [
    'Start din 7-dages gratis prøveperiode på Magzter GOLD for at få adgang til tusindvis af udvalgte premiumhistorier og 9.000+ magasiner og aviser.',
    'Abonner på Magzter GOLD for at få adgang til tusindvis af udvalgte premiumhistorier og over 9.000 magasiner og aviser.',
  ],
  signInQuestions: ['Er du allerede abonnent', 'Allerede abonnent'],
  signInActions: ['Log ind'],
  moreStories: ['Flere historier fra {pub}'],
  viewAll: ['Se alle', 'Vis alle'],
  tryGold: ['Prøve GULD - Gratis', 'Prøv GULD - Gratis'],
  upsellPrefixes: ['Gå ubegrænset med Magzter GOLD', 'Få ubegrænset adgang til'],
  paywallLines: ['Fortsæt med at læse din historie i appen', 'Fortsæt med at læse din historie i magasinet'],
  navigationLines: ['Læs mere'],
  issueContents: ['i dette nummer'],
  issueCounts: ['{n} numre'],
  promoPrefixes: [],
  pricePeriods: ['År', 'Måned'],
  readingTimeLabels: ['læsetid'],
  readingTimeUnits: ['min læsning', 'min læsetid'],
  navigationPrefixes: [],
};
