import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectPageFiles } from '../../src/cli/commands/import.js';
import { sha256Hex } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { cli, PAGES_DIR, SEED_PAGE, scratchDirs } from './io.js';

const scratch = scratchDirs();

const fixtureIds = readdirSync(PAGES_DIR).sort();

function summaryCounts(stdout: string): Record<string, number> {
  const match = /^ingested (\d+), duplicates (\d+), no story (\d+), errors (\d+)$/m.exec(stdout);
  if (!match) throw new Error(`no summary in ${JSON.stringify(stdout)}`);
  const [ingested, duplicates, noStory, errors] = match.slice(1).map(Number);
  return { ingested: ingested!, duplicates: duplicates!, noStory: noStory!, errors: errors! };
}

describe('masthead import', () => {
  it('ingests every fixture page, then finds them all again as duplicates', async () => {
    const database = join(scratch(), 'db', 'masthead.db');
    const withoutStory = fixtureIds.filter(
      (id) =>
        parseSubmission({
          body: readFileSync(join(PAGES_DIR, id, 'raw.txt'), 'utf8'),
          contentType: 'text/plain',
          sourceUrl: null,
        }).story === null,
    ).length;
    expect(withoutStory).toBeGreaterThan(0); // listing pages are among the fixtures

    const first = await cli(['import', PAGES_DIR, '--database', database]);
    expect(first.code).toBe(0);
    const counts = summaryCounts(first.stdout);
    expect(counts).toEqual({
      ingested: fixtureIds.length - withoutStory,
      duplicates: 0,
      noStory: withoutStory,
      errors: 0,
    });
    // Not a terminal: a plain progress line per 5%, ending with the total.
    expect(first.stderr).toContain(`importing ${fixtureIds.length} files into ${database}\n`);
    expect(first.stderr).toContain(`\n${fixtureIds.length}/${fixtureIds.length}\n`);
    expect(first.stderr).not.toContain('\r');

    const again = await cli(['import', PAGES_DIR, '-d', database]);
    expect(again.code).toBe(0);
    expect(summaryCounts(again.stdout)).toEqual({
      ingested: 0,
      duplicates: counts.ingested,
      noStory: withoutStory,
      errors: 0,
    });
  });

  it('stores the page as sent, with the url of the source.json beside a raw.txt', async () => {
    const database = join(scratch(), 'masthead.db');
    const id = fixtureIds.find((candidate) => {
      const source = JSON.parse(readFileSync(join(PAGES_DIR, candidate, 'source.json'), 'utf8')) as {
        url: unknown;
      };
      return typeof source.url === 'string' && candidate !== '006-nb-listing-globalmovie-page8';
    })!;
    const page = join(PAGES_DIR, id, 'raw.txt');
    const { url } = JSON.parse(readFileSync(join(PAGES_DIR, id, 'source.json'), 'utf8')) as { url: string };

    const result = await cli(['import', join(PAGES_DIR, id), SEED_PAGE, '-d', database]);
    expect(result.code).toBe(0);
    expect(summaryCounts(result.stdout).ingested).toBe(2);

    const repository = createSqliteRepository(database);
    try {
      const found = await repository.findArticleByDocumentHash(sha256Hex(readFileSync(page, 'utf8')));
      expect(found?.article.sourceUrl).toBe(url);
      const seed = (await repository.findArticleByDocumentHash(sha256Hex(readFileSync(SEED_PAGE, 'utf8'))))
        ?.article;
      expect(seed?.sourceUrl).toBeNull(); // its source.json has "url": null
      expect(seed?.dateline).toBe('SEOUL');
    } finally {
      await repository.close();
    }
  });

  it('reports a file that is not UTF-8 as an error with its path, imports the rest and exits 1', async () => {
    const dir = scratch();
    copyFileSync(SEED_PAGE, join(dir, 'good.txt'));
    writeFileSync(
      join(dir, 'bad.txt'),
      Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]),
    );
    writeFileSync(join(dir, 'notes.md'), 'not a page: ignored');
    const result = await cli(['import', dir, '-d', join(dir, 'masthead.db')]);
    expect(result.code).toBe(1);
    expect(summaryCounts(result.stdout)).toEqual({ ingested: 1, duplicates: 0, noStory: 0, errors: 1 });
    expect(result.stdout).toContain(`  error: ${join(dir, 'bad.txt')}: not valid UTF-8\n`);
  });

  it('reads .html and .htm as HTML, and descends into sub-folders only with --recursive', async () => {
    const dir = scratch();
    const raw = readFileSync(SEED_PAGE, 'utf8');
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'top.htm'), `<p>${raw.split('\n').join('</p>\n<p>')}</p>`);
    copyFileSync(SEED_PAGE, join(dir, 'nested', 'deeper', 'seed.txt'));
    const database = join(dir, 'masthead.db');

    expect(collectPageFiles([dir], false).files).toEqual([join(dir, 'top.htm')]);
    expect(collectPageFiles([dir], true).files).toEqual([
      join(dir, 'nested', 'deeper', 'seed.txt'),
      join(dir, 'top.htm'),
    ]);

    const flat = await cli(['import', dir, '-d', database]);
    expect(summaryCounts(flat.stdout)).toEqual({ ingested: 1, duplicates: 0, noStory: 0, errors: 0 });
    const deep = await cli(['import', dir, '--recursive', '-d', database]);
    expect(summaryCounts(deep.stdout)).toEqual({ ingested: 1, duplicates: 1, noStory: 0, errors: 0 });
  });

  it('exits 2 for a path that does not exist, a folder without pages, or no path at all', async () => {
    const dir = scratch();
    const database = join(dir, 'masthead.db');
    const missing = await cli(['import', join(dir, 'nope'), '-d', database]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`masthead: ${join(dir, 'nope')}: no such file or folder\n`);

    const empty = await cli(['import', dir, '-d', database]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no .txt, .html or .htm files');

    const none = await cli(['import']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument 'paths'");
  });

  it('takes the database from DATABASE_PATH when --database is not given', async () => {
    const database = join(scratch(), 'from-env.db');
    const result = await cli(['import', SEED_PAGE], { env: { DATABASE_PATH: database } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`into ${database}`);
    expect(readdirSync(join(database, '..'))).toContain('from-env.db');
  });

  it('draws a bar on a terminal', async () => {
    const database = join(scratch(), 'masthead.db');
    let clock = 0;
    const chunks: string[] = [];
    const result = await cli(['import', PAGES_DIR, '-d', database], {
      stderr: { isTTY: true, write: (text: string) => chunks.push(text) },
      now: () => (clock += 50),
    });
    expect(result.code).toBe(0);
    const stderr = chunks.join('');
    expect(stderr).toContain(
      `\r[##############################] ${fixtureIds.length}/${fixtureIds.length}\x1b[K\n`,
    );
    // At most one redraw per 100 ms: the clock advances 50 ms a call.
    const redraws = stderr.split('\r').length - 1;
    expect(redraws).toBeLessThan(fixtureIds.length);
  });
});
