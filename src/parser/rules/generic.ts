/**
 * Generic vocabulary: shapes that hold in every UI language, used as the
 * fallback when a page's strings are not in any locale file.
 */

/** One printed price: `$149.99`, `₹ 1,272.74`, `US$ 5`. A line may glue two (old and new price) and add a `/Year` suffix. */
export const PRICE = /^(?:US|A|C|S|NZ)?[$€£₹¥] ?\d[\d,.]{0,19}$/u;

/** Currency symbols that open a price. */
export const CURRENCY_SYMBOLS: readonly string[] = ['$', '€', '£', '₹', '¥'];

/** Longest per-period suffix of a price (`/Año`, `/Year`). */
export const PRICE_PERIOD_MAX_CHARS = 12;

/** `1 min read`, `10+ min  |`, `4 mins`, `2 min.`: a reading time on its own line. */
export const READING_TIME_LINE = /^\d{1,3}\+? ?(?:min|mins|minute|minutes)\.?(?: read)? *\|?$/iu;

/** Untranslated reading-time labels (alt text of the clock icon). */
export const READING_TIME_LABELS: readonly string[] = ['time-read', 'time to read', 'reading time'];

/** `Try GOLD - Free` in an unknown language: three short words around a dash. */
export const TRY_GOLD_SHAPE = /^\S{1,15} \S{1,15} - \S{1,15}$/u;

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
];

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

/** Separators between a dateline's place name and the story (`SEOUL - As …`). */
export const DATELINE_SEPARATORS: readonly string[] = [' - ', ' – ', ' — '];
