/**
 * Captures of one story as the newsstands damage them, built from a story's body: what
 * `npm run measure:stories` and test/storage/story-signature.test.ts hold the story
 * fingerprint (src/storage/story-signature.ts) to.
 */

/** The capture stops halfway through the last paragraph (at a word boundary). */
export function cutLastLine(paragraphs: readonly string[]): string[] {
  const last = paragraphs.at(-1) ?? '';
  const words = last.split(' ');
  const kept = words.slice(0, Math.max(1, Math.floor(words.length / 2))).join(' ');
  return [...paragraphs.slice(0, -1), kept];
}

/** Drop-cap damage to the first word: the big first letter lost, doubled, split off, or the word lower-cased. */
export const DROP_CAP_DAMAGE = {
  'first letter lost': (first: string) => first.slice(1),
  'first letter doubled': (first: string) => `${first.charAt(0)}${first}`,
  'first letter split off': (first: string) => `${first.charAt(0)} ${first.slice(1)}`,
  'first word lower-cased': (first: string) => first.replace(/^\S+/u, (word) => word.toLowerCase()),
} as const;

export type DropCapDamage = keyof typeof DROP_CAP_DAMAGE;

export function damageDropCap(paragraphs: readonly string[], damage: DropCapDamage): string[] {
  const [first = '', ...rest] = paragraphs;
  return [DROP_CAP_DAMAGE[damage](first), ...rest];
}

/** Every damaged capture of a body, named. */
export function storyVariants(paragraphs: readonly string[]): { name: string; paragraphs: string[] }[] {
  return [
    { name: 'last line cut', paragraphs: cutLastLine(paragraphs) },
    ...(Object.keys(DROP_CAP_DAMAGE) as DropCapDamage[]).map((damage) => ({
      name: damage,
      paragraphs: damageDropCap(paragraphs, damage),
    })),
    {
      name: 'last line cut and first letter lost',
      paragraphs: damageDropCap(cutLastLine(paragraphs), 'first letter lost'),
    },
  ];
}
