import type { JobKind, JobOptions, JobPatch, JobRecord, JobStatus } from './repository.js';

/** A row of the jobs table: the same columns on every engine (migrations 002 and 009). */
// Counts are numbers from SQLite, strings from PostgreSQL's bigint: `toJob` reads both.
export interface JobRow {
  id: string;
  kind: JobKind;
  status: JobStatus;
  total: number | string | null;
  processed: number | string;
  updated: number | string;
  unchanged: number | string;
  skipped: number | string;
  failed: number | string;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  options: string;
  parser_version: string;
  claimed_by: string | null;
  heartbeat_at: string | null;
  resume_after: number | string;
  takeovers: number | string;
}

/** How many times a job may be taken over before its next expired lease ends it failed (JOB_MAX_TAKEOVERS). */
export const DEFAULT_MAX_TAKEOVERS = 3;

/**
 * The reason a job that kept losing its node ends with. The page after `resumeAfter` is the
 * likeliest culprit: every node died somewhere after the last article counted.
 */
export function takeoversExhausted(takeovers: number, resumeAfter: number): string {
  return (
    `taken over ${takeovers} times (JOB_MAX_TAKEOVERS) and its lease ran out again: each node running it ` +
    `died or stalled; stopped after article ${resumeAfter} (the next page may be what kills the parser)`
  );
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
  resumeAfter: 'resume_after',
};

/** Progress fields: a heartbeat never moves them back (see `jobPatchAssignments`). */
const PROGRESS: ReadonlySet<keyof JobPatch> = new Set([
  'processed',
  'updated',
  'unchanged',
  'skipped',
  'failed',
  'resumeAfter',
]);

/**
 * The columns a patch sets (undefined = leave) as SQL, given how the engine writes its n-th
 * parameter. When the patch carries `resumeAfter`, its progress columns are written only if
 * the row's resume point is not already past it: a heartbeat sent before a per-article count
 * (ReparseTarget.job) but committed after it must not undo that count.
 */
export function jobPatchAssignments(
  patch: JobPatch,
  parameter: (index: number) => string,
  firstIndex = 1,
): { sql: string[]; values: unknown[] } {
  const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [
    keyof JobPatch,
    unknown,
  ][];
  const values: unknown[] = [];
  const next = (value: unknown): string => {
    values.push(value);
    return parameter(firstIndex + values.length - 1);
  };
  const resumeAfter = patch.resumeAfter;
  // Parameters are pushed in the order they appear in the text (`?` engines bind by position).
  const sql = entries.map(([key, value]) => {
    const column = COLUMNS[key];
    if (resumeAfter === undefined || !PROGRESS.has(key)) return `${column} = ${next(value)}`;
    const guard = next(resumeAfter);
    return `${column} = CASE WHEN resume_after <= ${guard} THEN ${next(value)} ELSE ${column} END`;
  });
  return { sql, values };
}

/** The job column an article's re-parse outcome counts in (ReparseTarget.job). */
export function outcomeColumn(outcome: 'updated' | 'unchanged' | 'missing' | 'document-changed'): string {
  return outcome === 'updated' || outcome === 'unchanged' ? outcome : 'skipped';
}

/** Stored `options` JSON → options; anything unreadable means the defaults. */
export function parseJobOptions(json: string): JobOptions {
  try {
    const value = JSON.parse(json) as { all?: unknown };
    return { all: value.all === true };
  } catch {
    return { all: false };
  }
}

/** A jobs row (same columns on every engine) → the record. */
export function toJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    total: row.total === null ? null : Number(row.total),
    processed: Number(row.processed),
    updated: Number(row.updated),
    unchanged: Number(row.unchanged),
    skipped: Number(row.skipped),
    failed: Number(row.failed),
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    options: parseJobOptions(row.options),
    parserVersion: row.parser_version,
    claimedBy: row.claimed_by,
    heartbeatAt: row.heartbeat_at,
    resumeAfter: Number(row.resume_after),
    takeovers: Number(row.takeovers),
  };
}
