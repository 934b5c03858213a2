/**
 * Several stateless API nodes on one PostgreSQL (issue 13, item 6): three server processes
 * write through pgbouncer (transaction pooling) to the primary and read from a streaming
 * replica made by `pg_basebackup -R`, all on the loopback. Nothing a client sees may depend on
 * which node answers: ids, list and search pages, cursors, jobs, a `Location` just returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markedPages } from '../../scripts/lib/marked-pages.js';
import {
  findPostgresBinDir,
  startPostgresCluster,
  stopPostgresCluster,
  type PostgresCluster,
} from '../../scripts/lib/postgres-cluster.js';
import {
  pgbouncerAvailable,
  startPgbouncer,
  startReplica,
  waitForReplay,
  type Pgbouncer,
  type Replica,
} from '../../scripts/lib/postgres-topology.js';
import pg from 'pg';
import { postPage, serverEnv, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const DATABASE = 'masthead';
const NODES = 3;
/** Documents each posted to every node at once. */
const RACED_DOCUMENTS = 24;
/** Articles a re-parse job walks: enough that it is still running when its node is killed. */
const JOB_ARTICLES = 400;
/** A job's lease in this test: another node takes a dead node's job over after this long. */
const JOB_LEASE_MS = 2_000;

const missing =
  findPostgresBinDir() === null ? 'PostgreSQL binaries' : pgbouncerAvailable() ? null : 'pgbouncer';
if (missing !== null && process.env.CI === 'true') {
  throw new Error(`CI: ${missing} not installed; .ci/run installs them (the multi-node test must run)`);
}

const pages = markedPages();

interface Json {
  [key: string]: unknown;
}

async function getJson(url: string): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Json),
    headers: response.headers,
  };
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** Every page of a list, following `next` cursors, as one array of ids. */
async function walk(base: string, path: string): Promise<number[]> {
  const ids: number[] = [];
  let url: string | null = `${base}${path}`;
  while (url !== null) {
    const { status, body } = await getJson(url);
    expect(status, url).toBe(200);
    for (const item of body.items as { id: number }[]) ids.push(item.id);
    const next = (body.next_cursor ?? null) as string | null;
    url =
      next === null
        ? null
        : `${base}${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}`;
  }
  return ids;
}

describe.skipIf(missing !== null)(
  'three API nodes on one PostgreSQL, through pgbouncer, with a replica',
  () => {
    let primary: PostgresCluster;
    let replica: Replica;
    let bouncer: Pgbouncer;
    const nodes: ServerProcess[] = [];

    const startNode = (): Promise<ServerProcess> =>
      startServerProcess(
        serverEnv('/nonexistent/unused.db', {
          DATABASE_URL: `${bouncer.baseUrl}${DATABASE}`,
          DATABASE_READ_URLS: `${replica.baseUrl}${DATABASE}`,
          RATE_LIMIT_SEARCHES_PER_MINUTE: '0',
          JOB_LEASE_MS: String(JOB_LEASE_MS),
          JOB_POLL_MS: '200',
          LOG_LEVEL: 'info',
        }),
      );

    beforeAll(async () => {
      primary = await startPostgresCluster();
      const admin = new pg.Client({ connectionString: `${primary.baseUrl}postgres` });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${DATABASE}`);
      await admin.end();
      replica = await startReplica(primary);
      bouncer = await startPgbouncer(primary);
      // All three start at once on an empty database: the migrations run once, under their lock.
      nodes.push(...(await Promise.all(Array.from({ length: NODES }, startNode))));
    });

    afterAll(async () => {
      await Promise.all(nodes.map((node) => node.stop()));
      await bouncer?.stop();
      replica?.stop();
      if (primary) stopPostgresCluster(primary);
    });

    it('gives exactly one 201 per document posted to every node at once, and the same id everywhere', async () => {
      const bodies = Array.from({ length: RACED_DOCUMENTS }, (_, n) => pages(n, `race${n}`).submission.body);
      const answers = await Promise.all(
        bodies.map((body) => Promise.all(nodes.map((node) => postPage(node.url, body)))),
      );
      for (const perNode of answers) {
        const statuses = perNode.map((answer) => answer.status).sort();
        expect(statuses, perNode.map((answer) => answer.text.slice(0, 300)).join('\n')).toEqual([
          200, 200, 201,
        ]);
        const ids = perNode.map((answer) => (JSON.parse(answer.text) as { id: number }).id);
        expect(new Set(ids).size).toBe(1);
      }
      const allIds = answers.map((perNode) => (JSON.parse(perNode[0]!.text) as { id: number }).id);
      expect(new Set(allIds).size).toBe(RACED_DOCUMENTS);
    });

    it('answers a Location just returned by a 201 with 200 from every other node', async () => {
      for (let n = 0; n < 30; n += 1) {
        const writer = nodes[n % NODES]!;
        const reader = nodes[(n + 1) % NODES]!;
        const response = await fetch(`${writer.url}/v1/articles`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: pages(n, `location${n}`).submission.body,
        });
        expect(response.status).toBe(201);
        await response.arrayBuffer();
        const location = response.headers.get('location');
        expect(location).toMatch(/^\/v1\/articles\/\d+$/);
        const read = await fetch(`${reader.url}${location}`);
        await read.arrayBuffer();
        expect(read.status, `${location} from node ${(n + 1) % NODES}`).toBe(200);
      }
    });

    it('serves identical list and search pages from every node, and a cursor from one node works on another', async () => {
      await waitForReplay(`${primary.baseUrl}${DATABASE}`, `${replica.baseUrl}${DATABASE}`);
      for (const path of [
        '/v1/articles?limit=7',
        '/v1/editions?limit=5',
        '/v1/publications?limit=5',
        '/v1/articles?q=race1*&limit=3',
      ]) {
        const walks = await Promise.all(nodes.map((node) => walk(node.url, path)));
        expect(walks[0]!.length, path).toBeGreaterThan(0);
        for (const other of walks.slice(1)) expect(other, path).toEqual(walks[0]);
      }
      // Page 1 from node 0, page 2 from node 1, page 3 from node 2: the same as one node's walk.
      const path = '/v1/articles?q=race*&limit=4';
      const oneNode = await walk(nodes[0]!.url, path);
      const hopped: number[] = [];
      let cursor: string | null = null;
      for (let page = 0; page === 0 || cursor !== null; page += 1) {
        const node = nodes[page % NODES]!;
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const { status, body } = await getJson(`${node.url}${path}${query}`);
        expect(status).toBe(200);
        hopped.push(...(body.items as { id: number }[]).map((item) => item.id));
        cursor = (body.next_cursor ?? null) as string | null;
      }
      expect(hopped).toEqual(oneNode);
      expect(oneNode.length).toBeGreaterThan(4);
    });

    it('runs a re-parse job once, and finishes it on another node when its node is killed mid-job', async () => {
      const batch = Array.from({ length: JOB_ARTICLES }, (_, n) => pages(n, `job${n}`).submission.body);
      for (let start = 0; start < batch.length; start += 50) {
        const lines = batch.slice(start, start + 50).map((text) => JSON.stringify({ text }));
        const response = await fetch(`${nodes[0]!.url}/v1/articles:batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson' },
          body: `${lines.join('\n')}\n`,
        });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
      const started = await postJson(`${nodes[0]!.url}/v1/admin/reparse`, { all: true });
      expect(started.status).toBe(202);
      const jobId = started.body.id as string;

      // Wait until some node has the job running with some progress, then kill that node.
      let runningOn: number | null = null;
      for (let attempt = 0; attempt < 600 && runningOn === null; attempt += 1) {
        const { body } = await getJson(`${nodes[1]!.url}/v1/admin/jobs/${jobId}`);
        if (body.status === 'running' && (body.processed as number) > 0) {
          runningOn = nodes.findIndex((node) => String(body.node).split(':')[1] === String(node.child.pid));
        }
        if (body.status === 'succeeded')
          throw new Error('the job finished before a node could be killed: raise JOB_ARTICLES');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(runningOn).not.toBeNull();
      expect(runningOn).toBeGreaterThanOrEqual(0);
      const victim = nodes[runningOn!]!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      const survivors = nodes.filter((node) => node !== victim);

      let finished: Json | null = null;
      for (let attempt = 0; attempt < 1200 && finished === null; attempt += 1) {
        const { body } = await getJson(`${survivors[0]!.url}/v1/admin/jobs/${jobId}`);
        if (body.status === 'succeeded' || body.status === 'failed') finished = body;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(finished?.status).toBe('succeeded');
      const counted =
        (finished!.updated as number) +
        (finished!.unchanged as number) +
        (finished!.skipped as number) +
        (finished!.failed as number);
      // Once: every article counted exactly once, none twice after the takeover.
      expect(finished!.processed).toBe(finished!.total);
      expect(counted).toBe(finished!.total);
      nodes.splice(nodes.indexOf(victim), 1, await startNode());
    });

    it('loses no acknowledged article when a node is killed mid-stream', async () => {
      const victim = nodes[2]!;
      const acknowledged: number[] = [];
      let stop = false;
      let next = 0;
      // Four clients: the node has several ingests in one group commit when it dies.
      const stream = async (): Promise<void> => {
        while (!stop) {
          const n = next++;
          const answer = await postPage(victim.url, pages(n, `kill${n}`).submission.body);
          if (answer.status === 201) acknowledged.push((JSON.parse(answer.text) as { id: number }).id);
          else if (typeof answer.status === 'string') return; // the node is gone
        }
      };
      const clients = Array.from({ length: 4 }, stream);
      while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      victim.child.kill('SIGKILL');
      stop = true;
      await Promise.all(clients);
      await victim.exited;
      for (const id of acknowledged) {
        const { status } = await getJson(`${nodes[0]!.url}/v1/articles/${id}`);
        expect(status, `acknowledged article ${id}`).toBe(200);
      }
      nodes.splice(2, 1, await startNode());
    });
  },
);
