-- masthead schema, version 5: ids are never reused.
--
-- Without AUTOINCREMENT, SQLite gives a new row max(id) + 1: delete the newest article and the
-- next ingest takes its id, so its old URL names another page (and a re-parse job that read
-- the old page wrote its story onto the new one). Each table whose ids appear in URLs keeps
-- the highest id it ever deleted; the repository inserts at max(that, max(id)) + 1.
--
-- Why not rebuild the tables with AUTOINCREMENT: SQLite cannot ALTER a table to it, and a
-- rebuild copies every article (at 1M, most of the file) and rebuilds its indexes, needs
-- foreign keys off (dropping `articles` would otherwise cascade to teasers), which cannot be
-- switched inside the migration's transaction, and has to recreate the triggers of 004. This
-- migration writes three rows and three triggers, whatever the size of the database.
CREATE TABLE id_high_water (
  table_name      TEXT    PRIMARY KEY CHECK (table_name IN ('articles', 'editions', 'publications')),
  max_deleted_id  INTEGER NOT NULL CHECK (max_deleted_id >= 0)
) WITHOUT ROWID;

-- Ids deleted before this version are not known; the current maximum is the best floor.
INSERT INTO id_high_water (table_name, max_deleted_id)
  VALUES ('articles', ifnull((SELECT max(id) FROM articles), 0)),
         ('editions', ifnull((SELECT max(id) FROM editions), 0)),
         ('publications', ifnull((SELECT max(id) FROM publications), 0));

CREATE TRIGGER articles_retire_id AFTER DELETE ON articles
BEGIN
  UPDATE id_high_water SET max_deleted_id = OLD.id
   WHERE table_name = 'articles' AND max_deleted_id < OLD.id;
END;

CREATE TRIGGER editions_retire_id AFTER DELETE ON editions
BEGIN
  UPDATE id_high_water SET max_deleted_id = OLD.id
   WHERE table_name = 'editions' AND max_deleted_id < OLD.id;
END;

CREATE TRIGGER publications_retire_id AFTER DELETE ON publications
BEGIN
  UPDATE id_high_water SET max_deleted_id = OLD.id
   WHERE table_name = 'publications' AND max_deleted_id < OLD.id;
END;
