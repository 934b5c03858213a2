/**
 * The process the crash test kills (test/reliability/crash.test.ts):
 *
 *   node --import tsx scripts/crash-child.ts <database-path> <run-tag> [max-pages]
 *
 * Prints `{"event":"start"}` once loaded, opens the SQLite repository at <database-path>
 * (recovering it after the previous kill), then ingests distinct pages in a loop through
 * ingestPage. Each page is acknowledged on stdout, one JSON line, only AFTER its ingest
 * promise resolved, i.e. after its transaction committed: an acknowledged id is one the
 * server would have answered 201 for. Stdout is a pipe, and writes to pipes are synchronous
 * on Linux: a line printed before SIGKILL reaches the parent. Markers are `<run-tag>x<n>`.
 */
import { ingestPage, sha256Hex } from '../src/ingest/ingest.js';
import { openRepository } from '../src/storage/open.js';
import { markedPages } from './lib/marked-pages.js';

export interface CrashAck {
  event: 'ack';
  id: number;
  marker: string;
  fixture: string;
  sha256: string;
  teasers: number;
  paragraphs: number;
}

/** One line of the child's stdout. */
export type CrashEvent = { event: 'start' } | { event: 'open' } | CrashAck | { event: 'done' };

const [databasePath, runTag, maxPagesArgument] = process.argv.slice(2);
if (!databasePath || !runTag || !/^[a-z0-9]+$/.test(runTag)) {
  console.error('usage: crash-child.ts <database-path> <run-tag: [a-z0-9]+> [max-pages]');
  process.exit(2);
}
const maxPages = maxPagesArgument === undefined ? Number.POSITIVE_INFINITY : Number(maxPagesArgument);

const emit = (line: object): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

emit({ event: 'start' });
const pages = markedPages();
const { repository } = await openRepository({ location: databasePath, skipIntegrityCheck: true });
emit({ event: 'open' });
// ingestPage loads the parser on its first in-process parse; load it now, so that the kills
// land during ingests rather than during that import.
await import('../src/ingest/parse-submission.js');

for (let n = 0; n < maxPages; n += 1) {
  const page = pages(n, `${runTag}x${n}`);
  const outcome = await ingestPage(repository, page.submission);
  if (outcome.kind !== 'created') {
    console.error(`crash-child: page ${page.marker} was not created (${outcome.kind})`);
    process.exit(1);
  }
  const { article } = outcome;
  const ack: CrashAck = {
    event: 'ack',
    id: article.id,
    marker: page.marker,
    fixture: page.fixtureId,
    sha256: sha256Hex(page.submission.body),
    teasers: article.teaserCount,
    paragraphs: article.paragraphs.length,
  };
  emit(ack);
}
await repository.close();
emit({ event: 'done' });
