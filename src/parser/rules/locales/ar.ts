import type { LocaleRules } from '../types.js';

/** Arabic UI (Magzter): the older "مأخوذة من" and the 2025 edition lines. */
export const ar: LocaleRules = {
  tag: 'ar',
  editionLines: ['هذه القصة من طبعة {date} من {pub}.', 'هذه القصة مأخوذة من طبعة {date} من {pub}.'],
  trialMarkers: [
    'اشترك في Magzter GOLD',
    'النسخة التجريبية المجانية من Magzter GOLD',
    'الإصدار التجريبي المجاني من Magzter GOLD',
  ],
  trialSentences: [
    'اشترك في Magzter GOLD للوصول إلى آلاف القصص المتميزة المنسقة، وأكثر من 9000 مجلة وصحيفة.',
    'ابدأ النسخة التجريبية المجانية من Magzter GOLD لمدة 7 أيام للوصول إلى آلاف القصص المتميزة المنسقة وأكثر من 9,000 مجلة وصحيفة.',
  ],
  signInQuestions: ['هل أنت مشترك بالفعل', 'بالفعل مشترك', 'مشترك بالفعل'],
  signInActions: ['تسجيل الدخول'],
  moreStories: ['المزيد من القصص من {pub}'],
  viewAll: ['عرض الكل', 'عرض الجميع'],
  tryGold: ['يحاول ذهب - حر', 'جرب الذهب - مجانا'],
  upsellPrefixes: ['احصل على وصول غير محدود', 'انطلق بلا حدود مع Magzter GOLD'],
  paywallLines: ['تابع قراءة قصتك على التطبيق', 'تابع قراءة قصتك في المجلة'],
  navigationLines: ['اقرأ المزيد'],
  issueContents: ['في هذا العدد'],
  issueCounts: [],
  promoPrefixes: [],
  pricePeriods: ['سنة', 'السنة', 'شهر'],
  readingTimeLabels: ['وقت القراءة'],
  readingTimeUnits: ['دقيقة', 'دقائق', 'دقيقة قراءة'],
  navigationPrefixes: [],
};
