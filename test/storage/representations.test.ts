/**
 * Stored representations (migration 014): after every kind of write that changes what an
 * article shows, the representation stored beside each article touched equals, byte for byte,
 * the one built from its rows now. A stale one served would be a data bug.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/ingest/ingest.js';
import { representArticle } from '../../src/http/representations.js';
import { MAX_CAPTURES, type Repository } from '../../src/storage/repository.js';
import { engines } from '../helpers/engines.js';
import { page, record, type PageSpec } from '../helpers/records.js';

const autocar = {
  publication: 'Autocar India',
  date: '2025-03',
  label: 'MARCH 2025',
  platform: 'magzter' as const,
};
const story = (spec: PageSpec = {}) =>
  page({ title: 'Harrier EV: the long-term review', edition: autocar, ...spec });
/** Another page of the same publication whose second teaser announces the story. */
const teasing = (spec: PageSpec = {}) =>
  page({
    title: 'Another story',
    edition: autocar,
    teasers: [{ title: 'Something else' }, { title: 'HARRIER EV — THE LONG-TERM REVIEW!' }],
    ...spec,
  });
/** A body long enough to fingerprint: its captures share a story. */
const WORDS = [
  'harbour',
  'ships',
  'night',
  'shift',
  'cranes',
  'tide',
  'pilot',
  'cargo',
  'fog',
  'quay',
  'rope',
  'gulls',
];
/** A body long enough to fingerprint, its words drawn by `n`: another `n`, another story. */
const body = (n: number) =>
  Array.from({ length: 12 }, (_, i) =>
    Array.from(
      { length: 14 },
      (_, w) => `${WORDS[(n * 7 + i * 5 + w * w * 3) % WORDS.length]}${(n * 31 + i * 17 + w) % 97}`,
    ).join(' '),
  );
const capture = (n: number, spec: PageSpec = {}) =>
  page({ title: `Story ${n}`, paragraphs: body(n), teasers: [], ...spec });

const decode = (bytes: Uint8Array | string) =>
  typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');

describe.each(engines)('stored representations: $name', (engine) => {
  let repository: Repository | undefined;
  afterEach(async () => {
    await repository?.close();
    repository = undefined;
  });

  async function open(): Promise<Repository> {
    if (!engine.available) return Promise.reject(new Error('engine not available'));
    repository = await engine.open({ represent: representArticle });
    return repository;
  }

  /** Every id ever issued: a live article has a stored body equal to the one built now; a deleted one has none. */
  async function expectFresh(repo: Repository, ids: readonly number[], step: string): Promise<void> {
    for (const id of ids) {
      const article = await repo.getArticle(id);
      const stored = await repo.getArticleRepresentation(id);
      if (article === null) {
        expect(stored, `${step}: article ${id} is gone`).toBeNull();
        continue;
      }
      const built = representArticle(article);
      expect(stored, `${step}: article ${id} has a stored representation`).not.toBeNull();
      expect(decode(stored!.body), `${step}: article ${id}`).toBe(built.body);
      expect(stored!.etag, `${step}: article ${id}'s ETag`).toBe(built.etag);
    }
  }

  async function ingest(repo: Repository, body: string, parsed = page()) {
    return (await repo.ingest(record(parsed, body))).article.id;
  }

  it.skipIf(!engine.available)('follows teaser links made and unmade by other pages', async () => {
    const repo = await open();
    const waiting = await ingest(repo, 'teasing first', teasing());
    const target = await ingest(repo, 'the story', story());
    const ids = [waiting, target];
    expect((await repo.getArticle(target))?.teasedBy).toHaveLength(1);
    await expectFresh(repo, ids, 'a waiting teaser linked by the story’s ingest');
    const later = await ingest(repo, 'teasing later', teasing({ title: 'A third story' }));
    ids.push(later);
    expect((await repo.getArticle(target))?.teasedBy).toHaveLength(2);
    await expectFresh(repo, ids, 'a teaser linked by a later ingest');
    const target2 = { articleId: later, documentSha256: sha256Hex('teasing later') };
    expect(await repo.replaceParse(target2, teasing({ title: 'A third story', teasers: [] }), '9.9.9')).toBe(
      'updated',
    );
    await expectFresh(repo, ids, 'a re-parse of a teasing page drops its teaser');
    expect(await repo.deleteArticle(waiting)).toBe(true);
    expect((await repo.getArticle(target))?.teasedBy).toEqual([]);
    await expectFresh(repo, ids, 'a teasing page deleted');
    await ingest(repo, 'teasing again', teasing({ title: 'A fourth story' }));
    const storyTarget = { articleId: target, documentSha256: sha256Hex('the story') };
    expect(await repo.replaceParse(storyTarget, story({ title: 'Another title altogether' }), '9.9.9')).toBe(
      'updated',
    );
    await expectFresh(repo, [...ids, target + 1], 'the story re-parsed under another title: links unmade');
    expect(await repo.deleteArticle(target)).toBe(true);
    await expectFresh(repo, [...ids, target + 1], 'the story deleted');
  });

  it.skipIf(!engine.available)(
    'follows captures of the same story added, changed, moved and deleted',
    async () => {
      const repo = await open();
      const first = await ingest(repo, 'capture en', capture(1));
      const second = await ingest(repo, 'capture fr', capture(1, { pageLocale: 'fr' }));
      const ids = [first, second];
      expect((await repo.getArticle(first))?.captures.map((c) => c.articleId)).toEqual([second]);
      await expectFresh(repo, ids, 'a capture added');
      const secondTarget = { articleId: second, documentSha256: sha256Hex('capture fr') };
      expect(
        await repo.replaceParse(
          secondTarget,
          capture(1, { pageLocale: 'de', edition: { publication: 'Other', date: '2025-04' } }),
          '9.9.9',
        ),
      ).toBe('updated');
      await expectFresh(repo, ids, "a capture's UI language and edition re-parsed");
      expect(await repo.replaceParse(secondTarget, capture(2, { pageLocale: 'de' }), '9.9.9')).toBe(
        'updated',
      );
      expect((await repo.getArticle(first))?.captures).toEqual([]);
      await expectFresh(repo, ids, 'a capture re-parsed into another story');
      const third = await ingest(repo, 'capture of 2', capture(2, { pageLocale: 'it' }));
      ids.push(third);
      await expectFresh(repo, ids, 'a capture of the other story');
      expect(await repo.deleteArticle(second)).toBe(true);
      await expectFresh(repo, ids, 'the first capture of a story deleted');
    },
  );

  it.skipIf(!engine.available)(`follows a story with more than ${MAX_CAPTURES} captures`, async () => {
    const repo = await open();
    const ids: number[] = [];
    for (let i = 0; i < MAX_CAPTURES + 4; i++) {
      ids.push(await ingest(repo, `capture ${i}`, capture(3, { pageLocale: `l${i}` })));
    }
    await expectFresh(repo, ids, 'captures ingested');
    // the last capture listed on most members, the first one listed on none, the newest
    for (const index of [MAX_CAPTURES, MAX_CAPTURES + 1, ids.length - 1]) {
      const target = { articleId: ids[index]!, documentSha256: sha256Hex(`capture ${index}`) };
      expect(await repo.replaceParse(target, capture(3, { pageLocale: 'xx' }), '9.9.9')).toBe('updated');
      await expectFresh(repo, ids, `capture ${index} re-parsed`);
    }
    expect(await repo.deleteArticle(ids[MAX_CAPTURES - 1]!)).toBe(true);
    await expectFresh(repo, ids, `capture ${MAX_CAPTURES - 1} deleted: the next one enters the lists`);
    expect(await repo.deleteArticle(ids[0]!)).toBe(true);
    await expectFresh(repo, ids, 'the story’s first capture deleted');
  });

  it.skipIf(!engine.available)(
    'follows re-parses that change nothing shown but the parser version, and content-type re-reads',
    async () => {
      const repo = await open();
      const id = await ingest(repo, 'plain page', story());
      const target = { articleId: id, documentSha256: sha256Hex('plain page') };
      expect(await repo.replaceParse(target, story(), '10.0.0')).toBe('unchanged');
      expect((await repo.getArticle(id))?.parserVersion).toBe('10.0.0');
      await expectFresh(repo, [id], 'an unchanged re-parse by a new parser');
      expect(
        await repo.replaceParse(
          { ...target, contentType: 'text/html' },
          story({ title: 'Read as HTML' }),
          '10.0.0',
        ),
      ).toBe('updated');
      await expectFresh(repo, [id], 'a content-type re-read');
    },
  );

  it.skipIf(!engine.available)('stores none without a represent function, and GET falls back', async () => {
    repository = await engine.open();
    const id = await ingest(repository, 'no representer', story());
    expect(await repository.getArticleRepresentation(id)).toBeNull();
    expect(await repository.getArticleRepresentation(id + 1000)).toBeNull();
  });
});
