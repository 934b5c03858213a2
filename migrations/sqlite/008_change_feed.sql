-- masthead schema, version 8: a change feed (GET /v1/changes).
--
-- Every stored change to an article appends one row, in the transaction that makes the
-- change: the triggers below fire inside the ingest group, the re-parse and the delete, so a
-- change and its row commit together or not at all. SQLite has one writer and the sequence is
-- taken inside the write transaction, so sequence numbers are strictly increasing in commit
-- order and a reader never sees seq N+1 before N. AUTOINCREMENT: a sequence number is never
-- issued twice, even after the newest rows were pruned.
CREATE TABLE changes (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT    NOT NULL CHECK (kind IN ('created', 'reparsed', 'deleted')),
  article_id   INTEGER NOT NULL,
  source_url   TEXT,
  changed_at   TEXT    NOT NULL
);

-- One row: the feed's identity (a token from another database is refused, not misread), how
-- many changes are kept, and the highest sequence number pruned (a token below it has lost
-- changes: the client must resync).
CREATE TABLE change_feed (
  singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
  epoch           TEXT    NOT NULL,
  retained        INTEGER NOT NULL CHECK (retained >= 1),
  pruned_through  INTEGER NOT NULL CHECK (pruned_through >= 0)
);
INSERT INTO change_feed (singleton, epoch, retained, pruned_through)
  VALUES (1, lower(hex(randomblob(8))), 1000000, 0);

CREATE TRIGGER changes_created AFTER INSERT ON articles
BEGIN
  INSERT INTO changes (kind, article_id, source_url, changed_at)
  VALUES ('created', NEW.id, NEW.source_url, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- A re-parse rewrites these columns; a re-parse that found nothing new sets parser_version
-- alone and is no change to act on.
CREATE TRIGGER changes_reparsed
  AFTER UPDATE OF edition_id, title, deck, byline, dateline, paragraphs, language, page_locale,
                  teaser_count
  ON articles
BEGIN
  INSERT INTO changes (kind, article_id, source_url, changed_at)
  VALUES ('reparsed', NEW.id, NEW.source_url, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER changes_deleted AFTER DELETE ON articles
BEGIN
  INSERT INTO changes (kind, article_id, source_url, changed_at)
  VALUES ('deleted', OLD.id, OLD.source_url, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- Retention: the newest `retained` changes are kept. Each new change removes those that fell
-- out of the window (one row at steady state; the range scan on seq starts at the oldest row
-- kept, so its cost is the rows it removes).
CREATE TRIGGER changes_prune AFTER INSERT ON changes
  WHEN NEW.seq > (SELECT retained FROM change_feed WHERE singleton = 1)
BEGIN
  DELETE FROM changes
   WHERE seq <= NEW.seq - (SELECT retained FROM change_feed WHERE singleton = 1);
  UPDATE change_feed SET pruned_through = NEW.seq - retained
   WHERE singleton = 1 AND pruned_through < NEW.seq - retained;
END;
