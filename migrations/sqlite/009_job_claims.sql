-- masthead schema, version 9: background jobs claimed by one node at a time.
--
-- A job is queued in the database by whichever node takes the request; any node running the
-- same parser version claims it (`claimed_by`, status 'running'), renews its lease by writing
-- `heartbeat_at` with its progress, and another node takes it over once no heartbeat came for
-- a lease period (JOB_LEASE_MS). The taker-over resumes after `resume_after` (the last
-- article id whose outcome the counts already include), so nothing is counted twice.
--
-- `options`: JSON of what the job was asked (`{"all": true}`).
-- `parser_version`: the version whose nodes may run it; a node with another parser must not
--   rewrite articles with it (rolling upgrades run old and new nodes side by side).
-- `heartbeat_at`: ISO 8601 UTC with milliseconds, like the other timestamps here, so that
--   text order is time order.
ALTER TABLE jobs ADD COLUMN options        TEXT    NOT NULL DEFAULT '{}';
ALTER TABLE jobs ADD COLUMN parser_version TEXT    NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN claimed_by     TEXT;
ALTER TABLE jobs ADD COLUMN heartbeat_at   TEXT;
ALTER TABLE jobs ADD COLUMN resume_after   INTEGER NOT NULL DEFAULT 0;

-- Before this version a job ran in the memory of the process that started it: one left
-- 'running' or 'queued' lost that process, and nothing says with which options or parser.
UPDATE jobs
   SET status = 'failed',
       error = 'interrupted before jobs could be taken over (migration 9); run it again',
       finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
 WHERE status IN ('queued', 'running');

-- What a claim looks for: the oldest job not finished.
CREATE INDEX jobs_claimable ON jobs (created_at) WHERE status IN ('queued', 'running');
