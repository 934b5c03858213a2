import type { LocaleRules } from '../types.js';

/** German UI (Magzter). */
export const de: LocaleRules = {
  tag: 'de',
  editionLines: [
    'Diese Geschichte stammt aus der {date}-Ausgabe von {pub}.',
    'Diese Geschichte stammt aus der Ausgabe {date} von {pub}.',
  ],
  trialMarkers: ['kostenlose Testversion von Magzter GOLD', 'Abonnieren Sie Magzter GOLD'],
  trialSentences: [
    'Starten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.',
    'Abonnieren Sie Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 9.000 Zeitschriften und Zeitungen zuzugreifen.',
  ],
  signInQuestions: ['Bereits Abonnent', 'Schon Abonnent'],
  signInActions: ['Anmelden', 'Einloggen'],
  moreStories: ['Weitere Geschichten von {pub}', 'Mehr Geschichten von {pub}', 'Mehr von {pub}'],
  viewAll: ['Alle anzeigen', 'Alle ansehen'],
  tryGold: ['Versuchen GOLD - Kostenlos', 'Testen GOLD - Kostenlos', 'Versuchen Sie GOLD - Kostenlos'],
  upsellPrefixes: ['Unbegrenzt mit Magzter GOLD', 'Erhalten Sie unbegrenzten Zugriff auf'],
  paywallLines: [
    'Lesen Sie Ihre Geschichte in der App weiter',
    'Lesen Sie Ihre Geschichte im Magazin weiter',
  ],
  navigationLines: ['Weiterlesen', 'Mehr lesen'],
  issueContents: ['in dieser Ausgabe'],
  issueCounts: ['{n} Ausgaben'],
  promoPrefixes: [],
  pricePeriods: ['Jahr', 'Monat'],
  readingTimeLabels: ['Lesezeit'],
  readingTimeUnits: ['Min. Lesezeit', 'min Lesezeit'],
  navigationPrefixes: ['Gedruckt und verbreitet von '],
};
