/**
 * A CPU profile of masthead's built server under one request kind (docs/HANDOFF.md
 * "Measuring"): starts dist/server.js with --cpu-prof (every thread writes its own profile:
 * the main thread and each parse worker), loads it, and prints self time per function and per
 * folder for each thread, with the CPU each request cost.
 *
 *   npx tsx bench/profile-server.ts get [seconds]    # GET /v1/articles/{id}, 50 connections
 *   npx tsx bench/profile-server.ts post [seconds]   # POST /v1/articles, distinct pages, 16 connections
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type LoadRequest } from './lib/load.js';
import { storyPages, variants } from './lib/pages.js';
import { seedDatabase } from './read-path.js';
import { ensureBuilt, startMasthead, tempDir } from './lib/servers.js';

interface Node {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const kind = process.argv[2] ?? 'get';
const seconds = Number(process.argv[3] ?? 8);
if (kind !== 'get' && kind !== 'post') throw new Error(`unknown request kind ${kind}: get or post`);
ensureBuilt();
const temp = tempDir(`profile-${kind}`);
const database = join(temp.path, 'db.sqlite');

let next: () => LoadRequest;
let connections: number;
if (kind === 'get') {
  const { ids } = await seedDatabase(database, 2000);
  next = () => ({ path: `/v1/articles/${ids[Math.floor(Math.random() * ids.length)] ?? 1}` });
  connections = 50;
} else {
  const pages = storyPages();
  let counter = 0;
  next = () => ({
    method: 'POST',
    path: '/v1/articles',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: variants(pages, 1, counter++)[0] ?? '',
  });
  connections = 16;
}
const profiles = join(temp.path, 'prof');
const server = await startMasthead(database, null, {
  NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profiles}`,
});
await load({ url: server.url, connections, seconds: 1, next });
const result = await load({ url: server.url, connections, seconds, next, pid: server.pid });
console.log(
  `${kind}: req/s ${result.rps.toFixed(0)}, server CPU µs/request ${result.cpuUsPerRequest?.toFixed(1)} (all threads)`,
);
await server.stop();

const files = readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile'));
if (files.length === 0) throw new Error('no profile written');
for (const file of files.sort()) console.log(`\n== ${file}\n${summarise(join(profiles, file))}`);
temp.remove();

function summarise(path: string): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const keyOf = (node: Node) => {
    const where = node.callFrame.url
      .replace(/^.*node_modules\//, '')
      .replace(/^file:\/\/.*\/dist\//, 'dist/');
    return { where, key: `${node.callFrame.functionName || '(anon)'} ${where}:${node.callFrame.lineNumber}` };
  };
  const self = new Map<string, number>();
  // Time with the function anywhere on the stack (each function once per sample).
  const inclusive = new Map<string, number>();
  const folders = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idle += ms;
      return;
    }
    total += ms;
    const { where, key } = keyOf(node);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at);
      if (frame?.callFrame.url.startsWith('file:')) onStack.add(keyOf(frame).key);
    }
    for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    self.set(key, (self.get(key) ?? 0) + ms);
    const folder = where.replace(/\/[^/]*$/, '') || '(native)';
    folders.set(folder, (folders.get(folder) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  return (
    `busy ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms\n-- functions, self\n${top(self, 30).join('\n')}` +
    `\n-- masthead functions, inclusive\n${top(inclusive, 30).join('\n')}` +
    `\n-- folders\n${top(folders, 20).join('\n')}`
  );
}
