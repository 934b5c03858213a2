/**
 * The story fingerprint on the labelled pages: every damaged capture of a page's story
 * (last line cut, drop cap lost, doubled, split off or lower-cased) is the same story, and no
 * two pages' stories are (the distributions are printed by `npm run measure:stories`).
 */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parser/index.js';
import {
  BANDS,
  compareSignatures,
  MIN_SHINGLES,
  signatureBytes,
  signatureFromBytes,
  storySignature,
  storyWords,
  type StorySignature,
} from '../../src/storage/story-signature.js';
import { loadFixtures } from '../helpers/fixtures.js';
import { storyVariants } from '../../scripts/lib/story-variants.js';

const bodies = loadFixtures().flatMap((fixture) => {
  const story = parsePage(fixture.raw, { url: fixture.source.url }).story;
  const signature = story === null ? null : storySignature(story.paragraphs);
  return story === null || signature === null
    ? []
    : [{ id: fixture.id, paragraphs: story.paragraphs, signature }];
});

const shareBand = (a: StorySignature, b: StorySignature): boolean =>
  a.bandKeys.some((key) => b.bandKeys.includes(key));

describe('storySignature', () => {
  it('fingerprints every labelled page that has a story body', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(60);
  });

  it('finds and confirms every damaged capture of the same story', () => {
    const missed: string[] = [];
    for (const body of bodies) {
      for (const variant of storyVariants(body.paragraphs)) {
        const signature = storySignature(variant.paragraphs);
        if (signature === null || !shareBand(body.signature, signature)) {
          missed.push(`${body.id} (${variant.name}): no shared band key`);
          continue;
        }
        const result = compareSignatures(body.signature, signature);
        if (!result.same) missed.push(`${body.id} (${variant.name}): J ${result.jaccard}`);
      }
    }
    expect(missed).toEqual([]);
  });

  /** Labelled pages that are captures of one story on two platforms (Scribd previews of a PressReader page). */
  const ONE_STORY = [
    '301-pt-pressreader-publico-ciclovias-lisboa + 384-es-scribd-preview-wall',
    '301-pt-pressreader-publico-ciclovias-lisboa + 394-pt-scribd-preview-header-agosto-de-2025',
    '384-es-scribd-preview-wall + 394-pt-scribd-preview-header-agosto-de-2025',
    // one story under a Hindi and a Nepali Zinio UI, and on Magzter and PressReader (golden 903-919)
    '903-hi-zinio-story-devanagari-minutes-text-photos + 919-ne-zinio-story-bikram-sambat-issue',
    '914-am-magzter-dateline-ethiopic-colon-hyphen + 918-am-pressreader-dash-form-no-deck-ethiopic-dateline',
    // one story in two papers: a body-first edition line and a dotted date (golden 1012, 442),
    // one wire story in two Kenyan papers, its dateline and its sign-off (golden 1088, 1097)
    '1012-ru-magzter-body-first-edition-line-publication-with-and-city + 442-ru-magzter-edition-line-dotted-date',
    '1088-en-pressreader-dateline-wire-date-and-agency + 1097-en-pressreader-wire-signoff-names-writer',
    // class pages that reuse one story body under other card and header shapes (golden 1046,
    // 1384, 1385; 1292, 1382)
    '1046-en-magzter-old-cards-last-cut-after-publication + 1384-en-magzter-old-cards-last-cut-inside-title-under-alt',
    '1046-en-magzter-old-cards-last-cut-after-publication + 1385-en-magzter-old-cards-other-publication-last-cut-inside-title',
    '1384-en-magzter-old-cards-last-cut-inside-title-under-alt + 1385-en-magzter-old-cards-other-publication-last-cut-inside-title',
    '1292-tpi-magzter-upsell-tok-pisin-ui-not-tagalog + 1382-en-magzter-newest-layout-issue-name-date-in-bar-slot',
  ];

  it('merges no two different stories of the labelled pages, and the captures of one story', () => {
    const merged: string[] = [];
    for (let i = 0; i < bodies.length; i++) {
      for (let j = i + 1; j < bodies.length; j++) {
        const a = bodies[i]!;
        const b = bodies[j]!;
        if (compareSignatures(a.signature, b.signature).same) merged.push(`${a.id} + ${b.id}`);
      }
    }
    expect(merged.sort()).toEqual([...ONE_STORY].sort());
  });

  it('ignores case, punctuation and spacing, and splits unspaced scripts into characters', () => {
    expect(storyWords(['SEOUL - As evidence   mounts,', 'of “plans”.'])).toEqual([
      'seoul',
      'as',
      'evidence',
      'mounts',
      'of',
      'plans',
    ]);
    expect(storyWords(['今年29岁'])).toEqual(['今', '年', '29', '岁']);
  });

  it('gives no signature to a body too short to recognise', () => {
    expect(storySignature(['Read more.'])).toBeNull();
    const words = Array.from({ length: MIN_SHINGLES + 2 }, (_, i) => `word${i}`).join(' ');
    expect(storySignature([words])?.bandKeys).toHaveLength(BANDS);
  });

  it('stores as bytes and reads back the same minima', () => {
    const signature = bodies[0]!.signature;
    expect(signatureFromBytes(signatureBytes(signature.minHashes))).toEqual(signature.minHashes);
    expect(signatureFromBytes(new Uint8Array(3))).toBeNull();
  });
});
