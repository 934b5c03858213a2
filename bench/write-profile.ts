/**
 * Where an ingest's storage time and bytes go (issue 14), in-process, on a fresh database:
 * repository.ingest() of pre-parsed fixture variants, `--group` at a time (16, as the batch
 * route prepares them), with WAL checkpoints off so that the WAL file holds every frame the
 * ingests wrote. Reports, per article: time inside each statement (better-sqlite3's
 * Statement methods timed by SQL text), the rest of the write transaction (COMMIT: FTS5 flushing
 * its pending terms into segments, merges, WAL writes, fsync), WAL bytes, database bytes and
 * the bytes of each table and index (dbstat). `--sync off` shows how much of COMMIT is fsync.
 *
 *   npx tsx bench/write-profile.ts --pages 2000 --group 16
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createSqliteRepository } from '../src/storage/sqlite/index.js';
import { ingestRecords, storyPages, variants } from './lib/pages.js';
import { tempDir } from './lib/servers.js';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '2000' },
    group: { type: 'string', default: '16' },
    sync: { type: 'string', default: 'full' },
  },
});
const PAGES = Number(args.pages);
const GROUP = Number(args.group);

/** Time spent in each statement, keyed by its SQL (first words, whitespace folded). */
const statementMs = new Map<string, { ms: number; calls: number }>();
function timeStatements(): void {
  const probe = new Database(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all'] as const) {
    const original = prototype[method] as (...values: unknown[]) => unknown;
    prototype[method] = function (this: { source: string }, ...values: unknown[]) {
      const start = performance.now();
      try {
        return original.apply(this, values);
      } finally {
        const key = this.source.replace(/\s+/g, ' ').trim().slice(0, 90);
        const entry = statementMs.get(key) ?? { ms: 0, calls: 0 };
        entry.ms += performance.now() - start;
        entry.calls += 1;
        statementMs.set(key, entry);
      }
    };
  }
}

/**
 * The WAL's frames attributed to the table or index that owns each page now (dbstat): which
 * b-trees the ingests rewrote, and how often. Read while the WAL is still unchecked.
 */
function walFramesByTable(path: string): [string, number][] {
  const reader = new Database(path, { readonly: true });
  const owner = new Map<number, string>();
  for (const row of reader
    .prepare<[], { name: string; pageno: number }>('SELECT name, pageno FROM dbstat')
    .all()) {
    owner.set(row.pageno, row.name);
  }
  const pageSize = reader.pragma('page_size', { simple: true }) as number;
  reader.close();
  const wal = readFileSync(`${path}-wal`);
  const bytes = new Map<string, number>();
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    const name = owner.get(wal.readUInt32BE(offset)) ?? '(free or overflow list)';
    bytes.set(name, (bytes.get(name) ?? 0) + 24 + pageSize);
  }
  return [...bytes].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const input = ingestRecords(variants(storyPages(), PAGES, 30_000_000));
  const dir = tempDir('write-profile');
  try {
    const path = join(dir.path, 'profile.db');
    let db: Database.Database | undefined;
    const repository = createSqliteRepository(path, {
      onOpen: (opened) => {
        db = opened;
        opened.pragma('wal_autocheckpoint = 0');
        opened.pragma(`synchronous = ${args.sync}`);
      },
    });
    if (!db) throw new Error('no connection');
    const walBefore = statSync(`${path}-wal`).size;
    timeStatements();
    statementMs.clear();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < input.length; i += GROUP) {
      await Promise.all(
        input.slice(i, i + GROUP).map((record) => repository.ingest(record, { moreFollow: true })),
      );
    }
    const totalMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const walBytes = statSync(`${path}-wal`).size - walBefore;
    const n = input.length;
    const inStatements = [...statementMs.values()].reduce((sum, entry) => sum + entry.ms, 0);
    console.log(
      `${n} pages, ${GROUP} at a time, synchronous=${args.sync}: ${((n / totalMs) * 1000).toFixed(0)} pages/s, ${((totalMs / n) * 1000).toFixed(0)} µs/page`,
    );
    // CPU time holds up on a loaded machine better than wall time (which waits for a core)
    console.log(
      `  process CPU ${((cpu.user + cpu.system) / n).toFixed(0)} µs/page (user ${(cpu.user / n).toFixed(0)}, system ${(cpu.system / n).toFixed(0)})`,
    );
    console.log(
      `  in statements ${((inStatements / n) * 1000).toFixed(0)} µs/page; the rest (COMMIT: FTS5 flush and merges, WAL, fsync; JS) ${(((totalMs - inStatements) / n) * 1000).toFixed(0)} µs/page`,
    );
    for (const [sql, entry] of [...statementMs].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) {
      console.log(
        `  ${((entry.ms / n) * 1000).toFixed(1).padStart(7)} µs/page ${(entry.calls / n).toFixed(2).padStart(6)} calls/page  ${sql}`,
      );
    }
    console.log(
      `  WAL ${(walBytes / n / 1024).toFixed(1)} KiB/article (${(walBytes / 1024 / 1024).toFixed(1)} MiB, checkpoints off); frames by table (KiB/article):`,
    );
    for (const [name, bytes] of walFramesByTable(path).slice(0, 12)) {
      console.log(`    ${(bytes / n / 1024).toFixed(2).padStart(7)}  ${name}`);
    }
    await repository.close();
    const reader = new Database(path, { readonly: true });
    const tables = reader
      .prepare<[], { name: string; bytes: number }>(
        `SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 12`,
      )
      .all();
    const total = tables.reduce((sum, row) => sum + row.bytes, 0);
    console.log(
      `  database ${(statSync(path).size / n / 1024).toFixed(1)} KiB/article; largest tables and indexes (KiB/article):`,
    );
    for (const row of tables)
      console.log(`    ${(row.bytes / n / 1024).toFixed(2).padStart(7)}  ${row.name}`);
    void total;
    reader.close();
  } finally {
    dir.remove();
  }
}

await main();
