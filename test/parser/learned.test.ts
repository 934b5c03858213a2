/**
 * Corpus-learned boilerplate (src/parser/learned.ts): line shapes, their lookup, and the
 * proof that what the corpus learns from the whole fixture set never takes a line of a story.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixture } from '../helpers/fixtures.js';
import { ingestPage } from '../../src/ingest/ingest.js';
import { loadLearned } from '../../src/ingest/learned.js';
import { lineShape, pageShapes, shapeHash } from '../../src/parser/learned.js';
import { parsePage, type LearnedBoilerplate, type ParsedPage } from '../../src/parser/index.js';
import { LEARNED_MAX_SHAPES, LEARNED_MIN_PUBLICATIONS } from '../../src/parser/settings.js';
import type { LearnedShapeRecord, Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';

const HOLDOUT_DIR = fileURLToPath(new URL('../fixtures/holdout/', import.meta.url));
const STRANGER_DIR = fileURLToPath(new URL('../fixtures/holdout-stranger/', import.meta.url));

describe('lineShape', () => {
  it('folds numbers, prices, month names, case and spacing', () => {
    expect(lineShape('Try 7 days  for $1.99')).toBe(lineShape('TRY 14 days for €2,49'));
    expect(lineShape('This story is from the October 23, 2024 edition')).toBe(
      lineShape('This story is from the march 5, 2019 edition'),
    );
    expect(lineShape('Wypróbuj 30 dni za 9,99 zł')).toBe('wypróbuj 0 dni za 0 zł');
    expect(lineShape('A different sentence')).not.toBe(lineShape('Another sentence'));
  });

  it('hashes to a safe integer, the same for the same shape', () => {
    const hash = shapeHash(lineShape('Already a subscriber? Sign in'));
    expect(Number.isSafeInteger(hash)).toBe(true);
    expect(hash).toBe(shapeHash('already a subscriber? sign in'));
    expect(hash).not.toBe(shapeHash('already a subscriber? sign up'));
  });
});

describe('parsePage with learned shapes', () => {
  const page = [
    'A quiet revolution in the fields',
    'Farm Weekly | March 2024',
    'Farmers across the valley have switched to drip irrigation, saving water.',
    'Zarejestruj się za 12 zł i czytaj dalej',
    'The change took three seasons and a cooperative loan to pay for the pipes.',
  ].join('\n');
  const learnedOf = (count: number): LearnedBoilerplate => ({
    shapes: new Map([
      ['', new Map([[shapeHash(lineShape('Zarejestruj się za 99 zł i czytaj dalej')), count]])],
    ]),
  });

  it('removes a line whose shape reached the threshold, with its evidence', () => {
    const plain = parsePage(page);
    expect(plain.story?.paragraphs).toContain('Zarejestruj się za 12 zł i czytaj dalej');
    const out = parsePage(page, { learned: learnedOf(LEARNED_MIN_PUBLICATIONS + 1) });
    expect(out.story?.paragraphs).not.toContain('Zarejestruj się za 12 zł i czytaj dalej');
    expect(out.story?.paragraphs).toHaveLength((plain.story?.paragraphs.length ?? 0) - 1);
    expect(out.removed).toContainEqual({
      text: 'Zarejestruj się za 12 zł i czytaj dalej',
      reason: 'learned-boilerplate',
      evidence: LEARNED_MIN_PUBLICATIONS + 1,
    });
  });

  it('keeps it below the threshold', () => {
    const out = parsePage(page, { learned: learnedOf(LEARNED_MIN_PUBLICATIONS - 1) });
    expect(out).toEqual(parsePage(page));
  });
});

/** Lines the labels call platform text or layout: the only ones learned removal may take. */
function notStory(f: Fixture): Set<string> {
  return new Set([...f.expected.boilerplate_lines, ...f.expected.layout_lines].map((l) => l.trim()));
}

function storyLines(page: ParsedPage): string[] {
  const s = page.story;
  return s === null ? [] : [s.title ?? '', s.deck ?? '', ...s.paragraphs].filter((l) => l !== '');
}

describe('learned boilerplate over the whole fixture set', () => {
  // every labelled page: golden, hold-out and the stranger hold-out (measured, never tuned on)
  const fixtures = [...loadFixtures(), ...loadFixtures(HOLDOUT_DIR), ...loadFixtures(STRANGER_DIR)];
  let repository: Repository;
  let learned: LearnedBoilerplate;
  let shapes: LearnedShapeRecord[];

  beforeAll(async () => {
    repository = createSqliteRepository(':memory:');
    for (const f of fixtures)
      await ingestPage(repository, { body: f.raw, contentType: 'text/plain', sourceUrl: f.source.url });
    learned = await loadLearned(repository);
    shapes = await repository.learnedShapes(2, LEARNED_MAX_SHAPES);
  }, 60_000);
  afterAll(async () => repository.close());

  it('learns shapes from distinct publications', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(68 + 18 + 26);
    const top = shapes.slice(0, 25).map((s) => `${s.publications}\t${s.platform ?? '-'}\t${s.shape}`);
    if (process.env.LEARNED_REPORT) console.log(top.join('\n'));
    expect(shapes.every((s) => s.publications >= 2)).toBe(true);
  });

  it('re-parsing every page with what it learned takes no title, deck or body line', () => {
    const taken: string[] = [];
    const cleaned: string[] = [];
    for (const f of fixtures) {
      const before = parsePage(f.raw, { url: f.source.url });
      const after = parsePage(f.raw, { url: f.source.url, learned });
      const kept = new Set(storyLines(after));
      const allowed = notStory(f);
      for (const line of storyLines(before)) {
        if (kept.has(line)) continue;
        if (allowed.has(line)) cleaned.push(`${f.id}: ${line}`);
        else taken.push(`${f.id}: ${line}`);
      }
      // what learned removal took, it took from lines the rules left as text only
      for (const r of after.removed)
        if (r.reason === 'learned-boilerplate')
          expect(r.evidence).toBeGreaterThanOrEqual(LEARNED_MIN_PUBLICATIONS);
    }
    if (process.env.LEARNED_REPORT) console.log(`platform text taken out of stories:\n${cleaned.join('\n')}`);
    expect(taken).toEqual([]);
  });

  it('counts every line shape of a page once', () => {
    const f = fixtures[0] as Fixture;
    const shapesOfPage = pageShapes(parsePage(f.raw));
    expect(new Set(shapesOfPage.values()).size).toBe(shapesOfPage.size);
  });
});
