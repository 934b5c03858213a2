-- masthead schema, version 4 (PostgreSQL form of migrations/sqlite/004_edition_counts.sql):
-- each edition keeps its article count, kept by triggers so that every write path (re-parse
-- and delete included) keeps it right; a publication sums its editions' counts.
ALTER TABLE editions ADD COLUMN article_count integer NOT NULL DEFAULT 0 CHECK (article_count >= 0);

CREATE FUNCTION editions_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.edition_id IS NOT NULL THEN
    UPDATE editions SET article_count = article_count - 1 WHERE id = OLD.edition_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.edition_id IS NOT NULL THEN
    UPDATE editions SET article_count = article_count + 1 WHERE id = NEW.edition_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER editions_count_insert AFTER INSERT ON articles
  FOR EACH ROW WHEN (NEW.edition_id IS NOT NULL) EXECUTE FUNCTION editions_count();
CREATE TRIGGER editions_count_delete AFTER DELETE ON articles
  FOR EACH ROW WHEN (OLD.edition_id IS NOT NULL) EXECUTE FUNCTION editions_count();
CREATE TRIGGER editions_count_move AFTER UPDATE OF edition_id ON articles
  FOR EACH ROW WHEN (OLD.edition_id IS DISTINCT FROM NEW.edition_id) EXECUTE FUNCTION editions_count();
