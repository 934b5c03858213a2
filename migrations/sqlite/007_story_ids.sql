-- masthead schema, version 7: one story, many captures.
--
-- The same story captured under another UI language, from another platform or twice is one
-- story: each article carries a `story_id` (the id of the story's first capture), found at
-- ingest and re-parse from a MinHash fingerprint of its body (src/storage/story-signature.ts).
--
-- SQL cannot compute MinHash, so this migration leaves existing articles' story_id NULL; the
-- server fills them at start-up in bounded batches from the stored paragraphs (no re-parse
-- needed: src/ingest/stories.ts), and a re-parse fills any it touches. Until then a NULL story
-- is a story of its own (lists and captures read ifnull(story_id, id)).
ALTER TABLE articles ADD COLUMN story_id INTEGER;

-- Captures of a story, in id order; also finds the articles still to fingerprint (story_id IS NULL).
CREATE INDEX articles_story ON articles (story_id, id);

-- The fingerprint that confirms a candidate: the 64 minima (256 bytes) and the size of the
-- shingle set (which gives containment: a capture cut short), with the story id again. Apart
-- from `articles`, whose rows hold the body inline: a column added there sits after the
-- paragraphs, and reading it walks their overflow pages (confirming 16 candidates cost 1.2 ms
-- per ingest that way). A body too short to fingerprint has no row here.
CREATE TABLE story_fingerprints (
  article_id  INTEGER PRIMARY KEY,
  story_id    INTEGER NOT NULL,
  shingles    INTEGER NOT NULL CHECK (shingles > 0),
  signature   BLOB    NOT NULL CHECK (length(signature) = 256)
);

-- Locality-sensitive hashing: one row per band of each fingerprinted article. A new body looks
-- its 32 band keys up here (a bounded number of rows each) instead of comparing every article.
-- Rows are removed by key (the keys are recomputed from the stored signature), so no second index.
CREATE TABLE story_bands (
  band_key    INTEGER NOT NULL,
  article_id  INTEGER NOT NULL,
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
