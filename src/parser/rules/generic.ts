/**
 * Generic vocabulary: shapes that hold in every UI language, used as the
 * fallback when a page's strings are not in any locale file.
 */

/** Question marks in the scripts the newsstands print (ASCII, Arabic, full-width CJK). */
export const QUESTION_MARKS: readonly string[] = ['?', '؟', '？'];

/** One printed price: `$149.99`, `₹ 1,272.74`, `US$ 5`, `NT$ 95.00`. A line may glue two (old and new price) and add a `/Year` suffix. */
export const PRICE = /^(?:US|[ACS]|NZ|NT|HK)?[$€£₹¥] ?\d[\d,.]{0,19}$/u;

/**
 * A price printed with its currency after the amount (`2 500 XOF`, `12,99 €`, `150 MAD`), as
 * French, West African and most European stores print it: digits with their group marks, then
 * a currency symbol or an ISO code (`CURRENCY_CODES`), or a local sign in letters
 * (`LOCAL_CURRENCY_SIGNS`: `49,99 zł`, `89,00 kr`).
 */
export const PRICE_CURRENCY_AFTER = /^\d[\d ,.]{0,15}([A-Z]{3}|[$€£₹¥]|\p{L}{1,2})$/u;

/** ISO 4217 codes a price may print after its amount (`PRICE_CURRENCY_AFTER`). */
export const CURRENCY_CODES: readonly string[] = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'INR',
  'JPY',
  'CNY',
  'HKD',
  'TWD',
  'KRW',
  'SGD',
  'AUD',
  'NZD',
  'CAD',
  'XOF',
  'XAF',
  'NGN',
  'GHS',
  'KES',
  'TZS',
  'UGX',
  'ETB',
  'ZAR',
  'MAD',
  'DZD',
  'TND',
  'EGP',
  'TRY',
  'RUB',
  'UAH',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'SEK',
  'NOK',
  'DKK',
  'ISK',
  'BRL',
  'MXN',
  'ARS',
  'CLP',
  'COP',
  'PEN',
  'IDR',
  'MYR',
  'PHP',
  'THB',
  'VND',
  'PKR',
  'BDT',
  'LKR',
  'NPR',
  'AED',
  'SAR',
  'QAR',
  'KWD',
  'ILS',
];

/** Currency symbols that open a price. */
export const CURRENCY_SYMBOLS: readonly string[] = ['$', '€', '£', '₹', '¥'];

/**
 * A price opened by a currency written in letters (`RM 12.90`, `MYR 12.90`, `Rp 45.000`,
 * `kr 89,00`): a sign or code of at most three letters (and a `$`), an optional space, the amount.
 * The sign must be one of CURRENCY_CODES or LOCAL_CURRENCY_SIGNS.
 */
export const PRICE_CURRENCY_BEFORE = /^(\p{L}{1,3}\$?) ?\d[\d,.]{0,19}$/u;

/** Local currency signs in letters that open a price as the stores print them (ringgit, rupiah, real, crowns, złoty, rupees). */
export const LOCAL_CURRENCY_SIGNS: readonly string[] = ['RM', 'Rp', 'R$', 'kr', 'Kč', 'zł', 'Rs'];

/**
 * Words for "minute" that open the unit of a reading time in any language
 * (`2 mins`, `5 min läsning`, `3 мин`, `4分钟`); the locale files add whole units.
 */
export const MINUTE_WORDS: readonly string[] = [
  'min',
  'mins',
  'minute',
  'minutes',
  'minuto',
  'minutos',
  'minuti',
  'minuten',
  'minuter',
  'minutter',
  'minut',
  'minutt',
  'menit',
  'mnt',
  'perc',
  'phút',
  'dk',
  'dakika',
  'мин',
  'минут',
  'минуты',
  'хв',
  'دقيقة',
  'دقائق',
  'मिनट',
  'นาที',
  '분',
  '分',
  '分钟',
  '分鐘',
];

/** Untranslated reading-time labels (alt text of the clock icon). */
export const READING_TIME_LABELS: readonly string[] = ['time-read', 'time to read', 'reading time'];

/**
 * `Try GOLD - Free` in an unknown language: one short word after a dash, one to four before it.
 * Translations reorder and glue the words (Persian `GOLD را امتحان کنید - رایگان`, Japanese
 * `GOLDをお試し - 無料`, Thai writes "try gold" as one unspaced word), so the shape counts
 * words, not their order; the label's position above a header is what confirms it.
 */
export const TRY_GOLD_SHAPE = /^\S+(?: \S+){0,3} [-–] \S+$/u;
/** …each word at most this many letters (vowel signs and other marks not counted: Thaana writes its vowels as marks). */
export const TRY_GOLD_WORD_MAX_LETTERS = 15;

/** A page reference in a table of contents (`p. 12`, `S. 34`, `pág. 48`): an abbreviation and a page number. */
export const PAGE_REFERENCE_SHAPE = /^\p{L}{1,4}\. ?\d{1,4}$/u;

/**
 * A copyright footer in any language, in text and HTML pages alike: a line starting with `©`
 * (`© 2025 Site. All rights reserved.`); `(c)` or `Copyright` followed by a year or a `©`
 * (`Copyright © 2025 Site`, `(c) 2024 Site`, `Copyright @ 2019 Site`), or by "rights reserved"; a `© 2025` after a
 * name (`Site © 2025`). A line that only starts with the word is story text: a lettered list
 * item (`(c) a ban of one year…`), `Copyright holders welcomed the ruling.`
 */
export const COPYRIGHT_SHAPE =
  /^(?:©|\(c\)[\s©]{0,3}\d{4}|copyright[\s:@©]{0,4}(?:\(c\) ?)?\d{4}|copyright:? ?©|(?:\(c\)|copyright) .*rights reserved)|\s©\s?\d{4}/iu;

/** Section labels printed above a story list (Magzter and Zinio categories). */
export const CATEGORY_LABELS: readonly string[] = [
  'Entertainment',
  'Automotive',
  'News',
  'News & Politics',
  'Business',
  'Business & Finance',
  'Lifestyle',
  'Sports',
  'Technology',
  'Science',
  'Health',
  'Health & Fitness',
  'Food & Beverage',
  'Food & Wine',
  'Travel',
  'Art',
  'Arts',
  'Comics',
  'Fashion',
  "Women's Interest",
  'Womens Interest',
  "Men's Interest",
  'Parenting',
  'Photography',
  'Education',
  'Home',
  'Home & Garden',
  'Culture',
  'Celebrity',
  'Music',
  'Hobbies',
  'Crafts',
  'Gaming',
  'Computer',
  'Cars & Motorcycles',
  'Bridal',
  'Newspaper',
  'Religious & Spiritual',
  'Animals & Pets',
  'Boating & Aviation',
  'Sports & Recreation',
];

/** Words that open a byline: `By Name`, `Words by Name`. Compared case-insensitively. */
export const BYLINE_OPENERS: readonly string[] = [
  'words and photos by',
  'words by',
  'text by',
  'written by',
  'story by',
  'by',
  // the same opener in the UI and story languages newsstands carry (`- Por Name`, `- Par Name`)
  'por',
  'par',
  'von',
  'door',
  'av',
  'af',
  'oleh',
  // languages whose "by" a short first name could not be told from by its shape (Frisian,
  // Cebuano, Māori), and Russian "interviewed by" (f., m.)
  'troch',
  'ni',
  'nā',
  'беседовала',
  'беседовал',
  // Malagasy "written by", "made by": a verb glued to its article by an apostrophe
  "nosoratan'i",
  'nosoratan’i',
  "nataon'i",
  'nataon’i',
  // right-to-left UIs and stories: Arabic `بقلم` (by the pen of), Hebrew `מאת`, Urdu `تحریر:`
  'بقلم',
  'מאת',
  // Yiddish `פֿון` (by, of), with and without its rafe
  'פֿון',
  'פון',
  'تحریر:',
];

/**
 * Words for "by" that are also first names (Occitan and Catalan `per`, a Scandinavian `Per`): an
 * opener only before a name of two words or more (`Per Joan Castèth`), never in `Per Olsen`.
 * Compared case-insensitively.
 */
export const BYLINE_OPENERS_BEFORE_FULL_NAME: readonly string[] = ['per'];

/** Credits that may follow the writer in a byline line (`… PHOTOGRAPHY by …`). Compared case-insensitively. */
export const BYLINE_CREDITS: readonly string[] = [
  'photography',
  'photographs',
  'photos',
  'photo',
  'pictures',
  'images',
  'illustration',
  'illustrations',
  'styling',
  'video',
  'additional reporting',
];

/**
 * Words that make a credit name a role, not a person (`Our Correspondent`, `Staff Reporter`,
 * `Notre correspondant`, `Mwandishi Wetu`), lower-cased: a bare credit holding one names nobody.
 */
export const ROLE_CREDIT_WORDS: readonly string[] = [
  'correspondent',
  'correspondents',
  'reporter',
  'reporters',
  'staff',
  'desk',
  'bureau',
  'agencies',
  'correspondant',
  'correspondante',
  'corresponsal',
  'correspondente',
  'corrispondente',
  'redacción',
  'redação',
  'rédaction',
  'redazione',
  'redaktion',
  'redactie',
  'корреспондент',
  'кореспондент',
  'mwandishi',
  'संवाददाता',
  'نمائندہ',
  'نمائندو',
  'مراسل',
];

/**
 * A newsroom (`Redacción EFE`, `Rédaction AFP`): a credit that names no writer, so the byline is
 * null. Lower-cased, compared with a credit's first word.
 */
export const NEWSROOM_CREDIT_WORDS: readonly string[] = [
  'newsroom',
  'redacción',
  'redação',
  'rédaction',
  'redazione',
  'redaktion',
  'redactie',
  'redakcja',
  'редакция',
];

/**
 * Words of a newspaper's section names (`Front Page`, `City News`, `Opinion`), lower-cased: a
 * bare credit-line slot holding one is the section, not a writer. With `CATEGORY_LABELS`.
 */
export const SECTION_WORDS: readonly string[] = [
  'front',
  'page',
  'news',
  'opinion',
  'editorial',
  'comment',
  'letters',
  'sport',
  'sports',
  'world',
  'nation',
  'national',
  'international',
  'city',
  'metro',
  'local',
  'regional',
  'economy',
  'politics',
  'features',
  'weekend',
];

/** Honorifics that open a name and stay in the byline (`Dr Ana Ruiz`, `Mrs Jane Doe`), lower-cased, without their period. */
export const HONORIFIC_WORDS: readonly string[] = [
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'sir',
  'st',
  'fr',
  'sr',
  'jr',
  'prof',
];

/** Lower-case particles allowed inside a name (`Ana de Souza`). */
export const NAME_PARTICLES: readonly string[] = [
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'binti',
  'al',
  'el',
  'la',
  'le',
  'di',
  'du',
  'and',
  '&',
];

/**
 * Words for "and" that join two capitalised words of a publication's name (`Город и Люди`,
 * `Casa y Jardín`, `Haus und Garten`), lower-cased: inside a name read by its capitals from an
 * edition line in an unknown wording, one of them between two capitalised words keeps the name
 * whole. English `and` and `&` are name particles already.
 */
export const NAME_CONJUNCTIONS: readonly string[] = [
  'и',
  'і',
  'та',
  'й',
  'y',
  'e',
  'et',
  'und',
  'en',
  've',
  'i',
  'og',
  'och',
  'és',
  'ja',
  'și',
  'ir',
  'un',
  'dan',
  'và',
];

/**
 * Separators between a dateline's place name and the story (`SEOUL - As …`, `TOKYO -- When …`,
 * `NEW DELHI: The …`, `नई दिल्ली : …`), and a dash glued to an abbreviation's last dot
 * (`ST. JOHN'S, N.L.– Newfoundland's …`).
 */
export const DATELINE_SEPARATORS: readonly string[] = [
  ' -- ',
  ' - ',
  ' – ',
  ' — ',
  ': ',
  '– ',
  '— ',
  // the Spanish agency style, a period glued to a hyphen (`Madrid, 5 abr (EFE).- …`)
  '.- ',
  // the Ethiopic colon and preface colon, with or without a hyphen (`አዲስ አበባ፡- …`, `አዲስ አበባ፦ …`)
  '፡- ',
  '፦- ',
  '፦ ',
];
/** Brackets that set a place off at the very start of a line (`【台北】台北市政府…`). */
export const DATELINE_BRACKETS: readonly (readonly [string, string])[] = [['【', '】']];
/** A period after a place in capitals (`СОФИЯ. Общинският…`): a separator only where no dash or colon follows the place. */
export const DATELINE_PERIOD = '. ';

/**
 * Words for "to" printed between the two days of a week's or a fortnight's issue
 * (`5 au 11 juin 2024`, `5 bis 11. Juni 2024`, `5 al 11 de junio de 2024`), lower-cased.
 */
export const DAY_RANGE_WORDS: readonly string[] = [
  'to',
  'au',
  'bis',
  'al',
  'a',
  'ao',
  'tot',
  'do',
  'till',
  'til',
];

/**
 * Countries whose papers write a numeric date month first (`5/9/2025` is 9 May), as PressReader's
 * credit line names them in parentheses (`The Valley Ledger (USA)`), lower-cased. Every other
 * country named there writes the day first, except those listed as mixed.
 */
export const MONTH_FIRST_COUNTRIES: readonly string[] = [
  'usa',
  'us',
  'u.s.',
  'u.s.a.',
  'united states',
  'philippines',
  'micronesia',
  'palau',
  'marshall islands',
];
/** Countries whose papers print numeric dates in either order: no order is read from them. */
export const MIXED_DATE_ORDER_COUNTRIES: readonly string[] = ['canada'];

/** Month numerals some locales print in dates (`9.XI.2024`, Polish, Czech, Romanian), January first. */
export const ROMAN_MONTHS: readonly string[] = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
];

/**
 * Words for "year" printed after a year that leads a date (`2024 йыл, март`, Bashkir;
 * `2024 й.`), lower-cased: they say nothing a date needs.
 */
export const YEAR_WORDS: readonly string[] = ['йыл', 'й.', 'жыл', 'ж.', 'yil', 'yıl'];

/**
 * Seasons printed as an issue's date (`Winter 2023`, `WINTER 2023`, `Frühjahr 2024`,
 * `Spring/Summer 2023`), lower-cased: a season dates the issue to its year only.
 * ICU has no season names, so they are listed here, for the languages newsstands print them in.
 */
export const SEASON_WORDS: readonly string[] = [
  // en
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  'holiday',
  // de
  'frühling',
  'frühjahr',
  'sommer',
  'herbst',
  // fr
  'printemps',
  'été',
  'automne',
  'hiver',
  // es, pt, it
  'primavera',
  'verano',
  'otoño',
  'invierno',
  'verão',
  'outono',
  'inverno',
  'estate',
  'autunno',
  // nl, sv, da, nb
  'lente',
  'voorjaar',
  'zomer',
  'najaar',
  'vår',
  'sommar',
  'höst',
  'vinter',
  'forår',
  'efterår',
  'høst',
  // et, fi
  'kevad',
  'suvi',
  'sügis',
  'talv',
  'kevät',
  'kesä',
  'syksy',
  'talvi',
];

/**
 * The word for "month" after a month printed as its number (`2023 оны 10-р сар`, Mongolian),
 * lower-cased.
 */
export const MONTH_WORDS: readonly string[] = ['сар', 'tháng'];

/**
 * The Ethiopian calendar's months as Ethiopic script prints them (spelling variants included),
 * with their number: twelve of 30 days, then Pagume of 5 or 6. A date in them carries the era
 * suffix `ዓ.ም` (`የካቲት 23 ቀን 2016 ዓ.ም.`) and is converted to the Gregorian date by arithmetic.
 */
export const ETHIOPIAN_MONTHS: ReadonlyMap<string, number> = new Map([
  ['መስከረም', 1],
  ['ጥቅምት', 2],
  ['ኅዳር', 3],
  ['ህዳር', 3],
  ['ታኅሣሥ', 4],
  ['ታህሳስ', 4],
  ['ታሕሳስ', 4],
  ['ጥር', 5],
  ['የካቲት', 6],
  ['መጋቢት', 7],
  ['ሚያዝያ', 8],
  ['ሚያዚያ', 8],
  ['ግንቦት', 9],
  ['ሰኔ', 10],
  ['ሐምሌ', 11],
  ['ሃምሌ', 11],
  ['ነሐሴ', 12],
  ['ነሀሴ', 12],
  ['ጳጉሜ', 13],
  ['ጳጉሜን', 13],
]);
/**
 * The Bikram Sambat calendar's months (Nepal) as Devanagari prints them, spelling variants
 * included, with their number (Baisakh is the first). Each begins in the middle of the same
 * Gregorian month every year (Baisakh in April … Chaitra in March), so a month and year are
 * dated by the Gregorian month the month begins in; a day needs the year's tables and is not read.
 */
export const BIKRAM_SAMBAT_MONTHS: ReadonlyMap<string, number> = new Map([
  ['बैशाख', 1],
  ['वैशाख', 1],
  ['जेठ', 2],
  ['जेष्ठ', 2],
  ['असार', 3],
  ['आषाढ', 3],
  ['साउन', 4],
  ['श्रावण', 4],
  ['भदौ', 5],
  ['भाद्र', 5],
  ['असोज', 6],
  ['आश्विन', 6],
  ['कात्तिक', 7],
  ['कार्तिक', 7],
  ['मंसिर', 8],
  ['मङ्सिर', 8],
  ['पुस', 9],
  ['पौष', 9],
  ['माघ', 10],
  ['फागुन', 11],
  ['फाल्गुन', 11],
  ['चैत', 12],
  ['चैत्र', 12],
]);

/**
 * The Solar Hijri calendar's months (Iran, Afghanistan's Persian press) as Persian prints them,
 * with their number (Farvardin is the first), each also in the Arabic letters yeh and kaf that some
 * pages type for Persian's own (`فروردين`). Farvardin begins on 21 March; a month straddles two
 * Gregorian months, so a month and year are dated by the Gregorian year the month begins in (Dey,
 * the tenth, begins in late December; Bahman and Esfand in the next Gregorian year).
 */
export const SOLAR_HIJRI_MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['فروردین', 1],
      ['اردیبهشت', 2],
      ['خرداد', 3],
      ['تیر', 4],
      ['مرداد', 5],
      ['امرداد', 5],
      ['شهریور', 6],
      ['مهر', 7],
      ['آبان', 8],
      ['آذر', 9],
      ['دی', 10],
      ['بهمن', 11],
      ['اسفند', 12],
    ] as const
  ).flatMap(([name, n]) => {
    const arabic = name.replaceAll('ی', 'ي').replaceAll('ک', 'ك');
    return arabic === name ? [[name, n] as const] : [[name, n] as const, [arabic, n] as const];
  }),
);

/** The Ethiopian era's suffix after the year (`2016 ዓ.ም.`), and the word for "day" after the day (`23 ቀን`). */
export const ETHIOPIAN_ERA_SUFFIXES: readonly string[] = ['ዓ.ም.', 'ዓ.ም', 'ዓ/ም'];
export const ETHIOPIAN_DAY_WORD = 'ቀን';

/**
 * Words for "month" and "year" printed before the month name or the year, glued in a script
 * written without spaces between words (Khmer `ខែមីនា ឆ្នាំ២០២៤`, "month March, year 2024").
 */
export const DATE_PART_MARKERS: readonly string[] = ['ខែ', 'ឆ្នាំ'];

/**
 * Calendars that count years from an era (`令和5年3月1日`, Japanese; `民國112年3月1日`, Minguo):
 * the era's name as printed and the Gregorian year of its first year (`元年`, year one).
 * Months and days are the Gregorian ones in both. Calendars whose months differ from the
 * Gregorian ones (Ethiopian, Bikram Sambat) need day tables and are not converted.
 */
export const CALENDAR_ERAS: readonly { name: string; firstYear: number }[] = [
  { name: '令和', firstYear: 2019 },
  { name: '平成', firstYear: 1989 },
  { name: '昭和', firstYear: 1926 },
  { name: '民國', firstYear: 1912 },
  { name: '民国', firstYear: 1912 },
];

/** Issue numbers printed where a date would be (`Issue 17, 2023`, `Issue 231`): the words before the number. */
export const ISSUE_WORDS: readonly string[] = [
  'issue',
  'edition',
  'no.',
  'no',
  'nr.',
  'nr',
  'nº',
  'n°',
  'n.º',
  'vol.',
  'volume',
  'number',
  // the same mark in other languages, where an issue's number stands (`Núm. 2087`, `č. 2087`)
  'núm.',
  'núm',
  'num.',
  'nro.',
  'nro',
  'n.',
  'nr.º',
  'número',
  'numero',
  'numer',
  'číslo',
  'č.',
  'sz.',
  'αρ.',
  'τεύχος',
  'số',
  'sayı',
];

/**
 * Labels of a credits line (`Text: Ana Ruiz, Photos: Rui Gaudêncio`,
 * `Tekst: Jan de Vries / Foto: Eva Smit`), lower-cased. A label naming one of
 * these (`Text and photos:`) credits the writer; one naming only a photo word
 * credits someone else. Photo words are stems (`foto` covers `fotos`, `fotoğraflar`).
 */
export const CREDIT_LABELS = {
  writer: [
    'text',
    'texte',
    'texto',
    'textos',
    'tekst',
    'testo',
    'words',
    'word',
    'story',
    'report',
    'reporting',
    'interview',
    'author',
    'autor',
    'autora',
    'autorka',
    'yazı',
    'haber',
    'текст',
    'автор',
    'نص',
    'כתב',
    'טקסט',
    // scripts without case: the label is glued to the name by a full-width `／` or `：` (`文／Name`, `撰文／Name`)
    '文',
    '撰文',
    '文字',
    '记者',
    '記者',
    '글',
    '取材',
    'เรื่อง',
  ],
  photo: [
    'photo',
    'foto',
    'fotoğraf',
    'fot.',
    'zdjęci',
    'bild',
    'kuva',
    'picture',
    'image',
    'illustr',
    'ilustr',
    'styling',
    'video',
    'фото',
    'تصوير',
    'צילום',
    '攝影',
    '摄影',
    '写真',
    '사진',
    'ภาพ',
  ],
} as const;
