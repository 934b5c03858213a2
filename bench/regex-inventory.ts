/**
 * `npx tsx bench/regex-inventory.ts`: the figures behind test/security/regexes.test.ts —
 * files walked, regexes found per folder, RegExps built from non-literals, and recheck's
 * verdict per checker (automaton: proved; fuzz: no attack found), with the time taken.
 * Same walk and same checker settings as the test; exits 1 if any regex is not `safe`.
 */
import { check } from 'recheck';
import { findRegexes, RECHECK_OPTIONS } from '../test/security/regex-sources.js';

const root = new URL('../', import.meta.url).pathname;
const inventory = findRegexes(`${root}src`, root);

const byFolder = new Map<string, number>();
for (const regex of inventory.regexes) {
  const parts = regex.where.replace(/:\d+$/, '').split('/');
  const folder = parts.length > 2 ? parts.slice(0, 2).join('/') : 'src (top level)';
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
}

const start = performance.now();
const results = await Promise.all(
  inventory.regexes.map(async (regex) => ({
    regex,
    result: await check(regex.source, regex.flags, RECHECK_OPTIONS),
  })),
);
const seconds = (performance.now() - start) / 1000;

const verdicts = new Map<string, number>();
for (const { result } of results) {
  const key = `${result.status} (${result.checker ?? 'no checker'})`;
  verdicts.set(key, (verdicts.get(key) ?? 0) + 1);
}

console.log(`files walked in src/: ${inventory.files}`);
console.log(`regexes found: ${inventory.regexes.length}`);
for (const [folder, count] of [...byFolder].sort()) console.log(`  ${folder}: ${count}`);
console.log(`RegExp built from a non-literal: ${inventory.dynamic.length}`);
for (const d of inventory.dynamic) console.log(`  ${d.where}: ${d.code}`);
console.log(`recheck, all in parallel: ${seconds.toFixed(1)} s`);
for (const [verdict, count] of [...verdicts].sort()) console.log(`  ${verdict}: ${count}`);
for (const { regex, result } of results)
  if (result.checker === 'fuzz' || result.status !== 'safe')
    console.log(
      `  ${result.status}/${result.checker ?? '-'}: ${regex.where} /${regex.source}/${regex.flags}`,
    );

if (results.some(({ result }) => result.status !== 'safe')) process.exit(1);
