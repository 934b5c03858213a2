-- masthead schema, version 3: reading an article touches its own row and nothing large.
--
-- The submission's source URL is copied onto the article. A raw document never changes, so
-- the copy cannot drift; before, every GET joined raw_documents and, because source_url is
-- stored after the document body, SQLite read the body's overflow pages to reach it (at 1M
-- articles: 8.5 read calls and 29 KB read per GET; 4.9 and 15 KB without it; bench/read-io.ts).
-- The teaser count is fixed by each parse, so it is stored too instead of counted per read.
ALTER TABLE articles ADD COLUMN source_url TEXT;
ALTER TABLE articles ADD COLUMN teaser_count INTEGER NOT NULL DEFAULT 0 CHECK (teaser_count >= 0);

UPDATE articles SET
  source_url = (SELECT r.source_url FROM raw_documents r WHERE r.id = articles.raw_document_id),
  teaser_count = (SELECT count(*) FROM teasers t WHERE t.article_id = articles.id);

-- A new story links the teasers still waiting for it: index only those, so that a title
-- announced on many pages does not make each ingest walk every teaser already linked.
CREATE INDEX teasers_waiting ON teasers (publication_key, title_key) WHERE linked_article_id IS NULL;

-- Who teases an article: answered from the index alone, already in order.
DROP INDEX teasers_linked;
CREATE INDEX teasers_linked ON teasers (linked_article_id, article_id, position);
