import { afterEach, describe, expect, it } from 'vitest';
import { ingestPage, type ParseFunction } from '../../src/ingest/ingest.js';
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

describe('ingestPage', () => {
  it('tells the store more ingests follow while others are still being parsed', async () => {
    const { repository, hints } = recordingRepository();
    const outcomes = await Promise.all(
      PAGES.map((body) =>
        ingestPage(repository, { body, contentType: 'text/plain', sourceUrl: null }, { parse: slowParse }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['created', 'created', 'created']);
    expect(hints).toEqual([true, true, false]);
  });

  it('never tells a writer that awaits each ingest to wait for company', async () => {
    const { repository, hints } = recordingRepository();
    for (const body of PAGES) {
      await ingestPage(
        repository,
        { body, contentType: 'text/plain', sourceUrl: null },
        { parse: slowParse },
      );
    }
    expect(hints).toEqual([false, false, false]);
  });
});
