-- masthead schema, version 4: each edition keeps its article count.
--
-- Listing publications counted their articles through every edition on each request: 200 ms
-- for a page of 100 publications at 1M articles. The count is now kept on the edition by
-- triggers (so every write path, re-parse and delete included, keeps it right) and a
-- publication sums its editions' counts.
ALTER TABLE editions ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0 CHECK (article_count >= 0);

UPDATE editions SET article_count = (SELECT count(*) FROM articles a WHERE a.edition_id = editions.id);

CREATE TRIGGER editions_count_insert AFTER INSERT ON articles WHEN NEW.edition_id IS NOT NULL
BEGIN
  UPDATE editions SET article_count = article_count + 1 WHERE id = NEW.edition_id;
END;

CREATE TRIGGER editions_count_delete AFTER DELETE ON articles WHEN OLD.edition_id IS NOT NULL
BEGIN
  UPDATE editions SET article_count = article_count - 1 WHERE id = OLD.edition_id;
END;

CREATE TRIGGER editions_count_move AFTER UPDATE OF edition_id ON articles
  WHEN OLD.edition_id IS NOT NEW.edition_id
BEGIN
  UPDATE editions SET article_count = article_count - 1 WHERE id = OLD.edition_id;
  UPDATE editions SET article_count = article_count + 1 WHERE id = NEW.edition_id;
END;
