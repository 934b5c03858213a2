-- masthead schema, version 12: how many times a job was taken over.
--
-- A claim of a job still 'running' whose lease ran out (its node died or stalled) is a
-- takeover; a job handed back on shutdown ('queued') is claimed without one. Once a job has
-- been taken over JOB_MAX_TAKEOVERS times and its lease runs out again, the next claim ends it
-- 'failed' with the reason in `error` instead of handing it on: a page that kills every node
-- that parses it must not be retried forever.
ALTER TABLE jobs ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0;
