import type { LocaleRules } from '../types.js';

/**
 * French UI (Magzter). Some `/fr/` URLs render English UI; the strings here
 * are those of the genuinely French pages.
 */
export const fr: LocaleRules = {
  tag: 'fr',
  editionLines: [
    "Cette histoire est tirée de l'édition {date} de {pub}.",
    "Cet article est tiré de l'édition {date} de {pub}.",
  ],
  trialMarkers: [
    'essai gratuit de 7 jours à Magzter GOLD',
    'essai gratuit de Magzter GOLD',
    'Abonnez-vous à Magzter GOLD',
  ],
  trialSentences: [
    "Commencez votre essai gratuit de 7 jours à Magzter GOLD pour accéder à des milliers d'histoires premium sélectionnées et à plus de 9\u202f000 magazines et journaux.",
    "Commencez votre essai gratuit de 7 jours à Magzter GOLD pour accéder à des milliers d'histoires premium sélectionnées et à plus de 9 000 magazines et journaux.",
    "Abonnez-vous à Magzter GOLD pour accéder à des milliers d'histoires premium sélectionnées et à plus de 9 000 magazines et journaux.",
  ],
  signInQuestions: ['Déjà abonné', 'Vous êtes déjà abonné'],
  signInActions: ['Se connecter', 'Connexion'],
  moreStories: ["Plus d'histoires de {pub}", "Plus d'articles de {pub}", 'Autres histoires de {pub}'],
  viewAll: ['Voir tout', 'Tout voir', 'Voir tous'],
  tryGold: ['Essayer OR - Gratuit', 'Essayez OR - Gratuit'],
  upsellPrefixes: ["Passez à l'illimité avec Magzter GOLD", 'Obtenez un accès illimité à'],
  paywallLines: [
    "Continuez à lire votre histoire sur l'application",
    'Continuez à lire votre histoire dans le magazine',
  ],
  navigationLines: ['Lire la suite'],
  issueContents: ['dans ce numéro'],
  issueCounts: ['{n} numéros'],
  promoPrefixes: [],
  pricePeriods: ['An', 'Année', 'Mois'],
  readingTimeLabels: ['temps de lecture'],
  readingTimeUnits: ['min de lecture'],
  navigationPrefixes: ['Journaux en ', 'Journaux de ', 'Imprimé et distribué par '],
};
