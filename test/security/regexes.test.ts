/**
 * Every regex in src/ is checked for ReDoS with recheck (automata theory, with a fuzzer as
 * fallback for what the automaton cannot model, such as lookbehind), and must be `safe`.
 * A RegExp built at run time from a non-literal cannot be checked here, so it fails the
 * suite unless it is listed in DYNAMIC_REGEX_ALLOWLIST with a reason.
 *
 * The checker's own sanity is tested too: known ReDoS patterns must come out `vulnerable`,
 * so a broken or misconfigured checker cannot pass everything silently.
 */
import { fileURLToPath } from 'node:url';
import { check, type Diagnostics } from 'recheck';
import { describe, expect, it } from 'vitest';
import { findRegexes, RECHECK_OPTIONS, regexesInSource, type FoundRegex } from './regex-sources.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * RegExps built from a non-literal, keyed `<file>: <code as written>`, each with the reason
 * it is safe. Keep it small: prefer a literal, which is checked.
 */
const DYNAMIC_REGEX_ALLOWLIST: Readonly<Record<string, string>> = {};

const inventory = findRegexes(SRC, ROOT);

function describeResult(regex: FoundRegex, result: Diagnostics): string {
  const head = `${regex.where} /${regex.source}/${regex.flags}: ${result.status}`;
  if (result.status === 'vulnerable')
    return `${head} (${result.complexity.summary}, attack ${result.attack.pattern})`;
  if (result.status === 'unknown') return `${head} (${JSON.stringify(result.error)})`;
  return head;
}

describe('regexes in src/', () => {
  it('are found by the walk (parser, HTTP layer and ingest included)', () => {
    expect(inventory.files).toBeGreaterThan(0);
    const dirs = new Set(inventory.regexes.map((r) => r.where.split('/').slice(0, 2).join('/')));
    expect(dirs).toContain('src/parser');
    expect(dirs).toContain('src/http');
  });

  it('are all literals: no RegExp built from a non-literal outside the allowlist', () => {
    const found = inventory.dynamic.map((d) => `${d.where.replace(/:\d+$/, '')}: ${d.code}`);
    const unlisted = found.filter((key) => !(key in DYNAMIC_REGEX_ALLOWLIST));
    expect(unlisted, 'RegExp built from a non-literal: use a literal, or allowlist it with a reason').toEqual(
      [],
    );
    const stale = Object.keys(DYNAMIC_REGEX_ALLOWLIST).filter((key) => !found.includes(key));
    expect(stale, 'allowlist entries that match no code any more').toEqual([]);
  });

  it('all compile in this engine', () => {
    const invalid = inventory.regexes.filter((r) => {
      try {
        new RegExp(r.source, r.flags);
        return false;
      } catch {
        return true;
      }
    });
    expect(invalid).toEqual([]);
  });

  it('are all safe from ReDoS (recheck status `safe`)', { timeout: 180_000 }, async () => {
    const results = await Promise.all(
      inventory.regexes.map(async (regex) => ({
        regex,
        result: await check(regex.source, regex.flags, RECHECK_OPTIONS),
      })),
    );
    const unsafe = results.filter(({ result }) => result.status !== 'safe');
    expect(unsafe.map(({ regex, result }) => describeResult(regex, result))).toEqual([]);
    expect(results.length).toBe(inventory.regexes.length);
  });
});

describe('the ReDoS checker', () => {
  const KNOWN_BAD: readonly {
    name: string;
    source: string;
    flags: string;
    complexity: string;
    checker: 'automaton' | 'fuzz';
  }[] = [
    {
      name: 'nested quantifier',
      source: '^(a+)+$',
      flags: '',
      complexity: 'exponential',
      checker: 'automaton',
    },
    {
      name: 'the classic email regex',
      source: '^([a-zA-Z0-9_.+-])+@(([a-zA-Z0-9-])+\\.)+([a-zA-Z0-9]{2,4})+$',
      flags: '',
      complexity: 'exponential',
      checker: 'automaton',
    },
    // Quadratic only because a non-anchored search retries at every index.
    {
      name: 'trailing whitespace, unanchored search',
      source: '\\s+$',
      flags: '',
      complexity: 'polynomial',
      checker: 'automaton',
    },
    {
      name: 'tag stripper on unclosed tags',
      source: '<[^>]*>',
      flags: 'g',
      complexity: 'polynomial',
      checker: 'automaton',
    },
    {
      name: 'line-break collapse',
      source: '\\s*\\n\\s*',
      flags: 'g',
      complexity: 'polynomial',
      checker: 'automaton',
    },
    // Lookaround is beyond the automaton: these go to the fuzzer, which must catch them too.
    {
      name: 'trailing whitespace after a lookbehind',
      source: '(?<!y)\\s+$',
      flags: '',
      complexity: 'polynomial',
      checker: 'fuzz',
    },
    {
      name: 'overlapping alternatives after a lookahead',
      source: '^(?=a)(a|a)*b',
      flags: '',
      complexity: 'exponential',
      checker: 'fuzz',
    },
  ];

  it.each(KNOWN_BAD)(
    'flags $name as vulnerable ($complexity, $checker)',
    { timeout: 60_000 },
    async (bad) => {
      const result = await check(bad.source, bad.flags, RECHECK_OPTIONS);
      expect(result.status).toBe('vulnerable');
      if (result.status !== 'vulnerable') return;
      expect(result.complexity.type).toBe(bad.complexity);
      expect(result.checker).toBe(bad.checker);
    },
  );
});

describe('the regex walk', () => {
  const code = `
    // a /comment/ and a 'string /not a regex/' are not regexes
    const a = /x+y/gu;
    const b = new RegExp('p|q', 'i');
    const c = RegExp(\`r\\\\d\`);
    const d = new globalThis.RegExp("s");
    const e = new RegExp(/t/, 'g');
    const f = text.match('u+');
    const g = [...text.matchAll('v')];
    const h = new RegExp(pattern);
    const i = new RegExp('w' + suffix, 'g');
    const j = new RegExp('x', flags);
    const k = text.replace('y', 'z');
    const l = (6 / 2) / 3;
  `;
  const found = regexesInSource('sample.ts', code, 'sample.ts');

  it('finds literals, RegExp calls with literal arguments and string methods that compile a regex', () => {
    expect(found.regexes.map((r) => `${r.kind} /${r.source}/${r.flags}`)).toEqual([
      'literal /x+y/gu',
      'constructor /p|q/i',
      'constructor /r\\d/',
      'constructor /s/',
      'constructor /t/g',
      'literal /t/',
      'string-method /u+/',
      'string-method /v/g',
    ]);
  });

  it('reports every RegExp built from a non-literal, with its line', () => {
    expect(found.dynamic).toEqual([
      { where: 'sample.ts:10', code: 'new RegExp(pattern)' },
      { where: 'sample.ts:11', code: "new RegExp('w' + suffix, 'g')" },
      { where: 'sample.ts:12', code: "new RegExp('x', flags)" },
    ]);
  });
});
