-- masthead schema, version 8 (PostgreSQL form of migrations/sqlite/008_change_feed.sql):
-- a change feed (GET /v1/changes).
--
-- Every stored change to an article appends one row in the transaction that makes the change.
-- A reader resumes after the last seq it saw, so seqs must become visible in increasing order:
-- a reader must never see seq N+1 while N may still commit. SQLite has one writer, so that
-- holds by itself. PostgreSQL has many: a sequence value taken by T1 may commit after T2's
-- larger one, and a reader that saw T2's would skip T1's for ever. So the change rows are
-- written by DEFERRED constraint triggers, which run at COMMIT, and each first takes the
-- transaction-level advisory lock 8008 (held until the commit has finished): the seqs are
-- taken and committed by one transaction at a time, in commit order. Deferring keeps the lock
-- short and deadlock-free: a transaction takes it at its very end, when it holds every row
-- lock it will ever need, so a holder never waits for another writer's rows.
CREATE TABLE changes (
  seq          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text    NOT NULL CHECK (kind IN ('created', 'reparsed', 'deleted')),
  article_id   bigint  NOT NULL,
  source_url   text,
  changed_at   text    NOT NULL
);

-- One row: the feed's identity (16 hex digits, as SQLite's), how many changes are kept, and
-- the highest sequence number pruned.
CREATE TABLE change_feed (
  singleton       integer PRIMARY KEY CHECK (singleton = 1),
  epoch           text    NOT NULL,
  retained        bigint  NOT NULL CHECK (retained >= 1),
  pruned_through  bigint  NOT NULL CHECK (pruned_through >= 0)
);
INSERT INTO change_feed (singleton, epoch, retained, pruned_through)
  VALUES (1, left(replace(gen_random_uuid()::text, '-', ''), 16), 1000000, 0);

CREATE FUNCTION changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_seq bigint;
  feed change_feed%ROWTYPE;
BEGIN
  -- commit order (see the top of this file); the key is fixed and used for nothing else
  PERFORM pg_advisory_xact_lock(8008);
  INSERT INTO changes (kind, article_id, source_url, changed_at)
  VALUES (TG_ARGV[0],
          CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END,
          CASE WHEN TG_OP = 'DELETE' THEN OLD.source_url ELSE NEW.source_url END,
          to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  RETURNING seq INTO new_seq;
  -- Retention: the newest `retained` changes are kept.
  SELECT * INTO feed FROM change_feed WHERE singleton = 1;
  IF new_seq - feed.retained > feed.pruned_through THEN
    DELETE FROM changes WHERE seq <= new_seq - feed.retained;
    UPDATE change_feed SET pruned_through = new_seq - feed.retained WHERE singleton = 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER changes_created AFTER INSERT ON articles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION changes_record('created');

-- A re-parse rewrites these columns; a re-parse that found nothing new sets parser_version
-- alone and is no change to act on.
CREATE CONSTRAINT TRIGGER changes_reparsed
  AFTER UPDATE OF edition_id, title, deck, byline, dateline, paragraphs, language, page_locale,
                  teaser_count
  ON articles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION changes_record('reparsed');

CREATE CONSTRAINT TRIGGER changes_deleted AFTER DELETE ON articles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION changes_record('deleted');
