import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, PAGES_DIR, scratchDirs } from './io.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

const scratch = scratchDirs();

describe('masthead', () => {
  it('prints the version from package.json', async () => {
    for (const flag of ['--version', '-V']) {
      expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it.each([
    [[], ['parse', 'import', 'reparse', 'migrate', 'serve', '--version']],
    [['parse'], ['--format <format>', '"markdown"', '--url <url>', '--html', 'Exit status']],
    [['import'], ['<paths...>', '--database <path>', '--recursive', 'Exit status']],
    [['reparse'], ['--all', '--database <path>', 'Exit status']],
    [['migrate'], ['--database <path>', 'Exit status']],
    [['serve'], ['DATABASE_PATH', 'API_TOKENS', '--help']],
  ])('masthead %j --help exits 0 and lists the options', async (command, expected) => {
    const result = await cli([...command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Usage: masthead ${command.join(' ')}`.trimEnd());
    for (const text of expected) expect(result.stdout).toContain(text);
    if (command.length > 0) expect((await cli(['help', ...command])).stdout).toBe(result.stdout);
  });

  it('exits 2 for an unknown subcommand or option, and for no subcommand at all', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");

    const option = await cli(['import', PAGES_DIR, '--nope']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--nope'");

    const nothing = await cli([]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Usage: masthead');
  });

  it('exits 2 with the variable named when the environment configuration is invalid', async () => {
    const result = await cli(['serve'], { env: { PORT: 'eighty' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^masthead: invalid configuration:\n {2}PORT: /);

    const migrate = await cli(['migrate'], { env: { LOG_LEVEL: 'loud' } });
    expect(migrate.code).toBe(2);
    expect(migrate.stderr).toContain('LOG_LEVEL');
  });
});

describe('masthead migrate', () => {
  it('applies the migrations once and says so', async () => {
    const database = join(scratch(), 'nested', 'masthead.db');
    const first = await cli(['migrate', '--database', database]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        `^${database.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: applied 001(, \\d{3})*; now at version \\d+\\n$`,
      ),
    );
    const again = await cli(['migrate'], { env: { DATABASE_PATH: database } });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/: already at schema version \d+\n$/);
  });
});

describe('masthead reparse', () => {
  it('re-parses stored pages: none outdated by default, all of them with --all', async () => {
    const database = join(scratch(), 'masthead.db');
    const imported = await cli(['import', PAGES_DIR, '-d', database]);
    expect(imported.code).toBe(0);
    const ingested = Number(/^ingested (\d+)/.exec(imported.stdout)?.[1]);

    const outdated = await cli(['reparse', '-d', database]);
    expect(outdated).toEqual({
      code: 0,
      stdout: 're-parsed 0: updated 0, unchanged 0, skipped 0, failed 0\n',
      stderr: '',
    });

    const all = await cli(['reparse', '--all', '-d', database]);
    expect(all.code).toBe(0);
    const match = /^re-parsed (\d+): updated (\d+), unchanged (\d+), skipped (\d+), failed (\d+)\n$/.exec(
      all.stdout,
    );
    expect(match).not.toBeNull();
    const [total, updated, unchanged, skipped, failed] = match!.slice(1).map(Number);
    expect(total).toBe(ingested);
    expect(updated! + unchanged! + skipped!).toBe(total);
    expect(failed).toBe(0);
    expect(all.stderr).toContain(`re-parsing ${ingested} stored pages in ${database}\n`);
  });

  it("runs as a job of the queue: recorded, counted and claimed like a server node's", async () => {
    const database = join(scratch(), 'masthead.db');
    expect((await cli(['import', PAGES_DIR, '-d', database])).code).toBe(0);
    const result = await cli(['reparse', '--all', '-d', database]);
    expect(result.code).toBe(0);
    const [, total, updated, unchanged, skipped] =
      /^re-parsed (\d+): updated (\d+), unchanged (\d+), skipped (\d+), failed 0\n$/
        .exec(result.stdout)!
        .map(Number);
    const db = new Database(database, { readonly: true });
    try {
      const jobs = db.prepare(`SELECT * FROM jobs`).all() as Record<string, unknown>[];
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({ kind: 'reparse', status: 'succeeded', total, processed: total });
      expect(jobs[0]).toMatchObject({ updated, unchanged, skipped, failed: 0, takeovers: 0 });
      expect(jobs[0]?.claimed_by).toMatch(/:cli$/);
      expect(JSON.parse(String(jobs[0]?.options))).toEqual({ all: true });
      expect(result.stderr).toContain(`job ${String(jobs[0]?.id)}`);
    } finally {
      db.close();
    }
  });

  it('exits 2 rather than create a database that does not exist', async () => {
    const database = join(scratch(), 'typo.db');
    const result = await cli(['reparse', '-d', database]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`masthead: no database at ${database}\n`);
  });
});

describe('the process entry', () => {
  it('runs as a program: `tsx src/cli.ts --version`', () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const out = execFileSync(tsx, ['src/cli.ts', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toBe(`${version}\n`);
  });
});
