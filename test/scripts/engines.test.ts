import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// npm's own range semantics (semver is in the tree through npm's tooling; it ships no types).
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  major(version: string): number;
};
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const manifest = JSON.parse(read('package.json')) as { engines: { node: string } };
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};
const claimed = manifest.engines.node;

/** The lowest release of each Node major (18 to 30) that the engines range admits. */
function claimedMajors(): string[] {
  const lowest: string[] = [];
  for (let major = 18; major <= 30; major += 1) {
    search: for (let minor = 0; minor <= 40; minor += 1) {
      for (let patch = 0; patch <= 12; patch += 1) {
        if (semver.satisfies(`${major}.${minor}.${patch}`, claimed)) {
          lowest.push(`${major}.${minor}.${patch}`);
          break search;
        }
      }
    }
  }
  return lowest;
}

describe('package.json engines', () => {
  it('claims only Node versions every installed package accepts', () => {
    const majors = claimedMajors();
    expect(majors.length).toBeGreaterThan(0);
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (path === '' || entry.optional === true || range === undefined) continue;
      for (const version of majors) {
        if (!semver.satisfies(version, range)) refused.push(`${path} (${range}) refuses ${version}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('CI runs the tests under the oldest claimed version and under Node 24', () => {
    const oldest = claimedMajors()[0] ?? '';
    const script = read('scripts/test-node.sh');
    const pinned = [...script.matchAll(/NODE_VERSION="(\d+\.\d+\.\d+)"/g)].map((match) => match[1] ?? '');
    expect(pinned).toContain(oldest);
    const ci = read('.ci/run');
    for (const major of [semver.major(oldest), 24]) {
      expect(ci).toMatch(new RegExp(`scripts/test-node\\.sh ${major}\\b`));
    }
  });
});
