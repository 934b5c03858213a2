-- masthead schema, version 1.
-- Raw documents are kept exactly as received so a better parser can re-parse them;
-- everything else is derived from them and can be rebuilt.

CREATE TABLE raw_documents (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
  content_type  TEXT    NOT NULL CHECK (content_type IN ('text/plain', 'text/html')),
  body          TEXT    NOT NULL,
  source_url    TEXT,
  received_at   TEXT    NOT NULL
);

CREATE TABLE publications (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  created_at  TEXT    NOT NULL
);

CREATE TABLE editions (
  id              INTEGER PRIMARY KEY,
  publication_id  INTEGER NOT NULL REFERENCES publications (id),
  date            TEXT,   -- YYYY-MM-DD or YYYY-MM, the precision printed
  label           TEXT,   -- the date as printed
  platform        TEXT,
  created_at      TEXT    NOT NULL
);
-- One edition per publication, date and platform; NULLs compare equal here.
CREATE UNIQUE INDEX editions_identity
  ON editions (publication_id, ifnull(date, ''), ifnull(platform, ''));

CREATE TABLE articles (
  id                INTEGER PRIMARY KEY,
  raw_document_id   INTEGER NOT NULL UNIQUE REFERENCES raw_documents (id),
  edition_id        INTEGER REFERENCES editions (id),
  title             TEXT,
  deck              TEXT,
  byline            TEXT,
  dateline          TEXT,
  paragraphs        TEXT    NOT NULL CHECK (json_valid(paragraphs) AND json_type(paragraphs) = 'array'),
  language          TEXT,
  page_locale       TEXT,
  word_count        INTEGER NOT NULL CHECK (word_count >= 0),
  parser_version    TEXT    NOT NULL,
  ingested_at       TEXT    NOT NULL
);
CREATE INDEX articles_edition ON articles (edition_id);

CREATE TABLE teasers (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position >= 1),
  title        TEXT    NOT NULL,
  summary      TEXT,
  publication  TEXT,
  date         TEXT,
  partial      INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1)),
  UNIQUE (article_id, position)
);

-- Full-text index over each article's title, deck and body; rowid = articles.id.
-- Kept in sync by the repository inside the ingest transaction.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, deck, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
