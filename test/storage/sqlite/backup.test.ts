/**
 * Online backups (src/storage/sqlite/backup.ts, `npm run backup`): taken while another
 * connection keeps ingesting, the copy is a sound, complete snapshot, and a restored copy
 * serves exactly the articles the source had when it was taken.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { markedPages } from '../../../scripts/lib/marked-pages.js';
import { ingestPage, sha256Hex } from '../../../src/ingest/ingest.js';
import { BackupError, backupDatabase } from '../../../src/storage/sqlite/backup.js';
import type { Repository } from '../../../src/storage/repository.js';
import { createSqliteRepository } from '../../../src/storage/sqlite/index.js';
import {
  acknowledgedViolations,
  integrityCheck,
  partialIngestViolations,
  type AcknowledgedArticle,
} from '../../reliability/invariants.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Enough pages that the copy takes several steps (about three database pages per article). */
const PREFILLED_ARTICLES = 1500;
const PREFILL_CHUNK = 50;
/** Serial ingests of 1,500 pages took over 30 s on a loaded 2-core machine; the bound is for hangs. */
const TEST_TIMEOUT_MS = 240_000;

const dir = mkdtempSync(join(tmpdir(), 'masthead-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = markedPages();

async function ingestMarked(repository: Repository, n: number, tag: string): Promise<AcknowledgedArticle> {
  const page = pages(n, `${tag}x${n}`);
  const outcome = await ingestPage(repository, page.submission);
  if (outcome.kind !== 'created') throw new Error(`${page.marker}: ${outcome.kind}`);
  return {
    id: outcome.article.id,
    sha256: sha256Hex(page.submission.body),
    marker: page.marker,
    teasers: outcome.article.teaserCount,
    paragraphs: outcome.article.paragraphs.length,
  };
}

/** Everything the API serves about an article, minus what later articles legitimately change. */
async function served(repository: Repository, id: number, maxId: number) {
  const article = await repository.getArticle(id);
  const edition = await repository.getArticleEdition(id);
  const teasers = (await repository.listArticleTeasers(id, { limit: 100 }))?.items;
  const source = await repository.getArticleSource(id);
  if (!article || !edition || !teasers || !source) return null;
  return {
    // Later articles may link their teasers to this one, and later stories may be the
    // targets of this page's teasers; an edition's article count grows with later ingests.
    article: { ...article, teasedBy: article.teasedBy.filter((link) => link.articleId <= maxId) },
    edition: { ...edition, edition: edition.edition && { ...edition.edition, articleCount: null } },
    teasers: teasers.map((teaser) => ({
      ...teaser,
      linkedArticleId:
        teaser.linkedArticleId !== null && teaser.linkedArticleId <= maxId ? teaser.linkedArticleId : null,
    })),
    // As text: a deep comparison of bytes goes element by element, ~100× slower.
    source: { ...source, bytes: Buffer.from(source.bytes).toString('utf8') },
  };
}

describe('backupDatabase', () => {
  it(
    'copies a consistent snapshot while another connection keeps ingesting, and the restore serves it',
    async () => {
      const sourcePath = join(dir, 'live.db');
      const target = join(dir, 'live-backup.db');
      const source = createSqliteRepository(sourcePath);
      const acknowledged: AcknowledgedArticle[] = [];
      // Prefilled in concurrent chunks (group commit shares their transactions), then in id order.
      for (let n = 0; n < PREFILLED_ARTICLES; n += PREFILL_CHUNK) {
        const chunk = Array.from({ length: Math.min(PREFILL_CHUNK, PREFILLED_ARTICLES - n) }, (_, k) =>
          ingestMarked(source, n + k, 'pre'),
        );
        acknowledged.push(...(await Promise.all(chunk)));
      }
      acknowledged.sort((a, b) => a.id - b.id);

      // The writer commits between the backup's steps (both yield with setImmediate).
      let writing = true;
      const writer = (async () => {
        for (let n = 0; writing; n += 1) {
          acknowledged.push(await ingestMarked(source, n, 'live'));
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const acknowledgedBeforeBackup = acknowledged.length;
      const steps: number[] = [];
      const result = await backupDatabase(sourcePath, target, (progress) =>
        steps.push(progress.remainingPages),
      );
      const duringBackup = acknowledged.length - acknowledgedBeforeBackup;
      // Keep writing a little after the copy, so the source moves past it.
      for (const stopAt = acknowledged.length + 20; acknowledged.length < stopAt;) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      writing = false;
      await writer;

      expect(duringBackup, 'commits landed while the backup ran').toBeGreaterThan(0);
      expect(result.restarts, 'a commit between steps restarted the copy').toBeGreaterThanOrEqual(1);
      expect(steps.length).toBeGreaterThan(1);
      expect(readdirSync(dir).filter((name) => name.includes('.partial-'))).toEqual([]);

      const copy = new Database(target, { fileMustExist: true });
      const sourceDb = new Database(sourcePath, { fileMustExist: true });
      let backedUp: AcknowledgedArticle[];
      let maxId: number;
      try {
        expect(integrityCheck(copy)).toBe('ok');
        expect(copy.pragma('user_version', { simple: true })).toBe(
          sourceDb.pragma('user_version', { simple: true }),
        );
        expect(result.schemaVersion).toBe(sourceDb.pragma('user_version', { simple: true }));
        expect(partialIngestViolations(copy)).toEqual([]);

        const ids = copy.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
        maxId = ids.at(-1) ?? 0;
        // A snapshot: exactly the articles up to one commit, and at least those acknowledged before it began.
        backedUp = acknowledged.filter((ack) => ack.id <= maxId);
        expect(ids).toEqual(backedUp.map((ack) => ack.id));
        expect(backedUp.length).toBeGreaterThanOrEqual(acknowledgedBeforeBackup);
        expect(backedUp.length).toBeLessThan(acknowledged.length);
        expect(acknowledgedViolations(copy, backedUp, { reparse: true })).toEqual([]);
      } finally {
        copy.close();
        sourceDb.close();
      }

      // Restore: copy the file to a new place and open it the way the server does.
      const restoredPath = join(dir, 'restored.db');
      copyFileSync(target, restoredPath);
      const restored = createSqliteRepository(restoredPath);
      try {
        expect(await restored.schemaStatus()).toEqual(await source.schemaStatus());
        for (const ack of backedUp) {
          expect(await served(restored, ack.id, maxId), `article ${ack.id}`).toEqual(
            await served(source, ack.id, maxId),
          );
        }
        expect(await restored.getArticle(maxId + 1)).toBeNull();
      } finally {
        await restored.close();
        await source.close();
      }
      console.log(
        `backup test: ${result.pages} pages in ${result.milliseconds.toFixed(0)} ms with ${result.restarts} restart(s); ` +
          `${backedUp.length} articles in the copy, ${duringBackup} committed while it ran`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it('refuses to replace an existing file unless told to, and replaces it whole when told', async () => {
    const sourcePath = join(dir, 'small.db');
    const source = createSqliteRepository(sourcePath);
    await ingestMarked(source, 0, 'small');
    const target = join(dir, 'small-backup.db');
    writeFileSync(target, 'not a database');

    await expect(backupDatabase(sourcePath, target)).rejects.toThrow(BackupError);
    expect(existsSync(`${target}-wal`)).toBe(false);

    const result = await backupDatabase(sourcePath, target, undefined, { overwrite: true });
    expect(result.pages).toBeGreaterThan(0);
    const copy = new Database(target, { fileMustExist: true });
    expect(copy.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    copy.close();
    await source.close();
  });

  it('fails without leaving a file when the source does not exist', async () => {
    const target = join(dir, 'never.db');
    await expect(backupDatabase(join(dir, 'missing.db'), target)).rejects.toThrow(/no database/);
    expect(readdirSync(dir).filter((name) => name.startsWith('never.db'))).toEqual([]);
  });
});

describe('npm run backup', () => {
  const run = promisify(execFile);
  const backup = (database: string, ...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: database },
    });

  it('prints pages copied and time, and refuses an existing file without --force', async () => {
    const sourcePath = join(dir, 'cli.db');
    const source = createSqliteRepository(sourcePath);
    await ingestMarked(source, 0, 'cli');
    const target = join(dir, 'cli-backup.db');
    try {
      const first = await backup(sourcePath, target);
      expect(first.stdout).toMatch(
        /^backup: [^\n]*: \d+ pages of \d+ bytes [^\n]*, schema version \d+, [^\n]*, \d+ ms$/m,
      );
      await expect(backup(sourcePath, target)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/already exists \(use --force/),
      });
      const forced = await backup(sourcePath, target, '--force');
      expect(forced.stdout).toMatch(/pages/);
      await expect(backup(sourcePath)).rejects.toMatchObject({ code: 2 });
    } finally {
      await source.close();
    }
  });
});
