import { reparseStored, type ReparseSummary } from '../../ingest/reparse.js';
import type { Repository } from '../../storage/repository.js';
import { ProgressBar } from '../progress.js';
import {
  databaseLocation,
  errorMessage,
  EXIT,
  openForCommand,
  shownLocation,
  UsageError,
  type CliIo,
} from './common.js';

export interface ReparseCommandOptions {
  all?: boolean;
  database?: string;
}

export function formatReparseSummary(summary: ReparseSummary): string {
  return (
    `re-parsed ${summary.total}: updated ${summary.updated}, unchanged ${summary.unchanged}, ` +
    `skipped ${summary.skipped}, failed ${summary.failed}\n`
  );
}

/** Re-parses stored pages with the current parser (`reparseStored`). Exit 1 when some failed. */
export async function reparseAction(options: ReparseCommandOptions, io: CliIo): Promise<number> {
  const location = databaseLocation(options.database, io.env);
  const database = shownLocation(location);
  let repository: Repository;
  try {
    // Unlike import, nothing to do in a new database: a mistyped path should not create one.
    ({ repository } = await openForCommand(location, { mustExist: true }));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`masthead: cannot open database ${database}: ${errorMessage(error)}\n`);
    return EXIT.failed;
  }
  // Created on the first report, which brings the total.
  const bar: { progress: ProgressBar | null } = { progress: null };
  let summary: ReparseSummary;
  try {
    summary = await reparseStored(repository, {
      all: options.all === true,
      onProgress: (done, total) => {
        if (total === 0) return;
        if (bar.progress === null) {
          io.stderr.write(
            `re-parsing ${total} ${options.all === true ? 'stored' : 'outdated'} ${total === 1 ? 'page' : 'pages'} in ${database}\n`,
          );
          bar.progress = new ProgressBar(io.stderr, total, { now: io.now });
        }
        bar.progress.update(done, 0);
      },
    });
  } catch (error) {
    io.stderr.write(`masthead: reparse ${database}: ${errorMessage(error)}\n`);
    return EXIT.failed;
  } finally {
    bar.progress?.finish();
    await repository.close();
  }
  io.stdout.write(formatReparseSummary(summary));
  return summary.failed === 0 ? EXIT.ok : EXIT.failed;
}
