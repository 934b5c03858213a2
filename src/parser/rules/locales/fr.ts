import type { LocaleRules } from '../types.js';

/**
 * French UI (Magzter). No fixture shows French UI strings yet (the `/fr/`
 * pages seen so far render English UI), so these entries are the expected
 * wording, unproven; the generic rules (brand name, repeated block, date
 * shape) still catch the block if the wording differs.
 */
export const fr: LocaleRules = {
  tag: 'fr',
  editionLines: ["Cette histoire est tirée de l'édition {date} de {pub}."],
  trialMarkers: ['essai gratuit de Magzter GOLD', 'Abonnez-vous à Magzter GOLD'],
  trialSentences: [],
  signInQuestions: ['Déjà abonné'],
  signInActions: ['Se connecter', 'Connexion'],
  moreStories: ["Plus d'histoires de {pub}"],
  viewAll: ['Voir tout'],
  tryGold: [],
  upsellPrefixes: [],
  paywallLines: [],
  navigationLines: [],
  issueContents: [],
  issueCounts: [],
  promoPrefixes: [],
};
