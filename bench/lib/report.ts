/**
 * Shared pieces of `npm run bench`: the options every benchmark gets, summary rows, the
 * table printed at the end, statistics and the JSON written to bench/results/<name>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchOptions {
  quick: boolean;
  /** CPU for the server child processes, when `taskset` exists and there are 2+ cores. */
  serverCpu: number | null;
  /** CPU this process (load generator, in-process measurements) is pinned to. */
  loadCpu: number | null;
}

/** One line of the summary table. `met` is null when the metric has no target. */
export interface Row {
  metric: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

/** 12345.6 → "12,346"; small numbers keep some decimals. */
export function fmt(value: number, digits?: number): string {
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${fmt(value / baseline, 2)}×` : '—';
}

export function printTable(rows: readonly Row[]): void {
  const header = ['metric', 'value', 'baseline', 'ratio', 'target', 'met?'];
  const cells = rows.map((r) => [
    r.metric,
    r.value,
    r.baseline,
    r.ratio,
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
}

/** The same table as Markdown, for docs/performance/benchmarks.md. */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (s: string) => s.replaceAll('|', '\\|');
  const lines = [
    '| metric | value | baseline | ratio | target | met? |',
    '| --- | ---: | ---: | ---: | ---: | :---: |',
    ...rows.map(
      (r) =>
        `| ${escape(r.metric)} | ${escape(r.value)} | ${escape(r.baseline)} | ${r.ratio} | ${escape(r.target)} | ${
          r.met === null ? '—' : r.met ? 'yes' : '**no**'
        } |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  taskset: boolean;
  loadAverage: number;
}

export function machine(): Machine {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = cpuinfo
    .split('\n')
    .find((l) => l.startsWith('model name'))
    ?.split(':')[1]
    ?.trim();
  return {
    nproc: cpus().length,
    cpuModel: model ?? cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    taskset: hasTaskset(),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

let tasksetFound: boolean | undefined;
export function hasTaskset(): boolean {
  if (tasksetFound === undefined) {
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
      tasksetFound = true;
    } catch {
      tasksetFound = false;
    }
  }
  return tasksetFound;
}

/** Writes bench/results/<name>.json. */
export function writeResult(name: string, data: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}${name}.json`;
  writeFileSync(
    path,
    `${JSON.stringify({ name, at: new Date().toISOString(), machine: machine(), ...data }, null, 2)}\n`,
  );
  return path;
}

export function log(message: string): void {
  process.stderr.write(`[bench +${(performance.now() / 1000).toFixed(1)} s] ${message}\n`);
}
