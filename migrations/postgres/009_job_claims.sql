-- masthead schema, version 9 (PostgreSQL): background jobs claimed by one node at a time.
-- Same columns and meaning as migrations/sqlite/009_job_claims.sql (read it there); timestamps
-- stay ISO 8601 UTC text like the rest of the jobs table, written from the server's clock
-- (`now()`), so nodes whose clocks disagree still agree on when a lease ran out.
ALTER TABLE jobs
  ADD COLUMN options        text   NOT NULL DEFAULT '{}',
  ADD COLUMN parser_version text   NOT NULL DEFAULT '',
  ADD COLUMN claimed_by     text,
  ADD COLUMN heartbeat_at   text,
  ADD COLUMN resume_after   bigint NOT NULL DEFAULT 0;

UPDATE jobs
   SET status = 'failed',
       error = 'interrupted before jobs could be taken over (migration 9); run it again',
       finished_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
 WHERE status IN ('queued', 'running');

CREATE INDEX jobs_claimable ON jobs (created_at) WHERE status IN ('queued', 'running');
