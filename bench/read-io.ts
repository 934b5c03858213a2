/**
 * Where a GET by id spends its time at each database size: the server's CPU, system calls
 * and bytes read per request (Linux /proc/<pid>/io), and how much of the file really came
 * from the disk rather than the page cache. Servers on each database are measured in turn,
 * interleaved, so that both see the same moments of a noisy machine.
 *
 *   npx tsx bench/read-io.ts /tmp/masthead-growth/articles-10000-g1.db /tmp/masthead-growth/articles-1000000-g1.db
 */
import { readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cpuSeconds, load, type LoadResult } from './lib/load.js';
import { ensureBuilt, log, startMasthead } from './lib/servers.js';
import { median } from './lib/stats.js';

const SECONDS = 5;
const SEGMENTS = 3;
const CONNECTIONS = 10;

interface IoCounters {
  rchar: number;
  syscr: number;
  read_bytes: number;
}

function io(pid: number): IoCounters {
  const fields = Object.fromEntries(
    readFileSync(`/proc/${pid}/io`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(': ') as [string, string])
      .map(([key, value]) => [key, Number(value)]),
  );
  return { rchar: fields['rchar'] ?? 0, syscr: fields['syscr'] ?? 0, read_bytes: fields['read_bytes'] ?? 0 };
}

function dirtyMb(): number {
  const match = /^Dirty:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

const paths = process.argv.slice(2);
if (paths.length === 0) throw new Error('usage: read-io.ts DB [DB …]');
ensureBuilt();
log(`dirty page cache before: ${dirtyMb().toFixed(0)} MB`);
const servers = [];
for (const path of paths) {
  const db = new Database(path, { readonly: true });
  const articles = (db.prepare('SELECT max(id) AS n FROM articles').get() as { n: number }).n;
  db.close();
  servers.push({ path, articles, bytes: statSync(path).size, server: await startMasthead(path, 0) });
}
const totals = servers.map(() => ({
  requests: 0,
  cpu: 0,
  rchar: 0,
  syscr: 0,
  read_bytes: 0,
  results: [] as LoadResult[],
}));
try {
  for (let segment = 0; segment < SEGMENTS + 1; segment += 1) {
    for (const [index, { server, articles }] of servers.entries()) {
      const next = () => ({
        method: 'GET',
        path: `/v1/articles/${1 + Math.floor(Math.random() * articles)}`,
      });
      const before = { io: io(server.pid), cpu: cpuSeconds(server.pid) ?? 0 };
      const result = await load({ url: server.url, connections: CONNECTIONS, seconds: SECONDS, next });
      const after = { io: io(server.pid), cpu: cpuSeconds(server.pid) ?? 0 };
      if (segment === 0) continue; // warm-up
      const total = totals[index]!;
      total.requests += result.ok;
      total.cpu += after.cpu - before.cpu;
      total.rchar += after.io.rchar - before.io.rchar;
      total.syscr += after.io.syscr - before.io.syscr;
      total.read_bytes += after.io.read_bytes - before.io.read_bytes;
      total.results.push(result);
    }
  }
} finally {
  for (const { server } of servers) await server.stop();
}
log(`dirty page cache after: ${dirtyMb().toFixed(0)} MB`);
console.log(
  'articles   | file MB | req/s  | p50 ms | p99 ms | CPU µs/req | read syscalls/req | KB read/req | KB from disk/req',
);
for (const [index, { articles, bytes }] of servers.entries()) {
  const t = totals[index]!;
  console.log(
    [
      String(articles).padEnd(10),
      (bytes / 1e6).toFixed(0).padStart(7),
      median(t.results.map((r) => r.rps))
        .toFixed(0)
        .padStart(6),
      median(t.results.map((r) => r.p50))
        .toFixed(2)
        .padStart(6),
      median(t.results.map((r) => r.p99))
        .toFixed(2)
        .padStart(6),
      ((t.cpu / t.requests) * 1e6).toFixed(0).padStart(10),
      (t.syscr / t.requests).toFixed(1).padStart(17),
      (t.rchar / t.requests / 1024).toFixed(1).padStart(11),
      (t.read_bytes / t.requests / 1024).toFixed(2).padStart(16),
    ].join(' | '),
  );
}
