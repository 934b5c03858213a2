import type { LocaleRules } from '../types.js';

/** Spanish UI (Magzter): the older "Comience su prueba" and the newer "Suscríbete" templates. */
export const es: LocaleRules = {
  tag: 'es',
  editionLines: [
    'Esta historia es de la edición {date} de {pub}.',
    'Esta historia es de la edición de {date} de {pub}.',
  ],
  trialMarkers: ['prueba gratuita de Magzter GOLD', 'Suscríbete a Magzter GOLD', 'Suscríbase a Magzter GOLD'],
  trialSentences: [
    'Comience su prueba gratuita de Magzter GOLD de 7 días para acceder a miles de historias premium seleccionadas y a más de 9,000 revistas y periódicos.',
    'Suscríbete a Magzter GOLD para acceder a miles de historias premium seleccionadas y a más de 9000 revistas y periódicos.',
  ],
  signInQuestions: ['Ya eres suscriptor', 'Ya es suscriptor'],
  signInActions: ['Conectar', 'Iniciar sesión', 'Acceder'],
  moreStories: ['Más historias de {pub}'],
  viewAll: ['Ver todo', 'Ver todos'],
  tryGold: ['Intentar ORO - Gratis', 'Prueba ORO - Gratis'],
  upsellPrefixes: [
    'Vuélvete ilimitado con Magzter GOLD',
    'Obtenga acceso ilimitado a',
    'Obtén acceso ilimitado a',
  ],
  paywallLines: [
    'Continúa leyendo tu historia en la aplicación',
    'Continúa leyendo tu historia en la revista',
  ],
  navigationLines: ['Leer más'],
  issueContents: ['en este número'],
  issueCounts: ['{n} números'],
  promoPrefixes: [],
  pricePeriods: ['Año', 'Mes'],
  readingTimeLabels: ['tiempo de lectura'],
  readingTimeUnits: ['min de lectura'],
  navigationPrefixes: ['Impreso y distribuido por '],
};
