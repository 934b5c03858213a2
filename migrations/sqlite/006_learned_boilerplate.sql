-- masthead schema, version 6: corpus-learned boilerplate.
--
-- Which line shapes (src/parser/learned.ts: numbers, prices and month names folded, case and
-- spacing normalised, hashed to 53 bits) each publication printed, per platform ('' when
-- unknown). A shape printed by pages of several distinct publications is platform text; the
-- ingest layer hands that knowledge to the parser. Publications, not pages: a story ingested
-- twice, or under three UI languages, adds no row the second time.
--
-- Counted at ingest and at re-parse, inside the article's write transaction. Deleting an
-- article does not unlearn: the publication did print those lines.
--
-- A publication counts for a shape only once it printed it in two of its own stories
-- (`first_story` is a hash of the first one's title, `counted` turns 1 at the second):
-- platform chrome repeats on every page of a publication, a story line does not, so a wire
-- paragraph carried under different titles by three papers is not learned.
CREATE TABLE learned_line_publications (
  platform         TEXT    NOT NULL,
  shape_hash       INTEGER NOT NULL,
  publication_key  TEXT    NOT NULL,
  first_story      INTEGER,
  counted          INTEGER NOT NULL DEFAULT 0 CHECK (counted IN (0, 1)),
  PRIMARY KEY (platform, shape_hash, publication_key)
) WITHOUT ROWID;

-- Distinct publications per shape, kept by the store beside the rows above, so the snapshot
-- reads the learned shapes alone instead of grouping every row. `shape` (the folded text) is
-- kept once a second publication prints it: what a person reads to see what was learned.
-- `first_story` is a hash of the title (or, untitled, first line) of the story that first
-- printed the shape, and
-- `stories_differ` turns 1 when another publication prints it in a story of another title: a
-- wire story syndicated by several papers (same title, same lines) is not platform text.
CREATE TABLE learned_shapes (
  platform        TEXT    NOT NULL,
  shape_hash      INTEGER NOT NULL,
  publications    INTEGER NOT NULL CHECK (publications >= 1),
  shape           TEXT,
  first_story     INTEGER,
  stories_differ  INTEGER NOT NULL DEFAULT 0 CHECK (stories_differ IN (0, 1)),
  PRIMARY KEY (platform, shape_hash)
) WITHOUT ROWID;
-- What the snapshot reads: the few shapes that may be learned, not every line ever counted.
CREATE INDEX learned_shapes_learned ON learned_shapes (publications)
  WHERE publications >= 2 AND stories_differ = 1;
