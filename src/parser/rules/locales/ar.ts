import type { LocaleRules } from '../types.js';

/** Arabic UI (Magzter): the older "مأخوذة من" and the 2025 edition lines. */
export const ar: LocaleRules = {
  tag: 'ar',
  editionLines: ['هذه القصة من طبعة {date} من {pub}.', 'هذه القصة مأخوذة من طبعة {date} من {pub}.'],
  trialMarkers: ['اشترك في Magzter GOLD', 'النسخة التجريبية المجانية من Magzter GOLD'],
  trialSentences: [
    'اشترك في Magzter GOLD للوصول إلى آلاف القصص المتميزة المنسقة، وأكثر من 9000 مجلة وصحيفة.',
    'ابدأ النسخة التجريبية المجانية من Magzter GOLD لمدة 7 أيام للوصول إلى آلاف القصص المتميزة المنسقة وأكثر من 9,000 مجلة وصحيفة.',
  ],
  signInQuestions: ['هل أنت مشترك بالفعل', 'بالفعل مشترك'],
  signInActions: ['تسجيل الدخول'],
  moreStories: ['المزيد من القصص من {pub}'],
  viewAll: [],
  tryGold: ['يحاول ذهب - حر'],
  upsellPrefixes: [],
  paywallLines: [],
  navigationLines: [],
  issueContents: [],
  issueCounts: [],
  promoPrefixes: [],
};
