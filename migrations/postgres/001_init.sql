-- masthead schema, version 1 (PostgreSQL form of migrations/sqlite/001_init.sql).
-- Raw documents are kept exactly as received so a better parser can re-parse them;
-- everything else is derived from them and can be rebuilt.
--
-- Conventions shared by every PostgreSQL migration, so that the adapter's SQL reads like the
-- SQLite adapter's:
-- - the same table and column names as SQLite's schema;
-- - ids are `bigint GENERATED ALWAYS AS IDENTITY`: the database gives every id (the code never
--   sets one) and a sequence never hands out a value twice, so SQLite's id_high_water (005) has
--   no counterpart here;
-- - timestamps are `text` in ISO-8601 exactly as SQLite stores them (API output is
--   byte-identical across engines); flags are `integer` 0/1 as in SQLite;
-- - keys (title_key, publication_key, sort_key, edition bounds) are computed in TypeScript
--   (src/storage/keys.ts), not by SQL functions.
-- A PostgreSQL database is always built from version 1 upwards while empty, so the SQLite
-- steps' back-fills of existing rows are not repeated here.

CREATE TABLE raw_documents (
  id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256        text    NOT NULL UNIQUE CHECK (length(sha256) = 64),
  content_type  text    NOT NULL CHECK (content_type IN ('text/plain', 'text/html')),
  body          text    NOT NULL,
  source_url    text,
  received_at   text    NOT NULL
);

-- SQLite's COLLATE NOCASE folds ASCII letters only; so does this (lower() would follow the
-- database's locale and fold `É` too, making two names one publication here and two there).
CREATE FUNCTION masthead_nocase(name text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');

CREATE TABLE publications (
  id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text    NOT NULL,
  created_at  text    NOT NULL
);
-- The ON CONFLICT target of the publication insert: `ON CONFLICT ((masthead_nocase(name)))`.
CREATE UNIQUE INDEX publications_name ON publications (masthead_nocase(name));

CREATE TABLE editions (
  id              bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  publication_id  bigint  NOT NULL REFERENCES publications (id),
  date            text,   -- YYYY-MM-DD, YYYY-MM or YYYY, the precision printed
  label           text,   -- the date as printed
  platform        text,
  created_at      text    NOT NULL,
  -- One edition per publication, date and platform; NULLs compare equal here. Also the
  -- ON CONFLICT target of the edition insert.
  CONSTRAINT editions_identity UNIQUE NULLS NOT DISTINCT (publication_id, date, platform)
);

CREATE TABLE articles (
  id                bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  raw_document_id   bigint  NOT NULL UNIQUE REFERENCES raw_documents (id),
  edition_id        bigint  REFERENCES editions (id),
  title             text,
  deck              text,
  byline            text,
  dateline          text,
  -- the JSON array string exactly as SQLite stores it (text, not jsonb: jsonb would re-space it)
  paragraphs        text    NOT NULL CHECK (json_typeof(paragraphs::json) = 'array'),
  language          text,
  page_locale       text,
  word_count        integer NOT NULL CHECK (word_count >= 0),
  parser_version    text    NOT NULL,
  ingested_at       text    NOT NULL
);
CREATE INDEX articles_edition ON articles (edition_id);

CREATE TABLE teasers (
  id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id   bigint  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position     integer NOT NULL CHECK (position >= 1),
  title        text    NOT NULL,
  summary      text,
  publication  text,
  date         text,
  partial      integer NOT NULL DEFAULT 0 CHECK (partial IN (0, 1)),
  UNIQUE (article_id, position)
);

-- Full text (SQLite: articles_fts, unicode61 remove_diacritics 2): the `masthead`
-- configuration is `simple` (no stemming, no stop words) with accents removed.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION masthead (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION masthead
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- Title (A), deck (B) and body (C, the paragraphs joined by '\n'), written by the repository in
-- the INSERT/UPDATE that writes the article: unaccent() is not IMMUTABLE, so this cannot be a
-- generated column.
ALTER TABLE articles ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX articles_search ON articles USING gin (search);
