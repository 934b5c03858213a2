/**
 * `npm run generate:db -- --articles N --out PATH` (or `--database-url postgres://…`): a
 * masthead database of N synthetic but realistic articles, for the growth benchmarks
 * (bench/growth.ts).
 *
 * Each article is a page in the Magzter text layout (title, `Publication|Edition` line, deck,
 * byline, body, paywall lines, teaser cards), built from the golden fixtures' parts, and goes
 * in as any ingest does: parsed (with what the corpus has learned so far) and stored through
 * the repository port (`createIngests` over `openRepository`), 128 pages per group commit. So
 * the database holds what real ingests write (raw documents that parse to the stored articles,
 * teasers and their links, story fingerprints, change-feed rows, learned line shapes) on
 * either engine, and follows every migration of the write path.
 *
 * Text: the body paragraphs of the golden fixtures (test/fixtures/pages and holdout),
 * grouped by story language and recombined, with words of a synthetic Zipf vocabulary
 * (2^20 words) inserted so that the corpus has common words and a long tail of rare ones.
 * Titles carry two uniformly drawn synthetic words, so they are nearly unique; about one
 * teaser card in five announces another generated article by its title (and links to it).
 * Deterministic for a seed: ids, documents and titles. Writes `PATH.meta.json` with the counts
 * and a rare search term chosen from the tail (`--out` only).
 *
 *   npm run generate:db -- --articles 100000 --out /tmp/masthead-100k.db
 *   npm run generate:db -- --articles 100000 --database-url postgres://…/empty-database
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import {
  createIngests,
  type Ingests,
  type PageSubmission,
  type ParseFunction,
  type PreparedIngest,
} from '../src/ingest/ingest.js';
import { loadLearned, type LearnedSource, type VersionedLearned } from '../src/ingest/learned.js';
import { createParsePool } from '../src/ingest/parse-pool.js';
import { parsePage } from '../src/parser/index.js';
import { representArticle } from '../src/http/representations.js';
import { engineOf, openRepository } from '../src/storage/open.js';
import type { IngestRecord, Repository } from '../src/storage/repository.js';
import { countWords } from '../src/storage/word-count.js';
import type { Platform } from '../src/parser/types.js';
import { FIXTURE_PAGES_DIR, loadFixtures, type Fixture } from '../test/helpers/fixtures.js';
import { mulberry32 } from '../test/helpers/random.js';

/** Bump when the generated data changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 3;

const PUBLICATIONS = 200;
const ARTICLES_PER_EDITION = 50;
const BYLINES_PER_PUBLICATION = 6;
/** Pages parsed, then stored together: one group commit (the SQLite engine's MAX_GROUP_SIZE). */
const PAGES_PER_GROUP = 128;
/** A hang detector: a generated page parses in milliseconds. */
const PAGE_BUDGET_MS = 60_000;
const VOCABULARY_BITS = 20;
const VOCABULARY = 1 << VOCABULARY_BITS;
/** One synthetic word per this many fixture words, at least one per paragraph. */
const SYNTHETIC_EVERY = 12;
/** The common search term: a plain word found in about a third of English stories. */
export const COMMON_TERM = 'india';
/** The rare search term is a synthetic word found in about this many articles. */
const RARE_TARGET = 10;
const LAST_DAY = Date.UTC(2025, 5, 30);
const DAY_MS = 86_400_000;

export interface GenerateOptions {
  articles: number;
  /** A SQLite file (replaced if it exists), or a URL of an empty database (`postgres://…`). */
  location: string;
  seed?: number;
  log?: (message: string) => void;
}

export interface GenerateMeta {
  generatorVersion: number;
  engine: string;
  articles: number;
  /** Generated pages the parser found no story in: refused, as an ingest refuses them. */
  pagesWithoutStory: number;
  editions: number;
  publications: number;
  teasers: number;
  commonTerm: string;
  rareTerm: string;
  rareTermOccurrences: number;
  seconds: number;
  pagesPerSecond: number;
  /** The SQLite file with its WAL; null on a server engine. */
  bytes: number | null;
}
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
const CODAS = ['', 'n', 'r', 'l', 's', 'x', 'th', 'nd'];
const SYLLABLES = ONSETS.flatMap((o) => VOWELS.flatMap((v) => CODAS.map((c) => o + v + c)));

/** The synthetic word of a rank: its syllables spell the rank in base SYLLABLES.length. */
export function syntheticWord(rank: number): string {
  const base = SYLLABLES.length;
  let n = rank;
  let word = SYLLABLES[n % base] ?? 'a';
  n = Math.floor(n / base);
  do {
    word += SYLLABLES[n % base] ?? 'a';
    n = Math.floor(n / base);
  } while (n > 0);
  return word;
}

/** A Zipf (s = 1) rank in [0, VOCABULARY): P(rank < r) ≈ ln r / ln V. */
function zipfRank(random: () => number): number {
  return Math.min(VOCABULARY - 1, Math.floor(Math.exp(random() * Math.log(VOCABULARY))) - 1);
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

interface Paragraph {
  tokens: string[];
  words: number;
}

/** The boilerplate lines of one fixture page (its paywall, in its UI language), and what they name. */
interface BoilerplateBlock {
  lines: string[];
  publication: string | null;
  label: string | null;
}

interface Pools {
  paragraphsByLanguage: Map<string, Paragraph[]>;
  languages: string[];
  titles: string[];
  decks: string[];
  bylines: string[];
  boilerplateBlocks: BoilerplateBlock[];
  teasers: { title: string; summary: string | null }[];
  publicationNames: string[];
}

function loadPools(): Pools {
  const fixtures: Fixture[] = [
    ...loadFixtures(FIXTURE_PAGES_DIR),
    ...loadFixtures(join(FIXTURE_PAGES_DIR, '..', 'holdout')),
  ];
  const paragraphsByLanguage = new Map<string, Paragraph[]>();
  const pools: Pools = {
    paragraphsByLanguage,
    languages: [],
    titles: [],
    decks: [],
    bylines: [],
    boilerplateBlocks: [],
    teasers: [],
    publicationNames: [],
  };
  for (const fixture of fixtures) {
    const expected = fixture.expected;
    if (expected.body_paragraphs.length === 0) continue;
    const language = parsePage(fixture.raw).story?.language ?? 'und';
    const list = paragraphsByLanguage.get(language) ?? [];
    for (const text of expected.body_paragraphs) {
      list.push({ tokens: text.split(' '), words: countWords([text]) });
    }
    paragraphsByLanguage.set(language, list);
    // Languages weighted by how many fixture stories are in them.
    pools.languages.push(language);
    if (expected.title) pools.titles.push(expected.title);
    if (expected.deck) pools.decks.push(expected.deck);
    if (expected.byline) pools.bylines.push(expected.byline);
    if (expected.boilerplate_lines.length > 0) {
      const { publication, edition_label: label } = expected;
      pools.boilerplateBlocks.push({ lines: expected.boilerplate_lines, publication, label });
    }
    for (const teaser of expected.teasers)
      pools.teasers.push({ title: teaser.title, summary: teaser.summary });
    if (expected.publication) pools.publicationNames.push(expected.publication);
  }
  return pools;
}

function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('generate-db: empty pool');
  return item;
}

const PLACES = [
  'Mumbai',
  'Delhi',
  'Chennai',
  'Kolkata',
  'Pune',
  'Singapore',
  'Lagos',
  'Nairobi',
  'Lisbon',
  'Porto',
  'Lyon',
  'Bordeaux',
  'Oslo',
  'Bergen',
  'Seoul',
  'Busan',
  'Osaka',
  'Auckland',
  'Dublin',
  'Cork',
];
const NOUNS = [
  'Times',
  'Herald',
  'Chronicle',
  'Post',
  'Gazette',
  'Courier',
  'Review',
  'Weekly',
  'Monthly',
  'Observer',
];

function publicationNames(pools: Pools): string[] {
  const names = new Map<string, string>();
  for (const name of pools.publicationNames) names.set(name.toLowerCase(), name);
  for (const place of PLACES) {
    for (const noun of NOUNS) {
      if (names.size >= PUBLICATIONS) break;
      const name = `The ${place} ${noun}`;
      names.set(name.toLowerCase(), name);
    }
  }
  return [...names.values()].slice(0, PUBLICATIONS);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface PublicationPlan {
  name: string;
  /** Its writers: a fixture byline with a drawn surname, so that no two publications share one. */
  bylines: string[];
  platform: Platform;
  cadenceDays: number;
  monthly: boolean;
  language: string;
}

interface EditionPlan {
  publication: PublicationPlan;
  /** As printed on the edition line: `June 2025`, `June 30, 2025`. */
  label: string;
}

function editionLabel(publication: PublicationPlan, index: number): string {
  if (publication.monthly) {
    const day = new Date(LAST_DAY);
    const month = day.getUTCFullYear() * 12 + day.getUTCMonth() - index;
    const year = Math.floor(month / 12);
    const m = month % 12;
    return `${MONTHS[m] ?? ''} ${year}`;
  }
  const day = new Date(LAST_DAY - index * publication.cadenceDays * DAY_MS);
  return `${MONTHS[day.getUTCMonth()] ?? ''} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
}

/** A body paragraph as generated, with the vocabulary ranks inserted into it. */
interface GeneratedParagraph {
  text: string;
  ranks: number[];
}

interface GeneratedPage {
  id: number;
  submission: PageSubmission;
  paragraphs: GeneratedParagraph[];
}

interface Corpus {
  publications: PublicationPlan[];
  editions: EditionPlan[];
  /** The page of article `id`; call in id order (the draws are one stream). */
  page(id: number): GeneratedPage;
}

const PLATFORM_WEIGHTS: Platform[] = [
  'magzter',
  'magzter',
  'magzter',
  'magzter',
  'pressreader',
  'zinio',
  'scribd',
];

function planCorpus(pools: Pools, total: number, seed: number): Corpus {
  const random = mulberry32(seed);
  const storyLanguages = pools.languages.filter((language) => pools.paragraphsByLanguage.has(language));
  const publications: PublicationPlan[] = publicationNames(pools).map((name) => {
    const roll = random();
    const cadence = roll < 0.6 ? 1 : roll < 0.85 ? 7 : 30;
    const bylines = Array.from(
      { length: BYLINES_PER_PUBLICATION },
      () => `${pick(pools.bylines, random)} ${capitalise(syntheticWord(Math.floor(random() * VOCABULARY)))}`,
    );
    return {
      name,
      bylines,
      platform: pick(PLATFORM_WEIGHTS, random),
      cadenceDays: cadence,
      monthly: cadence === 30,
      // Mostly English, as the fixtures are.
      language: random() < 0.7 ? 'en' : pick(storyLanguages, random),
    };
  });
  const editionCount = Math.max(1, Math.round(total / ARTICLES_PER_EDITION));
  const editions: EditionPlan[] = [];
  for (let index = 0; index < editionCount; index += 1) {
    const publication = publications[index % publications.length];
    if (!publication) throw new Error('generate-db: no publication');
    editions.push({ publication, label: editionLabel(publication, Math.floor(index / publications.length)) });
  }

  /** Deterministic per article, so a teaser can announce any article by id. */
  function header(id: number): { edition: EditionPlan | null; title: string } {
    const r = mulberry32(seed ^ Math.imul(id, 2654435761));
    const edition = r() < 0.02 ? null : (editions[Math.floor(r() * editions.length)] ?? null);
    const title = `${pick(pools.titles.length > 0 ? pools.titles : ['Untitled'], r)}: ${capitalise(
      syntheticWord(Math.floor(r() * VOCABULARY)),
    )} ${syntheticWord(Math.floor(r() * VOCABULARY))}`;
    return { edition, title };
  }

  function paragraph(source: Paragraph): GeneratedParagraph {
    const tokens = source.tokens.slice();
    const ranks: number[] = [];
    const inserts = 1 + Math.floor(source.words / SYNTHETIC_EVERY);
    for (let i = 0; i < inserts; i += 1) {
      const rank = zipfRank(random);
      ranks.push(rank);
      tokens.splice(Math.floor(random() * (tokens.length + 1)), 0, syntheticWord(rank));
    }
    return { text: tokens.join(' '), ranks };
  }

  const readingTime = (): string => `${1 + Math.floor(random() * 9)} min read`;
  /**
   * A fixture's line made this page's own with a drawn word. The corpus learns a line printed
   * by pages of several publications as platform text (src/parser/learned.ts): a deck or a
   * card summary repeated from the fixtures would be learned, and later pages would lose it.
   */
  const own = (line: string): string => `${line} ${syntheticWord(Math.floor(random() * VOCABULARY))}`;
  const summaryOf = (pool: Paragraph[]): string => own(pick(pool, random).tokens.slice(0, 24).join(' '));
  const english = pools.paragraphsByLanguage.get('en') ?? [...pools.paragraphsByLanguage.values()][0] ?? [];

  /** A teaser card as Magzter prints it; a partial one (cut off at the page's end) has no footer. */
  function teaserCard(id: number, pool: Paragraph[], edition: EditionPlan | null, last: boolean): string[] {
    // About one in five announces another generated story (of any publication), so it links to it.
    if (random() < 0.2) {
      const target = id + Math.floor((random() - 0.5) * 2000);
      const announced = target >= 1 && target <= total && target !== id ? header(target) : null;
      if (announced !== null && announced.edition !== null) {
        const summary = summaryOf(pool);
        return [
          announced.title,
          '',
          summary,
          '',
          readingTime(),
          announced.edition.publication.name,
          announced.edition.label,
        ];
      }
    }
    const card = pick(pools.teasers, random);
    const title = `${card.title} ${syntheticWord(Math.floor(random() * VOCABULARY))}`;
    const summary = card.summary === null ? summaryOf(pool) : own(card.summary);
    if (last && random() < 0.05) return [title, '', summary];
    const footer = edition === null ? [] : [edition.publication.name, edition.label];
    return [title, '', summary, '', readingTime(), ...footer];
  }

  return {
    publications,
    editions,
    page(id) {
      const { edition, title } = header(id);
      const publication = edition?.publication ?? null;
      const pool = pools.paragraphsByLanguage.get(publication?.language ?? 'en') ?? english;
      const paragraphs: GeneratedParagraph[] = [];
      const count = 3 + Math.floor(random() * 10);
      for (let i = 0; i < count; i += 1) paragraphs.push(paragraph(pick(pool, random)));
      const deck = random() < 0.4 ? own(pick(pools.decks, random)) : null;
      const byline = random() < 0.6 && publication !== null ? pick(publication.bylines, random) : null;
      const boilerplate = boilerplateOf(pick(pools.boilerplateBlocks, random), edition);
      const cardCount = 3 + Math.floor(random() * 5);
      const cards: string[][] = [];
      for (let position = 1; position <= cardCount; position += 1)
        cards.push(teaserCard(id, pool, edition, position === cardCount));
      // Always with its URL: the platform is read from its host, so an edition is one platform's.
      const sourceUrl = `https://www.${publication?.platform ?? 'magzter'}.com/stories/${id.toString(36)}`;
      const lines = [
        title,
        ...(edition === null ? [] : [`${edition.publication.name}|${edition.label}`]),
        ...(deck === null ? [] : [deck]),
        ...(byline === null ? [] : [byline]),
        '',
        ...paragraphs.flatMap((built) => [built.text, '']),
        ...boilerplate.flatMap((line) => [line, '']),
        ...cards.flatMap((card) => [...card, '']),
      ];
      return { id, submission: { body: lines.join('\n'), contentType: 'text/plain', sourceUrl }, paragraphs };
    },
  };
}

/**
 * A fixture's boilerplate as the page of `edition` prints it: paywalls name their publication
 * and edition ("Questa storia è tratta dall'edizione September 2025 di Autocar India"), and the
 * parser reads the page's edition from them. Lines naming one are left out of a page without.
 */
function boilerplateOf(block: BoilerplateBlock, edition: EditionPlan | null): string[] {
  const renames: [string | null, string | undefined][] = [
    [block.publication, edition?.publication.name],
    [block.label, edition?.label],
  ];
  return block.lines.flatMap((line) => {
    let printed = line;
    for (const [from, to] of renames) {
      if (from === null) continue;
      for (const [name, replacement] of [
        [from, to],
        [from.toUpperCase(), to?.toUpperCase()],
      ] as const) {
        if (!printed.includes(name)) continue;
        if (replacement === undefined) return [];
        printed = printed.split(name).join(replacement);
      }
    }
    return [printed];
  });
}

/** A group of pages on its way: being parsed, then stored together. */
interface PreparingGroup {
  pages: GeneratedPage[];
  ingests: Ingests;
  prepared: Promise<PreparedIngest[]>;
}

let learnedVersions = 0;

/** What the stored pages taught, as the parser takes it (`createLearnedSource` rebuilds it the same way). */
async function learnedSnapshot(repository: Repository): Promise<VersionedLearned> {
  return { version: ++learnedVersions, learned: await loadLearned(repository) };
}

/**
 * One snapshot for a whole group, refreshed by the generator between groups rather than by the
 * clock as the server's is: the same seed parses the same.
 */
function fixedLearned(snapshot: VersionedLearned): LearnedSource {
  return { current: async () => snapshot, noteIngest: () => undefined, invalidate: () => undefined };
}

/** The ingest time of article `id` of `total`: one a second, the last on LAST_DAY. */
function stamped(record: IngestRecord, id: number, total: number): IngestRecord {
  const at = new Date(LAST_DAY - (total - id) * 1000).toISOString();
  return { ...record, ingestedAt: at, document: { ...record.document, receivedAt: at } };
}

const SQLITE_FILES = ['', '-wal', '-shm', '-journal'];

/** Builds the database through the repository; returns what it wrote (and saves it as `<file>.meta.json`). */
export async function generateDatabase(options: GenerateOptions): Promise<GenerateMeta> {
  const log = options.log ?? ((message: string) => console.error(message));
  const total = options.articles;
  const seed = options.seed ?? 20250630;
  const started = performance.now();
  const engine = engineOf(options.location);
  const file = engine === 'sqlite' ? options.location : null;
  if (file !== null)
    for (const suffix of [...SQLITE_FILES, '.meta.json']) rmSync(file + suffix, { force: true });

  // The representation GET serves, stored at each write as the server stores it (migration 014).
  const { repository, location } = await openRepository({
    location: options.location,
    skipIntegrityCheck: true,
    represent: representArticle,
  });
  const pool = createParsePool({
    size: Math.max(1, availableParallelism() - 1),
    budgetMs: PAGE_BUDGET_MS,
    maxQueue: PAGES_PER_GROUP,
  });
  const parse: ParseFunction = (submission, context) => pool.parse(submission, 'ingest', context?.learned);
  const occurrences = new Int32Array(VOCABULARY);
  const editions = new Set<number>();
  const publications = new Set<string>();
  let stored = 0;
  let teasers = 0;
  let pagesWithoutStory = 0;
  try {
    if ((await repository.listPublications({ limit: 1 })).items.length > 0)
      throw new Error(`generate-db: ${location} is not empty`);
    const corpus = planCorpus(loadPools(), total, seed);
    let learned = await learnedSnapshot(repository);
    let drawn = 0;
    const prepareGroup = (count: number): PreparingGroup => {
      const pages = Array.from({ length: count }, () => corpus.page((drawn += 1)));
      const ingests = createIngests(repository, { learned: fixedLearned(learned), parse });
      return { pages, ingests, prepared: Promise.all(pages.map((page) => ingests.prepare(page.submission))) };
    };
    let lastLog = performance.now();
    let next: PreparingGroup | null = prepareGroup(Math.min(PAGES_PER_GROUP, total));
    while (next !== null) {
      const group: PreparingGroup = next;
      const ready: { record: IngestRecord; page: GeneratedPage }[] = [];
      (await group.prepared).forEach((prepared, index) => {
        const page = group.pages[index];
        if (page === undefined) return;
        // A page in which the parser finds no story is refused (422) as an ingest would be;
        // a later page takes its place.
        if (prepared.kind === 'no-story') pagesWithoutStory += 1;
        else if (prepared.kind !== 'ready') throw new Error(`generate-db: page ${page.id} is stored already`);
        else ready.push({ record: stamped(prepared.record, stored + ready.length + 1, total), page });
      });
      // Submitted in one turn of the event loop: one group commit. The next group is parsed in
      // the workers meanwhile, with what the corpus had learned before this one.
      const storing = Promise.all(ready.map(({ record }) => group.ingests.store(record)));
      const remaining = total - stored - ready.length;
      next = remaining > 0 ? prepareGroup(Math.min(PAGES_PER_GROUP, remaining)) : null;
      const outcomes = await storing;
      outcomes.forEach((outcome, index) => {
        if (outcome.kind !== 'created')
          throw new Error(`generate-db: page ${ready[index]?.page.id} was not created`);
        const article = outcome.article;
        stored += 1;
        teasers += article.teaserCount;
        if (article.edition !== null) {
          editions.add(article.edition.id);
          publications.add(article.edition.publication);
        }
        // Only what the parser kept in the story counts towards the rare term's frequency.
        const kept = new Set(article.paragraphs);
        for (const built of ready[index]?.page.paragraphs ?? [])
          if (kept.has(built.text))
            for (const rank of built.ranks) occurrences[rank] = (occurrences[rank] ?? 0) + 1;
      });
      learned = await learnedSnapshot(repository);
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        const seconds = (lastLog - started) / 1000;
        log(
          `generate-db: ${stored}/${total} articles, ${seconds.toFixed(0)} s, ${(stored / seconds).toFixed(0)} pages/s`,
        );
      }
    }
  } finally {
    await pool.close();
    await repository.close();
  }

  const rareRank = rareTermRank(occurrences);
  const seconds = (performance.now() - started) / 1000;
  const meta: GenerateMeta = {
    generatorVersion: GENERATOR_VERSION,
    engine,
    articles: stored,
    pagesWithoutStory,
    editions: editions.size,
    publications: publications.size,
    teasers,
    commonTerm: COMMON_TERM,
    rareTerm: syntheticWord(rareRank),
    rareTermOccurrences: occurrences[rareRank] ?? 0,
    seconds,
    pagesPerSecond: stored / seconds,
    bytes:
      file === null
        ? null
        : SQLITE_FILES.reduce(
            (sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0),
            0,
          ),
  };
  if (file !== null) writeFileSync(`${file}.meta.json`, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

/** A tail word of the vocabulary found about RARE_TARGET times. */
function rareTermRank(occurrences: Int32Array): number {
  let rareRank = VOCABULARY - 1;
  let best = Number.POSITIVE_INFINITY;
  for (let rank = VOCABULARY - 1; rank >= 0; rank -= 1) {
    const distance = Math.abs((occurrences[rank] ?? 0) - RARE_TARGET);
    if (distance < best) {
      best = distance;
      rareRank = rank;
      if (distance === 0) break;
    }
  }
  return rareRank;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      out: { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const articles = Number.parseInt(values.articles ?? '', 10);
  const location = values.out ?? values['database-url'];
  if (
    !Number.isSafeInteger(articles) ||
    articles < 1 ||
    location === undefined ||
    (values.out && values['database-url'])
  ) {
    console.error('usage: generate-db --articles N (--out PATH | --database-url postgres://…) [--seed S]');
    process.exit(2);
  }
  if (values.out !== undefined && existsSync(values.out))
    console.error(`generate-db: replacing ${values.out}`);
  const meta = await generateDatabase({
    articles,
    location,
    seed: values.seed === undefined ? undefined : Number.parseInt(values.seed, 10),
  });
  console.log(JSON.stringify(meta, null, 2));
}
