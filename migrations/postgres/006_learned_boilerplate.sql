-- masthead schema, version 6 (PostgreSQL form of migrations/sqlite/006_learned_boilerplate.sql):
-- corpus-learned boilerplate. See the SQLite step for the rules; the rows are counted by the
-- repository at ingest and re-parse, inside the article's write transaction.
-- Shape hashes are 53-bit integers (exact in JavaScript): bigint.
CREATE TABLE learned_line_publications (
  platform         text    NOT NULL,
  shape_hash       bigint  NOT NULL,
  publication_key  text    COLLATE "C" NOT NULL,
  first_story      bigint,
  counted          integer NOT NULL DEFAULT 0 CHECK (counted IN (0, 1)),
  PRIMARY KEY (platform, shape_hash, publication_key)
);

CREATE TABLE learned_shapes (
  platform        text    NOT NULL,
  shape_hash      bigint  NOT NULL,
  publications    integer NOT NULL CHECK (publications >= 1),
  shape           text,
  first_story     bigint,
  stories_differ  integer NOT NULL DEFAULT 0 CHECK (stories_differ IN (0, 1)),
  PRIMARY KEY (platform, shape_hash)
);
-- What the snapshot reads: the few shapes that may be learned, not every line ever counted.
CREATE INDEX learned_shapes_learned ON learned_shapes (publications)
  WHERE publications >= 2 AND stories_differ = 1;
