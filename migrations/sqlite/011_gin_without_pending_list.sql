-- masthead schema, version 11: nothing changes on SQLite.
--
-- migrations/postgres/011_gin_without_pending_list.sql makes PostgreSQL's GIN full-text
-- indexes take new rows at once instead of through a pending list that every search scans.
-- FTS5 has no such list; this version exists so that both engines' folders hold the same
-- versions.
SELECT 1;
