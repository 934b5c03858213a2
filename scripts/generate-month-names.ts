/**
 * Writes `src/parser/rules/months.ts`: the month names newsstands print in header dates, in
 * the languages below, read from ICU through `Intl` (long, short, standalone and the forms
 * used inside a date: `marca`, `Μαρτίου`, `במרץ`). The parser reads the committed table, not
 * `Intl`, so its output does not move with the ICU of the Node that runs it. A word two
 * languages give to different months (`listopad`: November in Czech, October in Croatian)
 * is left out. Run: `npx tsx scripts/generate-month-names.ts && npx prettier --write src/parser/rules/months.ts`.
 */

import { writeFileSync } from 'node:fs';

const LANGUAGES = [
  'af',
  'ar',
  'ar-SY',
  'ar-MA',
  'az',
  'ba',
  'bg',
  'bn',
  'br',
  'bs',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'es',
  'et',
  'eo',
  'eu',
  'fa',
  'fi',
  'fil',
  'fr',
  'ga',
  'gl',
  'gu',
  'he',
  'hi',
  'hr',
  'hu',
  'hy',
  'id',
  'is',
  'it',
  'ka',
  'kk',
  'km',
  'kn',
  'lt',
  'lv',
  'mk',
  'ml',
  'mn',
  'mr',
  'ms',
  'mt',
  'my',
  'nb',
  'ne',
  'nl',
  'nn',
  'pa',
  'pl',
  'pt',
  'pt-PT',
  'rm',
  'ro',
  'ru',
  'si',
  'sk',
  'sl',
  'sq',
  'sr',
  'sr-Latn',
  'sv',
  'sw',
  'ta',
  'te',
  'th',
  'tk',
  'tr',
  'ug',
  'uk',
  'ur',
  'uz',
  'vi',
  'zu',
];

const FORMATS: Intl.DateTimeFormatOptions[] = [
  { month: 'long' },
  { month: 'short' },
  { day: 'numeric', month: 'long', year: 'numeric' },
  { day: 'numeric', month: 'short', year: 'numeric' },
  { month: 'long', year: 'numeric' },
  { month: 'short', year: 'numeric' },
];

const DIGIT = /\p{Nd}/u;

/** The month as printed, with a prefix glued to it (`ב` in `15 במרץ 2022`). */
function monthWords(parts: Intl.DateTimeFormatPart[]): string[] {
  const at = parts.findIndex((p) => p.type === 'month');
  const month = parts[at]?.value.trim() ?? '';
  const before = parts[at - 1]?.type === 'literal' ? (parts[at - 1]?.value ?? '') : '';
  const glued = before.slice(before.lastIndexOf(' ') + 1);
  const words = [month];
  if (glued !== '' && !/[.,/-]/u.test(glued)) words.push(`${glued}${month}`);
  return words;
}

const found = new Map<string, Set<number>>();
for (const language of LANGUAGES) {
  for (const options of FORMATS) {
    const format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC', calendar: 'gregory' });
    for (let month = 1; month <= 12; month++) {
      for (const word of monthWords(format.formatToParts(new Date(Date.UTC(2022, month - 1, 15))))) {
        const key = word.toLowerCase().replace(/\.$/u, '');
        if (key.length < 3 || DIGIT.test(key)) continue;
        const months = found.get(key) ?? new Set<number>();
        months.add(month);
        found.set(key, months);
      }
    }
  }
}

const weekdays = new Set<string>();
for (const language of LANGUAGES) {
  for (const weekday of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat(language, { weekday, timeZone: 'UTC', calendar: 'gregory' });
    // 2 to 8 January 2022: Sunday to Saturday
    for (let day = 2; day <= 8; day++) {
      const key = format
        .format(new Date(Date.UTC(2022, 0, day)))
        .toLowerCase()
        .replace(/[.,،]$/u, '');
      if (key.length >= 3 && !DIGIT.test(key) && !found.has(key)) weekdays.add(key);
    }
  }
}

const entries = [...found]
  .filter(([, months]) => months.size === 1)
  .map(([word, months]) => [word, [...months][0] as number] as const)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const dropped = [...found].filter(([, months]) => months.size > 1).map(([word]) => word);

writeFileSync(
  new URL('../src/parser/rules/months.ts', import.meta.url),
  `/**
 * Month names in ${LANGUAGES.length} languages (${entries.length} words, lower case, no closing dot), for header dates printed
 * in the page's language (\`3. März 2022\`, \`Agosto de 2025\`, \`٣ مارس ٢٠٢٢\`). Generated from ICU by
 * \`scripts/generate-month-names.ts\`; do not edit by hand. English is in \`locales/en.ts\`
 * (\`PRINTED_MONTHS\`). Left out as ambiguous between languages: ${dropped.join(', ')}.
 */
export const WORLD_MONTHS: ReadonlyMap<string, number> = new Map<string, number>([
${entries.map(([w, m]) => `  [${JSON.stringify(w)}, ${m}],`).join('\n')}
]);

/** Weekday names in the same languages (\`Donnerstag, 3. März 2022\`, \`الخميس ٣ مارس ٢٠٢٢\`): said nothing a date needs. */
export const WORLD_WEEKDAYS: ReadonlySet<string> = new Set<string>([
${[...weekdays]
  .sort()
  .map((w) => `  ${JSON.stringify(w)},`)
  .join('\n')}
]);
`,
);
console.log(`${entries.length} month words, ${dropped.length} ambiguous left out`);
