/**
 * `npm run measure:stories`: how well the story fingerprint (src/storage/story-signature.ts)
 * tells one story from another on the labelled pages. Every page with a story is parsed; its
 * body is compared with damaged captures of itself (same story) and with every other page's
 * body (different stories). Prints the estimated Jaccard and containment of both, and the
 * pairs the match rule gets wrong (there should be none).
 *
 *   npm run measure:stories [-- --dir test/fixtures/holdout]
 */
import { parseArgs } from 'node:util';
import { parsePage } from '../src/parser/index.js';
import { compareSignatures, storySignature, type StorySignature } from '../src/storage/story-signature.js';
import { FIXTURE_PAGES_DIR, loadFixtures } from '../test/helpers/fixtures.js';
import { storyVariants } from './lib/story-variants.js';

const { values } = parseArgs({ options: { dir: { type: 'string', multiple: true } } });
const dirs = values.dir ?? [FIXTURE_PAGES_DIR];

interface Body {
  id: string;
  signature: StorySignature;
  paragraphs: string[];
}

const bodies: Body[] = [];
let tooShort = 0;
for (const dir of dirs) {
  for (const fixture of loadFixtures(dir)) {
    const story = parsePage(fixture.raw, { url: fixture.source.url }).story;
    if (story === null) continue;
    const signature = storySignature(story.paragraphs);
    if (signature === null) tooShort += 1;
    else bodies.push({ id: fixture.id, signature, paragraphs: story.paragraphs });
  }
}

const quantiles = (values: number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(3);
  return `n=${sorted.length} min ${at(0)} p10 ${at(0.1)} median ${at(0.5)} p90 ${at(0.9)} max ${sorted.at(-1)!.toFixed(3)}`;
};

const shareBand = (a: StorySignature, b: StorySignature): boolean =>
  a.bandKeys.some((key) => b.bandKeys.includes(key));

const sameJaccard: number[] = [];
let sameFound = 0;
const sameContainment: number[] = [];
const missed: string[] = [];
const byVariant = new Map<string, number[]>();
for (const body of bodies) {
  for (const variant of storyVariants(body.paragraphs)) {
    const signature = storySignature(variant.paragraphs);
    if (signature === null) {
      missed.push(`${body.id} (${variant.name}): too short`);
      continue;
    }
    const result = compareSignatures(body.signature, signature);
    if (shareBand(body.signature, signature)) sameFound += 1;
    sameJaccard.push(result.jaccard);
    sameContainment.push(result.containment);
    byVariant.set(variant.name, [...(byVariant.get(variant.name) ?? []), result.jaccard]);
    if (!result.same) missed.push(`${body.id} (${variant.name}): J ${result.jaccard.toFixed(3)}`);
  }
}

const otherJaccard: number[] = [];
const otherContainment: number[] = [];
const merged: string[] = [];
let otherCandidates = 0;
for (let i = 0; i < bodies.length; i++) {
  for (let j = i + 1; j < bodies.length; j++) {
    const result = compareSignatures(bodies[i]!.signature, bodies[j]!.signature);
    if (shareBand(bodies[i]!.signature, bodies[j]!.signature)) otherCandidates += 1;
    otherJaccard.push(result.jaccard);
    otherContainment.push(result.containment);
    if (result.same) merged.push(`${bodies[i]!.id} + ${bodies[j]!.id}: J ${result.jaccard.toFixed(3)}`);
  }
}

console.log(`pages with a story body: ${bodies.length} (${tooShort} too short to fingerprint)`);
console.log(`same story (damaged captures), Jaccard:     ${quantiles(sameJaccard)}`);
for (const [name, values] of byVariant) console.log(`  ${name.padEnd(36)} ${quantiles(values)}`);
console.log(`same story, containment:                    ${quantiles(sameContainment)}`);
console.log(`different stories (all pairs), Jaccard:     ${quantiles(otherJaccard)}`);
console.log(`different stories, containment:             ${quantiles(otherContainment)}`);
console.log(`same-story pairs found by a shared band key: ${sameFound}/${sameJaccard.length}`);
console.log(
  `different-story pairs sharing a band key (candidates to confirm): ${otherCandidates}/${otherJaccard.length}`,
);
console.log(`missed (same story not matched): ${missed.length}`);
for (const line of missed) console.log(`  ${line}`);
console.log(`false merges (different stories matched): ${merged.length}`);
for (const line of merged) console.log(`  ${line}`);
process.exitCode = missed.length + merged.length === 0 ? 0 : 1;
