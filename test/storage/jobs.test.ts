/**
 * Poison jobs, on every engine: a job whose node keeps dying (a page that kills its parser, a
 * node that stalls) is taken over after each lease, at most `maxTakeovers` times; when its
 * lease runs out once more it ends `failed`, with a reason that names the count and where it
 * stopped, instead of being handed from node to node forever. A job handed back on shutdown
 * (`queued`) was not taken over.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Repository } from '../../src/storage/repository.js';
import { engines } from '../helpers/engines.js';

const spec = { options: { all: false }, parserVersion: '1.0.0' };
/** A lease that has run out after the pause below. */
const EXPIRED_LEASE_MS = 1;
const PAUSE_MS = 20;

describe.each(engines)('$name: job takeovers', (engine) => {
  const opened: Repository[] = [];
  const open = async (): Promise<Repository> => {
    const repository = await engine.open();
    opened.push(repository);
    return repository;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((repository) => repository.close()));
  });

  it.skipIf(!engine.available)(
    'takes a job over at most maxTakeovers times, then ends it failed with the reason',
    async () => {
      const repository = await open();
      const job = await repository.createJob('reparse', 10, spec);
      expect(await repository.claimJob('A', 60_000, '1.0.0', 2)).toMatchObject({ id: job.id, takeovers: 0 });
      await repository.heartbeatJob(job.id, 'A', { processed: 4, updated: 4, resumeAfter: 41 });
      // A dies; B takes over and dies; C takes over and dies.
      for (const [node, takeovers] of [
        ['B', 1],
        ['C', 2],
      ] as const) {
        await sleep(PAUSE_MS);
        expect(await repository.claimJob(node, EXPIRED_LEASE_MS, '1.0.0', 2)).toMatchObject({
          id: job.id,
          claimedBy: node,
          takeovers,
        });
      }
      // C's lease runs out too: no third takeover, the job ends failed and says why.
      await sleep(PAUSE_MS);
      expect(await repository.claimJob('D', EXPIRED_LEASE_MS, '1.0.0', 2)).toBeNull();
      const failed = await repository.getJob(job.id);
      expect(failed).toMatchObject({ status: 'failed', takeovers: 2, processed: 4, resumeAfter: 41 });
      expect(failed?.error).toMatch(/taken over 2 times.*after article 41/);
      expect(failed?.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      // Ended: the node that held it last can no longer write to it.
      expect(await repository.heartbeatJob(job.id, 'C', { processed: 5 })).toBe(false);
    },
  );

  it.skipIf(!engine.available)('does not count a job handed back (queued) as taken over', async () => {
    const repository = await open();
    const job = await repository.createJob('reparse', 10, spec);
    for (const node of ['A', 'B', 'C', 'D']) {
      expect(await repository.claimJob(node, 60_000, '1.0.0', 1)).toMatchObject({ id: job.id, takeovers: 0 });
      expect(await repository.heartbeatJob(job.id, node, { status: 'queued' })).toBe(true);
    }
    expect(await repository.getJob(job.id)).toMatchObject({ status: 'queued', takeovers: 0 });
  });

  it.skipIf(!engine.available)('leaves other jobs claimable when one ends failed', async () => {
    const repository = await open();
    const poison = await repository.createJob('reparse', 1, spec);
    await sleep(3);
    const next = await repository.createJob('reparse', 1, spec);
    await repository.claimJob('A', 60_000, '1.0.0', 0);
    await sleep(PAUSE_MS);
    // maxTakeovers 0: the first expiry ends the poison job, and the claim gets the next one.
    expect(await repository.claimJob('B', EXPIRED_LEASE_MS, '1.0.0', 0)).toMatchObject({ id: next.id });
    expect(await repository.getJob(poison.id)).toMatchObject({ status: 'failed', takeovers: 0 });
  });
});
