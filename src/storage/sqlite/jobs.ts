import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  DEFAULT_MAX_TAKEOVERS,
  jobPatchAssignments,
  outcomeColumn,
  takeoversExhausted,
  toJob,
  type JobRow,
} from '../job-rows.js';
import type { JobKind, JobPatch, JobRecord, JobSpec, ReparseOutcome } from '../repository.js';

/**
 * Background jobs and their progress, kept in the database so that any process on the file can
 * run them and another can finish one whose process died. SQLite has one writer at a time, so a
 * claim (one UPDATE … RETURNING in an immediate transaction) cannot be won twice; lease
 * times are this machine's clock, which every process on the file shares.
 */
export function jobStore(db: Database.Database) {
  const insert = db.prepare<[string, JobKind, number | null, string, string, string]>(
    `INSERT INTO jobs (id, kind, status, total, created_at, options, parser_version)
     VALUES (?, ?, 'queued', ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string], JobRow>(`SELECT * FROM jobs WHERE id = ?`);
  /** Running jobs whose lease ran out and that may not be taken over again. */
  const exhausted = db.prepare<{ expired: string; maxTakeovers: number }, JobRow>(
    `SELECT * FROM jobs WHERE status = 'running' AND heartbeat_at < :expired AND takeovers >= :maxTakeovers`,
  );
  const fail = db.prepare<{ id: string; now: string; error: string }>(
    `UPDATE jobs SET status = 'failed', error = :error, finished_at = :now WHERE id = :id`,
  );
  // Claiming a job still 'running' (its lease ran out) is a takeover.
  const claim = db.prepare<{ nodeId: string; now: string; expired: string; parserVersion: string }, JobRow>(
    `UPDATE jobs
        SET status = 'running', claimed_by = :nodeId, heartbeat_at = :now,
            started_at = coalesce(started_at, :now),
            takeovers = takeovers + (CASE WHEN status = 'running' THEN 1 ELSE 0 END)
      WHERE id = (SELECT id FROM jobs
                   WHERE parser_version = :parserVersion
                     AND (status = 'queued' OR (status = 'running' AND heartbeat_at < :expired))
                   ORDER BY created_at, rowid
                   LIMIT 1)
      RETURNING *`,
  );

  // Immediate: a claim reads then writes; taking the write lock first makes another process's
  // claim wait its turn instead of failing on a stale snapshot.
  const claimOne = db.transaction(
    (nodeId: string, leaseMs: number, parserVersion: string, maxTakeovers: number): JobRecord | null => {
      const now = new Date().toISOString();
      const expired = new Date(Date.parse(now) - leaseMs).toISOString();
      for (const job of exhausted.all({ expired, maxTakeovers })) {
        fail.run({
          id: job.id,
          now,
          error: takeoversExhausted(Number(job.takeovers), Number(job.resume_after)),
        });
      }
      const row = claim.get({ nodeId, parserVersion, now, expired });
      return row ? toJob(row) : null;
    },
  );
  const renew = db.transaction((id: string, nodeId: string, patch: JobPatch): boolean => {
    const { sql, values } = jobPatchAssignments(patch, () => '?');
    const sets = [...sql, 'heartbeat_at = ?'].join(', ');
    const result = db
      .prepare(`UPDATE jobs SET ${sets} WHERE id = ? AND claimed_by = ? AND status = 'running'`)
      .run(...values, new Date().toISOString(), id, nodeId);
    return result.changes === 1;
  });
  const counters = new Map(
    (['updated', 'unchanged', 'skipped'] as const).map((column) => [
      column,
      db.prepare<[number, string, string, string]>(
        `UPDATE jobs SET processed = processed + 1, ${column} = ${column} + 1, resume_after = ?, heartbeat_at = ?
          WHERE id = ? AND claimed_by = ? AND status = 'running'`,
      ),
    ]),
  );

  return {
    create(kind: JobKind, total: number | null, spec: JobSpec): JobRecord {
      const id = randomUUID();
      insert.run(id, kind, total, new Date().toISOString(), JSON.stringify(spec.options), spec.parserVersion);
      const row = byId.get(id);
      if (!row) throw new Error(`job ${id} vanished`);
      return toJob(row);
    },
    claim: (
      nodeId: string,
      leaseMs: number,
      parserVersion: string,
      maxTakeovers = DEFAULT_MAX_TAKEOVERS,
    ): JobRecord | null => claimOne.immediate(nodeId, leaseMs, parserVersion, maxTakeovers),
    heartbeat: (id: string, nodeId: string, patch: JobPatch): boolean => renew.immediate(id, nodeId, patch),
    /**
     * Counts one article's re-parse in the job, in the caller's transaction; false (nothing
     * written) when `nodeId` no longer holds the job.
     */
    countOutcome(
      id: string,
      nodeId: string,
      articleId: number,
      outcome: Exclude<ReparseOutcome, 'job-lost'>,
    ): boolean {
      const counter = counters.get(outcomeColumn(outcome) as 'updated' | 'unchanged' | 'skipped');
      if (!counter) throw new Error(`no job count for ${outcome}`);
      return counter.run(articleId, new Date().toISOString(), id, nodeId).changes === 1;
    },
    update(id: string, patch: JobPatch): void {
      const { sql, values } = jobPatchAssignments(patch, () => '?');
      if (sql.length === 0) return;
      db.prepare(`UPDATE jobs SET ${sql.join(', ')} WHERE id = ?`).run(...values, id);
    },
    get(id: string): JobRecord | null {
      const row = byId.get(id);
      return row ? toJob(row) : null;
    },
  };
}
