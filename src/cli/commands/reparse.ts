import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, loadConfig, type Config } from '../../config.js';
import { createJobRunner, defaultNodeId, type ReparseSummary } from '../../ingest/reparse.js';
import type { JobRecord, Repository } from '../../storage/repository.js';
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

/** How often the command reads its job's progress. */
const PROGRESS_POLL_MS = 100;

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

/**
 * Re-parses stored pages with the current parser, as a job of the queue (src/ingest/reparse.ts)
 * like `POST /v1/admin/reparse`: recorded in the database, claimed with a lease and heartbeats,
 * each article counted in the job as it is written. This process runs it as one more node
 * (`…:cli`), so a server on the same database may take it over if this process dies, and two
 * re-parses never run on one job. Exit 1 when some pages failed or the job did.
 */
export async function reparseAction(options: ReparseCommandOptions, io: CliIo): Promise<number> {
  const location = databaseLocation(options.database, io.env);
  const database = shownLocation(location);
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  let repository: Repository;
  try {
    // Unlike import, nothing to do in a new database: a mistyped path should not create one.
    ({ repository } = await openForCommand(location, { mustExist: true }));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`masthead: cannot open database ${database}: ${errorMessage(error)}\n`);
    return EXIT.failed;
  }
  const runner = createJobRunner(repository, {
    nodeId: `${defaultNodeId()}:cli`,
    leaseMs: config.jobLeaseMs,
    pollMs: config.jobPollMs,
    maxTakeovers: config.jobMaxTakeovers,
    onError: (error, action) =>
      io.stderr.write(`masthead: reparse: could not ${action}: ${errorMessage(error)}\n`),
  });
  let bar: ProgressBar | null = null;
  let job: JobRecord;
  try {
    const queued = await runner.startReparse({ all: options.all === true });
    const total = queued.total ?? 0;
    if (total > 0) {
      io.stderr.write(
        `re-parsing ${total} ${options.all === true ? 'stored' : 'outdated'} ${total === 1 ? 'page' : 'pages'} in ${database}\n` +
          `job ${queued.id}\n`,
      );
      bar = new ProgressBar(io.stderr, total, { now: io.now });
    }
    runner.start();
    // Whichever node runs it (this one, unless a server on the database claims it first).
    job = await untilFinished(repository, queued.id, (processed) =>
      bar?.update(Math.min(processed, total), 0),
    );
  } catch (error) {
    io.stderr.write(`masthead: reparse ${database}: ${errorMessage(error)}\n`);
    return EXIT.failed;
  } finally {
    bar?.finish();
    await runner.close();
    await repository.close();
  }
  if (job.status === 'failed') {
    io.stderr.write(
      `masthead: reparse ${database}: job ${job.id} failed: ${job.error ?? 'no reason recorded'}\n`,
    );
    return EXIT.failed;
  }
  const summary: ReparseSummary = {
    total: job.total ?? job.processed,
    updated: job.updated,
    unchanged: job.unchanged,
    skipped: job.skipped,
    failed: job.failed,
  };
  io.stdout.write(formatReparseSummary(summary));
  return summary.failed === 0 ? EXIT.ok : EXIT.failed;
}

/** The job once it succeeded or failed, its progress reported as it goes. */
async function untilFinished(
  repository: Repository,
  id: string,
  onProgress: (processed: number) => void,
): Promise<JobRecord> {
  for (;;) {
    const job = await repository.getJob(id);
    if (job === null) throw new Error(`job ${id} vanished`);
    onProgress(job.processed);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await sleep(PROGRESS_POLL_MS);
  }
}
