import type { LocaleRules } from '../types.js';

/** Russian UI (Magzter): the edition line puts the publication before the date. */
export const ru: LocaleRules = {
  tag: 'ru',
  editionLines: ['Эта история из выпуска {pub} от {date}.', 'Эта статья из выпуска {pub} от {date}.'],
  trialMarkers: [
    'бесплатную пробную версию Magzter GOLD',
    'Подпишитесь на Magzter GOLD',
    'пробный период Magzter GOLD',
  ],
  trialSentences: [
    'Начните 7-дневную бесплатную пробную версию Magzter GOLD, чтобы получить доступ к тысячам избранных премиальных историй, а также к более чем 9000 журналов и газет.',
    'Подпишитесь на Magzter GOLD, чтобы получить доступ к тысячам избранных премиальных историй, а также к более чем 9000 журналов и газет.',
  ],
  signInQuestions: ['Уже подписчик', 'Уже подписаны', 'Вы уже подписчик'],
  signInActions: ['Войти', 'Вход'],
  moreStories: ['Больше историй из {pub}', 'Другие истории из {pub}'],
  viewAll: ['Посмотреть все', 'Смотреть все', 'Показать все'],
  tryGold: ['Пытаться ЗОЛОТО - Бесплатно', 'Попробуйте ЗОЛОТО - Бесплатно'],
  upsellPrefixes: ['Безлимитный доступ с Magzter GOLD', 'Получите неограниченный доступ к'],
  paywallLines: ['Продолжите читать свою историю в приложении', 'Продолжите читать свою историю в журнале'],
  navigationLines: ['Читать далее'],
  issueContents: ['в этом выпуске'],
  issueCounts: [],
  promoPrefixes: [],
  pricePeriods: ['Год', 'Месяц'],
  readingTimeLabels: ['время чтения'],
  readingTimeUnits: ['мин', 'мин чтения', 'мин. чтения'],
  navigationPrefixes: [],
};
