/**
 * The change feed on both engines: commit order across a group commit, what a failed ingest,
 * a re-parse and a delete leave, tokens, retention; and on PostgreSQL, commit order with
 * concurrent writers. (The SQLite-only copy of these cases, test/storage/sqlite/changes.test.ts,
 * is gone: every case runs here on both engines.)
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ChangesGoneError,
  InvalidCursorError,
  type ChangeRecord,
  type IngestRecord,
} from '../../src/storage/repository.js';
import { ENGINES, openEngine, type EngineName, type ReadRepository } from '../helpers/engines.js';
import { postgresAvailable } from '../helpers/postgres.js';
import { page, record } from '../helpers/records.js';

const open: ReadRepository[] = [];
async function repositoryWith(
  engine: EngineName,
  options: { changesRetained?: number } = {},
): Promise<ReadRepository> {
  const repository = await openEngine(engine, options);
  open.push(repository);
  return repository;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((repository) => repository.close()));
});

function withUrl(ingest: IngestRecord, url: string): IngestRecord {
  return { ...ingest, document: { ...ingest.document, sourceUrl: url } };
}

/** Follows the feed from `since` to its end, `limit` at a time; returns the changes and the last token. */
async function follow(
  repository: ReadRepository,
  since: string | undefined,
  limit: number,
): Promise<{ changes: ChangeRecord[]; token: string; pages: number }> {
  const changes: ChangeRecord[] = [];
  let token = since;
  for (let pages = 1; pages < 1000; pages += 1) {
    const current = await repository.listChanges({ since: token, limit });
    expect(current.items.length).toBeLessThanOrEqual(limit);
    changes.push(...current.items);
    token = current.next;
    if (!current.hasMore) return { changes, token, pages };
  }
  throw new Error('the feed did not end');
}

describe.each(ENGINES)('%s change feed', (engine) => {
  it('lists ingests in commit order, paged, each once, across a group commit', async () => {
    const repository = await repositoryWith(engine);
    // Submitted together with moreFollow: the group committer stores them in one transaction.
    const stored = await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        repository.ingest(
          withUrl(record(page({ title: `Story ${index}` })), `https://example.com/${index}`),
          {
            moreFollow: true,
          },
        ),
      ),
    );
    const ids = stored.map((outcome) => outcome.article.id);

    const { changes, pages } = await follow(repository, undefined, 3);
    expect(pages).toBe(3);
    expect(changes.map((change) => change.kind)).toEqual(Array(7).fill('created'));
    expect(changes.map((change) => change.articleId)).toEqual(ids);
    expect(changes.map((change) => change.sourceUrl)).toEqual(
      ids.map((_, index) => `https://example.com/${index}`),
    );
    const seqs = changes.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(7);
  });

  it('records nothing for an ingest that failed inside a group, and everything for the others', async () => {
    const repository = await repositoryWith(engine);
    const broken = record(page());
    // The raw-document CHECK refuses this hash: the write throws inside the group commit.
    const failing = { ...broken, document: { ...broken.document, sha256: 'not-a-sha256' } };
    const outcomes = await Promise.allSettled([
      repository.ingest(record(page()), { moreFollow: true }),
      repository.ingest(failing, { moreFollow: true }),
      repository.ingest(record(page()), { moreFollow: true }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value.article.id] : [],
    );
    const { changes } = await follow(repository, undefined, 10);
    expect(changes.map((change) => [change.kind, change.articleId])).toEqual(
      stored.map((id) => ['created', id]),
    );
  });

  it('records a re-parse that changed the article and a delete; a re-parse that found nothing new is no change', async () => {
    const repository = await repositoryWith(engine);
    const ingest = withUrl(record(page({ title: 'First' })), 'https://example.com/first');
    const { article } = await repository.ingest(ingest);
    const target = { articleId: article.id, documentSha256: ingest.document.sha256 };

    expect(await repository.replaceParse(target, page({ title: 'First' }), '9.9.10')).toBe('unchanged');
    expect(await repository.replaceParse(target, page({ title: 'First, re-read' }), '9.9.11')).toBe(
      'updated',
    );
    expect(await repository.deleteArticle(article.id)).toBe(true);

    const { changes } = await follow(repository, undefined, 10);
    expect(changes.map((change) => [change.kind, change.articleId, change.sourceUrl])).toEqual([
      ['created', article.id, 'https://example.com/first'],
      ['reparsed', article.id, 'https://example.com/first'],
      ['deleted', article.id, 'https://example.com/first'],
    ]);
    expect(changes.every((change) => !Number.isNaN(Date.parse(change.changedAt)))).toBe(true);
  });

  it('resumes from any item token with exactly the changes after it', async () => {
    const repository = await repositoryWith(engine);
    for (let index = 0; index < 5; index += 1) await repository.ingest(record(page()));
    const all = (await follow(repository, undefined, 100)).changes;
    for (const [index, change] of all.entries()) {
      const rest = (await follow(repository, change.token, 2)).changes;
      expect(rest.map((later) => later.seq)).toEqual(all.slice(index + 1).map((later) => later.seq));
    }
  });

  it('a stored token reused after more writes gives exactly what happened after it, every time', async () => {
    const repository = await repositoryWith(engine);
    const first = await repository.ingest(record(page()));
    const { token, changes: before } = await follow(repository, undefined, 10);
    expect(before.map((change) => change.articleId)).toEqual([first.article.id]);

    const empty = await repository.listChanges({ since: token, limit: 10 });
    expect(empty.items).toEqual([]);
    expect(empty.next).toBe(token);
    expect(empty.hasMore).toBe(false);

    const second = await repository.ingest(record(page()));
    await repository.deleteArticle(first.article.id);
    // The same document again stores nothing, so it is no change.
    const again = await repository.ingest(record(page(), 'the same bytes'));
    await repository.ingest(record(page(), 'the same bytes'));

    const expected = [
      ['created', second.article.id],
      ['deleted', first.article.id],
      ['created', again.article.id],
    ];
    for (let reuse = 0; reuse < 2; reuse += 1) {
      const { changes } = await follow(repository, token, 2);
      expect(changes.map((change) => [change.kind, change.articleId])).toEqual(expected);
    }
  });

  it('since=now starts at the head: nothing before it, everything after it', async () => {
    const repository = await repositoryWith(engine);
    await repository.ingest(record(page()));
    const head = await repository.listChanges({ since: 'now', limit: 10 });
    expect(head.items).toEqual([]);
    const later = await repository.ingest(record(page()));
    const { changes } = await follow(repository, head.next, 10);
    expect(changes.map((change) => change.articleId)).toEqual([later.article.id]);
  });

  it('keeps the newest changes only; a token before them is gone, one inside them resumes', async () => {
    const repository = await repositoryWith(engine, { changesRetained: 3 });
    const ids: number[] = [];
    const tokens: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      ids.push((await repository.ingest(record(page()))).article.id);
      tokens.push((await repository.listChanges({ since: 'now', limit: 1 })).next);
    }
    // Kept: the changes of ids[3..5]. A client that saw ids[2] misses nothing.
    expect((await follow(repository, undefined, 10)).changes.map((change) => change.articleId)).toEqual(
      ids.slice(3),
    );
    expect((await follow(repository, tokens[2], 10)).changes.map((change) => change.articleId)).toEqual(
      ids.slice(3),
    );
    await expect(repository.listChanges({ since: tokens[1], limit: 10 })).rejects.toThrow(ChangesGoneError);
  });

  it('refuses a token from another database or ahead of this one as gone, and a forged one as invalid', async () => {
    const one = await repositoryWith(engine);
    const other = await repositoryWith(engine);
    await one.ingest(record(page()));
    await one.ingest(record(page()));
    const fromOne = (await one.listChanges({ since: 'now', limit: 1 })).next;
    await expect(other.listChanges({ since: fromOne, limit: 10 })).rejects.toThrow(ChangesGoneError);

    const ahead = JSON.parse(Buffer.from(fromOne, 'base64url').toString('utf8')) as [string, string, number];
    ahead[2] += 5;
    const aheadToken = Buffer.from(JSON.stringify(ahead)).toString('base64url');
    await expect(one.listChanges({ since: aheadToken, limit: 10 })).rejects.toThrow(ChangesGoneError);

    await expect(one.listChanges({ since: 'not-a-token', limit: 10 })).rejects.toThrow(InvalidCursorError);
  });
});

describe.skipIf(!postgresAvailable)('PostgreSQL change feed with concurrent writers', () => {
  it('shows a change only once every change before it in seq order has committed', async () => {
    const repository = await repositoryWith('postgres');
    const first = await repository.ingest(record(page()));
    const { token } = await follow(repository, undefined, 10);
    const slow = new pg.Client({ connectionString: repository.url });
    await slow.connect();
    try {
      // A writer that deletes the first article and has not committed yet; another commits meanwhile.
      await slow.query('BEGIN');
      await slow.query('DELETE FROM articles WHERE id = $1', [first.article.id]);
      // (another edition: the delete holds the first edition's row for its article count)
      const second = await repository.ingest(record(page({ edition: { publication: 'Tempo' } })));
      const meanwhile = await follow(repository, token, 10);
      expect(meanwhile.changes.map((change) => [change.kind, change.articleId])).toEqual([
        ['created', second.article.id],
      ]);
      await slow.query('COMMIT');
      // The late commit comes after the token already handed out: not skipped.
      const after = await follow(repository, meanwhile.token, 10);
      expect(after.changes.map((change) => [change.kind, change.articleId])).toEqual([
        ['deleted', first.article.id],
      ]);
    } finally {
      await slow.end();
    }
  });
});
