/**
 * The change feed on PostgreSQL (migrations/postgres/008): rows appended at COMMIT, one
 * transaction at a time, so seqs become visible in increasing order, and read here in seq
 * order. Tokens are SQLite's (src/storage/sqlite/changes.ts): the feed's epoch and the last
 * seq seen, so a token from another database, from a copy restored behind the client, or
 * from before the pruned range is refused with ChangesGoneError instead of skipping changes.
 */
import type { Pool } from 'pg';
import { decodeCursor, encodeCursor } from '../cursor.js';
import {
  ChangesGoneError,
  InvalidCursorError,
  type ChangeKind,
  type ChangePage,
  type ChangeQuery,
  type ChangeRecord,
} from '../repository.js';
import { toNumber } from './rows.js';

const TOKEN_LIST = 'changes';

interface FeedState {
  epoch: string;
  pruned_through: string;
  head: string;
}

interface ChangeRow {
  seq: string;
  kind: ChangeKind;
  article_id: string;
  source_url: string | null;
  changed_at: string;
}

const token = (epoch: string, seq: number): string => encodeCursor(TOKEN_LIST, [epoch, seq]);

/** A token whose seq this copy of the feed has not reached yet (a replica behind the one that issued it). */
class AheadOfThisCopy extends ChangesGoneError {}

/** Where `since` points in the feed described by `state`; throws when the client must resync. */
function position(since: string, state: { epoch: string; prunedThrough: number; head: number }): number {
  if (since === 'now') return state.head;
  let epoch: string;
  let seq: number;
  try {
    [epoch, seq] = decodeCursor(since, TOKEN_LIST, ['string', 'number'] as const);
  } catch {
    throw new InvalidCursorError(
      'since is not a token of this change feed: pass a `next` or item `token` verbatim',
    );
  }
  if (epoch !== state.epoch) {
    throw new ChangesGoneError('the token belongs to another database: resync, then follow from since=now');
  }
  if (seq > state.head) {
    throw new AheadOfThisCopy(
      'the token is ahead of this database (restored from an older copy?): resync, then follow from since=now',
    );
  }
  if (seq < state.prunedThrough) {
    throw new ChangesGoneError(
      `changes after this token are no longer kept (changes up to ${state.prunedThrough} were pruned): ` +
        'resync, then follow from since=now',
    );
  }
  return seq;
}

/** A token's seq, read before the feed is: the query then returns what follows it. */
function tokenSeq(since: string | undefined): number | null {
  if (since === undefined || since === 'now') return null;
  try {
    return decodeCursor(since, TOKEN_LIST, ['string', 'number'] as const)[1];
  } catch {
    return null; // refused by `position` once the state is known
  }
}

export function postgresChanges(pool: Pool) {
  /**
   * The state and the rows come from one statement, so from one snapshot: a prune between
   * two reads would make a token look valid and skip changes. One round trip, no
   * transaction to hold open (pgbouncer's transaction pooling needs none).
   */
  async function list(query: ChangeQuery): Promise<ChangePage> {
    const afterSeq = tokenSeq(query.since);
    const rowsWanted = query.since === 'now' ? 0 : query.limit + 1;
    const { rows } = await pool.query<FeedState & Partial<ChangeRow>>(
      `WITH state AS (
         SELECT epoch, pruned_through,
                greatest(pruned_through, coalesce((SELECT max(seq) FROM changes), 0)) AS head
           FROM change_feed WHERE singleton = 1)
       SELECT s.epoch, s.pruned_through, s.head, c.seq, c.kind, c.article_id, c.source_url, c.changed_at
         FROM state s
         LEFT JOIN LATERAL (
           SELECT seq, kind, article_id, source_url, changed_at FROM changes
            WHERE seq > coalesce($1::bigint, s.pruned_through) ORDER BY seq LIMIT $2) c ON true
        ORDER BY c.seq`,
      [afterSeq, rowsWanted],
    );
    const first = rows[0];
    if (!first) throw new Error('change feed state is missing (migration 008 not applied?)');
    const state = {
      epoch: first.epoch,
      prunedThrough: toNumber(first.pruned_through),
      head: toNumber(first.head),
    };
    const since = query.since === undefined ? state.prunedThrough : position(query.since, state);
    const changes = rows.flatMap((row) =>
      row.seq === null || row.seq === undefined ? [] : [row as ChangeRow],
    );
    const page = changes.slice(0, query.limit);
    const items: ChangeRecord[] = page.map((change) => ({
      seq: toNumber(change.seq),
      token: token(state.epoch, toNumber(change.seq)),
      kind: change.kind,
      articleId: toNumber(change.article_id),
      sourceUrl: change.source_url,
      changedAt: change.changed_at,
    }));
    const last = page.at(-1);
    return {
      items,
      next: token(state.epoch, last ? toNumber(last.seq) : since),
      hasMore: changes.length > query.limit,
    };
  }

  /**
   * The same page, or null when this copy's feed has not reached the token's seq yet: on a
   * replica that lags behind the one that issued the token, the caller reads elsewhere.
   */
  async function listIfReached(query: ChangeQuery): Promise<ChangePage | null> {
    try {
      return await list(query);
    } catch (error) {
      if (error instanceof AheadOfThisCopy) return null;
      throw error;
    }
  }

  return { list, listIfReached };
}
