/**
 * Which PostgreSQL failures are states of the storage (StorageFailure) rather than bugs.
 * SQLSTATE classes: https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
import type { StorageFailure } from '../repository.js';

/** Connection-level failures: the server is down, restarting, refusing connections or unreachable. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovery)
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction: a standby, or a primary demoted by failover
]);

/** Lock waits and conflicts that a retry may get past. */
const BUSY_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
  '57014', // query_canceled (statement_timeout)
]);

const CONNECTION_MESSAGES =
  /Connection terminated|connection error|Client has encountered a connection error|not queryable/i;

/** The failure a PostgreSQL (or pg driver) error stands for; null for anything else (a bug). */
export function postgresFailureOf(error: unknown): StorageFailure | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code === '53100') return 'full'; // disk_full
    if (code.startsWith('08') || UNAVAILABLE_CODES.has(code)) return 'unavailable';
    if (BUSY_CODES.has(code)) return 'busy';
  }
  // pg's pool gives up waiting for a free connection with this message (no code)
  if (/timeout exceeded when trying to connect/i.test(error.message)) return 'busy';
  if (CONNECTION_MESSAGES.test(error.message)) return 'unavailable';
  return null;
}

/** Deadlocks and serialization failures: the transaction did nothing and may simply run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
