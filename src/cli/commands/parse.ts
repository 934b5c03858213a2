import type { PageSubmission } from '../../ingest/ingest.js';
import { parseSubmission } from '../../ingest/parse-submission.js';
import { formatPage, type OutputFormat } from '../format.js';
import { decodeUtf8, EXIT, PageFileError, readPageFile, UsageError, type CliIo } from './common.js';

export interface ParseOptions {
  format: OutputFormat;
  url?: string;
  html?: boolean;
}

async function readSubmission(
  file: string | undefined,
  options: ParseOptions,
  io: CliIo,
): Promise<PageSubmission> {
  const url = options.url;
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdinIsTTY) {
      throw new UsageError('no page to parse: give a file, or pipe a page into standard input');
    }
    return {
      body: decodeUtf8(await io.readStdin()),
      contentType: options.html === true ? 'text/html' : 'text/plain',
      sourceUrl: url ?? null,
    };
  }
  return readPageFile(file, { html: options.html, ...(url !== undefined ? { url } : {}) });
}

/** Parses one page without storing it. Exit 0 with a story, 3 without one, 2 when the page cannot be read. */
export async function parseAction(
  file: string | undefined,
  options: ParseOptions,
  io: CliIo,
): Promise<number> {
  const source = file === undefined || file === '-' ? 'standard input' : file;
  let submission: PageSubmission;
  try {
    submission = await readSubmission(file, options, io);
  } catch (error) {
    if (error instanceof PageFileError) throw new UsageError(`${source}: ${error.message}`);
    throw error;
  }
  const page = parseSubmission(submission);
  io.stdout.write(formatPage(page, options.format));
  if (page.story === null) {
    io.stderr.write(`masthead: ${source}: no main story found\n`);
    return EXIT.noStory;
  }
  return EXIT.ok;
}
