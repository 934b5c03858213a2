/**
 * What the corpus learned, as the parser takes it: a snapshot of the repository's learned
 * line shapes (Repository.learnedShapes), rebuilt at most every LEARNED_REFRESH_MS or after
 * LEARNED_REFRESH_INGESTS stored pages, whichever comes first, and versioned so the parse
 * pool sends it to each worker once per version rather than with every page. The app builds
 * one (buildApp) and hands it to what parses pages to store and what re-parses them, so that
 * both see one snapshot; a caller with none gets a fresh one.
 */
import type { LearnedBoilerplate } from '../parser/types.js';
import { LEARNED_MAX_SHAPES, LEARNED_MIN_PUBLICATIONS } from '../parser/settings.js';
import type { Repository } from '../storage/repository.js';

/** A snapshot is at most this old when a parse starts… */
export const LEARNED_REFRESH_MS = 5_000;
/** …or this many ingests behind. */
export const LEARNED_REFRESH_INGESTS = 100;

export interface VersionedLearned {
  /** Grows with every rebuilt snapshot of one source; a worker holding this version needs nothing sent. */
  version: number;
  learned: LearnedBoilerplate;
}

export interface LearnedSource {
  /** The current snapshot, rebuilt first when it is stale. */
  current(): Promise<VersionedLearned>;
  /** A page was stored: the snapshot is one ingest older. */
  noteIngest(): void;
  /** The next `current()` rebuilds (after a bulk import, before a re-parse). */
  invalidate(): void;
}

let versions = 0;

/** Builds the parser's snapshot from the repository's learned shapes. */
export async function loadLearned(repository: Repository): Promise<LearnedBoilerplate> {
  const shapes = new Map<string, Map<number, number>>();
  for (const row of await repository.learnedShapes(LEARNED_MIN_PUBLICATIONS, LEARNED_MAX_SHAPES)) {
    const key = row.platform ?? '';
    let platform = shapes.get(key);
    if (platform === undefined) shapes.set(key, (platform = new Map<number, number>()));
    platform.set(row.hash, row.publications);
  }
  return { shapes };
}

export function createLearnedSource(
  repository: Repository,
  options: { now?: () => number; refreshMs?: number; refreshIngests?: number } = {},
): LearnedSource {
  const now = options.now ?? Date.now;
  const refreshMs = options.refreshMs ?? LEARNED_REFRESH_MS;
  const refreshIngests = options.refreshIngests ?? LEARNED_REFRESH_INGESTS;
  let snapshot: VersionedLearned | null = null;
  let builtAt = 0;
  let ingestsSince = 0;
  let building: Promise<VersionedLearned> | null = null;
  /** Bumped by invalidate(): a build started before it must not become the snapshot. */
  let generation = 0;

  async function rebuild(): Promise<VersionedLearned> {
    const startedGeneration = generation;
    const startedIngests = ingestsSince;
    const learned = await loadLearned(repository);
    const built = { version: ++versions, learned };
    if (startedGeneration === generation) {
      snapshot = built;
      builtAt = now();
      ingestsSince -= startedIngests;
    }
    return built;
  }

  return {
    current() {
      if (snapshot !== null && now() - builtAt < refreshMs && ingestsSince < refreshIngests)
        return Promise.resolve(snapshot);
      building ??= rebuild().finally(() => (building = null));
      return building;
    },
    noteIngest() {
      ingestsSince += 1;
    },
    invalidate() {
      generation += 1;
      snapshot = null;
      building = null; // the next current() starts a build that sees everything until now
    },
  };
}
