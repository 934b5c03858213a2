import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDatabase } from '../../scripts/generate-db.js';
import { representArticle } from '../../src/http/representations.js';
import { loadLearned } from '../../src/ingest/learned.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import type { LearnedBoilerplate } from '../../src/parser/types.js';
import { PARSER_VERSION } from '../../src/parser/version.js';
import { openRepository } from '../../src/storage/open.js';
import type { Repository, Represent } from '../../src/storage/repository.js';
import { freshPostgresUrl, postgresAvailable, postgresUnavailableReason } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp-dir.js';

const ARTICLES = 300;
/** Pages parsed with the snapshot of the empty database: two groups of 128. */
const FIRST_GROUPS = 256;
const quiet = (): void => undefined;

const opened: Repository[] = [];
afterEach(async () => {
  for (const repository of opened.splice(0)) await repository.close();
});

async function open(location: string, represent?: Represent): Promise<Repository> {
  const { repository } = await openRepository({ location, skipIntegrityCheck: true, represent });
  opened.push(repository);
  return repository;
}

/** What identifies the generated content: ids, titles, documents, teasers. */
async function contentOf(repository: Repository, articles: number) {
  const rows = [];
  for (let id = 1; id <= articles; id += 1) {
    const article = await repository.getArticle(id);
    const source = await repository.getArticleSource(id);
    rows.push({
      id: article?.id,
      title: article?.title,
      edition: article?.edition,
      teaserCount: article?.teaserCount,
      sha256: source?.sha256,
    });
  }
  return rows;
}

const locations = [
  { name: 'SQLite', available: true, location: async () => join(tempDir('masthead-gendb-'), 'g.db') },
  {
    name: postgresAvailable ? 'PostgreSQL' : `PostgreSQL (NOT RUN: ${postgresUnavailableReason})`,
    available: postgresAvailable,
    location: freshPostgresUrl,
  },
];

describe.each(locations)('generate-db on $name', ({ available, location }) => {
  it.skipIf(!available)(
    'stores what an ingest stores: teasers and their links, story ids, change-feed rows, learned shapes',
    async () => {
      const where = await location();
      const meta = await generateDatabase({ articles: ARTICLES, location: where, log: quiet });
      expect(meta.articles).toBe(ARTICLES);
      const repository = await open(where);

      const first = await repository.getArticle(1);
      const last = await repository.getArticle(ARTICLES);
      expect(first?.parserVersion).toBe(PARSER_VERSION);
      expect(last).not.toBeNull();
      expect(await repository.getArticle(ARTICLES + 1)).toBeNull();

      // Every article has its story fingerprint: nothing is left for the start-up backfill.
      expect(await repository.assignMissingStories(ARTICLES)).toBe(0);

      let teasers = 0;
      let linked = 0;
      let teased = 0;
      for (let id = 1; id <= ARTICLES; id += 1) {
        const page = await repository.listArticleTeasers(id, { limit: 100 });
        teasers += page?.items.length ?? 0;
        linked += page?.items.filter((teaser) => teaser.linkedArticleId !== null).length ?? 0;
        if (((await repository.getArticle(id))?.teasedBy.length ?? 0) > 0) teased += 1;
      }
      expect(teasers).toBeGreaterThan(ARTICLES);
      expect(linked).toBeGreaterThan(0);
      expect(teased).toBeGreaterThan(0);
      expect(meta.teasers).toBe(teasers);

      const changes = await repository.listChanges({ limit: ARTICLES + 10 });
      expect(changes.items.length).toBe(ARTICLES);

      expect((await repository.learnedShapes(2, 100)).length).toBeGreaterThan(0);

      const editions = await repository.listEditions({ limit: 100 });
      expect(editions.items.length).toBeGreaterThan(1);

      // GET serves the stored representation, as after a server's own ingests.
      const stored = await open(where, representArticle);
      for (let id = 1; id <= ARTICLES; id += 1)
        expect(await stored.getArticleRepresentation(id), `article ${id}`).not.toBeNull();
    },
  );
});

describe('generate-db', () => {
  it('gives the same database for the same seed', async () => {
    const dir = tempDir('masthead-gendb-');
    const articles = 120;
    await generateDatabase({ articles, location: join(dir, 'a.db'), seed: 7, log: quiet });
    await generateDatabase({ articles, location: join(dir, 'b.db'), seed: 7, log: quiet });
    await generateDatabase({ articles, location: join(dir, 'c.db'), seed: 8, log: quiet });
    const a = await contentOf(await open(join(dir, 'a.db')), articles);
    const b = await contentOf(await open(join(dir, 'b.db')), articles);
    const c = await contentOf(await open(join(dir, 'c.db')), articles);
    expect(a.every((row) => row.id !== undefined)).toBe(true);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('stores documents that parse to what is stored: a re-parse changes nothing', async () => {
    const where = join(tempDir('masthead-gendb-'), 'g.db');
    await generateDatabase({ articles: ARTICLES, location: where, log: quiet });
    const repository = await open(where);
    const pages = await repository.listReparseCandidates({ afterArticleId: 0, limit: ARTICLES });
    expect(pages.length).toBe(ARTICLES);
    // The first two groups of pages were parsed before the corpus had learned anything; later
    // ones with what it had learned by then, so they are re-parsed only when what it has learned
    // since does not change their parse.
    const nothingLearned: LearnedBoilerplate = { shapes: new Map() };
    const learnedNow = await loadLearned(repository);
    const outcomes = new Map<string, number>();
    for (const stored of pages.filter((_, index) => index % 3 === 0)) {
      const submission = { body: stored.body, contentType: stored.contentType, sourceUrl: stored.sourceUrl };
      const page = parseSubmission(submission, nothingLearned);
      if (page.story === null) throw new Error(`article ${stored.articleId}: no story on re-parse`);
      if (
        stored.articleId > FIRST_GROUPS &&
        !isDeepStrictEqual(page, parseSubmission(submission, learnedNow))
      )
        continue;
      const outcome = await repository.replaceParse(
        { articleId: stored.articleId, documentSha256: stored.documentSha256 },
        { ...page, story: page.story },
        PARSER_VERSION,
      );
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect([...outcomes.keys()]).toEqual(['unchanged']);
    expect(outcomes.get('unchanged')).toBeGreaterThan(ARTICLES / 3 / 2);
  });
});
