#!/usr/bin/env node
/**
 * The `masthead` command line: parse a page, import a folder of pages, re-parse stored
 * pages, migrate, serve.
 *
 * This file is the whole command surface (names, arguments, options, help); each
 * subcommand's implementation is in `src/cli/commands/` and is loaded only when that
 * subcommand runs, so `--help` and `--version` stay fast. `run(argv, io)` does everything
 * and returns the exit code, so tests run the CLI in-process.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { errorMessage, EXIT, UsageError, type CliIo } from './cli/commands/common.js';
import type { ImportOptions } from './cli/commands/import.js';
import type { MigrateOptions } from './cli/commands/migrate.js';
import type { ParseOptions } from './cli/commands/parse.js';
import type { ReparseCommandOptions } from './cli/commands/reparse.js';
import type { ServeOptions } from './cli/commands/serve.js';
import { OUTPUT_FORMATS } from './cli/format.js';
import { PLATFORMS } from './parser/rules/platforms.js';

export type { CliIo, Output } from './cli/commands/common.js';

const DATABASE_OPTION = [
  '-d, --database <path>',
  'SQLite file, or a database URL (default: DATABASE_URL, else DATABASE_PATH, or ./data/masthead.db)',
] as const;

/** package.json is one level above both `src/cli.ts` and `dist/cli.js`. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }
  return Buffer.concat(chunks);
}

/** The real process streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => readAll(process.stdin),
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    now: () => Date.now(),
  };
}

/** The command tree; actions store their exit code through `setExitCode`. */
function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('masthead');
  // Set before the subcommands are added: `.command()` copies these settings to each.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showHelpAfterError('(run with --help for usage)');
  program
    .description(
      'Clean stories, editions and teasers out of digital-newsstand pages ' +
        `(${PLATFORMS.map((rules) => rules.displayName).join(', ')}): parse one page, import a ` +
        'folder of pages into SQLite, or serve the REST API.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  masthead parse page.txt --format markdown\n' +
        '  masthead parse --html --url https://www.magzter.com/… - < page.html\n' +
        '  masthead import ./scraped --recursive --database ./data/masthead.db',
    );

  program
    .command('parse')
    .summary('parse one page and print its story, edition and teasers (nothing is stored)')
    .description(
      'Parses one page (a file, or standard input when FILE is "-" or omitted) and prints the result; ' +
        'nothing is stored. .html and .htm files are read as HTML, anything else as plain text; pages ' +
        'must be UTF-8. A raw.txt with a source.json beside it takes its URL from there unless --url is given.\n\n' +
        'Exit status: 0 a main story was found, 3 the page has no main story (the result is still ' +
        'printed), 2 usage error or unreadable input.',
    )
    .argument('[file]', 'page file, or "-" for standard input')
    .addOption(
      new Option('-f, --format <format>', 'the ParsedPage as JSON, or the clean story as Markdown or text')
        .choices(OUTPUT_FORMATS)
        .default('json'),
    )
    .option('--url <url>', 'source URL of the page (a hint for the platform)')
    .option('--html', 'read the input as HTML whatever its name')
    .action(async (file: string | undefined, options: ParseOptions) => {
      const { parseAction } = await import('./cli/commands/parse.js');
      setExitCode(await parseAction(file, options, io));
    });

  program
    .command('import')
    .summary('ingest a folder (or files) of pages into the database')
    .description(
      'Ingests pages into the database exactly as POST /v1/articles does: parsed, stored with their ' +
        'raw document, idempotent by the document SHA-256 (a page stored before counts as a duplicate). ' +
        'Pages without a main story are not stored.\n\n' +
        'A folder contributes its .txt, .html and .htm files, and the raw.txt of each fixture folder in ' +
        'it (a raw.txt with a source.json beside it, whose "url" is used as the source URL); --recursive ' +
        'descends into every sub-folder. Pages must be UTF-8; .html and .htm files are read as HTML. ' +
        'A file that holds a JSON document is stored as text with a warning naming it.\n\n' +
        'Exit status: 0 no errors, 1 some files failed (each is listed), 2 usage error.',
    )
    .argument('<paths...>', 'page files and folders of pages')
    .option(...DATABASE_OPTION)
    .option('-r, --recursive', 'descend into sub-folders')
    .option('-v, --verbose', 'name every file with what became of it (created, duplicate, no story, error)')
    .option('--summary <file>', 'write the counts and every file with its outcome to <file> as JSON')
    .option(
      '--skip-fixture-files',
      'skip the side files of labelled fixture folders (expected.json, source.json)',
    )
    .action(async (paths: string[], options: ImportOptions) => {
      const { importAction } = await import('./cli/commands/import.js');
      setExitCode(await importAction(paths, options, io));
    });

  program
    .command('reparse')
    .summary('re-parse stored pages with the current parser')
    .description(
      "Re-parses the raw documents stored in the database with this build's parser and rewrites their " +
        'articles in place (same ids), one transaction per article, so an interrupted run loses nothing: ' +
        'run it again to finish. By default only pages parsed by an older parser version; --all for every ' +
        'page. A page where the current parser finds no main story is skipped and kept as stored.\n\n' +
        'Exit status: 0 done, 1 some pages failed or the database could not be opened, 2 usage error.',
    )
    .option('--all', 're-parse every stored page, not only those from older parser versions')
    .option(...DATABASE_OPTION)
    .action(async (options: ReparseCommandOptions) => {
      const { reparseAction } = await import('./cli/commands/reparse.js');
      setExitCode(await reparseAction(options, io));
    });

  program
    .command('migrate')
    .summary('apply pending schema migrations to the database')
    .description(
      'Creates the database (and its folder) if needed and applies every pending migration, each in ' +
        'its own transaction. `serve` and `import` do this on open too; run it explicitly before ' +
        'deploying a new version.\n\n' +
        'Exit status: 0 done, 1 failed (e.g. the database is newer than this build), 2 usage error.',
    )
    .option(...DATABASE_OPTION)
    .action(async (options: MigrateOptions) => {
      const { migrateAction } = await import('./cli/commands/migrate.js');
      setExitCode(await migrateAction(options, io));
    });

  program
    .command('serve')
    .summary('start the HTTP API (configured by environment variables)')
    .description(
      'Starts the REST API, as `node dist/server.js` does, and runs until SIGTERM or SIGINT. ' +
        'Configured by environment variables: HOST, PORT, DATABASE_PATH or DATABASE_URL, BODY_LIMIT_BYTES, API_TOKENS, ' +
        'LOG_LEVEL (see README, "Configuration"). The database file is checked first ' +
        '(PRAGMA quick_check, files up to 256 MiB); a damaged one is refused.\n\n' +
        'Exit status: 1 failed to start, 2 invalid configuration or damaged database.',
    )
    .option('--skip-check', 'start without checking the database file (as SKIP_INTEGRITY_CHECK=1)')
    .action(async (options: ServeOptions) => {
      const { serveAction } = await import('./cli/commands/serve.js');
      setExitCode(await serveAction(options, io));
    });

  return program;
}

/**
 * Runs the CLI with `argv` (the arguments after the program name) and returns the exit
 * code: 0 success, 1 failure, 2 usage error, 3 `parse` found no main story.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the message or the help already; --help and --version exit 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`masthead: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`masthead: ${errorMessage(error)}\n`);
    return EXIT.failed;
  }
}

function isProcessEntry(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    // `npm link` and `npx` run the `bin` through a symbolic link.
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProcessEntry()) {
  // `masthead parse page.txt | head`: the reader left, so stop quietly rather than crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  });
  // exitCode, not exit(): pending output is flushed first, and `serve` keeps running.
  process.exitCode = await run(process.argv.slice(2));
}
