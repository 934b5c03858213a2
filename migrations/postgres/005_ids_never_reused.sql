-- masthead schema, version 5 (PostgreSQL form of migrations/sqlite/005_ids_never_reused.sql):
-- ids are never reused.
--
-- SQLite needed a table of retired ids because it gives a new row max(id) + 1. Here every id
-- comes from an identity column's sequence (001), which never hands out a value twice, even
-- after the newest rows are deleted: nothing to add. The step exists so that both engines
-- number their schema versions alike.
SELECT 1;
