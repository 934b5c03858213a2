/**
 * `npm run bench`: every benchmark, each against a baseline measured in the same run, then one
 * summary table (metric, value, baseline, ratio, target, met?). Each benchmark writes
 * bench/results/<name>.json; the table goes to bench/results/summary.json as well.
 *
 *   npm run bench -- --quick                 # under 2 minutes
 *   npm run bench                            # full: longer passes, more rounds
 *   npm run bench -- --quick --only read-path,memory
 *   npm run bench -- --engine postgres       # SQLite vs PostgreSQL (bench/engines.ts), same as --only engines
 *
 * Servers run as child processes pinned to CPU 0 and this process (the load generator and
 * the in-process measurements) to CPU 1, when `taskset` exists and there are two or more
 * cores. Never part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { engines } from './engines.js';
import { growth } from './growth-step.js';
import { memory } from './memory.js';
import { parserThroughput } from './parser-throughput.js';
import { readPath } from './read-path.js';
import {
  hasTaskset,
  log,
  machine,
  markdownTable,
  printTable,
  writeResult,
  type BenchOptions,
  type Row,
} from './lib/report.js';
import { writePath } from './write-path.js';

const BENCHMARKS: Record<string, (options: BenchOptions) => Promise<Row[]>> = {
  'parser-throughput': parserThroughput,
  'read-path': readPath,
  'write-path': writePath,
  memory,
  growth,
  engines,
};

/** Run only when asked for (`--only`, `--engine postgres`): they need a PostgreSQL installation. */
const OPT_IN = new Set(['engines']);

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-pin': { type: 'boolean', default: false },
    /** `postgres`: compare the storage engines (bench/engines.ts) in one run, SQLite as the baseline. */
    engine: { type: 'string' },
  },
});

if (values.engine !== undefined && values.engine !== 'postgres') {
  console.error(`unknown engine ${values.engine}; known: postgres (compared with SQLite, the baseline)`);
  process.exit(2);
}
const selected = values.only
  ? values.only.split(',').map((s) => s.trim())
  : values.engine === 'postgres'
    ? ['engines']
    : Object.keys(BENCHMARKS).filter((name) => !OPT_IN.has(name));
for (const name of selected) {
  if (!(name in BENCHMARKS)) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
}

const pin = !values['no-pin'] && hasTaskset() && availableParallelism() >= 2;
const options: BenchOptions = { quick: values.quick, serverCpu: pin ? 0 : null, loadCpu: pin ? 1 : null };
if (pin) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });

const started = performance.now();
const before = machine();
log(
  `${values.quick ? 'quick' : 'full'} run on ${before.nproc} × ${before.cpuModel}, node ${before.node}, ` +
    `load ${before.loadAverage}; ${pin ? 'servers on CPU 0, load generator on CPU 1' : 'not pinned'}`,
);

const rows: Row[] = [];
const failures: { name: string; error: string }[] = [];
for (const name of selected) {
  const benchmark = BENCHMARKS[name];
  if (!benchmark) continue;
  const t = performance.now();
  try {
    rows.push(...(await benchmark(options)));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push({ name, error: message });
    rows.push({ metric: `${name}: FAILED`, value: '—', baseline: '—', ratio: '—', target: '—', met: false });
    console.error(`[bench] ${name} failed: ${message}`);
  }
  log(`${name} took ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const seconds = (performance.now() - started) / 1000;
const after = machine();
console.log(
  `\nmasthead benchmarks (${values.quick ? 'quick' : 'full'}), ${seconds.toFixed(0)} s; ${after.nproc} × ${after.cpuModel}, ` +
    `node ${after.node}; load average ${before.loadAverage} before, ${after.loadAverage} after\n`,
);
printTable(rows);
writeResult('summary', {
  command: `npm run bench${values.quick ? ' -- --quick' : ''}`,
  quick: values.quick,
  seconds,
  pinned: pin,
  loadAverage: { before: before.loadAverage, after: after.loadAverage },
  rows,
  markdown: markdownTable(rows),
  failures,
});
if (failures.length > 0) process.exitCode = 1;
