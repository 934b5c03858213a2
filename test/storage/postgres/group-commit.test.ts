/**
 * The PostgreSQL group commit's contract (src/storage/postgres/group-commit.ts): a write
 * resolves only after its group's COMMIT, the next group writes while that COMMIT is in
 * flight, and a COMMIT that fails rejects every write of it.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresRepository } from '../../../src/storage/postgres/index.js';
import type { Repository } from '../../../src/storage/repository.js';
import { freshPostgresUrl, postgresAvailable, postgresUnavailableReason } from '../../helpers/postgres.js';
import { page, record } from '../../helpers/records.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function setUp(): Promise<{ repository: Repository; admin: pg.Client }> {
  const url = await freshPostgresUrl();
  const repository = await createPostgresRepository({ url });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  cleanups.push(async () => {
    await admin.end();
    await repository.close();
  });
  return { repository, admin };
}

describe.skipIf(!postgresAvailable)(
  `PostgreSQL group commit${postgresAvailable ? '' : ` (NOT RUN: ${postgresUnavailableReason})`}`,
  () => {
    it('resolves an ingest only once its group has committed', async () => {
      const { repository, admin } = await setUp();
      // Hold the change feed's lock: the group's COMMIT (its deferred change rows) waits for it.
      await admin.query('SELECT pg_advisory_lock(8008)');
      let settled = false;
      const ingest = repository.ingest(record()).finally(() => {
        settled = true;
      });
      for (;;) {
        const { rows } = await admin.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 8008 AND NOT granted`,
        );
        if (rows.length > 0) break; // the COMMIT is waiting
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(settled).toBe(false);
      expect((await admin.query(`SELECT count(*)::int AS n FROM articles`)).rows[0]).toEqual({ n: 0 });
      await admin.query('SELECT pg_advisory_unlock(8008)');
      const { created, article } = await ingest;
      expect(created).toBe(true);
      expect(await repository.getArticle(article.id)).toEqual(article);
    });

    it("writes the next group while the last one's COMMIT is in flight; ids still follow call order", async () => {
      const { repository, admin } = await setUp();
      const waitingCommits = async () =>
        (
          await admin.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 8008 AND NOT granted`,
          )
        ).rows[0]!.n;
      // Hold the change feed's lock: each group's COMMIT (its deferred change rows) waits for it.
      await admin.query('SELECT pg_advisory_lock(8008)');
      // two stories of two publications: the groups share no row
      const first = repository.ingest(
        record(
          page({
            title: 'first',
            paragraphs: ['Whales sing in the north.'],
            edition: { publication: 'North' },
          }),
        ),
      );
      while ((await waitingCommits()) < 1) await new Promise((resolve) => setTimeout(resolve, 10));
      const second = repository.ingest(
        record(
          page({ title: 'second', paragraphs: ['Tigers hunt at dusk.'], edition: { publication: 'South' } }),
        ),
      );
      // the second group has written and waits at its own COMMIT, behind the first's
      while ((await waitingCommits()) < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      await admin.query('SELECT pg_advisory_unlock(8008)');
      const [a, b] = await Promise.all([first, second]);
      expect(a.created && b.created).toBe(true);
      expect(b.article.id).toBeGreaterThan(a.article.id);
      expect(await repository.getArticle(b.article.id)).toEqual(b.article);
    });

    it('rejects every write of a group whose COMMIT fails, and stores none', async () => {
      const { repository, admin } = await setUp();
      await admin.query(`
        CREATE FUNCTION test_fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.title = 'fail at commit' THEN RAISE EXCEPTION 'refused at commit'; END IF;
          RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER test_fail_at_commit AFTER INSERT ON articles
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_at_commit();`);
      const results = await Promise.allSettled([
        repository.ingest(record(page({ title: 'fine' })), { moreFollow: true }),
        repository.ingest(record(page({ title: 'fail at commit' })), { moreFollow: true }),
        repository.ingest(record(page({ title: 'also fine' }))),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect((await admin.query(`SELECT count(*)::int AS n FROM articles`)).rows[0]).toEqual({ n: 0 });
      // the repository goes on: the next group commits
      expect((await repository.ingest(record(page({ title: 'later' })))).created).toBe(true);
    });
  },
);
