/**
 * The change feed's order with many writers (migration 008): a reader that resumes after the
 * highest seq it saw must never skip a change committed later with a lower seq.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl, postgresAvailable, postgresUnavailableReason } from '../../helpers/postgres.js';

const clients: pg.Client[] = [];
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end()));
});

let documents = 0;
/** Inserts a bare article (and its raw document) in the client's open transaction. */
async function insertArticle(client: pg.Client): Promise<number> {
  documents += 1;
  const { rows } = await client.query<{ id: string }>(
    `WITH doc AS (
       INSERT INTO raw_documents (sha256, content_type, body, received_at)
       VALUES (lpad($1::text, 64, '0'), 'text/plain', 'x', 'now') RETURNING id)
     INSERT INTO articles (raw_document_id, paragraphs, word_count, parser_version, ingested_at)
     SELECT id, '[]', 0, 't', 'now' FROM doc RETURNING id`,
    [String(documents)],
  );
  return Number(rows[0]!.id);
}

async function changes(client: pg.Client, after: number): Promise<{ seq: number; article: number }[]> {
  const { rows } = await client.query<{ seq: string; article_id: string }>(
    `SELECT seq, article_id FROM changes WHERE seq > $1 ORDER BY seq`,
    [after],
  );
  return rows.map((row) => ({ seq: Number(row.seq), article: Number(row.article_id) }));
}

describe.skipIf(!postgresAvailable)(
  `PostgreSQL change feed order${postgresAvailable ? '' : ` (NOT RUN: ${postgresUnavailableReason})`}`,
  () => {
    it('numbers a change at its commit: one written first but committed last comes after', async () => {
      const url = await freshPostgresUrl();
      const [early, late, reader] = [await connect(url), await connect(url), await connect(url)];
      await early.query('BEGIN');
      const earlyArticle = await insertArticle(early);
      await late.query('BEGIN');
      const lateArticle = await insertArticle(late);
      await late.query('COMMIT');
      const seen = await changes(reader, 0);
      expect(seen.map((c) => c.article)).toEqual([lateArticle]);
      await early.query('COMMIT');
      // resuming after the last seq seen finds the change committed since
      expect((await changes(reader, seen.at(-1)!.seq)).map((c) => c.article)).toEqual([earlyArticle]);
    });

    it('lets no transaction commit a change while another holds a lower seq uncommitted', async () => {
      const url = await freshPostgresUrl();
      const [slow, fast, observer] = [await connect(url), await connect(url), await connect(url)];
      // The slow transaction stops inside its COMMIT, after its change row took a seq: a
      // deferred trigger on `changes` (fired after changes_record's insert) waits for a lock
      // the observer holds. No timing: each step waits until the server shows the state.
      const GATE = 424242;
      await observer.query(`
        CREATE FUNCTION test_pause() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('test.pause', true) = 'on' THEN PERFORM pg_advisory_xact_lock(${GATE}); END IF;
          RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER test_pause AFTER INSERT ON changes
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_pause();`);
      await observer.query('SELECT pg_advisory_lock($1)', [GATE]);
      const waitingOnLock = async (client: pg.Client, done = (): boolean => false): Promise<void> => {
        const pid = (client as unknown as { processID: number }).processID;
        while (!done()) {
          const { rows } = await observer.query(
            `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
            [pid],
          );
          if (rows.length > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      await slow.query('BEGIN');
      await slow.query(`SET LOCAL test.pause = 'on'`);
      const slowArticle = await insertArticle(slow);
      await fast.query('BEGIN');
      const fastArticle = await insertArticle(fast);
      let fastCommitted = false;
      const slowCommit = slow.query('COMMIT');
      await waitingOnLock(slow); // inside its COMMIT, its seq taken, the gate closed
      const fastCommit = fast.query('COMMIT').then(() => {
        fastCommitted = true;
      });
      await waitingOnLock(fast, () => fastCommitted); // the fast one waits for the slow one's commit
      expect(fastCommitted).toBe(false);
      await observer.query('SELECT pg_advisory_unlock($1)', [GATE]);
      await Promise.all([slowCommit, fastCommit]);
      // and took the next seq: a reader resuming after the fast one's seq misses nothing
      expect((await changes(observer, 0)).map((c) => c.article)).toEqual([slowArticle, fastArticle]);
    });
  },
);
