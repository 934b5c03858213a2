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

/**
 * Month names and abbreviations as newsstands print dates (`October 23, 2024`, `Oct. 2024`):
 * in English whatever the UI language, so they are read on every page and are not part of
 * the locale table (a page in any locale, or with the table switched off, keeps its dates).
 */
export const PRINTED_MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);
