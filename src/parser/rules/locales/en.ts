import type { LocaleRules } from '../types.js';

/** English UI: Magzter, plus the English chrome of Zinio and Scribd. */
export const en: LocaleRules = {
  tag: 'en',
  editionLines: ['This story is from the {date} edition of {pub}.'],
  trialMarkers: ['Magzter GOLD free trial', 'Subscribe to Magzter GOLD'],
  trialSentences: [
    'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
  ],
  signInQuestions: ['Already a subscriber'],
  signInActions: ['Sign In'],
  moreStories: ['More stories from {pub}', 'More from {pub}'],
  viewAll: ['View all'],
  tryGold: ['Try GOLD - Free'],
  upsellPrefixes: ['Go Unlimited with Magzter GOLD', 'Get unlimited access to'],
  paywallLines: ['Continue reading your story on the app', 'Continue reading your story in the magazine'],
  navigationLines: ['Read More'],
  issueContents: ['in this issue'],
  issueCounts: ['{n} Issues', '{n} Issue'],
  promoPrefixes: ['SPECIAL: Save'],
};
