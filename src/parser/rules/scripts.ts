/**
 * Writing systems, for the UI language of a page in a language nobody wrote rules for. Many
 * scripts are written by one language of the newsstands' UIs (a page whose platform lines are
 * in Khmer letters is in Khmer), which franc-min cannot see: it knows 20 scripts, and names a
 * language only for those. Shared scripts are told apart by letters that one language alone
 * writes (`ў` is Belarusian, `ڼ` Pashto), and then by franc's trigram models.
 *
 * Ranges are Unicode blocks (first and last code point, inclusive), in code point order.
 */

export interface ScriptRange {
  first: number;
  last: number;
  script: string;
}

export const SCRIPT_RANGES: readonly ScriptRange[] = [
  { first: 0x0370, last: 0x03ff, script: 'Greek' },
  { first: 0x0400, last: 0x052f, script: 'Cyrillic' },
  { first: 0x0530, last: 0x058f, script: 'Armenian' },
  { first: 0x0590, last: 0x05ff, script: 'Hebrew' },
  { first: 0x0600, last: 0x06ff, script: 'Arabic' },
  { first: 0x0750, last: 0x077f, script: 'Arabic' },
  { first: 0x0780, last: 0x07bf, script: 'Thaana' },
  { first: 0x0900, last: 0x097f, script: 'Devanagari' },
  { first: 0x0980, last: 0x09ff, script: 'Bengali' },
  { first: 0x0a00, last: 0x0a7f, script: 'Gurmukhi' },
  { first: 0x0a80, last: 0x0aff, script: 'Gujarati' },
  { first: 0x0b00, last: 0x0b7f, script: 'Oriya' },
  { first: 0x0b80, last: 0x0bff, script: 'Tamil' },
  { first: 0x0c00, last: 0x0c7f, script: 'Telugu' },
  { first: 0x0c80, last: 0x0cff, script: 'Kannada' },
  { first: 0x0d00, last: 0x0d7f, script: 'Malayalam' },
  { first: 0x0d80, last: 0x0dff, script: 'Sinhala' },
  { first: 0x0e00, last: 0x0e7f, script: 'Thai' },
  { first: 0x0e80, last: 0x0eff, script: 'Lao' },
  { first: 0x0f00, last: 0x0fff, script: 'Tibetan' },
  { first: 0x1000, last: 0x109f, script: 'Myanmar' },
  { first: 0x10a0, last: 0x10ff, script: 'Georgian' },
  { first: 0x1100, last: 0x11ff, script: 'Hangul' },
  { first: 0x1200, last: 0x139f, script: 'Ethiopic' },
  { first: 0x1780, last: 0x17ff, script: 'Khmer' },
  { first: 0x19e0, last: 0x19ff, script: 'Khmer' },
  { first: 0x1c90, last: 0x1cbf, script: 'Georgian' },
  { first: 0x2d80, last: 0x2ddf, script: 'Ethiopic' },
  { first: 0x3040, last: 0x30ff, script: 'Kana' },
  { first: 0x3130, last: 0x318f, script: 'Hangul' },
  { first: 0x3400, last: 0x4dbf, script: 'Han' },
  { first: 0x4e00, last: 0x9fff, script: 'Han' },
  { first: 0xa960, last: 0xa97f, script: 'Hangul' },
  { first: 0xab00, last: 0xab2f, script: 'Ethiopic' },
  { first: 0xac00, last: 0xd7af, script: 'Hangul' },
  { first: 0xfb1d, last: 0xfb4f, script: 'Hebrew' },
  { first: 0xfb50, last: 0xfdff, script: 'Arabic' },
  { first: 0xfe70, last: 0xfeff, script: 'Arabic' },
];

/**
 * The UI language of a script only one UI language is written in (BCP 47). Bengali is also
 * Assamese's script, told by its own letters (below); Han alone is Chinese, with kana Japanese.
 */
export const LANGUAGE_OF_SCRIPT: Readonly<Record<string, string>> = {
  Greek: 'el',
  Armenian: 'hy',
  Hebrew: 'he',
  Thaana: 'dv',
  Bengali: 'bn',
  Gurmukhi: 'pa',
  Gujarati: 'gu',
  Oriya: 'or',
  Tamil: 'ta',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Sinhala: 'si',
  Thai: 'th',
  Lao: 'lo',
  Tibetan: 'bo',
  Myanmar: 'my',
  Georgian: 'ka',
  Hangul: 'ko',
  Ethiopic: 'am',
  Khmer: 'km',
  Kana: 'ja',
  Han: 'zh',
};

/**
 * Letters of a shared non-Latin script that only one of its UI languages writes (the Latin
 * ones are derived from `rules/alphabets.ts`). A letter two languages write is listed for
 * neither: `ә` (Kazakh, Azerbaijani, Tatar), `і` (Ukrainian, Belarusian, Kazakh), `ј`
 * (Serbian, Macedonian, Azerbaijani).
 */
export const OWN_LETTERS: Readonly<Record<string, string>> = {
  be: 'ў',
  uk: 'їєґ',
  sr: 'ђћ',
  mk: 'ѓќѕ',
  tg: 'ӣӯҷ',
  az: 'ҹ',
  kk: 'ұ',
  ps: 'ټډړږښګڼ',
  ur: 'ٹڈڑںے',
  ckb: 'ڵڕێ',
  as: 'ৰৱ',
  sd: 'ٻڄڃڇڏڙڦڻڳڪ',
  tt: 'җ',
  // Bashkir's dh, th and q (ҙ ҫ ҡ), which no other listed Cyrillic alphabet holds
  ba: 'ҙҫҡ',
  // Uyghur's vowels u and ü, its v and ng, which no other listed Arabic-script language writes
  ug: 'ۇۈۋڭ',
  // Tigrinya's ejective qʰ, which Amharic does not write
  ti: 'ቐቑቒቓቔቕቖ',
  // Ossetian's ash and Yakut's voiced velar fricative and velar nasal (not Kazakh's `ң`), which
  // franc-min has no model for: its Cyrillic trigrams answer Kazakh for both
  os: 'ӕ',
  sah: 'ҕҥ',
};

/**
 * Latin letters typed for a Cyrillic letter of the same shape in text of that script (Ossetian
 * is mostly typed with the Latin `æ` for its ash): in a Cyrillic sample, read as that letter.
 */
export const CYRILLIC_STAND_INS: Readonly<Record<string, string>> = {
  æ: 'ӕ',
};

/**
 * Scripts that more than one UI language writes with no letter of its own in most UI lines:
 * each language's common function words, to detect among them (a UI line or two holds some).
 * The script's LANGUAGE_OF_SCRIPT answer stands when no word decides. Ethiopic is Amharic's and
 * Tigrinya's; Tigrinya also writes `ኣ` where Amharic writes `አ` (counted as one vote).
 */
export const SHARED_SCRIPT_WORDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Ethiopic: {
    am: ['ይህ', 'ነው', 'እና', 'ላይ', 'ውስጥ', 'ጋር', 'ወደ', 'ናቸው', 'አለ', 'ግን', 'ይህን', 'ቀድሞውኑ', 'ነዎት', 'የበለጠ'],
    ti: ['እዚ', 'ካብ', 'ናይ', 'እዩ', 'ኢዩ', 'ኣብ', 'ምስ', 'ናብ', 'እቲ', 'ኣሎ', 'ከም', 'ወይ', 'እዮም', 'ድሮ', 'ዲኹም', 'ዝያዳ'],
  },
};

/** Per shared script: a letter one of its languages writes where the default language writes another (`ኣ` over `አ`). */
export const PREFERRED_LETTERS: Readonly<Record<string, { language: string; letter: string; over: string }>> =
  {
    Ethiopic: { language: 'ti', letter: 'ኣ', over: 'አ' },
  };

/**
 * The Cyrillic alphabets of the UI languages (lower case): a sample holding a letter a
 * language never writes is not in that language (Russian writes `и` and `щ`, Belarusian
 * neither; Ukrainian has no `ы`), which franc's trigrams miss on a line or two.
 */
export const CYRILLIC_ALPHABETS: Readonly<Record<string, string>> = {
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  be: 'абвгдеёжзйклмнопрстуўфхцчшыьэюяі',
  uk: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  bg: 'абвгдежзийклмнопрстуфхцчшщъьюя',
  sr: 'абвгдђежзијклљмнњопрстћуфхцчџш',
  mk: 'абвгдѓежзѕијклљмнњопрстќуфхцчџш',
  kk: 'абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә',
  ky: 'абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя',
  mn: 'абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя',
  tg: 'абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя',
  az: 'абвгғдеәжзиыјкҝлмнопрстуүфхһчҹш',
  uz: 'абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ',
  tt: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәөүҗңһ',
  ba: 'абвгғдҙеёжзийкҡлмнңоөпрсҫтуүфхһцчшщъыьэюяә',
  os: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяӕ',
  sah: 'абвгҕдеёжзийклмнҥоөпрсһтуүфхцчшщъыьэюя',
};
