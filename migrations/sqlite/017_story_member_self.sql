-- masthead schema, version 17: nothing changes on SQLite.
--
-- PostgreSQL's version 17 stops a story's member from marking its own stored representation
-- owed; SQLite's triggers (migration 014) clear only bodies already stored, so a new member's
-- row was never rewritten. The version exists so that both engines number their schemas
-- alike (test/storage/migrate.test.ts).
SELECT 1;
