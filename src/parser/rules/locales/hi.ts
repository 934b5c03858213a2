import type { LocaleRules } from '../types.js';

/** Hindi UI (Magzter): the edition line puts the publication before the date. */
export const hi: LocaleRules = {
  tag: 'hi',
  editionLines: ['यह कहानी {pub} के {date} संस्करण से ली गई है।'],
  trialMarkers: ['मैगज़्टर गोल्ड की सदस्यता लें'],
  trialSentences: [
    'हजारों चुनिंदा प्रीमियम कहानियों और 10,000 से अधिक पत्रिकाओं और समाचार पत्रों तक पहुंचने के लिए मैगज़्टर गोल्ड की सदस्यता लें।',
  ],
  signInQuestions: ['क्या आप पहले से ही ग्राहक हैं'],
  signInActions: ['साइन इन करें'],
  moreStories: ['{pub} से और कहानियाँ'],
  viewAll: [],
  tryGold: ['कोशिश गोल्ड - मुक्त'],
  upsellPrefixes: [],
  paywallLines: [],
  navigationLines: [],
  issueContents: [],
  issueCounts: [],
  promoPrefixes: [],
};
