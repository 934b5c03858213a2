import { existsSync, readdirSync, realpathSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createIngests } from '../../ingest/ingest.js';
import type { Repository } from '../../storage/repository.js';
import { ProgressBar } from '../progress.js';
import {
  databaseLocation,
  errorMessage,
  EXIT,
  FIXTURE_PAGES,
  isPageFile,
  openForCommand,
  readPageFile,
  shownLocation,
  UsageError,
  type CliIo,
} from './common.js';

export interface FileProblem {
  path: string;
  message: string;
}

/** What became of one file. */
export interface FileResult {
  path: string;
  outcome: 'created' | 'duplicate' | 'no-story' | 'error';
  articleId?: number;
  message?: string;
  /** Set when the file was stored but looks like something else than a page (a JSON document). */
  warning?: string;
}

export interface ImportSummary {
  files: number;
  ingested: number;
  duplicates: number;
  noStory: number;
  errors: FileProblem[];
  results: FileResult[];
}

export interface ImportOptions {
  database?: string;
  recursive?: boolean;
  verbose?: boolean;
  /** Where to write the summary with every file's outcome, as JSON. */
  summary?: string;
  skipFixtureFiles?: boolean;
}

/** The side files of a labelled fixture folder (`test/fixtures/pages/*`): labels, not pages. */
const FIXTURE_SIDE_FILES = new Set(['expected.json', 'source.json']);

/** A page file whose content is a JSON document: worth a warning, since it is stored as text. */
function jsonWarning(body: string): string | null {
  const trimmed = body.trim();
  if (!/^[[{]/.test(trimmed)) return null;
  try {
    JSON.parse(trimmed);
  } catch {
    return null;
  }
  return 'a JSON document, read as a page of plain text (POST {"text": …} to the API to send its text)';
}

/** A folder laid out as in `test/fixtures/pages/*`: the page as `raw.txt` with a `source.json` beside it. */
function fixturePage(dir: string): string | null {
  if (!existsSync(join(dir, 'source.json'))) return null;
  const page = FIXTURE_PAGES.map((name) => join(dir, name)).find((path) => existsSync(path));
  return page ?? null;
}

/**
 * The page files named by the command line, in order: files as given; a directory's
 * `.txt`/`.html`/`.htm` files (names sorted, dot-files skipped) plus the page of each
 * fixture folder directly in it, or everything below it with `recursive`.
 * A path that does not exist is a usage error; a folder that cannot be listed is a problem.
 */
export function collectPageFiles(
  paths: readonly string[],
  recursive: boolean,
): { files: string[]; problems: FileProblem[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();

  const addFile = (path: string): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(path);
  };

  const walk = (dir: string): void => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, message: `cannot list folder: ${errorMessage(error)}` });
      return;
    }
    if (visitedDirs.has(real)) return; // a symbolic link back up the tree
    visitedDirs.add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          isFile = true; // a dangling link to a page is reported when it cannot be read
        }
      }
      if (isFile && isPageFile(path)) {
        addFile(path);
      } else if (isDirectory) {
        if (recursive) {
          walk(path);
        } else {
          const page = fixturePage(path);
          if (page !== null) addFile(page);
        }
      }
    }
  };

  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (stats.isDirectory()) walk(path);
    else addFile(path);
  }
  return { files, problems };
}

function describeError(error: unknown): string {
  const message = errorMessage(error);
  const cause = error instanceof Error && error.cause !== undefined ? errorMessage(error.cause) : null;
  return cause !== null && cause !== message ? `${message}: ${cause}` : message;
}

/**
 * Ingests each file through the API's code path (one `createIngests` for the run, so what the
 * corpus learned is read once and refreshed as the server does, not per file), counting the outcomes.
 */
export async function importFiles(
  repository: Repository,
  files: readonly string[],
  onProgress: (done: number, errors: number, result: FileResult) => void = () => {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    files: files.length,
    ingested: 0,
    duplicates: 0,
    noStory: 0,
    errors: [],
    results: [],
  };
  const ingests = createIngests(repository);
  for (const [index, path] of files.entries()) {
    let result: FileResult;
    try {
      const submission = readPageFile(path);
      const warning = jsonWarning(submission.body);
      const outcome = await ingests.ingest(submission);
      result =
        outcome.kind === 'no-story'
          ? { path, outcome: 'no-story' }
          : {
              path,
              outcome: outcome.kind === 'created' ? 'created' : 'duplicate',
              articleId: outcome.article.id,
            };
      if (warning !== null) result.warning = warning;
      if (outcome.kind === 'created') summary.ingested += 1;
      else if (outcome.kind === 'existing') summary.duplicates += 1;
      else summary.noStory += 1;
    } catch (error) {
      result = { path, outcome: 'error', message: describeError(error) };
      summary.errors.push({ path, message: result.message ?? '' });
    }
    summary.results.push(result);
    onProgress(index + 1, summary.errors.length, result);
  }
  return summary;
}

/** One line per file for --verbose. */
function describeResult(result: FileResult): string {
  switch (result.outcome) {
    case 'created':
      return `created article ${result.articleId}: ${result.path}`;
    case 'duplicate':
      return `duplicate of article ${result.articleId}: ${result.path}`;
    case 'no-story':
      return `no story: ${result.path}`;
    case 'error':
      return `error: ${result.path}: ${result.message}`;
  }
}

/** The --summary file: counts, then every file (snake_case, as the API). */
function summaryDocument(summary: ImportSummary, skipped: string[]) {
  return {
    counts: {
      files: summary.files,
      ingested: summary.ingested,
      duplicates: summary.duplicates,
      no_story: summary.noStory,
      errors: summary.errors.length,
      skipped: skipped.length,
    },
    files: summary.results.map((result) => ({
      path: result.path,
      outcome: result.outcome,
      ...(result.articleId === undefined ? {} : { article_id: result.articleId }),
      ...(result.message === undefined ? {} : { message: result.message }),
      ...(result.warning === undefined ? {} : { warning: result.warning }),
    })),
    skipped: skipped.map((path) => ({ path, reason: 'fixture side file' })),
    problems: summary.errors.filter(
      (problem) => !summary.results.some((result) => result.path === problem.path),
    ),
  };
}

export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `ingested ${summary.ingested}, duplicates ${summary.duplicates}, no story ${summary.noStory}, errors ${summary.errors.length}`,
    ...summary.errors.map((problem) => `  error: ${problem.path}: ${problem.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function importAction(paths: string[], options: ImportOptions, io: CliIo): Promise<number> {
  const location = databaseLocation(options.database, io.env);
  const database = shownLocation(location);
  const collected = collectPageFiles(paths, options.recursive === true);
  const { problems } = collected;
  const skipped =
    options.skipFixtureFiles === true
      ? collected.files.filter((path) => FIXTURE_SIDE_FILES.has(basename(path)))
      : [];
  const files = collected.files.filter((path) => !skipped.includes(path));
  if (skipped.length > 0) {
    io.stderr.write(`skipped ${skipped.length} fixture side ${skipped.length === 1 ? 'file' : 'files'}\n`);
  }
  if (files.length === 0 && problems.length === 0) {
    throw new UsageError(
      `no .txt, .html or .htm files in ${paths.join(', ')}${options.recursive === true ? '' : ' (add --recursive to look in sub-folders)'}`,
    );
  }

  let repository: Repository;
  try {
    ({ repository } = await openForCommand(location));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`masthead: cannot open database ${database}: ${describeError(error)}\n`);
    return EXIT.failed;
  }

  io.stderr.write(`importing ${files.length} ${files.length === 1 ? 'file' : 'files'} into ${database}\n`);
  const progress = new ProgressBar(io.stderr, files.length, { now: io.now });
  let summary: ImportSummary;
  try {
    summary = await importFiles(repository, files, (done, errors, result) => {
      if (result.warning !== undefined) io.stderr.write(`warning: ${result.path}: ${result.warning}\n`);
      if (options.verbose === true) io.stderr.write(`${describeResult(result)}\n`);
      progress.update(done, errors + problems.length);
    });
  } finally {
    progress.finish();
    await repository.close();
  }
  summary.errors.unshift(...problems);
  io.stdout.write(formatSummary(summary));
  if (options.summary !== undefined) {
    writeFileSync(options.summary, `${JSON.stringify(summaryDocument(summary, skipped), null, 2)}\n`);
  }
  return summary.errors.length === 0 ? EXIT.ok : EXIT.failed;
}
