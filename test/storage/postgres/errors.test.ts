import { describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/postgres-cluster.js';
import { isRetryable, postgresFailureOf } from '../../../src/storage/postgres/errors.js';
import { createPostgresRepository } from '../../../src/storage/postgres/index.js';
import { StorageError } from '../../../src/storage/repository.js';
import { record } from '../../helpers/records.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('PostgreSQL failures as storage states', () => {
  it.each([
    [withCode('ECONNREFUSED'), 'unavailable'],
    [withCode('57P01', 'terminating connection due to administrator command'), 'unavailable'],
    [withCode('08006'), 'unavailable'],
    [withCode('25006', 'cannot execute INSERT in a read-only transaction'), 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [withCode('53100', 'could not extend file: No space left on device'), 'full'],
    [withCode('40P01'), 'busy'],
    [withCode('40001'), 'busy'],
    [withCode('55P03'), 'busy'],
    [withCode('57014', 'canceling statement due to statement timeout'), 'busy'],
    [new Error('timeout exceeded when trying to connect'), 'busy'],
  ] as const)('%s → %s', (error, failure) => {
    expect(postgresFailureOf(error)).toBe(failure);
  });

  it('calls anything else a bug', () => {
    expect(postgresFailureOf(withCode('23505', 'duplicate key value'))).toBeNull();
    expect(postgresFailureOf(withCode('42601', 'syntax error'))).toBeNull();
    expect(postgresFailureOf(new TypeError('x is undefined'))).toBeNull();
    expect(postgresFailureOf('not an error')).toBeNull();
  });

  it('retries deadlocks and serialization failures only', () => {
    expect(isRetryable(withCode('40P01'))).toBe(true);
    expect(isRetryable(withCode('40001'))).toBe(true);
    expect(isRetryable(withCode('23505'))).toBe(false);
  });
});

describe('a PostgreSQL repository whose server is gone', () => {
  it('says unavailable in health() and in the failure of a write', async () => {
    const port = await freePort(); // nothing listens there
    const repository = await createPostgresRepository({
      url: `postgres://postgres@127.0.0.1:${port}/x`,
      migrate: false,
    });
    try {
      expect(await repository.health()).toMatchObject({ status: 'unavailable' });
      const error: unknown = await repository.ingest(record()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ failure: 'unavailable', message: 'store: unable to insert article' });
      await expect(repository.getArticle(1)).rejects.toMatchObject({ failure: 'unavailable' });
    } finally {
      await repository.close();
    }
  });
});
