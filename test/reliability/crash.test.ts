/**
 * Crash test: a child process ingests distinct pages in a loop (scripts/crash-child.ts)
 * and prints each acknowledged article; it is killed with SIGKILL at a random moment,
 * again and again, over the same database file. After every kill the database must open,
 * pass `PRAGMA integrity_check`, hold every article acknowledged so far, complete, and
 * show no partial ingest.
 *
 *   npx vitest run test/reliability/crash.test.ts                    # 10 kills (50 with CI set)
 *   CRASH_KILLS=200 npx vitest run test/reliability/crash.test.ts    # the full run
 *   CRASH_SEED=<n> …                                                 # replay a run's kill delays
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrashEvent } from '../../scripts/crash-child.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import {
  acknowledgedViolations,
  integrityCheck,
  missingAcknowledged,
  partialIngestViolations,
  type AcknowledgedArticle,
} from './invariants.js';
import { mulberry32 } from '../helpers/random.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = join(ROOT, 'scripts/crash-child.ts');

const KILLS = Number(process.env.CRASH_KILLS ?? (process.env.CI ? 50 : 10));
const SEED = Number(process.env.CRASH_SEED ?? randomInt(2 ** 31));
/** The kill lands this long after the child's first acknowledged ingest: timed from the child's
 * readiness, not from its start, so that a loaded machine (slow start-up) still kills mid-ingest. */
const MIN_DELAY_MS = 0;
const MAX_DELAY_MS = 300;
/** Every few rounds the check opens read-write (and so checkpoints the WAL and runs FTS5's checks); the
 * other rounds read through a read-only connection, leaving the crashed WAL for the next child to recover. */
const READ_WRITE_CHECK_EVERY = 5;
/** A child that has not acknowledged its first ingest by then is stuck (tsx compiles on first run). */
const FIRST_ACK_TIMEOUT_MS = 60_000;

interface Round {
  acks: AcknowledgedArticle[];
  opened: boolean;
  stuck: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the child until `delayMs` after its first acknowledged ingest, then SIGKILLs it. */
function killedRound(databasePath: string, tag: string, delayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, databasePath, tag], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { acks: [], opened: false, stuck: false, code: null, signal: null, stderr: '' };
    let buffered = '';
    const stuck = setTimeout(() => {
      round.stuck = true;
      child.kill('SIGKILL');
    }, FIRST_ACK_TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (round.stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? ''; // an unterminated line was not acknowledged
      for (const line of lines) {
        const event = JSON.parse(line) as CrashEvent;
        if (event.event === 'open') {
          round.opened = true;
        } else if (event.event === 'ack') {
          const { id, sha256, marker, teasers, paragraphs } = event;
          round.acks.push({ id, sha256, marker, teasers, paragraphs });
          if (round.acks.length === 1) {
            clearTimeout(stuck);
            setTimeout(() => child.kill('SIGKILL'), delayMs);
          }
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(stuck);
      resolve({ ...round, code, signal });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'masthead-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety (SIGKILL during ingest)', () => {
  it(
    `loses no acknowledged article and shows no partial ingest over ${KILLS} kills`,
    async () => {
      const databasePath = join(dir, 'crash.db');
      const random = mulberry32(SEED);
      console.log(`crash test: ${KILLS} kills, seed ${SEED} (set CRASH_SEED=${SEED} to replay the delays)`);
      const acknowledged: AcknowledgedArticle[] = [];
      const started = Date.now();
      let inFlightKills = 0;

      for (let round = 1; round <= KILLS; round += 1) {
        const delay = MIN_DELAY_MS + Math.floor(random() * (MAX_DELAY_MS - MIN_DELAY_MS + 1));
        const result = await killedRound(databasePath, `k${round}`, delay);
        const where = `round ${round} (seed ${SEED}, kill after ${delay} ms)`;
        expect(
          result.stuck,
          `${where}: no ingest acknowledged in ${FIRST_ACK_TIMEOUT_MS} ms: ${result.stderr}`,
        ).toBe(false);
        expect(result.signal, `${where}: the child ended by itself: ${result.stderr}`).toBe('SIGKILL');
        expect(result.acks.length, where).toBeGreaterThan(0);
        if (result.acks.length > 1) inFlightKills += 1;

        const readWrite = round % READ_WRITE_CHECK_EVERY === 0;
        const db = new Database(databasePath, {
          readonly: !readWrite,
          fileMustExist: true,
        });
        try {
          expect(integrityCheck(db), where).toBe('ok');
          expect(partialIngestViolations(db, { fts: readWrite }), where).toEqual([]);
          expect(acknowledgedViolations(db, result.acks), where).toEqual([]);
          expect(missingAcknowledged(db, acknowledged), `${where}: earlier acknowledged ids`).toEqual([]);
        } finally {
          db.close();
        }
        acknowledged.push(...result.acks);
      }

      // The last look goes through the application's own open path, and checks every
      // acknowledged article in full against a re-parse of its stored page.
      const repository = createSqliteRepository(databasePath);
      await repository.close();
      const db = new Database(databasePath, { fileMustExist: true });
      try {
        expect(integrityCheck(db)).toBe('ok');
        expect(partialIngestViolations(db)).toEqual([]);
        expect(acknowledgedViolations(db, acknowledged, { reparse: true })).toEqual([]);
        const stored = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `crash test: ${KILLS} kills (${inFlightKills} after more than one ingest), ` +
            `${acknowledged.length} acknowledged, 0 lost, ${stored - acknowledged.length} committed ` +
            `but killed before the ack, in ${seconds.toFixed(1)} s (${((seconds * 1000) / KILLS).toFixed(0)} ms per kill)`,
        );
        expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
      } finally {
        db.close();
      }
      // Kills are timed from the first ack, so every round dies while ingesting; over a whole run
      // some rounds must also get further ingests acknowledged, or the delays prove nothing.
      expect(inFlightKills).toBeGreaterThan(0);
    },
    KILLS * 10_000 + 60_000,
  );
});
