import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
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

/** Background jobs and their progress, kept in the database so they outlive a restart. */
export function jobStore(db: Database.Database) {
  const insert = db.prepare<[string, JobKind, number | null, string]>(
    `INSERT INTO jobs (id, kind, status, total, created_at) VALUES (?, ?, 'queued', ?, ?)`,
  );
  const byId = db.prepare<[string], JobRow>(`SELECT * FROM jobs WHERE id = ?`);

  return {
    create(kind: JobKind, total: number | null): JobRecord {
      const id = randomUUID();
      insert.run(id, kind, total, new Date().toISOString());
      const row = byId.get(id);
      if (!row) throw new Error(`job ${id} vanished`);
      return toJob(row);
    },
    update(id: string, patch: JobPatch): void {
      const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [
        keyof JobPatch,
        unknown,
      ][];
      if (entries.length === 0) return;
      const sets = entries.map(([key]) => `${COLUMNS[key]} = ?`).join(', ');
      db.prepare(`UPDATE jobs SET ${sets} WHERE id = ?`).run(...entries.map(([, value]) => value), id);
    },
    get(id: string): JobRecord | null {
      const row = byId.get(id);
      return row ? toJob(row) : null;
    },
  };
}
