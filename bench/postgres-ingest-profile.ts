/**
 * Where the server time of a PostgreSQL ingest goes: the same 16-in-flight ingest as
 * bench/postgres-group-commit.ts (fsync on), on a cluster with pg_stat_statements
 * (track_planning on), then the statements by total time with their planning and execution
 * time per call, and the server time per ingest (planning + execution of every statement,
 * COMMIT included, divided by the pages). The repository is opened as the server opens it
 * (with stored representations). CPU per ingest (every PostgreSQL process, and this one) is
 * the figure that compares runs on a busy machine; pages/s needs a quiet one.
 *
 *   npx tsx bench/postgres-ingest-profile.ts [count=1000]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startPostgresCluster, stopPostgresCluster } from '../scripts/lib/postgres-cluster.js';
import { parseSubmission } from '../src/ingest/parse-submission.js';
import { PARSER_VERSION } from '../src/parser/index.js';
import { representArticle } from '../src/http/representations.js';
import { createPostgresRepository } from '../src/storage/postgres/index.js';
import type { IngestRecord, PageWithStory } from '../src/storage/repository.js';
import { storyPages, variants } from './lib/pages.js';

const IN_FLIGHT = 16;
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds used so far by the processes of the `postgres` user, ended ones included (/proc). */
function postgresCpuSeconds(): number {
  const pids = execFileSync('pgrep', ['-u', 'postgres']).toString().trim().split('\n');
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // utime + stime, and cutime + cstime: the postmaster holds those of the backends it reaped
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}
const count = Number(process.argv[2] ?? 1000);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const now = new Date().toISOString();
const input: IngestRecord[] = variants(storyPages(), count).flatMap((body) => {
  const page = parseSubmission({ body, contentType: 'text/plain', sourceUrl: null });
  if (page.story === null) return [];
  return [
    {
      document: { body, contentType: 'text/plain', sha256: sha256(body), sourceUrl: null, receivedAt: now },
      page: page as PageWithStory,
      parserVersion: PARSER_VERSION,
      ingestedAt: now,
    },
  ];
});

const cluster = await startPostgresCluster({
  fsync: true,
  settings: {
    shared_preload_libraries: 'pg_stat_statements',
    'pg_stat_statements.track_planning': 'on',
    'pg_stat_statements.track': 'all',
  },
});
try {
  const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  // as the server opens it: with the stored representations GET serves (written after each group)
  const repository = await createPostgresRepository({
    url: `${cluster.baseUrl}bench`,
    represent: representArticle,
  });
  const stats = new pg.Client({ connectionString: `${cluster.baseUrl}bench` });
  await stats.connect();
  await stats.query('CREATE EXTENSION pg_stat_statements');
  await stats.query('SELECT pg_stat_statements_reset()');
  let next = 0;
  const serverCpuBefore = postgresCpuSeconds();
  const nodeCpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < input.length) {
        const record = input[next++]!;
        await repository.ingest(record, { moreFollow: next < input.length });
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  // CPU counted up to the end of the work the ingests left (close() waits for it)
  await repository.close();
  const nodeCpu = process.cpuUsage(nodeCpuBefore);
  const serverCpuSeconds = postgresCpuSeconds() - serverCpuBefore;
  const { rows } = await stats.query<{
    calls: string;
    /** Times the statement was planned: below calls once a plan is kept (plpgsql, per connection). */
    plans: string;
    plan_ms: number;
    exec_ms: number;
    total_ms: number;
    toplevel: boolean;
    query: string;
  }>(
    `SELECT calls, plans, round((total_plan_time / nullif(calls, 0))::numeric, 3)::float AS plan_ms,
            round((total_exec_time / nullif(calls, 0))::numeric, 3)::float AS exec_ms,
            round((total_plan_time + total_exec_time)::numeric, 1)::float AS total_ms, toplevel,
            left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
       FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
      ORDER BY total_plan_time + total_exec_time DESC LIMIT 25`,
  );
  const top = rows.filter((row) => row.toplevel && Number(row.calls) > 0);
  const serverMs = top.reduce((sum, row) => sum + row.total_ms, 0);
  const planMs = top.reduce((sum, row) => sum + row.plan_ms * Number(row.calls), 0);
  await stats.end();
  console.table(rows);
  console.log(
    JSON.stringify({
      pages: input.length,
      pagesPerSecond: Math.round(input.length / seconds),
      serverMsPerIngest: +(serverMs / input.length).toFixed(2),
      planningMsPerIngest: +(planMs / input.length).toFixed(2),
      // CPU of every PostgreSQL process (backends, WAL writer, checkpointer) and of this one
      serverCpuMsPerIngest: +((serverCpuSeconds * 1000) / input.length).toFixed(2),
      clientCpuMsPerIngest: +((nodeCpu.user + nodeCpu.system) / 1000 / input.length).toFixed(2),
      topLevelStatementsPerIngest: +(
        top.reduce((sum, row) => sum + Number(row.calls), 0) / input.length
      ).toFixed(1),
    }),
  );
} finally {
  stopPostgresCluster(cluster);
}
