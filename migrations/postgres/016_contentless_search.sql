-- masthead schema, version 16: nothing changes on PostgreSQL.
--
-- migrations/sqlite/016_contentless_search.sql makes SQLite's FTS5 indexes contentless (they
-- kept a second copy of every text). PostgreSQL's search columns are tsvectors computed from
-- the row, with no copy of the text to drop; this version exists so that both engines'
-- folders hold the same versions.
SELECT 1;
