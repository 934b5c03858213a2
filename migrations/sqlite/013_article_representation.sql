-- masthead schema, version 13: nothing changes on SQLite.
--
-- migrations/postgres/013_article_representation.sql builds an article's representation in
-- one server-side function, so that PostgreSQL stops planning the read on every call. SQLite
-- runs in the process and keeps its prepared statements (src/storage/sqlite/), so it has no
-- such cost; this version exists so that both engines' folders hold the same versions.
SELECT 1;
