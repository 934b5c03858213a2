-- masthead schema, version 17: a story's new, changed or gone member no longer marks its own
-- stored representation owed.
--
-- masthead_story_member_changed (migration 014) marked every member of the story owed, the
-- member itself included. On an INSERT its row had just been created, owed, in the same
-- transaction; on an UPDATE the trigger had just bumped it; on a DELETE it is gone: the
-- UPDATE rewrote that row for nothing. And a story's first capture (a new story is named
-- after it: story_id = id) has no other member to mark, so the trigger skips the call.
-- Both were an UPDATE of one row per ingest (bench/postgres-ingest-profile.ts).
CREATE OR REPLACE FUNCTION masthead_story_member_changed(story bigint, member bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM (SELECT 1 FROM articles
                             WHERE story_id = story AND id < member LIMIT 21) earlier) < 21 THEN
    UPDATE article_representations r SET version = r.version + 1, body = NULL, etag = NULL
      FROM articles a
     WHERE a.story_id = story AND a.id <> member AND r.article_id = a.id;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION masthead_article_representation_owed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO article_representations (article_id) VALUES (NEW.id);
    IF NEW.story_id IS NOT NULL AND NEW.story_id <> NEW.id THEN
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
