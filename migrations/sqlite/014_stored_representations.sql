-- masthead schema, version 14: an article's JSON as served, stored beside it (issue 14).
--
-- GET /v1/articles/{id} reads `body` and `etag` by primary key and writes the bytes. A row's
-- body is valid only while nothing it shows has changed: every change that touches what an
-- article's representation shows sets its body to NULL here, in the transaction that makes
-- the change (invalidation by trigger, whatever code path writes), and the writer builds the
-- owed bodies again before it commits (src/storage/sqlite/representations.ts). A NULL body,
-- or no row (articles stored before this version), is served from the rows as before.
--
-- What an article shows (ArticleRecord): its own row; its edition's date and publication's
-- name; the teasers linked to it (teased_by); the other captures of its story, oldest first,
-- at most MAX_CAPTURES (20), each with its edition, publication and UI language.
CREATE TABLE article_representations (
  article_id INTEGER PRIMARY KEY,
  body BLOB,
  etag TEXT,
  -- Represent.format of the build that wrote the body: another build's bodies are not served
  format TEXT
);
CREATE INDEX article_representations_owed ON article_representations (article_id) WHERE body IS NULL;

-- Every member of story `story_id` shows a capture whose place in the story (by id) is below
-- 21: an article with at least 21 captures before it is in nobody's list (MAX_CAPTURES = 20
-- others), and its coming, change or going shows nowhere else. The count reads at most 21
-- index entries of articles_story.
CREATE TRIGGER article_representations_insert AFTER INSERT ON articles
BEGIN
  INSERT INTO article_representations (article_id) VALUES (NEW.id);
  UPDATE article_representations SET body = NULL, etag = NULL
   WHERE body IS NOT NULL AND NEW.story_id IS NOT NULL
     AND (SELECT count(*) FROM (SELECT 1 FROM articles
                                 WHERE story_id = NEW.story_id AND id < NEW.id LIMIT 21)) < 21
     AND article_id IN (SELECT id FROM articles WHERE story_id = NEW.story_id);
END;

CREATE TRIGGER article_representations_update AFTER UPDATE ON articles
BEGIN
  -- a row for an article stored before this version too: its next write (a re-parse) builds one
  INSERT OR REPLACE INTO article_representations (article_id) VALUES (NEW.id);
  -- the captures that list it, in the story it left and the one it joined
  UPDATE article_representations SET body = NULL, etag = NULL
   WHERE body IS NOT NULL AND OLD.story_id IS NOT NULL
     AND (OLD.story_id IS NOT NEW.story_id OR OLD.edition_id IS NOT NEW.edition_id
          OR OLD.page_locale IS NOT NEW.page_locale)
     AND (SELECT count(*) FROM (SELECT 1 FROM articles
                                 WHERE story_id = OLD.story_id AND id < OLD.id LIMIT 21)) < 21
     AND article_id IN (SELECT id FROM articles WHERE story_id = OLD.story_id);
  UPDATE article_representations SET body = NULL, etag = NULL
   WHERE body IS NOT NULL AND NEW.story_id IS NOT NULL AND OLD.story_id IS NOT NEW.story_id
     AND (SELECT count(*) FROM (SELECT 1 FROM articles
                                 WHERE story_id = NEW.story_id AND id < NEW.id LIMIT 21)) < 21
     AND article_id IN (SELECT id FROM articles WHERE story_id = NEW.story_id);
END;

CREATE TRIGGER article_representations_delete AFTER DELETE ON articles
BEGIN
  DELETE FROM article_representations WHERE article_id = OLD.id;
  UPDATE article_representations SET body = NULL, etag = NULL
   WHERE body IS NOT NULL AND OLD.story_id IS NOT NULL
     AND (SELECT count(*) FROM (SELECT 1 FROM articles
                                 WHERE story_id = OLD.story_id AND id < OLD.id LIMIT 21)) < 21
     AND article_id IN (SELECT id FROM articles WHERE story_id = OLD.story_id);
END;

-- teased_by: the teasers linked to an article (their page and position)
CREATE TRIGGER article_representations_teaser_insert AFTER INSERT ON teasers
  WHEN NEW.linked_article_id IS NOT NULL
BEGIN
  UPDATE article_representations SET body = NULL, etag = NULL WHERE article_id = NEW.linked_article_id;
END;

CREATE TRIGGER article_representations_teaser_update AFTER UPDATE ON teasers
  WHEN OLD.linked_article_id IS NOT NEW.linked_article_id OR OLD.article_id IS NOT NEW.article_id
       OR OLD.position IS NOT NEW.position
BEGIN
  UPDATE article_representations SET body = NULL, etag = NULL
   WHERE article_id IN (OLD.linked_article_id, NEW.linked_article_id);
END;

CREATE TRIGGER article_representations_teaser_delete AFTER DELETE ON teasers
  WHEN OLD.linked_article_id IS NOT NULL
BEGIN
  UPDATE article_representations SET body = NULL, etag = NULL WHERE article_id = OLD.linked_article_id;
END;

-- An edition's identity and a publication's name are not rewritten today; should they be, the
-- articles filed there and every capture of their stories show them.
CREATE TRIGGER article_representations_edition AFTER UPDATE OF date, platform, publication_id ON editions
BEGIN
  UPDATE article_representations SET body = NULL, etag = NULL
   WHERE article_id IN (SELECT m.id FROM articles a JOIN articles m ON m.story_id = a.story_id
                         WHERE a.edition_id = NEW.id
                        UNION SELECT id FROM articles WHERE edition_id = NEW.id);
END;

CREATE TRIGGER article_representations_publication AFTER UPDATE OF name ON publications
BEGIN
  UPDATE article_representations SET body = NULL, etag = NULL
   WHERE article_id IN (SELECT m.id FROM editions e JOIN articles a ON a.edition_id = e.id
                          JOIN articles m ON m.story_id = a.story_id
                         WHERE e.publication_id = NEW.id
                        UNION SELECT a.id FROM editions e JOIN articles a ON a.edition_id = e.id
                         WHERE e.publication_id = NEW.id);
END;
