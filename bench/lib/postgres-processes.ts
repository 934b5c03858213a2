/**
 * The processes of a benchmark's PostgreSQL cluster (the postmaster and every backend and
 * helper it forked), found through /proc: pinned to a CPU like the API servers, and their CPU
 * time summed, so that a request's cost can be split between the API node and the database.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostgresCluster } from '../../scripts/lib/postgres-cluster.js';
import { cpuSeconds } from './load.js';

/** The postmaster's pid: the first line of postmaster.pid in the data directory. */
export function postmasterPid(dataDir: string): number {
  const pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}`);
  return pid;
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** `root` and its direct children (a postmaster's backends are its children). */
export function processFamily(root: number): number[] {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentOf(pid) === root);
  return [root, ...children];
}

const CLOCK_TICKS = 100;

/** CPU seconds of the children `pid` has reaped (cutime + cstime of /proc/<pid>/stat). */
function reapedChildrenCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of the cluster: its processes alive now, plus the backends that have exited
 * (a pool closes idle connections), which the postmaster reaped and the kernel added to its
 * children's time. Monotonic, so a difference of two readings is the cluster's CPU between.
 */
export function clusterCpuSeconds(cluster: PostgresCluster): number {
  const postmaster = postmasterPid(cluster.dataDir);
  const alive = processFamily(postmaster).reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  return alive + reapedChildrenCpuSeconds(postmaster);
}

/** Pins a process and its threads to `cpu`; processes it forks later inherit the pinning. */
export function pinProcess(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-cp', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** Pins the postmaster and its children to `cpu` (backends forked later inherit it). */
export function pinCluster(cluster: PostgresCluster, cpu: number): void {
  for (const pid of processFamily(postmasterPid(cluster.dataDir))) {
    try {
      pinProcess(pid, cpu);
    } catch {
      // a helper that exited meanwhile
    }
  }
}
