-- masthead schema, version 7: one story, many captures.
--
-- The same story captured under another UI language, from another platform or twice is one
-- story: each article carries a `story_id` (the id of the story's first capture), found at
-- ingest and re-parse from a MinHash fingerprint of its body (src/storage/story-signature.ts).
-- `story_signature` keeps the 64 minima (256 bytes) that confirm a candidate; `story_shingles`
-- the size of the shingle set, which gives containment (a capture cut short).
--
-- SQL cannot compute MinHash, so this migration leaves existing articles' story_id NULL; the
-- server fills them at start-up in bounded batches from the stored paragraphs (no re-parse
-- needed: src/ingest/stories.ts), and a re-parse fills any it touches. Until then a NULL story
-- is a story of its own (lists and captures read ifnull(story_id, id)).
ALTER TABLE articles ADD COLUMN story_id INTEGER;
ALTER TABLE articles ADD COLUMN story_signature BLOB;
ALTER TABLE articles ADD COLUMN story_shingles INTEGER;

-- Captures of a story, in id order; also finds the articles still to fingerprint (story_id IS NULL).
CREATE INDEX articles_story ON articles (story_id, id);

-- Locality-sensitive hashing: one row per band of each fingerprinted article. A new body looks
-- its 32 band keys up here (a bounded number of rows each) instead of comparing every article.
-- Rows are removed by key (the keys are recomputed from story_signature), so no second index.
CREATE TABLE story_bands (
  band_key    INTEGER NOT NULL,
  article_id  INTEGER NOT NULL,
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
