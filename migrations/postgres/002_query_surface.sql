-- masthead schema, version 2 (PostgreSQL form of migrations/sqlite/002_query_surface.sql):
-- what browsing, search, teaser links and re-parse need.

-- Denormalised edition date bounds and keys on each article, so that lists filter and
-- sort on one indexed table. Written by the repository (ingest, re-parse) with
-- src/storage/keys.ts.
ALTER TABLE articles ADD COLUMN title_key text;
ALTER TABLE articles ADD COLUMN publication_key text;
ALTER TABLE articles ADD COLUMN edition_start text;
ALTER TABLE articles ADD COLUMN edition_end text;
ALTER TABLE articles ADD COLUMN sort_key text NOT NULL DEFAULT '';

-- The bounds of keys.ts dateBounds(), year-only dates included (SQLite's generated columns
-- know days and months only; its list queries fill in the year case).
ALTER TABLE editions ADD COLUMN date_start text GENERATED ALWAYS AS (
  CASE length(date) WHEN 10 THEN date WHEN 7 THEN date || '-00' WHEN 4 THEN date || '-00-00' END) STORED;
ALTER TABLE editions ADD COLUMN date_end text GENERATED ALWAYS AS (
  CASE length(date) WHEN 10 THEN date WHEN 7 THEN date || '-99' WHEN 4 THEN date || '-99-99' END) STORED;

-- A teaser links to the stored story it announces: same publication, same title key.
ALTER TABLE teasers ADD COLUMN title_key text NOT NULL DEFAULT '';
ALTER TABLE teasers ADD COLUMN publication_key text;
ALTER TABLE teasers ADD COLUMN linked_article_id bigint REFERENCES articles (id) ON DELETE SET NULL;

-- `COLLATE "C"`: text keys sort and compare bytewise, as SQLite's BINARY does, whatever the
-- database's locale (page order and cursors must be the same on both engines).
ALTER TABLE articles ALTER COLUMN sort_key TYPE text COLLATE "C";
ALTER TABLE articles ALTER COLUMN title_key TYPE text COLLATE "C";
ALTER TABLE articles ALTER COLUMN publication_key TYPE text COLLATE "C";
ALTER TABLE articles ALTER COLUMN edition_start TYPE text COLLATE "C";
ALTER TABLE articles ALTER COLUMN edition_end TYPE text COLLATE "C";
ALTER TABLE teasers ALTER COLUMN title_key TYPE text COLLATE "C";
ALTER TABLE teasers ALTER COLUMN publication_key TYPE text COLLATE "C";

CREATE INDEX articles_order ON articles (sort_key DESC, id);
CREATE INDEX articles_link_lookup ON articles (publication_key, title_key);
CREATE INDEX articles_language ON articles (language);
CREATE INDEX articles_page_locale ON articles (page_locale);
CREATE INDEX editions_order ON editions (date_start DESC, id);
CREATE INDEX editions_publication ON editions (publication_id, date_start DESC, id);
CREATE INDEX teasers_link_lookup ON teasers (publication_key, title_key);
CREATE INDEX teasers_linked ON teasers (linked_article_id);

-- Teaser full text (SQLite: teasers_fts): title (A) and summary (B), written by the repository.
ALTER TABLE teasers ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX teasers_search ON teasers USING gin (search);

-- Background jobs (re-parse), with their progress.
CREATE TABLE jobs (
  id           text    PRIMARY KEY,
  kind         text    NOT NULL CHECK (kind IN ('reparse')),
  status       text    NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  total        integer,
  processed    integer NOT NULL DEFAULT 0,
  updated      integer NOT NULL DEFAULT 0,
  unchanged    integer NOT NULL DEFAULT 0,
  skipped      integer NOT NULL DEFAULT 0,
  failed       integer NOT NULL DEFAULT 0,
  error        text,
  created_at   text    NOT NULL,
  started_at   text,
  finished_at  text
);
