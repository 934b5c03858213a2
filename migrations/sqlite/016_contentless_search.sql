-- masthead schema, version 16: the full-text indexes keep no second copy of the text.
--
-- articles_fts and teasers_fts stored every title, deck, body, teaser title and summary again
-- in their %_content tables (articles_fts_content was as large as `articles`), written by
-- every ingest. Nothing reads them: searches use the rowid, MATCH and bm25 (which needs the
-- index and the column sizes only), and snippets are computed over the article rows
-- (src/storage/snippet.ts). Contentless tables (`content = ''`) keep the index alone.
--
-- A contentless row is removed with FTS5's 'delete' command and the values it was indexed
-- with, which the repository reads from the articles and teasers rows before it changes them
-- (src/storage/sqlite/articles.ts, SEARCH_ROW_OF_ARTICLE; `contentless_delete = 1` would
-- delete by rowid alone, but then leaves the deleted row's tokens in bm25's averages, and
-- every score drifts). So the indexes are built here from those rows, with the same
-- expressions: what a later delete supplies is what was indexed. On the fixture corpus they
-- hold exactly the terms of the old indexes (test/storage/sqlite/fts-contentless.test.ts
-- compares every word's matches and scores). At 1M articles this reads and indexes every
-- article once: minutes, not seconds.
CREATE VIRTUAL TABLE articles_fts_contentless USING fts5 (
  title, deck, body,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts_contentless (rowid, title, deck, body)
  SELECT id, ifnull(title, ''), ifnull(deck, ''),
         ifnull((SELECT group_concat(p.value, char(10) ORDER BY p.key) FROM json_each(paragraphs) p), '')
    FROM articles ORDER BY id;
DROP TABLE articles_fts;
ALTER TABLE articles_fts_contentless RENAME TO articles_fts;

CREATE VIRTUAL TABLE teasers_fts_contentless USING fts5 (
  title, summary,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO teasers_fts_contentless (rowid, title, summary)
  SELECT id, title, ifnull(summary, '') FROM teasers ORDER BY id;
DROP TABLE teasers_fts;
ALTER TABLE teasers_fts_contentless RENAME TO teasers_fts;

-- One index where two overlapped: teasers_link_lookup (publication_key, title_key) and
-- teasers_waiting (the same keys, of teasers not yet linked) were both written by every teaser.
-- With linked_article_id as third column, `… AND linked_article_id IS NULL` (a new story
-- linking the teasers waiting for it) is a seek to the unlinked entries, which come first,
-- and a teaser listing filtered by publication uses the first column as before.
DROP INDEX teasers_waiting;
DROP INDEX teasers_link_lookup;
CREATE INDEX teasers_link_lookup ON teasers (publication_key, title_key, linked_article_id);
