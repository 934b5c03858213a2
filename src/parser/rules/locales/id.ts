import type { LocaleRules } from '../types.js';

/** Indonesian UI (Magzter). */
export const id: LocaleRules = {
  tag: 'id',
  editionLines: [
    'Cerita ini berasal dari edisi {date} dari {pub}.',
    'Kisah ini berasal dari edisi {date} dari {pub}.',
  ],
  trialMarkers: ['uji coba gratis Magzter GOLD', 'Berlangganan Magzter GOLD'],
  trialSentences: [
    'Mulai uji coba gratis Magzter GOLD 7 hari Anda untuk mengakses ribuan cerita premium pilihan, dan 9.000+ majalah dan surat kabar.',
    'Berlangganan Magzter GOLD untuk mengakses ribuan cerita premium pilihan, dan 9.000+ majalah dan surat kabar.',
  ],
  signInQuestions: ['Sudah berlangganan', 'Sudah menjadi pelanggan'],
  signInActions: ['Masuk'],
  moreStories: ['Lebih banyak cerita dari {pub}', 'Cerita lainnya dari {pub}'],
  viewAll: ['Lihat semua', 'Lihat Semuanya'],
  tryGold: ['Coba EMAS - Gratis'],
  upsellPrefixes: ['Jadilah Tanpa Batas dengan Magzter GOLD', 'Dapatkan akses tanpa batas ke'],
  paywallLines: ['Lanjutkan membaca cerita Anda di aplikasi', 'Lanjutkan membaca cerita Anda di majalah'],
  navigationLines: ['Baca selengkapnya'],
  issueContents: ['dalam edisi ini'],
  issueCounts: ['{n} edisi'],
  promoPrefixes: [],
  pricePeriods: ['Tahun', 'Bulan'],
  readingTimeLabels: ['waktu membaca', 'waktu baca'],
  readingTimeUnits: ['menit', 'menit baca', 'mnt baca'],
  // PressReader's footer links (`Newspapers in …` / `Newspapers from …`)
  navigationPrefixes: ['Koran dalam bahasa ', 'Koran dari '],
};
