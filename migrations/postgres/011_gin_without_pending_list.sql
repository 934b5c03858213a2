-- masthead schema, version 11: the full-text indexes take new rows at once.
--
-- With GIN's default fastupdate=on, new rows wait in an unsorted pending list until a vacuum
-- (or the list's 4 MB limit) merges it, and every search scans that whole list. Measured
-- (bench/gin-pending.ts, docs/measurements/2026-12-07-engines.md): after 2,000 ingests the list
-- held 321 pages; a rare-term search took 45.5 ms p50 with it, 18.4 ms with fastupdate=off,
-- and 1,000 ingests cost no more. Rows already pending are merged by the next vacuum.
ALTER INDEX articles_search SET (fastupdate = off);
ALTER INDEX teasers_search SET (fastupdate = off);
