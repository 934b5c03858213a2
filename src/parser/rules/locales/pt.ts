import type { LocaleRules } from '../types.js';

/** Portuguese (Brazilian) UI (Magzter): the edition line puts the date before the publication. */
export const pt: LocaleRules = {
  tag: 'pt',
  editionLines: [
    'Esta história é da edição {date} de {pub}.',
    'Esta história é da edição de {date} de {pub}.',
  ],
  trialMarkers: [
    'teste gratuito de 7 dias do Magzter GOLD',
    'teste gratuito do Magzter GOLD',
    'Assine o Magzter GOLD',
  ],
  trialSentences: [
    'Comece seu teste gratuito de 7 dias do Magzter GOLD para acessar milhares de histórias premium selecionadas e mais de 9.000 revistas e jornais.',
    'Assine o Magzter GOLD para acessar milhares de histórias premium selecionadas e mais de 9.000 revistas e jornais.',
  ],
  signInQuestions: ['Já é assinante', 'Já é um assinante'],
  signInActions: ['Entrar', 'Fazer login', 'Iniciar sessão'],
  moreStories: ['Mais histórias de {pub}', 'Mais histórias da {pub}', 'Mais histórias do {pub}'],
  viewAll: ['Ver todos', 'Ver tudo', 'Ver todas'],
  tryGold: ['Tentar OURO - Grátis', 'Experimente OURO - Grátis'],
  upsellPrefixes: ['Torne-se ilimitado com o Magzter GOLD', 'Obtenha acesso ilimitado a'],
  paywallLines: ['Continue lendo sua história no aplicativo', 'Continue lendo sua história na revista'],
  navigationLines: ['Leia mais'],
  issueContents: ['nesta edição'],
  issueCounts: ['{n} edições'],
  promoPrefixes: [],
  pricePeriods: ['Ano', 'Mês'],
  readingTimeLabels: ['tempo de leitura'],
  readingTimeUnits: ['min de leitura'],
  navigationPrefixes: ['Impresso e distribuído por '],
};
