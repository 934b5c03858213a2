-- masthead schema, version 2: what browsing, search, teaser links and re-parse need.
-- masthead_title_key() is registered by the application (src/storage/keys.ts): NFKC,
-- lower case, punctuation folded to spaces.

-- Denormalised edition date bounds and keys on each article, so that lists filter and
-- sort on one indexed table. Kept in step by the repository (ingest, re-parse).
ALTER TABLE articles ADD COLUMN title_key TEXT;
ALTER TABLE articles ADD COLUMN publication_key TEXT;
ALTER TABLE articles ADD COLUMN edition_start TEXT;
ALTER TABLE articles ADD COLUMN edition_end TEXT;
ALTER TABLE articles ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';

ALTER TABLE editions ADD COLUMN date_start TEXT
  GENERATED ALWAYS AS (CASE length(date) WHEN 10 THEN date WHEN 7 THEN date || '-00' END) VIRTUAL;
ALTER TABLE editions ADD COLUMN date_end TEXT
  GENERATED ALWAYS AS (CASE length(date) WHEN 10 THEN date WHEN 7 THEN date || '-99' END) VIRTUAL;

UPDATE articles SET
  title_key = CASE WHEN title IS NULL THEN NULL ELSE masthead_title_key(title) END,
  publication_key = (SELECT masthead_title_key(p.name) FROM editions e JOIN publications p ON p.id = e.publication_id
                      WHERE e.id = articles.edition_id),
  edition_start = (SELECT date_start FROM editions WHERE id = articles.edition_id),
  edition_end = (SELECT date_end FROM editions WHERE id = articles.edition_id);
UPDATE articles SET sort_key = ifnull(edition_start, '');

-- A teaser links to the stored story it announces: same publication, same title key.
ALTER TABLE teasers ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
ALTER TABLE teasers ADD COLUMN publication_key TEXT;
ALTER TABLE teasers ADD COLUMN linked_article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL;

UPDATE teasers SET
  title_key = masthead_title_key(title),
  publication_key = CASE
    WHEN publication IS NOT NULL THEN masthead_title_key(publication)
    ELSE (SELECT publication_key FROM articles WHERE id = teasers.article_id)
  END;
UPDATE teasers SET linked_article_id = (
  SELECT a.id FROM articles a
   WHERE a.publication_key = teasers.publication_key AND a.title_key = teasers.title_key
     AND a.id <> teasers.article_id
   ORDER BY a.id LIMIT 1)
WHERE publication_key IS NOT NULL;

CREATE INDEX articles_order ON articles (sort_key DESC, id);
CREATE INDEX articles_link_lookup ON articles (publication_key, title_key);
CREATE INDEX articles_language ON articles (language);
CREATE INDEX articles_page_locale ON articles (page_locale);
CREATE INDEX editions_order ON editions (date_start DESC, id);
CREATE INDEX editions_publication ON editions (publication_id, date_start DESC, id);
CREATE INDEX teasers_link_lookup ON teasers (publication_key, title_key);
CREATE INDEX teasers_linked ON teasers (linked_article_id);

CREATE VIRTUAL TABLE teasers_fts USING fts5 (
  title, summary,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO teasers_fts (rowid, title, summary) SELECT id, title, ifnull(summary, '') FROM teasers;

-- Background jobs (re-parse), with their progress.
CREATE TABLE jobs (
  id           TEXT    PRIMARY KEY,
  kind         TEXT    NOT NULL CHECK (kind IN ('reparse')),
  status       TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  total        INTEGER,
  processed    INTEGER NOT NULL DEFAULT 0,
  updated      INTEGER NOT NULL DEFAULT 0,
  unchanged    INTEGER NOT NULL DEFAULT 0,
  skipped      INTEGER NOT NULL DEFAULT 0,
  failed       INTEGER NOT NULL DEFAULT 0,
  error        TEXT,
  created_at   TEXT    NOT NULL,
  started_at   TEXT,
  finished_at  TEXT
);
