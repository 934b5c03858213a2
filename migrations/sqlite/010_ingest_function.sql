-- masthead schema, version 10: nothing changes on SQLite.
--
-- migrations/postgres/010_ingest_function.sql moves PostgreSQL's ingest into server-side
-- functions, to stop re-planning its statements and paying round trips per ingest. SQLite
-- runs in the process and keeps its prepared statements (src/storage/sqlite/), so it has
-- neither cost; this version exists so that both engines' folders hold the same versions.
SELECT 1;
