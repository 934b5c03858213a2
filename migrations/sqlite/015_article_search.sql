-- masthead schema, version 15: nothing changes on SQLite.
--
-- migrations/postgres/015_article_search.sql gives PostgreSQL a copy of each article's search
-- vector stored inline (not TOASTed) that a relevance search tests and ranks. FTS5 walks its
-- doclists by rowid; this version exists so that both engines' folders hold the same versions.
SELECT 1;
