import type { LocaleRules } from '../types.js';

/** English UI: Magzter, plus the English chrome of PressReader, Zinio and Scribd. */
export const en: LocaleRules = {
  tag: 'en',
  editionLines: ['This story is from the {date} edition of {pub}.'],
  trialMarkers: [
    'Magzter GOLD free trial',
    'Subscribe to Magzter GOLD',
    'Magzter GOLD subscription',
    'Sign up for Magzter GOLD',
  ],
  trialSentences: [
    'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
    'Subscribe to Magzter GOLD to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
    'Subscribe to Magzter GOLD to access thousands of curated premium stories, and 10,000+ magazines and newspapers.',
  ],
  signInQuestions: ['Already a subscriber'],
  signInActions: ['Sign In', 'Log In', 'Login'],
  moreStories: ['More stories from {pub}', 'More from {pub}'],
  viewAll: ['View all', 'See all'],
  tryGold: ['Try GOLD - Free', 'Try GOLD Free'],
  upsellPrefixes: ['Go Unlimited with Magzter GOLD', 'Get unlimited access to'],
  paywallLines: [
    'Continue reading your story on the app',
    'Continue reading your story in the magazine',
    "You're reading a preview, subscribe to read more.",
  ],
  navigationLines: ['Read More'],
  issueContents: ['in this issue'],
  issueContentsPrefixes: ['Table of contents for '],
  issueCounts: ['{n} Issues', '{n} Issue'],
  promoPrefixes: ['SPECIAL: Save', 'Use coupon code', 'Use code', 'Coupon code', 'Apply coupon'],
  pricePeriods: ['Year', 'Month', 'Yr', 'Mo'],
  // `time to read` / `time-read` are printed untranslated in every UI language: see generic READING_TIME_LABELS
  readingTimeLabels: [],
  readingTimeUnits: ['min read', 'mins read', 'minute read', 'minutes read'],
  navigationPrefixes: [
    'Newspapers in ',
    'Newspapers from ',
    'Magazines in ',
    'Magazines from ',
    'Printed and distributed by ',
  ],
};
