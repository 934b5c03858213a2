/**
 * Background jobs (migrations 002 and 009) on PostgreSQL: the same rows and rules as the SQLite
 * store (src/storage/sqlite/jobs.ts). Lease times are the server's clock (`now()`), so API
 * nodes whose clocks disagree still agree on when a lease ran out. Plain parameterised
 * statements only: no named prepared statements, so it works through pgbouncer in transaction
 * pooling.
 */
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  DEFAULT_MAX_TAKEOVERS,
  jobPatchAssignments,
  outcomeColumn,
  takeoversExhausted,
  toJob,
  type JobRow,
} from '../job-rows.js';
import type { JobKind, JobPatch, JobRecord, JobSpec, ReparseOutcome } from '../repository.js';

/** The server's clock as the jobs table writes time: ISO 8601 UTC with milliseconds. */
const NOW = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const LEASE_EXPIRED_BEFORE = `to_char((now() - $3 * interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function postgresJobs(pool: Pool) {
  return {
    async create(kind: JobKind, total: number | null, spec: JobSpec): Promise<JobRecord> {
      const { rows } = await pool.query<JobRow>(
        `INSERT INTO jobs (id, kind, status, total, created_at, options, parser_version)
         VALUES ($1, $2, 'queued', $3, ${NOW}, $4, $5) RETURNING *`,
        [randomUUID(), kind, total, JSON.stringify(spec.options), spec.parserVersion],
      );
      return toJob(rows[0]!);
    },

    /**
     * First ends the running jobs whose lease ran out once more than `maxTakeovers` allows
     * (each by an UPDATE that checks again that nothing renewed it since it was read). Then one
     * statement: the oldest claimable job is locked by this transaction or skipped if another
     * claim holds it (SKIP LOCKED), so two nodes claiming at once get two different jobs, or one
     * gets none. Claiming a job still 'running' is a takeover.
     */
    async claim(
      nodeId: string,
      leaseMs: number,
      parserVersion: string,
      maxTakeovers = DEFAULT_MAX_TAKEOVERS,
    ): Promise<JobRecord | null> {
      const exhausted = await pool.query<JobRow>(
        `SELECT * FROM jobs
          WHERE status = 'running' AND heartbeat_at < ${LEASE_EXPIRED_BEFORE.replace('$3', '$1')}
            AND takeovers >= $2`,
        [leaseMs, maxTakeovers],
      );
      for (const job of exhausted.rows) {
        await pool.query(
          `UPDATE jobs SET status = 'failed', error = $3, finished_at = ${NOW}
            WHERE id = $1 AND status = 'running' AND heartbeat_at = $2 AND takeovers = $4`,
          [
            job.id,
            job.heartbeat_at,
            takeoversExhausted(Number(job.takeovers), Number(job.resume_after)),
            job.takeovers,
          ],
        );
      }
      const { rows } = await pool.query<JobRow>(
        `UPDATE jobs
            SET status = 'running', claimed_by = $1, heartbeat_at = ${NOW},
                started_at = coalesce(started_at, ${NOW}),
                takeovers = takeovers + (CASE WHEN status = 'running' THEN 1 ELSE 0 END)
          WHERE id = (SELECT id FROM jobs
                       WHERE parser_version = $2
                         AND (status = 'queued'
                              OR (status = 'running' AND heartbeat_at < ${LEASE_EXPIRED_BEFORE}))
                       ORDER BY created_at, id
                       FOR UPDATE SKIP LOCKED
                       LIMIT 1)
          RETURNING *`,
        [nodeId, parserVersion, leaseMs],
      );
      return rows[0] ? toJob(rows[0]) : null;
    },

    /** Renews `nodeId`'s lease with `patch`; false (nothing written) when it no longer holds the job. */
    async heartbeat(id: string, nodeId: string, patch: JobPatch): Promise<boolean> {
      const { sql, values } = jobPatchAssignments(patch, (index) => `$${index}`, 3);
      const sets = [...sql, `heartbeat_at = ${NOW}`].join(', ');
      const result = await pool.query(
        `UPDATE jobs SET ${sets} WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
        [id, nodeId, ...values],
      );
      return result.rowCount === 1;
    },

    /**
     * Counts one article's re-parse in the job, on the re-parse's own transaction (`client`);
     * false (nothing written) when `nodeId` no longer holds the job.
     */
    async countOutcome(
      client: PoolClient,
      id: string,
      nodeId: string,
      articleId: number,
      outcome: Exclude<ReparseOutcome, 'job-lost'>,
    ): Promise<boolean> {
      const column = outcomeColumn(outcome);
      const result = await client.query(
        `UPDATE jobs SET processed = processed + 1, ${column} = ${column} + 1, resume_after = $3,
                heartbeat_at = ${NOW}
          WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
        [id, nodeId, articleId],
      );
      return result.rowCount === 1;
    },

    async update(id: string, patch: JobPatch): Promise<void> {
      const { sql, values } = jobPatchAssignments(patch, (index) => `$${index}`, 2);
      if (sql.length === 0) return;
      await pool.query(`UPDATE jobs SET ${sql.join(', ')} WHERE id = $1`, [id, ...values]);
    },

    async get(id: string): Promise<JobRecord | null> {
      const { rows } = await pool.query<JobRow>(`SELECT * FROM jobs WHERE id = $1`, [id]);
      return rows[0] ? toJob(rows[0]) : null;
    },
  };
}
