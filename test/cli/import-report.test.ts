import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, LISTING_PAGE, PAGES_DIR, SEED_PAGE, scratchDirs } from './io.js';

const scratch = scratchDirs();

/** A fixture folder copied as a user would have it: the page and its side files. */
function fixtureCopy(root: string): string {
  const folder = join(root, 'pages');
  mkdirSync(folder);
  copyFileSync(SEED_PAGE, join(folder, 'seed.txt'));
  copyFileSync(LISTING_PAGE, join(folder, 'listing.txt'));
  copyFileSync(join(PAGES_DIR, '000-de-seed', 'expected.json'), join(folder, 'expected.json'));
  copyFileSync(join(PAGES_DIR, '000-de-seed', 'source.json'), join(folder, 'source.json'));
  return folder;
}

describe('masthead import reports which files did what', () => {
  it('--verbose names every file with its outcome, no-story ones included', async () => {
    const root = scratch();
    const folder = fixtureCopy(root);
    const result = await cli([
      'import',
      join(folder, 'seed.txt'),
      join(folder, 'listing.txt'),
      '-d',
      join(root, 'm.db'),
      '--verbose',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/created article 1: .*seed\.txt/);
    expect(result.stderr).toMatch(/no story: .*listing\.txt/);
  });

  it('--summary writes every file with its outcome as JSON', async () => {
    const root = scratch();
    const folder = fixtureCopy(root);
    const summaryPath = join(root, 'summary.json');
    const result = await cli([
      'import',
      join(folder, 'seed.txt'),
      join(folder, 'listing.txt'),
      '-d',
      join(root, 'm.db'),
      '--summary',
      summaryPath,
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
    expect(summary.counts).toMatchObject({ ingested: 1, no_story: 1, errors: 0 });
    expect(summary.files).toEqual([
      expect.objectContaining({ path: join(folder, 'seed.txt'), outcome: 'created', article_id: 1 }),
      expect.objectContaining({ path: join(folder, 'listing.txt'), outcome: 'no-story' }),
    ]);
  });

  it('a JSON document is never stored as an article without a warning naming it', async () => {
    const root = scratch();
    const file = join(root, 'page.txt');
    writeFileSync(file, JSON.stringify({ text: readFileSync(SEED_PAGE, 'utf8') }));
    const result = await cli(['import', file, '-d', join(root, 'm.db')]);
    expect(result.stderr).toMatch(
      new RegExp(`warning: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*JSON`),
    );
  });

  it('the fixture side files (expected.json, source.json) are skipped with --skip-fixture-files, reported otherwise', async () => {
    const root = scratch();
    const folder = fixtureCopy(root);
    const files = ['seed.txt', 'expected.json', 'source.json'].map((name) => join(folder, name));
    const skipped = await cli([
      'import',
      ...files,
      '-d',
      join(root, 'a.db'),
      '--skip-fixture-files',
      '--verbose',
    ]);
    expect(skipped.stdout).toMatch(/^ingested 1, duplicates 0, no story 0, errors 0/m);
    expect(skipped.stderr).toMatch(/skipped 2 fixture side files/);

    const asked = await cli(['import', ...files, '-d', join(root, 'b.db')]);
    expect(asked.stderr).toMatch(/warning: .*expected\.json: .*JSON/);
    expect(asked.stderr).toMatch(/warning: .*source\.json: .*JSON/);
  });
});
