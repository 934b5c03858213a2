/**
 * The one place that picks a storage engine. Everything outside src/storage/ (the server,
 * the CLI, scripts) opens its repository here and sees only the port (repository.ts); an
 * engine is one folder under src/storage/ plus one entry in ENGINES. Engines are imported
 * when chosen, so a SQLite deployment never loads a PostgreSQL driver, and the reverse.
 */
import { existsSync } from 'node:fs';
import type { Represent, Repository } from './repository.js';

export interface StorageConfig {
  /**
   * Where the data lives: a URL whose scheme names an engine (`postgres://…`), or else a
   * SQLite file path (`./data/masthead.db`, `:memory:`, a `file:` URI). DATABASE_URL when
   * set, else DATABASE_PATH.
   */
  location: string;
  /** Replicas that serve reads (DATABASE_READ_URLS); only engines with replicas accept them. */
  readUrls?: readonly string[];
  /** Changes the feed keeps (GET /v1/changes); unset: as stored. */
  changesRetained?: number;
  /** Lists count their items up to this many (`total`). */
  totalBound?: number;
  /** A relevance search ranks this many of the newest matches (the engine's own bound; tests set a small one). */
  rankedCandidates?: number;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Refuse to create a database that does not exist yet (a mistyped path): StorageConfigError. */
  mustExist?: boolean;
  /** Skip the engine's start-up check of the stored data (SQLite: `PRAGMA quick_check`). */
  skipIntegrityCheck?: boolean;
  /**
   * Builds an article's representation as GET serves it; the engine stores it beside the
   * article at every write that changes it (see Repository.getArticleRepresentation).
   */
  represent?: Represent;
}

/** Something the caller should log about the opening: data flows forward, storage logs nothing. */
export interface StartupNote {
  level: 'info' | 'warn';
  message: string;
  details?: Record<string, unknown>;
}

export interface OpenedStorage {
  /** The ENGINES key that was chosen. */
  engine: string;
  repository: Repository;
  /** `location` with any password left out: safe to log. */
  location: string;
  /** The migrations this open applied, in order; null when the engine does not say. */
  applied: number[] | null;
  notes: StartupNote[];
}

/** A location no engine of this build accepts, or settings the chosen engine cannot honour. */
export class StorageConfigError extends Error {
  override name = 'StorageConfigError';
}

interface Engine {
  /** URL schemes that select the engine (`postgres` for `postgres://…`); none for the path engine. */
  schemes: readonly string[];
  /** Whether it can send reads to DATABASE_READ_URLS. */
  readReplicas: boolean;
  open(config: StorageConfig): Promise<Omit<OpenedStorage, 'engine' | 'location'>>;
}

/** The engine of a location that is a path (or a `file:` URI) rather than a URL: embedded, needs no server. */
const PATH_ENGINE = 'sqlite';

const ENGINES: Record<string, Engine> = {
  sqlite: { schemes: [], readReplicas: false, open: openSqlite },
  postgres: { schemes: ['postgres', 'postgresql'], readReplicas: true, open: openPostgres },
};

async function openSqlite(config: StorageConfig): Promise<Omit<OpenedStorage, 'engine' | 'location'>> {
  const { checkDatabaseFile, createSqliteRepository } = await import('./sqlite/index.js');
  const { location } = config;
  const inFile = location !== ':memory:' && !location.startsWith('file:');
  if (config.mustExist === true && inFile && !existsSync(location)) {
    throw new StorageConfigError(`no database at ${location}`);
  }
  // Before anything writes to it: a damaged file is refused (DatabaseCheckError), not served.
  const check = config.skipIntegrityCheck === true ? null : checkDatabaseFile(config.location);
  let applied: number[] = [];
  const repository = createSqliteRepository(config.location, {
    migrate: config.migrate ?? true,
    changesRetained: config.changesRetained,
    totalBound: config.totalBound,
    represent: config.represent,
    rankedCandidates: config.rankedCandidates,
    onMigrated: (versions) => {
      applied = versions;
    },
  });
  const notes: StartupNote[] = [];
  if (check === null) {
    notes.push({ level: 'warn', message: 'SKIP_INTEGRITY_CHECK: the database file was not checked' });
  } else if (check.checked) {
    notes.push({
      level: 'info',
      message: 'database file passed quick_check',
      details: { bytes: check.sizeBytes, ms: check.ms },
    });
  } else if (check.sizeBytes > 0) {
    notes.push({
      level: 'warn',
      message: `database file not checked at start-up: ${check.reason}`,
      details: { bytes: check.sizeBytes },
    });
  }
  return { repository, applied, notes };
}

/** PostgreSQL (src/storage/postgres/): a primary, and replicas for reads when DATABASE_READ_URLS is set. */
async function openPostgres(config: StorageConfig): Promise<Omit<OpenedStorage, 'engine' | 'location'>> {
  const { createPostgresRepository } = await import('./postgres/index.js');
  const repository = await createPostgresRepository({
    url: config.location,
    readUrls: [...(config.readUrls ?? [])],
    changesRetained: config.changesRetained,
    totalBound: config.totalBound,
    rankedCandidates: config.rankedCandidates,
    migrate: config.migrate ?? true,
    represent: config.represent,
  });
  return { repository, applied: null, notes: [] };
}

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** What a location may be in this build, for error messages. */
function acceptedForms(): string {
  const urls = Object.values(ENGINES).flatMap((engine) => engine.schemes.map((scheme) => `${scheme}://…`));
  return [...urls, 'a SQLite file path (./data/masthead.db, :memory:, file:…)'].join(', ');
}

/** The engine `location` selects, or why there is none. */
function engineFor(location: string): { name: string; engine: Engine } | { problem: string } {
  const scheme = URL_SCHEME.exec(location)?.[1]?.toLowerCase();
  const found =
    scheme === undefined || scheme === 'file'
      ? Object.entries(ENGINES).find(([name]) => name === PATH_ENGINE)
      : Object.entries(ENGINES).find(([, engine]) => engine.schemes.includes(scheme));
  if (found) return { name: found[0], engine: found[1] };
  return {
    problem: `${scheme ?? 'a path'}:// is not a database this build can open; use ${acceptedForms()}`,
  };
}

/** The name of the engine `location` selects (`sqlite`, …); StorageConfigError when none does. */
export function engineOf(location: string): string {
  const found = engineFor(location);
  if ('problem' in found) throw new StorageConfigError(found.problem);
  return found.name;
}

/**
 * Why `config` cannot be opened, or null: an unknown URL scheme, or read replicas for an
 * engine without them. loadConfig calls it too, so a bad DATABASE_URL fails at start-up.
 */
export function storageConfigProblem(config: Pick<StorageConfig, 'location' | 'readUrls'>): string | null {
  const found = engineFor(config.location);
  if ('problem' in found) return found.problem;
  const readUrls = config.readUrls ?? [];
  if (readUrls.length > 0 && !found.engine.readReplicas) {
    return `read replicas (DATABASE_READ_URLS) need an engine that has them; ${found.name} does not`;
  }
  for (const url of readUrls) {
    const replica = engineFor(url);
    if ('problem' in replica) return `read replica: ${replica.problem}`;
    if (replica.name !== found.name) {
      return `read replica ${redactLocation(url)} is not a ${found.name} URL like the primary`;
    }
  }
  return null;
}

/** `location` without the password of a URL (`postgres://user:***@host/db`): safe to log. */
export function redactLocation(location: string): string {
  if (!URL_SCHEME.test(location)) return location;
  try {
    const url = new URL(location);
    if (url.password === '') return location;
    url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/**
 * Opens the repository `config` names, migrated (unless `migrate` is false) and checked
 * (unless `skipIntegrityCheck`). Throws StorageConfigError for a location no engine accepts,
 * DatabaseCheckError for data that failed the start-up check.
 */
export async function openRepository(config: StorageConfig): Promise<OpenedStorage> {
  const problem = storageConfigProblem(config);
  const found = engineFor(config.location);
  if (problem !== null || 'problem' in found) {
    throw new StorageConfigError(problem ?? `no engine for ${redactLocation(config.location)}`);
  }
  const opened = await found.engine.open(config);
  return { engine: found.name, location: redactLocation(config.location), ...opened };
}
