/**
 * A CPU profile of a function run in this process (V8's sampling profiler through
 * node:inspector), summarised as self time per function and per source file: the measured
 * reason behind a missed target.
 */
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './report.js';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Top functions by self time. */
  functions: { name: string; where: string; selfMs: number; share: number }[];
  /** Self time per source file (src/… files, node internals, GC, …). */
  files: { file: string; selfMs: number; share: number }[];
}

function shortPath(url: string): string {
  if (url === '') return '(native / GC)';
  try {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    return path.startsWith(ROOT) ? relative(ROOT, path) : path.replace(/^node:/, 'node:');
  } catch {
    return url;
  }
}

export async function profile(work: () => void, top = 15): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    work();
    const { profile: cpu } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
    const parentOf = new Map<number, number>();
    for (const node of cpu.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    // The inspector's own work (stopping and serialising the profile) is not the workload.
    const inspector = (id: number): boolean => {
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
        if (byId.get(at)?.callFrame.url.startsWith('node:inspector')) return true;
      }
      return false;
    };
    const selfUs = new Map<number, number>();
    cpu.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (cpu.timeDeltas[i] ?? 0)));

    const functions = new Map<string, { name: string; where: string; us: number }>();
    const files = new Map<string, number>();
    let totalUs = 0;
    for (const [id, us] of selfUs) {
      const frame = byId.get(id)?.callFrame;
      if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)' || inspector(id))
        continue;
      totalUs += us;
      const file = shortPath(frame.url);
      // tsx emits each module on one line: the file names the function well enough.
      const where = file;
      const key = `${frame.functionName}@${where}`;
      const entry = functions.get(key) ?? { name: frame.functionName || '(anonymous)', where, us: 0 };
      entry.us += us;
      functions.set(key, entry);
      files.set(file, (files.get(file) ?? 0) + us);
    }
    const share = (us: number) => Math.round((us / Math.max(1, totalUs)) * 1000) / 10;
    return {
      totalMs: Math.round(totalUs / 1000),
      functions: [...functions.values()]
        .sort((a, b) => b.us - a.us)
        .slice(0, top)
        .map((f) => ({
          name: f.name,
          where: f.where,
          selfMs: Math.round(f.us / 100) / 10,
          share: share(f.us),
        })),
      files: [...files.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([file, us]) => ({ file, selfMs: Math.round(us / 100) / 10, share: share(us) })),
    };
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}
