import type { LocaleRules } from '../types.js';

/** Hindi UI (Magzter): the edition line puts the publication before the date. */
export const hi: LocaleRules = {
  tag: 'hi',
  editionLines: ['यह कहानी {pub} के {date} संस्करण से ली गई है।'],
  trialMarkers: ['मैगज़्टर गोल्ड की सदस्यता लें', 'मैगज़्टर गोल्ड का 7-दिन का निःशुल्क परीक्षण'],
  trialSentences: [
    'हजारों चुनिंदा प्रीमियम कहानियों और 10,000 से अधिक पत्रिकाओं और समाचार पत्रों तक पहुंचने के लिए मैगज़्टर गोल्ड की सदस्यता लें।',
  ],
  signInQuestions: ['क्या आप पहले से ही ग्राहक हैं', 'पहले से ही ग्राहक हैं'],
  signInActions: ['साइन इन करें', 'साइन इन'],
  moreStories: ['{pub} से और कहानियाँ', '{pub} की और कहानियाँ'],
  viewAll: ['सभी देखें', 'सब देखें'],
  tryGold: ['कोशिश गोल्ड - मुक्त', 'गोल्ड आज़माएं - मुफ़्त'],
  upsellPrefixes: ['मैगज़्टर गोल्ड के साथ असीमित', 'असीमित पहुंच प्राप्त करें'],
  paywallLines: ['ऐप पर अपनी कहानी पढ़ना जारी रखें', 'पत्रिका में अपनी कहानी पढ़ना जारी रखें'],
  navigationLines: ['और पढ़ें'],
  issueContents: ['इस अंक में'],
  issueCounts: [],
  promoPrefixes: [],
  pricePeriods: ['वर्ष', 'साल', 'महीना'],
  readingTimeLabels: ['पढ़ने का समय'],
  readingTimeUnits: ['मिनट', 'मिनट पढ़ें'],
  navigationPrefixes: [],
};
