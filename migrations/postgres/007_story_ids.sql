-- masthead schema, version 7 (PostgreSQL form of migrations/sqlite/007_story_ids.sql):
-- one story, many captures. Each article carries a `story_id` (the id of the story's first
-- capture), found at ingest and re-parse from a MinHash fingerprint of its body
-- (src/storage/story-signature.ts). NULL until assigned: a story of its own.
ALTER TABLE articles ADD COLUMN story_id bigint;

-- Captures of a story, in id order; also finds the articles still to fingerprint.
CREATE INDEX articles_story ON articles (story_id, id);

-- The fingerprint that confirms a candidate: the 64 minima (256 bytes) and the shingle count.
CREATE TABLE story_fingerprints (
  article_id  bigint  PRIMARY KEY,
  story_id    bigint  NOT NULL,
  shingles    integer NOT NULL CHECK (shingles > 0),
  signature   bytea   NOT NULL CHECK (octet_length(signature) = 256)
);

-- Locality-sensitive hashing: one row per band (53-bit keys) of each fingerprinted article.
CREATE TABLE story_bands (
  band_key    bigint  NOT NULL,
  article_id  bigint  NOT NULL,
  PRIMARY KEY (band_key, article_id)
);
