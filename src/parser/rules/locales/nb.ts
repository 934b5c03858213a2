import type { LocaleRules } from '../types.js';

/** Norwegian Bokmål UI (Magzter). */
export const nb: LocaleRules = {
  tag: 'nb',
  editionLines: ['Denne historien er fra {date}-utgaven av {pub}.'],
  trialMarkers: ['gratis prøveperiode på Magzter GOLD'],
  trialSentences: [
    'Start din 7-dagers gratis prøveperiode på Magzter GOLD for å få tilgang til tusenvis av utvalgte premiumhistorier og 9000+ magasiner og aviser.',
  ],
  signInQuestions: ['Allerede abonnent'],
  signInActions: ['Logg på'],
  moreStories: ['Flere historier fra {pub}'],
  viewAll: ['Se alt'],
  tryGold: ['Prøve GULL - Gratis'],
  upsellPrefixes: ['Gå ubegrenset med Magzter GOLD', 'Få ubegrenset tilgang til'],
  paywallLines: [],
  navigationLines: [],
  issueContents: [],
  issueCounts: [],
  promoPrefixes: [],
};
