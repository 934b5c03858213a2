-- masthead schema, version 14: an article's JSON as served, stored beside it (issue 14).
--
-- GET /v1/articles/{id} reads `body` and `etag` by primary key and writes the text. A row's
-- body is valid only while nothing it shows has changed: every change that touches what an
-- article's representation shows sets its body to NULL and bumps `version`, in the
-- transaction that makes the change (triggers, whatever code path writes). The node that
-- wrote builds the owed bodies after its COMMIT (src/storage/postgres/representations.ts):
-- it reads `version` and the article in one statement (one snapshot) and stores the body only
-- `WHERE version` is still the one it read, so a change committed meanwhile (or still
-- holding the row) wins. A NULL body, or no row (articles stored before this version), is
-- served from the rows as before. Mirrors migrations/sqlite/014_stored_representations.sql.
--
-- What an article shows (ArticleRecord, masthead_article): its own row; its edition's date and
-- publication's name; the teasers linked to it (teased_by); the other captures of its story,
-- oldest first, at most MAX_CAPTURES (20), each with its edition, publication and UI language.
CREATE TABLE article_representations (
  article_id bigint PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0,
  body text,
  etag text,
  -- Represent.format of the build that wrote the body: another build's bodies are not served
  format text
);
CREATE INDEX article_representations_owed ON article_representations (article_id) WHERE body IS NULL;

CREATE FUNCTION masthead_representations_owed(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE article_representations SET version = version + 1, body = NULL, etag = NULL
   WHERE article_id = ANY (ids)
$$;

-- Every member of `story` shows a capture whose place in the story (by id) is below 21: an
-- article with at least 21 captures before it is in nobody's list (MAX_CAPTURES = 20 others),
-- and its coming, change or going shows nowhere else. Reads at most 21 entries of
-- articles_story for the test.
CREATE FUNCTION masthead_story_member_changed(story bigint, member bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM (SELECT 1 FROM articles
                             WHERE story_id = story AND id < member LIMIT 21) earlier) < 21 THEN
    UPDATE article_representations r SET version = r.version + 1, body = NULL, etag = NULL
      FROM articles a
     WHERE a.story_id = story AND r.article_id = a.id;
  END IF;
END
$$;

CREATE FUNCTION masthead_article_representation_owed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO article_representations (article_id) VALUES (NEW.id);
    IF NEW.story_id IS NOT NULL THEN
      PERFORM masthead_story_member_changed(NEW.story_id, NEW.id);
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    DELETE FROM article_representations WHERE article_id = OLD.id;
    IF OLD.story_id IS NOT NULL THEN
      PERFORM masthead_story_member_changed(OLD.story_id, OLD.id);
    END IF;
    RETURN NULL;
  END IF;
  -- a row for an article stored before this version too: its next write (a re-parse) builds one
  INSERT INTO article_representations AS r (article_id) VALUES (NEW.id)
    ON CONFLICT (article_id) DO UPDATE SET version = r.version + 1, body = NULL, etag = NULL;
  -- the captures that list it, in the story it left and the one it joined
  IF OLD.story_id IS NOT NULL AND (OLD.story_id IS DISTINCT FROM NEW.story_id
      OR OLD.edition_id IS DISTINCT FROM NEW.edition_id OR OLD.page_locale IS DISTINCT FROM NEW.page_locale) THEN
    PERFORM masthead_story_member_changed(OLD.story_id, OLD.id);
  END IF;
  IF NEW.story_id IS NOT NULL AND OLD.story_id IS DISTINCT FROM NEW.story_id THEN
    PERFORM masthead_story_member_changed(NEW.story_id, NEW.id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER article_representations_articles AFTER INSERT OR UPDATE OR DELETE ON articles
  FOR EACH ROW EXECUTE FUNCTION masthead_article_representation_owed();

-- teased_by: the teasers linked to an article (their page and position)
CREATE FUNCTION masthead_teaser_representation_owed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM masthead_representations_owed(ARRAY[NEW.linked_article_id]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM masthead_representations_owed(ARRAY[OLD.linked_article_id]);
  ELSE
    PERFORM masthead_representations_owed(ARRAY[OLD.linked_article_id, NEW.linked_article_id]);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER article_representations_teaser_insert AFTER INSERT ON teasers
  FOR EACH ROW WHEN (NEW.linked_article_id IS NOT NULL)
  EXECUTE FUNCTION masthead_teaser_representation_owed();
CREATE TRIGGER article_representations_teaser_update AFTER UPDATE ON teasers
  FOR EACH ROW WHEN (OLD.linked_article_id IS DISTINCT FROM NEW.linked_article_id
                     OR OLD.article_id IS DISTINCT FROM NEW.article_id
                     OR OLD.position IS DISTINCT FROM NEW.position)
  EXECUTE FUNCTION masthead_teaser_representation_owed();
CREATE TRIGGER article_representations_teaser_delete AFTER DELETE ON teasers
  FOR EACH ROW WHEN (OLD.linked_article_id IS NOT NULL)
  EXECUTE FUNCTION masthead_teaser_representation_owed();

-- An edition's identity and a publication's name are not rewritten today; should they be, the
-- articles filed there and every capture of their stories show them.
CREATE FUNCTION masthead_edition_representation_owed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM masthead_representations_owed(ARRAY(
    SELECT m.id FROM articles a JOIN articles m ON m.story_id = a.story_id WHERE a.edition_id = NEW.id
    UNION SELECT id FROM articles WHERE edition_id = NEW.id));
  RETURN NULL;
END
$$;
CREATE TRIGGER article_representations_edition AFTER UPDATE OF date, platform, publication_id ON editions
  FOR EACH ROW EXECUTE FUNCTION masthead_edition_representation_owed();

CREATE FUNCTION masthead_publication_representation_owed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM masthead_representations_owed(ARRAY(
    SELECT m.id FROM editions e JOIN articles a ON a.edition_id = e.id
      JOIN articles m ON m.story_id = a.story_id WHERE e.publication_id = NEW.id
    UNION SELECT a.id FROM editions e JOIN articles a ON a.edition_id = e.id
     WHERE e.publication_id = NEW.id));
  RETURN NULL;
END
$$;
CREATE TRIGGER article_representations_publication AFTER UPDATE OF name ON publications
  FOR EACH ROW EXECUTE FUNCTION masthead_publication_representation_owed();
