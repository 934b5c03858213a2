import { afterEach, describe, expect, it } from 'vitest';
import { ingestPage, type PageSubmission, type ParseFunction } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { reparseStored } from '../../src/ingest/reparse.js';
import { PARSER_VERSION } from '../../src/parser/version.js';
import type { Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';
import { fixtureText, SEED_ID } from '../helpers/app.js';

let repository: Repository | undefined;
afterEach(async () => {
  await repository?.close();
  repository = undefined;
});

describe('reparseStored', () => {
  it('parses through the parse function it is given (the server passes its worker pool)', async () => {
    repository = createSqliteRepository(':memory:');
    const seed = fixtureText(SEED_ID);
    for (const body of [seed, fixtureText('004-en-womansera-hope')]) {
      await ingestPage(repository, { body, contentType: 'text/plain', sourceUrl: null });
    }
    const parsed: PageSubmission[] = [];
    const recording: ParseFunction = async (submission) => {
      parsed.push(submission);
      return parseSubmission(submission);
    };
    const summary = await reparseStored(repository, { all: true, parse: recording });
    expect(summary).toMatchObject({ total: 2, unchanged: 2, failed: 0 });
    expect(parsed.map((submission) => submission.body)).toEqual([seed, fixtureText('004-en-womansera-hope')]);
    expect((await repository.getArticle(1))?.parserVersion).toBe(PARSER_VERSION);
  });
});
