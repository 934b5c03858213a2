/** The re-parse comparison (src/storage/parse-comparison.ts): one rule for every engine. */
import { afterEach, describe, expect, it } from 'vitest';
import { openRepository } from '../../src/storage/open.js';
import { parseUnchanged, type StoredParse } from '../../src/storage/parse-comparison.js';
import type { PageWithStory, Repository } from '../../src/storage/repository.js';
import { page, record } from '../helpers/records.js';

const open: Repository[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((repository) => repository.close()));
});

/** `parsed` stored through a real repository and read back as the comparison's stored side. */
async function stored(parsed: PageWithStory): Promise<StoredParse> {
  const { repository } = await openRepository({ location: ':memory:' });
  open.push(repository);
  const { article } = await repository.ingest(record(parsed));
  const edition = await repository.getArticleEdition(article.id);
  const teasers = await repository.listArticleTeasers(article.id, { limit: 100 });
  if (!edition || !teasers) throw new Error('stored article incomplete');
  return { article, edition, teasers: teasers.items };
}

const original = page({
  title: 'Whales return',
  teasers: [{ title: 'Inside: the harbour', summary: 'A walk along the quay' }],
});

describe('parseUnchanged', () => {
  it('holds for the page an article was stored from, whatever the store added (ids, times, links)', async () => {
    const before = await stored(original);
    expect(parseUnchanged(before, original)).toBe(true);
    const restamped: StoredParse = {
      ...before,
      article: { ...before.article, id: 999, ingestedAt: '2030-01-01T00:00:00.000Z', parserVersion: '0.0.1' },
      teasers: before.teasers.map((teaser) => ({ ...teaser, linkedArticleId: 7 })),
    };
    expect(parseUnchanged(restamped, original)).toBe(true);
  });

  it('compares the publication by key: another spelling of the same name is no change', async () => {
    const before = await stored(original);
    const respelled = page({
      title: 'Whales return',
      edition: { publication: 'THE STRAITS TIMES' },
      teasers: [{ title: 'Inside: the harbour', summary: 'A walk along the quay' }],
    });
    expect(parseUnchanged(before, respelled)).toBe(true);
  });

  it('fails for any field the parser decides: story, locale, edition, teasers', async () => {
    const before = await stored(original);
    const changes: PageWithStory[] = [
      page({ title: 'Whales return!', teasers: original.teasers }),
      page({ title: 'Whales return', paragraphs: ['Other text.'], teasers: original.teasers }),
      page({ title: 'Whales return', pageLocale: 'de', teasers: original.teasers }),
      page({ title: 'Whales return', edition: { date: '2024-10-24' }, teasers: original.teasers }),
      page({ title: 'Whales return', edition: null, teasers: original.teasers }),
      page({ title: 'Whales return', teasers: [{ title: 'Inside: the harbour', summary: null }] }),
      page({ title: 'Whales return', teasers: [] }),
    ];
    for (const changed of changes) expect(parseUnchanged(before, changed)).toBe(false);
  });

  it('fails when the stored side is incomplete (null): the new parse is written', () => {
    expect(parseUnchanged(null, original)).toBe(false);
  });
});
