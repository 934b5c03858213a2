-- masthead schema, version 3 (PostgreSQL form of migrations/sqlite/003_article_reads.sql):
-- reading an article touches its own row and nothing large.
--
-- The submission's source URL is copied onto the article (a raw document never changes, so the
-- copy cannot drift), and the teaser count fixed by each parse is stored.
ALTER TABLE articles ADD COLUMN source_url text;
ALTER TABLE articles ADD COLUMN teaser_count integer NOT NULL DEFAULT 0 CHECK (teaser_count >= 0);

-- A new story links the teasers still waiting for it: index only those.
CREATE INDEX teasers_waiting ON teasers (publication_key, title_key) WHERE linked_article_id IS NULL;

-- Who teases an article: answered from the index alone, already in order.
DROP INDEX teasers_linked;
CREATE INDEX teasers_linked ON teasers (linked_article_id, article_id, position);
