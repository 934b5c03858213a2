import type { LocaleRules } from '../types.js';

/** Simplified-Chinese UI (Magzter): the edition line puts the publication before the date. */
export const zh: LocaleRules = {
  tag: 'zh',
  editionLines: ['此故事来自 {pub} 的 {date} 版本。', '本文摘自 {pub} 的 {date} 版。'],
  trialMarkers: ['Magzter GOLD 免费试用', '订阅 Magzter GOLD'],
  trialSentences: [
    '开始您的 7 天 Magzter GOLD 免费试用，即可访问数千篇精选优质故事以及 9,000 多种杂志和报纸。',
    '订阅 Magzter GOLD，即可访问数千篇精选优质故事以及 9,000 多种杂志和报纸。',
  ],
  signInQuestions: ['已经是订阅者', '已经是订阅者了', '已是订阅用户'],
  signInActions: ['登录'],
  moreStories: ['来自 {pub} 的更多故事', '更多来自 {pub} 的故事'],
  viewAll: ['查看全部', '查看所有'],
  tryGold: ['尝试 金子 - 自由', '试用 黄金 - 免费'],
  upsellPrefixes: ['通过 Magzter GOLD 无限畅读', '无限制访问'],
  paywallLines: ['在应用中继续阅读您的故事', '在杂志中继续阅读您的故事'],
  navigationLines: ['阅读更多'],
  issueContents: ['本期内容'],
  // Zinio's traditional-Chinese store pages: `52 期號`
  issueCounts: ['{n} 期號', '{n} 期'],
  promoPrefixes: [],
  pricePeriods: ['年', '月'],
  readingTimeLabels: ['阅读时间'],
  // `最少` is Zinio's machine translation of `min.` (read as "minimum"): `1 最少`
  readingTimeUnits: ['分钟', '分钟阅读', '最少'],
  navigationPrefixes: [],
};
