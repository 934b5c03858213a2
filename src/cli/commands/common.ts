import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ConfigError, databaseLocation as configuredLocation, loadConfig } from '../../config.js';
import { representArticle } from '../../http/representations.js';
import type { PageSubmission } from '../../ingest/ingest.js';
import {
  openRepository,
  redactLocation,
  StorageConfigError,
  type OpenedStorage,
  type StorageConfig,
} from '../../storage/open.js';

/** Where the CLI writes: the process's streams, or anything with `write` in tests. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** Reads all of standard input (`masthead parse -`). */
  readStdin: () => Promise<Uint8Array>;
  /** Whether standard input is a terminal: then `parse` without a file is a usage error. */
  stdinIsTTY: boolean;
  /** Environment for `loadConfig` (the `--database` default, `serve`). */
  env: NodeJS.ProcessEnv;
  /** Milliseconds clock for the progress bar. */
  now: () => number;
}

/** A mistake in how the command was called (exit code 2), with the message to show. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file that could not be turned into a page submission (unreadable, not UTF-8, …); the message omits the path. */
export class PageFileError extends Error {
  override name = 'PageFileError';
}

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** `serve`: the database file failed its start-up check (same code as a bad configuration). */
  damagedDatabase: 2,
  noStory: 3,
} as const;

/** `--database`, or the environment configuration's DATABASE_URL, else DATABASE_PATH. */
export function databaseLocation(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option !== undefined) return option;
  try {
    return configuredLocation(loadConfig(env));
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** `location` as the commands print it: without a URL's password. */
export const shownLocation = redactLocation;

/**
 * Opens the repository at `location` for a command (src/storage/open.ts), migrated. The
 * start-up check of the stored data is the server's, as before: a command opens without it.
 * A location no engine accepts is a usage error.
 */
export async function openForCommand(
  location: string,
  options: Pick<StorageConfig, 'mustExist'> = {},
): Promise<OpenedStorage> {
  try {
    // Writes keep the stored representations that GET serves (migration 014) as the server does.
    return await openRepository({
      location,
      skipIntegrityCheck: true,
      represent: representArticle,
      ...options,
    });
  } catch (error) {
    if (error instanceof StorageConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Strict, as the API: invalid bytes are an error, never patched with U+FFFD; a BOM is kept.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new PageFileError('not valid UTF-8');
  }
}

export const PAGE_EXTENSIONS: readonly string[] = ['.txt', '.html', '.htm'];
const HTML_EXTENSIONS: readonly string[] = ['.html', '.htm'];
export const FIXTURE_PAGES: readonly string[] = ['raw.txt', 'raw.html', 'raw.htm'];

export function isPageFile(path: string): boolean {
  return PAGE_EXTENSIONS.includes(extname(path).toLowerCase());
}

export function isHtmlFile(path: string): boolean {
  return HTML_EXTENSIONS.includes(extname(path).toLowerCase());
}

/**
 * The source URL of a fixture-style page (`raw.txt` with a `source.json` beside it):
 * its `url`, or null when the page is not laid out that way or the URL is unknown.
 */
export function fixtureSourceUrl(path: string): string | null {
  if (!FIXTURE_PAGES.includes(basename(path).toLowerCase())) return null;
  const sourcePath = join(dirname(path), 'source.json');
  if (!existsSync(sourcePath)) return null;
  let source: unknown;
  try {
    source = JSON.parse(readFileSync(sourcePath, 'utf8'));
  } catch (error) {
    throw new PageFileError(`source.json beside it: ${errorMessage(error)}`);
  }
  const url = typeof source === 'object' && source !== null ? (source as { url?: unknown }).url : undefined;
  if (url === undefined || url === null) return null;
  if (typeof url !== 'string') throw new PageFileError('source.json beside it: "url" is not a string');
  return url.trim() === '' ? null : url;
}

export interface ReadPageOptions {
  /** Read as HTML whatever the extension. */
  html?: boolean;
  /** Source URL; by default the one in a `source.json` beside a `raw.txt`, else none. */
  url?: string | null;
}

/** Reads a page file the way the API reads a request body: strict UTF-8, kept as it is. */
export function readPageFile(path: string, options: ReadPageOptions = {}): PageSubmission {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : errorMessage(error);
    throw new PageFileError(`cannot read: ${reason}`);
  }
  return {
    body: decodeUtf8(bytes),
    contentType: options.html === true || isHtmlFile(path) ? 'text/html' : 'text/plain',
    sourceUrl: options.url !== undefined ? options.url : fixtureSourceUrl(path),
  };
}
