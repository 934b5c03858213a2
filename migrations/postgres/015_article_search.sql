-- masthead schema, version 15: each article's search vector again, stored inline and
-- lz4-compressed in a table of its own, for a relevance search to test and rank.
--
-- A relevance search for a common word walks the articles backwards by id and tests each
-- row's search vector until it has the newest 501 matches, then ranks 500 of them
-- (src/storage/postgres/lists.ts): ~1,250 tests for a word in 40% of the articles.
-- `articles.search` (~6 KB, ~3 KB pglz-compressed on the generated corpus) is TOASTed: each
-- read is a lookup in the TOAST table's index, its chunks, and a pglz decompression, ~31 µs,
-- most of the search's time. Here the same vector is kept in the row (STORAGE MAIN: moved out
-- of line only if it cannot fit the page) and compressed with lz4: measured at 100k articles
-- on a loaded machine, testing 5,000 rows took 51–54 ms here against 160–211 ms in
-- `articles.search`, and ranking them 50–59 against 158–159
-- (docs/measurements/2026-12-07-pg-common-term.md). `articles.search` and its GIN index stay:
-- a rarer term's matches are found through that index.
--
-- Kept by triggers, so every write path (ingest, re-parse) keeps it; deleted with its article.
CREATE TABLE article_search (
  article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  search tsvector COMPRESSION lz4 NOT NULL
);
ALTER TABLE article_search ALTER COLUMN search SET STORAGE MAIN;

CREATE FUNCTION article_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO article_search (article_id, search) VALUES (NEW.id, NEW.search)
    ON CONFLICT (article_id) DO UPDATE SET search = EXCLUDED.search;
  RETURN NULL;
END;
$$;

CREATE TRIGGER article_search_insert AFTER INSERT ON articles
  FOR EACH ROW EXECUTE FUNCTION article_search_write();
CREATE TRIGGER article_search_update AFTER UPDATE OF search ON articles
  FOR EACH ROW EXECUTE FUNCTION article_search_write();

INSERT INTO article_search (article_id, search) SELECT id, search FROM articles ORDER BY id;
