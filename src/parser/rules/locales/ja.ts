import type { LocaleRules } from '../types.js';

/** Japanese UI (Magzter): the edition line puts the publication before the date. */
export const ja: LocaleRules = {
  tag: 'ja',
  editionLines: [
    'この記事は {pub} の {date} 版に掲載されています。',
    'この記事は {pub} の {date} 号に掲載されています。',
  ],
  trialMarkers: [
    'Magzter GOLD の 7 日間無料トライアル',
    'Magzter GOLD に登録すると',
    'Magzter GOLD の無料トライアル',
  ],
  trialSentences: [
    'Magzter GOLD の 7 日間無料トライアルを開始して、厳選された何千ものプレミアム記事と 9,000 以上の雑誌や新聞にアクセスしましょう。',
    'Magzter GOLD に登録すると、厳選された何千ものプレミアム記事と 9,000 以上の雑誌や新聞にアクセスできます。',
  ],
  signInQuestions: ['すでに購読者ですか', '既に購読者ですか', 'すでに購読済みですか'],
  signInActions: ['サインイン', 'ログイン'],
  moreStories: ['{pub} のその他の記事', '{pub} からのその他の記事'],
  viewAll: ['すべて表示', 'すべて見る'],
  tryGold: ['試す 金 - 無料', 'ゴールドを試す - 無料'],
  upsellPrefixes: ['Magzter GOLD で無制限に', '無制限にアクセス'],
  paywallLines: ['アプリで記事の続きを読む', '雑誌で記事の続きを読む'],
  navigationLines: ['続きを読む'],
  issueContents: ['この号の内容'],
  issueCounts: [],
  promoPrefixes: [],
  pricePeriods: ['年', '月'],
  readingTimeLabels: ['読む時間', '読了時間'],
  readingTimeUnits: ['分', '分で読めます'],
  navigationPrefixes: [],
};
