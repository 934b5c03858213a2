/**
 * One story, many captures: a fingerprint of a story's body that the same story keeps when it
 * is captured under another UI language, from another platform, cut short, or with its drop
 * cap damaged, and that another story does not share.
 *
 * MinHash over word shingles: the body is normalised (NFKC, lower case, words only, so case
 * and punctuation do not count), cut into overlapping runs of SHINGLE_WORDS words, and each of
 * SIGNATURE_HASHES hash functions keeps its smallest value over the shingles. The share of
 * equal minima between two signatures estimates the Jaccard similarity of their shingle sets.
 * Damage at the start (a lost, doubled or lower-cased first letter) changes the first few
 * shingles only; a cut last line drops the last ones.
 *
 * Locality-sensitive hashing finds the candidates without a scan: the signature is cut into
 * BANDS bands of ROWS_PER_BAND values; each band hashes to a key, stored per article in an
 * index. Two stories share at least one key with probability 1 − (1 − J^ROWS)^BANDS:
 * 0.9996 at J = 0.47 (about the lowest same-story Jaccard measured: a short story cut in its
 * last line), 0.95 at J = 0.3, 0.08 at J = 0.05 (above the highest between different stories). Two rows
 * per band rather than more: a capture cut short has a low Jaccard but must still be found.
 * A shared key is then confirmed on the whole signature (`compareSignatures`).
 *
 * Pure and engine-independent: any storage adapter computes the same keys.
 */

/** Words per shingle. CJK and Thai characters count as one word each (no spaces to split on). */
export const SHINGLE_WORDS = 3;
export const SIGNATURE_HASHES = 64;
export const BANDS = 32;
export const ROWS_PER_BAND = SIGNATURE_HASHES / BANDS;

/**
 * Below this many shingles (about a dozen words) a body is too short to tell one story from
 * another: it starts a story of its own and is never matched.
 */
export const MIN_SHINGLES = 10;

/**
 * Two captures are one story when the estimated Jaccard similarity of their shingles reaches
 * MATCH_JACCARD, or when the shorter is mostly contained in the longer (a capture cut short)
 * while sharing at least MATCH_JACCARD_FLOOR. Measured (`npm run measure:stories`) on the 67
 * labelled pages with a story: damaged captures of one story have Jaccard ≥ 0.48 and
 * containment ≥ 0.83; different stories Jaccard ≤ 0.03 and containment ≤ 0.09 (with both
 * hold-out sets, 97 pages: ≥ 0.44 and ≥ 0.83 against ≤ 0.03 and ≤ 0.12). The bounds sit
 * between, containment counting only where Jaccard agrees.
 */
export const MATCH_JACCARD = 0.5;
export const MATCH_CONTAINMENT = 0.7;
export const MATCH_JACCARD_FLOOR = 0.25;

export interface StorySignature {
  /** SIGNATURE_HASHES minima, one per hash function. */
  minHashes: Uint32Array;
  /** Distinct shingles of the body: with the Jaccard estimate, what gives containment. */
  shingles: number;
  /** BANDS integer keys (below 2^53), the indexed lookup. */
  bandKeys: number[];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Scripts written without spaces between words: each character is a word. */
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]/u;
/** Inside a word holding such characters: one of them, or a run of anything else (`29`). */
const UNSPACED_PART =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]+/gu;

/** The body's words, normalised: what survives a change of UI language, platform or case. */
export function storyWords(paragraphs: readonly string[]): string[] {
  const words: string[] = [];
  for (const paragraph of paragraphs) {
    for (const match of paragraph.normalize('NFKC').toLowerCase().matchAll(WORD)) {
      const word = match[0];
      if (!UNSPACED_SCRIPT.test(word)) words.push(word);
      else for (const part of word.matchAll(UNSPACED_PART)) words.push(part[0]);
    }
  }
  return words;
}

/** FNV-1a, 32 bits. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** murmur3's finaliser: a well-mixed 32-bit permutation. */
function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One seed per hash function, fixed: signatures stored today compare with those of tomorrow. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_HASHES }, (_, i) => mix32(0x9e3779b9 + i * 0x632be5ab));

/** The signature of a story's body, or null when it is too short to be recognised again. */
export function storySignature(paragraphs: readonly string[]): StorySignature | null {
  // each word hashed once; a shingle's hash combines its words' (no string per shingle)
  const wordHashes = storyWords(paragraphs).map(hashText);
  const shingleHashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= wordHashes.length; i++) {
    let hash = 0x2545f491;
    for (let w = i; w < i + SHINGLE_WORDS; w++) hash = mix32(Math.imul(hash, 0x01000193) ^ wordHashes[w]!);
    shingleHashes.add(hash);
  }
  if (shingleHashes.size < MIN_SHINGLES) return null;
  const minHashes = new Uint32Array(SIGNATURE_HASHES).fill(0xffffffff);
  for (const shingle of shingleHashes) {
    // A shingle's hash is already well mixed: per function, a seed, an odd multiplier and a
    // shift (a bijection) are enough, at a third of a full mix's cost.
    for (let i = 0; i < SIGNATURE_HASHES; i++) {
      const product = Math.imul(shingle ^ SEEDS[i]!, 0x9e3779b1);
      const value = (product ^ (product >>> 15)) >>> 0;
      if (value < minHashes[i]!) minHashes[i] = value;
    }
  }
  return { minHashes, shingles: shingleHashes.size, bandKeys: bandKeys(minHashes) };
}

/** Each band's rows hashed with the band's number, to 53 bits (an exact JS number and SQL integer). */
export function bandKeys(minHashes: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let a = mix32(band + 1);
    let b = mix32(band + 0x51ed27);
    for (let row = 0; row < ROWS_PER_BAND; row++) {
      const value = minHashes[band * ROWS_PER_BAND + row]!;
      a = mix32(a ^ value);
      b = mix32(Math.imul(b, 31) ^ value);
    }
    keys.push(a * 0x200000 + (b & 0x1fffff));
  }
  return keys;
}

/** Share of equal minima: an estimate of the Jaccard similarity of the two shingle sets. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_HASHES; i++) if (a[i] === b[i]) equal += 1;
  return equal / SIGNATURE_HASHES;
}

/**
 * How much of the shorter set the longer holds, from the Jaccard estimate and the set sizes:
 * |A ∩ B| = J (|A| + |B|) / (1 + J).
 */
export function estimatedContainment(jaccard: number, shinglesA: number, shinglesB: number): number {
  const shared = (jaccard * (shinglesA + shinglesB)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(shinglesA, shinglesB));
}

/** How alike two signatures are, and whether that makes them one story. */
export function compareSignatures(
  a: Pick<StorySignature, 'minHashes' | 'shingles'>,
  b: Pick<StorySignature, 'minHashes' | 'shingles'>,
): { jaccard: number; containment: number; same: boolean } {
  const jaccard = estimatedJaccard(a.minHashes, b.minHashes);
  const containment = estimatedContainment(jaccard, a.shingles, b.shingles);
  const same =
    jaccard >= MATCH_JACCARD || (jaccard >= MATCH_JACCARD_FLOOR && containment >= MATCH_CONTAINMENT);
  return { jaccard, containment, same };
}

/** The minima as stored (little-endian bytes), and back. */
export function signatureBytes(minHashes: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(SIGNATURE_HASHES * 4);
  const view = new DataView(bytes.buffer);
  minHashes.forEach((value, i) => view.setUint32(i * 4, value, true));
  return bytes;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array | null {
  if (bytes.byteLength !== SIGNATURE_HASHES * 4) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: SIGNATURE_HASHES }, (_, i) => view.getUint32(i * 4, true));
}
