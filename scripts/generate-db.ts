/**
 * `npm run generate:db -- --articles N --out PATH`: a masthead database of N synthetic but
 * realistic articles, built fast, for the growth benchmark (bench/growth.ts).
 *
 * The schema comes from the application itself (createSqliteRepository migrates an empty
 * file); the rows are then written straight through better-sqlite3 in large transactions
 * with the journal and fsync off, and WAL is restored at the end. Every column the
 * repository fills is filled the same way (src/storage/sqlite/articles.ts): title_key,
 * publication_key, edition_start/end and sort_key through src/storage/keys.ts, word_count
 * as countWords() counts, one articles_fts row per article, one teasers_fts row per teaser,
 * and teaser links resolved with the statement migration 002 uses.
 *
 * Text: the body paragraphs of the golden fixtures (test/fixtures/pages and holdout),
 * grouped by story language and recombined, with words of a synthetic Zipf vocabulary
 * (2^20 words) inserted so that the corpus has common words and a long tail of rare ones.
 * Titles carry two uniformly drawn synthetic words, so they are nearly unique. Writes
 * `PATH.meta.json` with the counts and a rare search term chosen from the tail.
 *
 *   npm run generate:db -- --articles 100000 --out /tmp/masthead-100k.db
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { PARSER_VERSION, parsePage } from '../src/parser/index.js';
import { countWords } from '../src/storage/word-count.js';
import { createSqliteRepository } from '../src/storage/sqlite/index.js';
import { dateBounds, publicationKey, titleKey } from '../src/storage/keys.js';
import type { Platform } from '../src/parser/types.js';
import { FIXTURE_PAGES_DIR, loadFixtures, type Fixture } from '../test/helpers/fixtures.js';
import { mulberry32 } from '../test/helpers/random.js';

/** Bump when the generated data changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 1;

const PUBLICATIONS = 200;
const ARTICLES_PER_EDITION = 50;
const ARTICLES_PER_TRANSACTION = 5_000;
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
  out: string;
  seed?: number;
  log?: (message: string) => void;
}

export interface GenerateMeta {
  generatorVersion: number;
  articles: number;
  editions: number;
  publications: number;
  teasers: number;
  linkedTeasers: number;
  commonTerm: string;
  rareTerm: string;
  rareTermOccurrences: number;
  seconds: number;
  bytes: number;
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

interface Pools {
  paragraphsByLanguage: Map<string, Paragraph[]>;
  languages: string[];
  titles: string[];
  decks: string[];
  bylines: string[];
  datelines: string[];
  pageLocales: (string | null)[];
  boilerplate: string[];
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
    datelines: [],
    pageLocales: [],
    boilerplate: [],
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
    if (expected.dateline) pools.datelines.push(expected.dateline);
    pools.pageLocales.push(expected.page_locale);
    pools.boilerplate.push(...expected.boilerplate_lines);
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
  id: number;
  name: string;
  key: string;
  platform: Platform;
  cadenceDays: number;
  monthly: boolean;
  language: string;
}

interface EditionPlan {
  id: number;
  publication: PublicationPlan;
  date: string | null;
  label: string | null;
}

function editionDate(publication: PublicationPlan, index: number): { date: string; label: string } {
  if (publication.monthly) {
    const day = new Date(LAST_DAY);
    const month = day.getUTCFullYear() * 12 + day.getUTCMonth() - index;
    const year = Math.floor(month / 12);
    const m = month % 12;
    return { date: `${year}-${String(m + 1).padStart(2, '0')}`, label: `${MONTHS[m] ?? ''} ${year}` };
  }
  const day = new Date(LAST_DAY - index * publication.cadenceDays * DAY_MS);
  const iso = day.toISOString().slice(0, 10);
  return {
    date: iso,
    label: `${MONTHS[day.getUTCMonth()] ?? ''} ${day.getUTCDate()}, ${day.getUTCFullYear()}`,
  };
}

/** Builds the database; returns what it wrote (also saved as `<out>.meta.json`). */
export async function generateDatabase(options: GenerateOptions): Promise<GenerateMeta> {
  const log = options.log ?? ((message: string) => console.error(message));
  const total = options.articles;
  const seed = options.seed ?? 20250630;
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm', '-journal', '.meta.json'])
    rmSync(options.out + suffix, { force: true });

  // 1. The schema, exactly as the application creates it.
  const repository = createSqliteRepository(options.out);
  await repository.close();

  // 2. Bulk load without a journal or fsync.
  const db = new Database(options.out);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -524288'); // 512 MiB: the secondary indexes stay in memory while loading
  db.pragma('temp_store = MEMORY');

  const pools = loadPools();
  const random = mulberry32(seed);
  const now = new Date(LAST_DAY + DAY_MS).toISOString();

  const names = publicationNames(pools);
  const platforms: Platform[] = [
    'magzter',
    'magzter',
    'magzter',
    'magzter',
    'pressreader',
    'zinio',
    'scribd',
  ];
  const storyLanguages = pools.languages.filter((language) => pools.paragraphsByLanguage.has(language));
  const publications: PublicationPlan[] = names.map((name, index) => {
    const roll = random();
    const cadence = roll < 0.6 ? 1 : roll < 0.85 ? 7 : 30;
    return {
      id: index + 1,
      name,
      key: publicationKey(name),
      platform: pick(platforms, random),
      cadenceDays: cadence,
      monthly: cadence === 30,
      // Mostly English, as the fixtures are.
      language: random() < 0.7 ? 'en' : pick(storyLanguages, random),
    };
  });
  const insertPublication = db.prepare('INSERT INTO publications (id, name, created_at) VALUES (?, ?, ?)');
  for (const publication of publications) insertPublication.run(publication.id, publication.name, now);

  const editionCount = Math.max(1, Math.round(total / ARTICLES_PER_EDITION));
  const editions: EditionPlan[] = [];
  const insertEdition = db.prepare(
    'INSERT INTO editions (id, publication_id, date, label, platform, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let index = 0; index < editionCount; index += 1) {
      const publication = publications[index % publications.length];
      if (!publication) throw new Error('generate-db: no publication');
      const round = Math.floor(index / publications.length);
      // The first edition of a few publications has no printed date.
      const undated = round === 0 && index % 10 === 0;
      const dated = undated ? null : editionDate(publication, round);
      const edition: EditionPlan = {
        id: index + 1,
        publication,
        date: dated?.date ?? null,
        label: dated?.label ?? null,
      };
      editions.push(edition);
      insertEdition.run(edition.id, publication.id, edition.date, edition.label, publication.platform, now);
    }
  })();

  /** Deterministic per article, so a teaser can announce any article by id. */
  function header(id: number): { edition: EditionPlan | null; title: string | null } {
    const r = mulberry32(seed ^ Math.imul(id, 2654435761));
    const edition = r() < 0.02 ? null : (editions[Math.floor(r() * editions.length)] ?? null);
    const title =
      r() < 0.04
        ? null
        : `${pick(pools.titles.length > 0 ? pools.titles : ['Untitled'], r)}: ${capitalise(
            syntheticWord(Math.floor(r() * VOCABULARY)),
          )} ${syntheticWord(Math.floor(r() * VOCABULARY))}`;
    return { edition, title };
  }

  const occurrences = new Int32Array(VOCABULARY);
  function paragraphText(paragraph: Paragraph): { text: string; words: number } {
    const tokens = paragraph.tokens.slice();
    const inserts = 1 + Math.floor(paragraph.words / SYNTHETIC_EVERY);
    for (let i = 0; i < inserts; i += 1) {
      const rank = zipfRank(random);
      occurrences[rank] = (occurrences[rank] ?? 0) + 1;
      tokens.splice(Math.floor(random() * (tokens.length + 1)), 0, syntheticWord(rank));
    }
    return { text: tokens.join(' '), words: paragraph.words + inserts };
  }

  const insertDocument = db.prepare(
    'INSERT INTO raw_documents (id, sha256, content_type, body, source_url, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertArticle = db.prepare(`
    INSERT INTO articles (id, raw_document_id, edition_id, title, deck, byline, dateline, paragraphs,
                          language, page_locale, word_count, parser_version, ingested_at,
                          title_key, publication_key, edition_start, edition_end, sort_key,
                          teaser_count, source_url)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSearchRow = db.prepare(
    'INSERT INTO articles_fts (rowid, title, deck, body) VALUES (?, ?, ?, ?)',
  );
  const insertTeaser = db.prepare(`
    INSERT INTO teasers (id, article_id, position, title, summary, publication, date, partial,
                         title_key, publication_key)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTeaserSearchRow = db.prepare(
    'INSERT INTO teasers_fts (rowid, title, summary) VALUES (?, ?, ?)',
  );

  let teaserId = 0;
  const english = pools.paragraphsByLanguage.get('en') ?? [...pools.paragraphsByLanguage.values()][0] ?? [];

  function writeArticle(id: number): void {
    const { edition, title } = header(id);
    const publication = edition?.publication ?? null;
    const language = publication?.language ?? 'en';
    const pool = pools.paragraphsByLanguage.get(language) ?? english;
    const count = 3 + Math.floor(random() * 10);
    const paragraphs: string[] = [];
    let words = 0;
    for (let i = 0; i < count; i += 1) {
      const built = paragraphText(pick(pool, random));
      paragraphs.push(built.text);
      words += built.words;
    }
    const deck = random() < 0.4 ? pick(pools.decks, random) : null;
    const byline = random() < 0.6 ? pick(pools.bylines, random) : null;
    const dateline = random() < 0.3 ? pick(pools.datelines, random) : null;
    const pageLocale = pick(pools.pageLocales, random);
    const bounds = dateBounds(edition?.date ?? null);
    const pubKey = publication ? publication.key : null;
    const ingestedAt = new Date(LAST_DAY - (total - id) * 1000).toISOString();

    // Teasers: about one in five announces another stored story (and links to it).
    const teaserCount = 3 + Math.floor(random() * 5);
    const teasers: { title: string; summary: string | null; publication: string | null; partial: number }[] =
      [];
    for (let position = 1; position <= teaserCount; position += 1) {
      if (random() < 0.2) {
        const target = Math.max(1, Math.min(total, id + Math.floor((random() - 0.5) * 2000)));
        const announced = header(target);
        if (announced.title !== null && target !== id) {
          const samePublication = announced.edition?.publication === publication;
          teasers.push({
            title: announced.title,
            summary: pick(pool, random).tokens.slice(0, 24).join(' '),
            publication: samePublication ? null : (announced.edition?.publication.name ?? null),
            partial: 0,
          });
          continue;
        }
      }
      const card = pick(pools.teasers, random);
      teasers.push({
        title: `${card.title} ${syntheticWord(Math.floor(random() * VOCABULARY))}`,
        summary: card.summary,
        publication: null,
        partial: position === teaserCount && random() < 0.05 ? 1 : 0,
      });
    }

    const body = [
      publication?.name ?? '',
      edition?.label ?? '',
      title ?? '',
      deck ?? '',
      byline ?? '',
      ...paragraphs,
      pick(pools.boilerplate, random),
      ...teasers.flatMap((teaser) => [teaser.title, teaser.summary ?? '']),
    ].join('\n');
    const sha256 = createHash('sha256').update(body).digest('hex');
    const sourceUrl =
      random() < 0.3
        ? null
        : `https://www.${publication?.platform ?? 'magzter'}.com/stories/${id.toString(36)}`;
    insertDocument.run(id, sha256, 'text/plain', body, sourceUrl, ingestedAt);
    insertArticle.run(
      id,
      id,
      edition?.id ?? null,
      title,
      deck,
      byline,
      dateline,
      JSON.stringify(paragraphs),
      language === 'und' ? null : language,
      pageLocale,
      words,
      PARSER_VERSION,
      ingestedAt,
      title === null ? null : titleKey(title),
      pubKey,
      bounds.start,
      bounds.end,
      bounds.start ?? '',
      teasers.length,
      sourceUrl,
    );
    teasers.forEach((teaser, index) => {
      teaserId += 1;
      insertTeaser.run(
        teaserId,
        id,
        index + 1,
        teaser.title,
        teaser.summary,
        teaser.publication,
        null,
        teaser.partial,
        titleKey(teaser.title),
        teaser.publication === null ? pubKey : publicationKey(teaser.publication),
      );
      insertTeaserSearchRow.run(teaserId, teaser.title, teaser.summary ?? '');
    });
    insertSearchRow.run(id, title ?? '', deck ?? '', paragraphs.join('\n'));
  }

  const batch = db.transaction((from: number, to: number) => {
    for (let id = from; id <= to; id += 1) writeArticle(id);
  });
  let lastLog = performance.now();
  for (let from = 1; from <= total; from += ARTICLES_PER_TRANSACTION) {
    batch(from, Math.min(total, from + ARTICLES_PER_TRANSACTION - 1));
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      const done = Math.min(total, from + ARTICLES_PER_TRANSACTION - 1);
      log(`generate-db: ${done}/${total} articles, ${((lastLog - started) / 1000).toFixed(0)} s`);
    }
  }

  // 3. Teaser links, with the statement migration 002 uses to backfill them: the lowest
  // other article of the same publication with the same title key (what ingest's lookup
  // and linkWaitingTeasers leave behind when articles arrive in id order).
  log('generate-db: linking teasers');
  const linked = db
    .prepare(
      `UPDATE teasers SET linked_article_id = (
         SELECT a.id FROM articles a
          WHERE a.publication_key = teasers.publication_key AND a.title_key = teasers.title_key
            AND a.id <> teasers.article_id
          ORDER BY a.id LIMIT 1)
        WHERE publication_key IS NOT NULL`,
    )
    .run();
  const linkedTeasers =
    db
      .prepare<[], { n: number }>('SELECT count(*) AS n FROM teasers WHERE linked_article_id IS NOT NULL')
      .get()?.n ?? 0;
  void linked;

  // 4. Back to the application's journal mode.
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.close();

  // The rare term: a tail word of the vocabulary found about RARE_TARGET times.
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

  const meta: GenerateMeta = {
    generatorVersion: GENERATOR_VERSION,
    articles: total,
    editions: editions.length,
    publications: publications.length,
    teasers: teaserId,
    linkedTeasers,
    commonTerm: COMMON_TERM,
    rareTerm: syntheticWord(rareRank),
    rareTermOccurrences: occurrences[rareRank] ?? 0,
    seconds: (performance.now() - started) / 1000,
    bytes: statSync(options.out).size,
  };
  writeFileSync(`${options.out}.meta.json`, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const articles = Number.parseInt(values.articles ?? '', 10);
  if (!Number.isSafeInteger(articles) || articles < 1 || !values.out) {
    console.error('usage: generate-db --articles N --out PATH [--seed S]');
    process.exit(2);
  }
  if (existsSync(values.out)) console.error(`generate-db: replacing ${values.out}`);
  const meta = await generateDatabase({
    articles,
    out: values.out,
    seed: values.seed === undefined ? undefined : Number.parseInt(values.seed, 10),
  });
  console.log(JSON.stringify(meta, null, 2));
}
