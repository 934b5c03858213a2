/**
 * One story, many captures: pages parsed and stored through the ingest path get the same
 * `storyId` when they carry the same story (another UI language, a capture cut short, drop-cap
 * damage), and different ones when they carry different stories of the same edition.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPage, type IngestOutcome } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { reparseStored } from '../../src/ingest/reparse.js';
import type { ArticleRecord, Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { fixtureText } from '../helpers/app.js';

const HDB = '122-id-straitstimes-hdb-cooling-pilot';

/** The Indonesian Magzter chrome of the HDB page, in English: the same capture under another UI language. */
const HDB_CHROME_IN_ENGLISH: [string, string][] = [
  ['Coba EMAS - Gratis', 'Try GOLD - Free'],
  [
    'Cerita ini berasal dari edisi August 04, 2025 dari The Straits Times.',
    'This story is from the August 04, 2025 edition of The Straits Times.',
  ],
  [
    'Berlangganan Magzter GOLD untuk mengakses ribuan cerita premium pilihan, dan 9.000+ majalah dan surat kabar.',
    'Subscribe to Magzter GOLD to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
  ],
  ['Sudah berlangganan? Masuk', 'Already a subscriber? Sign In'],
  ['Lebih banyak cerita dari The Straits Times', 'More stories from The Straits Times'],
];

function inEnglish(raw: string): string {
  return HDB_CHROME_IN_ENGLISH.reduce((text, [from, to]) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  }, raw);
}

let repository: Repository | undefined;
afterEach(async () => {
  await repository?.close();
  repository = undefined;
});

function open(): Repository {
  repository = createSqliteRepository(':memory:');
  return repository;
}

async function store(target: Repository, body: string): Promise<ArticleRecord> {
  const outcome: IngestOutcome = await ingestPage(target, {
    body,
    contentType: 'text/plain',
    sourceUrl: null,
  });
  if (outcome.kind === 'no-story') throw new Error('no story');
  expect(outcome.kind).toBe('created');
  return outcome.article;
}

describe('story ids at ingest', () => {
  it('gives a page captured under two UI languages, cut short, or with its drop cap damaged one story id', async () => {
    const target = open();
    const raw = fixtureText(HDB);
    const indonesian = await store(target, raw);
    const english = await store(target, inEnglish(raw));
    // the capture stops in the middle of the story's last line
    const cut = await store(target, raw.slice(0, raw.indexOf('allowing researchers')));
    const lostDropCap = await store(target, raw.replace('SINGAPORE - Residents', 'INGAPORE - Residents'));
    const doubledDropCap = await store(
      target,
      raw.replace('SINGAPORE - Residents', 'SSINGAPORE - Residents'),
    );

    expect(indonesian.pageLocale).toBe('id');
    expect(english.pageLocale).toBe('en');
    expect(indonesian.storyId).toBe(indonesian.id);
    for (const capture of [english, cut, lostDropCap, doubledDropCap]) {
      expect(capture.storyId).toBe(indonesian.id);
    }
  });

  it('keeps two different stories of the same edition apart', async () => {
    const target = open();
    const first = await store(target, fixtureText('146-en-autocarindia-back-to-the-future'));
    const second = await store(target, fixtureText('125-ru-autocarindia-curvv-ev-long-term'));
    expect(first.edition?.id).toBe(second.edition?.id);
    expect(first.storyId).toBe(first.id);
    expect(second.storyId).toBe(second.id);
  });

  it('lists the other captures of the story on each article, oldest first', async () => {
    const target = open();
    const raw = fixtureText(HDB);
    const indonesian = await store(target, raw);
    const english = await store(target, inEnglish(raw));
    await store(target, fixtureText('146-en-autocarindia-back-to-the-future'));

    const read = await target.getArticle(indonesian.id);
    expect(read?.captures).toEqual([
      {
        articleId: english.id,
        platform: 'magzter',
        pageLocale: 'en',
        publication: 'The Straits Times',
        editionDate: '2025-08-04',
      },
    ]);
    expect((await target.getArticle(english.id))?.captures.map((c) => c.articleId)).toEqual([indonesian.id]);
  });

  it('moves an article to the story its re-parsed body belongs to', async () => {
    const target = open();
    const raw = fixtureText(HDB);
    const original = await store(target, raw);
    const other = await store(target, fixtureText('146-en-autocarindia-back-to-the-future'));
    expect(other.storyId).toBe(other.id);
    // a parser that now reads the second page's document as the HDB story
    const hdbPage = parseSubmission({ body: raw, contentType: 'text/plain', sourceUrl: null });
    const summary = await reparseStored(target, { all: true, parse: async () => hdbPage });
    expect(summary.updated).toBe(1);
    expect((await target.getArticle(other.id))?.storyId).toBe(original.id);
    expect((await target.getArticle(original.id))?.storyId).toBe(original.id);
  });
});
