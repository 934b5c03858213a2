/**
 * The change feed (migration 008): rows written by triggers in the transaction of each
 * ingest, re-parse and delete, read here in sequence order. A token names the feed (its
 * epoch, random per database) and the last sequence number the client has seen, so a token
 * from another database, from a copy restored behind the client, or from before the pruned
 * range is refused with ChangesGoneError instead of silently skipping changes.
 */
import type Database from 'better-sqlite3';
import {
  ChangesGoneError,
  InvalidCursorError,
  type ChangeKind,
  type ChangePage,
  type ChangeQuery,
  type ChangeRecord,
} from '../repository.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

const TOKEN_LIST = 'changes';

interface ChangeRow {
  seq: number;
  kind: ChangeKind;
  article_id: number;
  source_url: string | null;
  changed_at: string;
}

interface FeedState {
  epoch: string;
  pruned_through: number;
  head: number;
}

export function changeStore(db: Database.Database) {
  const statements = {
    state: db.prepare<[], FeedState>(`
      SELECT epoch, pruned_through,
             max(pruned_through, ifnull((SELECT max(seq) FROM changes), 0)) AS head
        FROM change_feed WHERE singleton = 1`),
    after: db.prepare<[number, number], ChangeRow>(`
      SELECT seq, kind, article_id, source_url, changed_at FROM changes
       WHERE seq > ? ORDER BY seq LIMIT ?`),
    setRetained: db.prepare<[number]>(`UPDATE change_feed SET retained = ? WHERE singleton = 1`),
    retained: db.prepare<[], { retained: number }>(`SELECT retained FROM change_feed WHERE singleton = 1`),
  };

  const token = (epoch: string, seq: number): string => encodeCursor(TOKEN_LIST, [epoch, seq]);

  function position(since: string, state: FeedState): number {
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
      throw new ChangesGoneError(
        'the token is ahead of this database (restored from an older copy?): resync, then follow from since=now',
      );
    }
    if (seq < state.pruned_through) {
      throw new ChangesGoneError(
        `changes after this token are no longer kept (changes up to ${state.pruned_through} were pruned): ` +
          'resync, then follow from since=now',
      );
    }
    return seq;
  }

  /** One read transaction: the state and the rows come from the same snapshot. */
  const read = db.transaction((query: ChangeQuery): ChangePage => {
    const state = statements.state.get();
    if (!state) throw new Error('change feed state is missing (migration 008 not applied?)');
    const since = query.since === undefined ? state.pruned_through : position(query.since, state);
    const rows = query.since === 'now' ? [] : statements.after.all(since, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const items: ChangeRecord[] = page.map((row) => ({
      seq: row.seq,
      token: token(state.epoch, row.seq),
      kind: row.kind,
      articleId: row.article_id,
      sourceUrl: row.source_url,
      changedAt: row.changed_at,
    }));
    return {
      items,
      next: token(state.epoch, page.at(-1)?.seq ?? since),
      hasMore: rows.length > query.limit,
    };
  });

  return {
    list: (query: ChangeQuery): ChangePage => read.deferred(query),
    /** Keeps the newest `count` changes from now on (the next change prunes the rest). */
    setRetained(count: number): void {
      if (statements.retained.get()?.retained !== count) statements.setRetained.run(count);
    },
  };
}
