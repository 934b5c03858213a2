/**
 * What story ids cost an ingest: repository.ingest() of pre-parsed pages (one at a time, one
 * transaction each, in-memory database) with this tree's storage against another tree's,
 * alternated in one run so the machine's drift cancels out. Pages are fixture variants
 * (bench/lib/pages.ts): every story recurs, so each ingest after the first of its story finds
 * candidates and confirms them, the costlier path.
 *
 *   git archive <commit> src migrations package.json tsconfig.json | tar -x -C /tmp/before
 *   ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   npx tsx bench/story-ingest-cost.ts /tmp/before [pages] [rounds]
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSubmission } from '../src/ingest/parse-submission.js';
import { PARSER_VERSION } from '../src/parser/version.js';
import type { IngestRecord, PageWithStory, Repository } from '../src/storage/repository.js';
import { createSqliteRepository } from '../src/storage/sqlite/index.js';
import { storyPages, variants } from './lib/pages.js';
import { fmt } from './lib/report.js';
import { median } from './lib/stats.js';

const [otherTree, pagesArg = '600', roundsArg = '9'] = process.argv.slice(2);
if (otherTree === undefined) throw new Error('usage: story-ingest-cost.ts <other tree> [pages] [rounds]');

type Open = (path: string) => Repository;
const other = (await import(pathToFileURL(join(otherTree, 'src/storage/sqlite/index.ts')).href)) as {
  createSqliteRepository: Open;
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const now = new Date().toISOString();
const records: IngestRecord[] = variants(storyPages(), Number(pagesArg)).flatMap((body) => {
  const page = parseSubmission({ body, contentType: 'text/plain', sourceUrl: null });
  if (page.story === null) return [];
  const document = {
    body,
    contentType: 'text/plain' as const,
    sha256: sha256(body),
    sourceUrl: null,
    receivedAt: now,
  };
  return [{ document, page: page as PageWithStory, parserVersion: PARSER_VERSION, ingestedAt: now }];
});

async function run(open: Open): Promise<number> {
  const repository = open(':memory:');
  const start = process.hrtime.bigint();
  for (const record of records) await repository.ingest(record);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  await repository.close();
  return ms;
}

const trees: [string, Open][] = [
  ['this tree', createSqliteRepository],
  [otherTree, other.createSqliteRepository],
];
await run(trees[0]![1]); // warm-up, both
await run(trees[1]![1]);
const times = new Map<string, number[]>(trees.map(([name]) => [name, []]));
const ratios: number[] = [];
for (let round = 0; round < Number(roundsArg); round += 1) {
  const order = round % 2 === 0 ? trees : [...trees].reverse();
  const pair = new Map<string, number>();
  for (const [name, open] of order) pair.set(name, await run(open));
  for (const [name, ms] of pair) times.get(name)!.push(ms);
  ratios.push(pair.get('this tree')! / pair.get(otherTree)!);
}
console.log(`${records.length} ingests per run, ${roundsArg} alternated rounds`);
for (const [name, samples] of times) {
  console.log(
    `${name}: median ${fmt(median(samples), 1)} ms per run, ${fmt((median(samples) * 1000) / records.length, 1)} µs per ingest`,
  );
}
const sorted = [...ratios].sort((a, b) => a - b);
console.log(
  `ratio this/other: median ${fmt(median(ratios), 3)} (min ${fmt(sorted[0]!, 3)}, max ${fmt(sorted.at(-1)!, 3)})`,
);
