import type { LocaleRules } from '../types.js';

/** Spanish UI (Magzter): the older "Comience su prueba" and the newer "Suscríbete" templates. */
export const es: LocaleRules = {
  tag: 'es',
  editionLines: ['Esta historia es de la edición {date} de {pub}.'],
  trialMarkers: ['prueba gratuita de Magzter GOLD', 'Suscríbete a Magzter GOLD'],
  trialSentences: [
    'Comience su prueba gratuita de Magzter GOLD de 7 días para acceder a miles de historias premium seleccionadas y a más de 9,000 revistas y periódicos.',
    'Suscríbete a Magzter GOLD para acceder a miles de historias premium seleccionadas y a más de 9000 revistas y periódicos.',
  ],
  signInQuestions: ['Ya eres suscriptor'],
  signInActions: ['Conectar', 'Iniciar sesión'],
  moreStories: ['Más historias de {pub}'],
  viewAll: [],
  tryGold: ['Intentar ORO - Gratis'],
  upsellPrefixes: ['Vuélvete ilimitado con Magzter GOLD', 'Obtenga acceso ilimitado a'],
  paywallLines: [],
  navigationLines: [],
  issueContents: [],
  issueCounts: [],
  promoPrefixes: [],
};
