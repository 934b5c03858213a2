import type { LocaleRules } from '../types.js';

/**
 * Turkish UI (Magzter). The page mixes Turkish with English strings (trial
 * sentence, "Already a subscriber"), which the English rules match.
 */
export const tr: LocaleRules = {
  tag: 'tr',
  editionLines: [
    'Bu hikaye {pub} dergisinin {date} sayısından alınmıştır.',
    'Bu hikaye {pub} gazetesinin {date} sayısından alınmıştır.',
  ],
  trialMarkers: ['Magzter GOLD ücretsiz deneme', "Magzter GOLD'a abone olun"],
  trialSentences: [],
  signInQuestions: ['Zaten abone misiniz', 'Zaten abone misin'],
  signInActions: ['Giriş Yap', 'Oturum aç'],
  moreStories: ['{pub} yayınından daha fazla hikaye', '{pub} adlı yayından daha fazla hikaye'],
  viewAll: ['Tümünü gör', 'Tümünü görüntüle', 'Hepsini gör'],
  tryGold: ['Denemek ALTIN - Özgür', 'Denemek ALTIN - Ücretsiz', 'Dene ALTIN - Ücretsiz'],
  upsellPrefixes: ['Magzter GOLD ile Sınırsız', 'Sınırsız erişim elde edin'],
  paywallLines: ['Hikayenizi uygulamada okumaya devam edin', 'Hikayenizi dergide okumaya devam edin'],
  navigationLines: ['Devamını oku'],
  issueContents: ['bu sayıda'],
  issueCounts: ['{n} Sayı'],
  promoPrefixes: [],
  pricePeriods: ['Yıl', 'Ay'],
  readingTimeLabels: ['okuma süresi'],
  readingTimeUnits: ['dk okuma', 'dakika okuma', 'dk'],
  navigationPrefixes: [],
};
