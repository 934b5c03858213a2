/**
 * The growth benchmark as a step of `npm run bench`: runs bench/growth.ts in its own process
 * (it builds databases and servers of its own) and turns its targets into summary rows.
 * Quick mode measures 10k and 20k articles in one round; full mode 10k, 100k and 1M.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchOptions, Row } from './lib/report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface GrowthTarget {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

export async function growth(options: BenchOptions): Promise<Row[]> {
  const args = options.quick ? ['--sizes', '10000,20000', '--rounds', '1', '--seconds', '1.5'] : [];
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/growth.ts', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const result = JSON.parse(readFileSync(new URL('results/growth.json', import.meta.url), 'utf8')) as {
    targets: GrowthTarget[];
  };
  return result.targets.map((target) => ({
    metric: `growth: ${target.name}`,
    value: target.measured,
    baseline: '—',
    ratio: '—',
    target: target.target,
    met: target.met,
  }));
}
