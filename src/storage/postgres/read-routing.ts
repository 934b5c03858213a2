/**
 * Which server answers a read that may lag (lists, searches, the change feed): the replicas of
 * DATABASE_READ_URLS in turn, with one rule so that walking pages never goes back in time.
 *
 * A replica replays the primary's WAL some milliseconds behind, each at its own pace. A page
 * read on one replica and the next page read on another that has replayed less would skip the
 * rows the first had and the second lacks (or repeat rows a re-parse moved), so every cursor
 * names how far its server had replayed (a WAL position, `watermark`), and the next page is
 * read only where at least that much is replayed: the next replica in turn if it has, else the
 * first other replica that has, else whichever catches up within `waitMs`, else the primary.
 * The change feed needs no watermark: its token's seq is one (seqs commit in order), so a
 * replica whose feed reaches the token's seq holds every change up to it.
 *
 * Each URL must name one server, not a balancer over several: replay positions are per server.
 */
import type { Pool } from 'pg';
import { InvalidCursorError } from '../repository.js';

/** How long a page whose cursor is ahead of every replica waits for one, before the primary serves it. */
export const DEFAULT_REPLICA_WAIT_MS = 50;
/** How often a waiting read asks the replicas how far they have replayed. */
const POLL_MS = 5;

/** A WAL position, as PostgreSQL prints it (`16/B374D848`), as a number. */
function lsnValue(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

/**
 * A cursor with its watermark: `<cursor>.<high>-<low>` (hex). The cursors of src/storage/cursor.ts
 * are base64url, which has no `.`; a cursor without one (no replicas, or issued before this
 * rule) has no watermark and may be read anywhere.
 */
const WATERMARKED = /^([^.]+)\.([0-9A-F]{1,8})-([0-9A-F]{1,8})$/;

export function markCursor(cursor: string, watermark: bigint): string {
  const high = (watermark >> 32n).toString(16).toUpperCase();
  const low = (watermark & 0xffffffffn).toString(16).toUpperCase();
  return `${cursor}.${high}-${low}`;
}

export function splitCursor(cursor: string): { cursor: string; watermark: bigint | null } {
  if (!cursor.includes('.')) return { cursor, watermark: null };
  const match = WATERMARKED.exec(cursor);
  if (!match) throw new InvalidCursorError('the cursor is not one this server issued');
  return { cursor: match[1]!, watermark: lsnValue(`${match[2]}/${match[3]}`) };
}

/**
 * How far a server has gone: a replica's replayed position, the primary's inserted one (at or
 * after every commit its readers can see, so a replica that reaches it sees them too).
 */
const POSITION = `SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()
                          ELSE pg_current_wal_insert_lsn() END)::text AS lsn`;

export interface ReadRouterOptions {
  /** How long a page waits for a replica to replay up to its cursor (DEFAULT_REPLICA_WAIT_MS). */
  waitMs?: number | undefined;
}

export function readRouter(primary: Pool, replicas: Pool[], options: ReadRouterOptions = {}) {
  const waitMs = options.waitMs ?? DEFAULT_REPLICA_WAIT_MS;
  /** The furthest position seen on each server: replay only moves forward on one server. */
  const reached = new Map<Pool, bigint>();
  let turn = 0;

  async function positionOf(pool: Pool): Promise<bigint> {
    const { rows } = await pool.query<{ lsn: string | null }>(POSITION);
    const lsn = rows[0]?.lsn;
    // null: a standby that has replayed nothing yet
    const position = lsn ? lsnValue(lsn) : 0n;
    if (position > (reached.get(pool) ?? 0n)) reached.set(pool, position);
    return position;
  }

  /** The replicas, starting with the next in turn. */
  function inTurn(): Pool[] {
    turn = (turn + 1) % replicas.length;
    return [...replicas.slice(turn), ...replicas.slice(0, turn)];
  }

  /** A server whose replay has reached `watermark` (null: any replica), else the primary. */
  async function serverAt(watermark: bigint | null): Promise<Pool> {
    if (replicas.length === 0) return primary;
    const order = inTurn();
    if (watermark === null) return order[0]!;
    const known = order.find((pool) => (reached.get(pool) ?? 0n) >= watermark);
    if (known) return known;
    const deadline = Date.now() + waitMs;
    for (;;) {
      for (const pool of order) if ((await positionOf(pool)) >= watermark) return pool;
      if (Date.now() >= deadline) return primary;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /**
   * One page of a list or search: read where its cursor's watermark has been replayed; the
   * next cursor carries the position of the server that read this page, taken after the read.
   */
  async function page<
    Query extends { cursor?: string | undefined },
    Result extends { nextCursor: string | null },
  >(query: Query, read: (pool: Pool, query: Query) => Promise<Result>): Promise<Result> {
    if (replicas.length === 0) {
      return read(
        primary,
        query.cursor === undefined ? query : { ...query, cursor: splitCursor(query.cursor).cursor },
      );
    }
    const split = query.cursor === undefined ? null : splitCursor(query.cursor);
    const pool = await serverAt(split?.watermark ?? null);
    const result = await read(pool, split === null ? query : { ...query, cursor: split.cursor });
    if (result.nextCursor === null) return result;
    return { ...result, nextCursor: markCursor(result.nextCursor, await positionOf(pool)) };
  }

  /**
   * One read of the change feed: `onReplica` answers null when that server's feed has not
   * reached the token's seq yet; the replicas are asked in turn until `waitMs` has passed,
   * then the primary answers (`onPrimary`: there, a token ahead of the feed is refused).
   */
  async function feed<Result>(
    onReplica: (pool: Pool) => Promise<Result | null>,
    onPrimary: (pool: Pool) => Promise<Result>,
  ): Promise<Result> {
    if (replicas.length > 0) {
      const order = inTurn();
      const deadline = Date.now() + waitMs;
      for (;;) {
        for (const pool of order) {
          const result = await onReplica(pool);
          if (result !== null) return result;
        }
        if (Date.now() >= deadline) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
    return onPrimary(primary);
  }

  return { page, feed, serverAt };
}
