/**
 * A CPU profile of `GET /v1/articles/{id}` (docs/HANDOFF.md "Measuring"): seeds a database as
 * the read-path bench does, starts dist/server.js with --cpu-prof under load, and prints self
 * time per function and per file. `tsx bench/profile-get.ts [seconds]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from './lib/load.js';
import { seedDatabase } from './read-path.js';
import { ensureBuilt, startMasthead, tempDir } from './lib/servers.js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const seconds = Number(process.argv[2] ?? 8);
ensureBuilt();
const temp = tempDir('profile-get');
const dir = temp.path;
const { ids } = await seedDatabase(join(dir, 'db.sqlite'), 2000);
const profiles = join(dir, 'prof');
const server = await startMasthead(join(dir, 'db.sqlite'), null, {
  NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profiles}`,
});
const next = () => ({ path: `/v1/articles/${ids[Math.floor(Math.random() * ids.length)] ?? 1}` });
await load({ url: server.url, connections: 50, seconds: 1, next });
const result = await load({ url: server.url, connections: 50, seconds, next, pid: server.pid });
console.log(`req/s ${result.rps.toFixed(0)}, server CPU µs/GET ${result.cpuUsPerRequest?.toFixed(1)}`);
await server.stop();
const file = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
const files = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const node = byId.get(id);
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  if (!node) return;
  total += ms;
  const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
  const key = `${node.callFrame.functionName || '(anon)'} ${where}:${node.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + ms);
  const fileKey = where.replace(/\/[^/]*$/, '') || '(native)';
  files.set(fileKey, (files.get(fileKey) ?? 0) + ms);
});
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
temp.remove();
console.log(
  `total ${total.toFixed(0)} ms sampled\n-- functions\n${top(self, 35).join('\n')}\n-- folders\n${top(files, 25).join('\n')}`,
);
