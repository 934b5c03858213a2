import { afterEach, describe, expect, it } from 'vitest';
import { createIngests, ingestPage, type ParseFunction } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import type { Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { fixtureText, SEED_ID } from '../helpers/app.js';

const PAGES = [SEED_ID, '004-en-womansera-hope', '003-ar-indiatoday-micromoguls'].map((id) =>
  fixtureText(id),
);

let inner: Repository | undefined;
afterEach(async () => {
  await inner?.close();
  inner = undefined;
});

/** A repository that notes the hint of every ingest it is asked to store. */
function recordingRepository(): { repository: Repository; hints: boolean[] } {
  inner = createSqliteRepository(':memory:');
  const store = inner;
  const hints: boolean[] = [];
  const repository: Repository = {
    ...store,
    ingest: (record, given) => {
      hints.push(given?.moreFollow ?? false);
      return store.ingest(record, given);
    },
  };
  return { repository, hints };
}

/** Parses in process after a delay: earlier pages take longer, so all three overlap. */
const slowParse: ParseFunction = async (submission) => {
  const index = PAGES.indexOf(submission.body);
  await new Promise((resolve) => setTimeout(resolve, 10 * (index + 1)));
  return parseSubmission(submission);
};

describe('createIngests', () => {
  it('tells the store more ingests follow while others are still being parsed', async () => {
    const { repository, hints } = recordingRepository();
    const ingests = createIngests(repository, { parse: slowParse });
    const outcomes = await Promise.all(
      PAGES.map((body) => ingests.ingest({ body, contentType: 'text/plain', sourceUrl: null })),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['created', 'created', 'created']);
    expect(hints).toEqual([true, true, false]);
  });

  it('never tells a writer that awaits each ingest to wait for company', async () => {
    const { repository, hints } = recordingRepository();
    const ingests = createIngests(repository, { parse: slowParse });
    for (const body of PAGES) await ingests.ingest({ body, contentType: 'text/plain', sourceUrl: null });
    expect(hints).toEqual([false, false, false]);
  });

  it('counts only its own ingests: another set over the same repository is no company', async () => {
    const { repository, hints } = recordingRepository();
    const [first, second] = [createIngests(repository), createIngests(repository, { parse: slowParse })];
    const slow = second.ingest({ body: PAGES[2]!, contentType: 'text/plain', sourceUrl: null });
    await first.ingest({ body: PAGES[0]!, contentType: 'text/plain', sourceUrl: null });
    await slow;
    expect(hints).toEqual([false, false]);
  });
});

describe('ingestPage', () => {
  it('returns the parse it made with every outcome; none when the document was found by its hash', async () => {
    const { repository } = recordingRepository();
    const submission = { body: PAGES[0]!, contentType: 'text/plain' as const, sourceUrl: null };
    const created = await ingestPage(repository, submission);
    expect(created.kind).toBe('created');
    expect(created.page?.edition?.platform).toBe('magzter');
    expect(created.page?.story?.title).toBe(created.kind === 'created' ? created.article.title : undefined);

    const again = await ingestPage(repository, submission);
    expect(again).toMatchObject({ kind: 'existing', page: null });

    const noStory = await ingestPage(repository, {
      body: 'Bereits Abonnent? Anmelden',
      contentType: 'text/plain',
      sourceUrl: null,
    });
    expect(noStory.kind).toBe('no-story');
    expect(noStory.page?.story).toBeNull();
  });

  it('returns the new reading when the same bytes are sent as another media type', async () => {
    const { repository } = recordingRepository();
    // A fragment is not plainly HTML, so text/plain stores it as text, tags and all.
    const fragment = PAGES[0]!
      .split('\n')
      .map((line) => `${line} <br>`)
      .join('\n');
    const first = await ingestPage(repository, {
      body: fragment,
      contentType: 'text/plain',
      sourceUrl: null,
    });
    expect(first.kind).toBe('created');
    const retyped = await ingestPage(repository, {
      body: fragment,
      contentType: 'text/html',
      sourceUrl: null,
    });
    expect(retyped.kind).toBe('existing');
    expect(retyped.kind === 'existing' && first.kind === 'created' && retyped.article.id).toBe(
      first.kind === 'created' && first.article.id,
    );
    expect(retyped.page).not.toBeNull();
    expect(retyped.page?.story?.paragraphs.join('\n')).not.toContain('<br>');
  });

  it('stores the page anew when its article is deleted while the new reading is parsed', async () => {
    const { repository: recording } = recordingRepository();
    const first = await ingestPage(recording, {
      body: PAGES[1]!,
      contentType: 'text/plain',
      sourceUrl: null,
    });
    if (first.kind !== 'created') throw new Error(`not stored: ${first.kind}`);
    // Another client deletes the article between the lookup by hash and the re-read.
    const deleting: Repository = {
      ...recording,
      replaceParse: async (target, page, version) => {
        await recording.deleteArticle(target.articleId);
        return recording.replaceParse(target, page, version);
      },
    };
    const retyped = await ingestPage(deleting, {
      body: PAGES[1]!,
      contentType: 'text/html',
      sourceUrl: null,
    });

    expect(retyped.kind).toBe('created');
    if (retyped.kind !== 'created') return;
    expect(retyped.article.id).not.toBe(first.article.id);
    expect(await recording.getArticle(retyped.article.id)).toMatchObject({ title: retyped.article.title });
    expect(await recording.getArticle(first.article.id)).toBeNull();
  });
});
