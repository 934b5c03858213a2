/** Background jobs and their progress (the `jobs` table of migration 002), as the SQLite adapter keeps them. */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { JobKind, JobPatch, JobRecord, JobStatus } from '../repository.js';

interface JobRow {
  id: string;
  kind: JobKind;
  status: JobStatus;
  total: number | null;
  processed: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const COLUMNS: Record<keyof JobPatch, string> = {
  status: 'status',
  total: 'total',
  processed: 'processed',
  updated: 'updated',
  unchanged: 'unchanged',
  skipped: 'skipped',
  failed: 'failed',
  error: 'error',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
};

function toJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    total: row.total,
    processed: row.processed,
    updated: row.updated,
    unchanged: row.unchanged,
    skipped: row.skipped,
    failed: row.failed,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function postgresJobs(pool: Pool) {
  return {
    async create(kind: JobKind, total: number | null): Promise<JobRecord> {
      const { rows } = await pool.query<JobRow>(
        `INSERT INTO jobs (id, kind, status, total, created_at) VALUES ($1, $2, 'queued', $3, $4) RETURNING *`,
        [randomUUID(), kind, total, new Date().toISOString()],
      );
      return toJob(rows[0]!);
    },
    async update(id: string, patch: JobPatch): Promise<void> {
      const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [
        keyof JobPatch,
        unknown,
      ][];
      if (entries.length === 0) return;
      const sets = entries.map(([key], index) => `${COLUMNS[key]} = $${index + 2}`).join(', ');
      await pool.query(`UPDATE jobs SET ${sets} WHERE id = $1`, [id, ...entries.map(([, value]) => value)]);
    },
    async get(id: string): Promise<JobRecord | null> {
      const { rows } = await pool.query<JobRow>(`SELECT * FROM jobs WHERE id = $1`, [id]);
      return rows[0] ? toJob(rows[0]) : null;
    },
  };
}
