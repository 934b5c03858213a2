import type { LocaleRules } from '../types.js';

/**
 * Turkish UI (Magzter). The page mixes Turkish with English strings (trial
 * sentence, "Already a subscriber"), which the English rules match.
 */
export const tr: LocaleRules = {
  tag: 'tr',
  editionLines: ['Bu hikaye {pub} dergisinin {date} sayısından alınmıştır.'],
  trialMarkers: [],
  trialSentences: [],
  signInQuestions: [],
  signInActions: ['Giriş Yap'],
  moreStories: [],
  viewAll: [],
  tryGold: [],
  upsellPrefixes: [],
  paywallLines: [],
  navigationLines: [],
  issueContents: [],
  issueCounts: [],
  promoPrefixes: [],
};
