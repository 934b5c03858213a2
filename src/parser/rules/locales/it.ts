import type { LocaleRules } from '../types.js';

/** Italian UI (Magzter): the edition line puts the date before the publication. */
export const it: LocaleRules = {
  tag: 'it',
  editionLines: [
    "Questa storia è tratta dall'edizione {date} di {pub}.",
    "Questa storia proviene dall'edizione {date} di {pub}.",
    "Questo articolo è tratto dall'edizione {date} di {pub}.",
  ],
  trialMarkers: [
    'prova gratuita di 7 giorni di Magzter GOLD',
    'prova gratuita di Magzter GOLD',
    'Abbonati a Magzter GOLD',
  ],
  trialSentences: [
    'Inizia la tua prova gratuita di 7 giorni di Magzter GOLD per accedere a migliaia di storie premium selezionate e a oltre 9.000 riviste e giornali.',
    'Abbonati a Magzter GOLD per accedere a migliaia di storie premium selezionate e a oltre 9.000 riviste e giornali.',
  ],
  signInQuestions: ['Sei già abbonato', 'Già abbonato'],
  signInActions: ['Accedi', 'Accesso'],
  moreStories: ['Altre storie da {pub}', 'Altre storie di {pub}', 'Altri articoli da {pub}'],
  viewAll: ['Visualizza tutto', 'Vedi tutto', 'Vedi tutti', 'Mostra tutto'],
  tryGold: ['Provare ORO - Gratuito', 'Prova ORO - Gratis'],
  upsellPrefixes: [
    'Passa a illimitato con Magzter GOLD',
    "Ottieni l'accesso illimitato a",
    'Ottieni accesso illimitato a',
  ],
  paywallLines: [
    "Continua a leggere la tua storia nell'app",
    'Continua a leggere la tua storia nella rivista',
  ],
  navigationLines: ['Leggi di più', 'Continua a leggere'],
  issueContents: ['in questo numero'],
  issueCounts: ['{n} numeri'],
  promoPrefixes: [],
  pricePeriods: ['Anno', 'Mese'],
  readingTimeLabels: ['tempo di lettura'],
  readingTimeUnits: ['min di lettura', 'minuti di lettura'],
  navigationPrefixes: [],
};
