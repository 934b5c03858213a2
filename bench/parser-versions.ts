/**
 * This checkout's parser against another checkout's (an older version), on the same pages, in
 * one process: CPU time per pass over every golden page, passes alternated, median of 21 after
 * 5 warm-ups each. The ratio is what "parse speed stays within 1.5×" is checked with.
 *
 *   git worktree add /tmp/old <ref> && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   npx tsx bench/parser-versions.ts /tmp/old
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePage } from '../src/parser/index.js';
import { loadFixturePages } from './lib/pages.js';
import { median } from './lib/stats.js';

type Parse = typeof parsePage;

const other = process.argv[2];
if (other === undefined) throw new Error('usage: npx tsx bench/parser-versions.ts <other checkout>');
const otherModule = (await import(pathToFileURL(resolve(other, 'src/parser/index.ts')).href)) as {
  parsePage: Parse;
  PARSER_VERSION: string;
};
const { PARSER_VERSION } = await import('../src/parser/index.js');
const pages = loadFixturePages();

/** CPU milliseconds of one pass of `parse` over every page. */
function pass(parse: Parse): number {
  const start = process.cpuUsage();
  for (const page of pages) parse(page.text);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

for (let k = 0; k < 5; k++) {
  pass(otherModule.parsePage);
  pass(parsePage);
}
const theirs: number[] = [];
const ours: number[] = [];
for (let k = 0; k < 21; k++) {
  theirs.push(pass(otherModule.parsePage));
  ours.push(pass(parsePage));
}
const [a, b] = [median(theirs), median(ours)];
console.log(
  `${pages.length} pages: ${otherModule.PARSER_VERSION} ${a.toFixed(1)} ms a pass, ` +
    `${PARSER_VERSION} ${b.toFixed(1)} ms a pass: ${(b / a).toFixed(3)}×`,
);
