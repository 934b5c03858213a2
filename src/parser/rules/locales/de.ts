import type { LocaleRules } from '../types.js';

/** German UI (Magzter). */
export const de: LocaleRules = {
  tag: 'de',
  editionLines: ['Diese Geschichte stammt aus der {date}-Ausgabe von {pub}.'],
  trialMarkers: ['kostenlose Testversion von Magzter GOLD'],
  trialSentences: [
    'Starten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.',
  ],
  signInQuestions: ['Bereits Abonnent'],
  signInActions: ['Anmelden'],
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
