/**
 * Corpus-learned boilerplate end to end: pages in a UI language no locale file knows
 * (Polish), on four publications with different stories. The trial and sign-in lines stay in
 * the story until the corpus has seen them on LEARNED_MIN_PUBLICATIONS publications; then new
 * pages lose them, and a re-parse takes them out of the first pages too. One story stored
 * three times under one publication teaches nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createIngests, ingestPage } from '../../src/ingest/ingest.js';
import { createLearnedSource, type LearnedSource } from '../../src/ingest/learned.js';
import { createParsePool } from '../../src/ingest/parse-pool.js';
import { reparseStored } from '../../src/ingest/reparse.js';
import { lineShape, shapeHash } from '../../src/parser/learned.js';
import { LEARNED_MAX_SHAPES, LEARNED_MIN_PUBLICATIONS } from '../../src/parser/settings.js';
import type { Repository } from '../../src/storage/repository.js';
import { createSqliteRepository } from '../../src/storage/sqlite/index.js';

const STORIES = [
  {
    pub: 'Gazeta Rolna',
    title: 'Nowe sady na Mazowszu',
    body: [
      'Sadownicy z okolic Grójca posadzili w tym roku ponad dwa tysiące nowych drzew jabłoni.',
      'Większość z nich to odmiany odporne na przymrozki, które coraz częściej nawiedzają region.',
      'Rolnicy liczą, że pierwsze owoce zbiorą już za trzy lata, jeśli pogoda dopisze.',
    ],
  },
  {
    pub: 'Tygodnik Miejski',
    title: 'Tramwaj wraca na Pragę',
    body: [
      'Po dwóch latach przerwy tramwaje znów kursują ulicą Targową w obu kierunkach.',
      'Remont torowiska kosztował miasto więcej, niż zakładano w pierwotnym kosztorysie.',
      'Mieszkańcy chwalą nowe przystanki, ale narzekają na hałas w godzinach nocnych.',
    ],
  },
  {
    pub: 'Świat Nauki',
    title: 'Mrówki też planują',
    body: [
      'Badacze z Wrocławia wykazali, że mrówki potrafią omijać przeszkody, których jeszcze nie widzą.',
      'Owady zapamiętują układ korytarzy i wybierają krótszą drogę do pożywienia.',
      'Wyniki opublikowano w czasopiśmie poświęconym zachowaniu zwierząt.',
    ],
  },
  {
    pub: 'Auto Świat Polska',
    title: 'Elektryk za rozsądne pieniądze',
    body: [
      'Nowy miejski samochód elektryczny kosztuje mniej niż wiele modeli spalinowych tej klasy.',
      'Zasięg w mieście przekracza trzysta kilometrów, a ładowanie trwa około pół godziny.',
      'Producent daje osiem lat gwarancji na baterię i jej system chłodzenia.',
    ],
  },
];

const trial = (days: number, titles: number): string =>
  `Rozpocznij ${days}-dniowy bezpłatny okres próbny i czytaj tysiące wybranych artykułów z ponad ${titles} czasopism.`;
const SIGN_IN = 'Masz już konto? Zaloguj się';

function pageOf(i: number, variant = 0): string {
  const s = STORIES[i]!;
  return [
    s.title,
    `${s.pub}|${['March', 'April', 'May', 'June'][i]} ${2021 + i}`,
    ...s.body,
    trial(7 + i * 7 + variant, 8000 + i * 500),
    SIGN_IN,
  ].join('\n');
}

/** Another story of publication i (the next publication's story under i's masthead): a
 * publication counts for a shape only once two of its own stories print it. */
function secondPageOf(i: number): string {
  const own = STORIES[i]!;
  const other = STORIES[(i + 1) % STORIES.length]!;
  return [
    `Krótko: ${other.title}`,
    `${own.pub}|July ${2021 + i}`,
    ...other.body,
    trial(30 + i, 8000 + i * 500),
    SIGN_IN,
  ].join('\n');
}

const url = (i: number, story = i): string => `https://www.magzter.com/PL/publisher/pub-${i}/story-${story}`;

let repository: Repository | undefined;
afterEach(async () => {
  await repository?.close();
  repository = undefined;
});

/** The story's running text: the first body line of these pages is read as the deck. */
const text = (article: { deck: string | null; paragraphs: string[] } | null | undefined): string[] =>
  article ? [...(article.deck === null ? [] : [article.deck]), ...article.paragraphs] : [];

async function ingest(repo: Repository, body: string, sourceUrl: string) {
  const outcome = await ingestPage(repo, { body, contentType: 'text/plain', sourceUrl });
  if (outcome.kind === 'no-story') throw new Error(`no story: ${JSON.stringify(outcome.page).slice(0, 400)}`);
  return outcome.article;
}

describe('corpus-learned boilerplate', () => {
  it('stays in the story until seen on enough publications, then goes, and a re-parse applies it', async () => {
    const repo = (repository = createSqliteRepository(':memory:'));
    const first = [];
    for (let i = 0; i < LEARNED_MIN_PUBLICATIONS; i++) {
      const article = await ingest(repo, pageOf(i), url(i));
      // unknown wording, not learned yet: the rules leave it in the story
      expect(article.paragraphs).toContain(SIGN_IN);
      expect(article.paragraphs.some((p) => p.startsWith('Rozpocznij'))).toBe(true);
      first.push(article);
      await ingest(repo, secondPageOf(i), url(i, 100 + i));
    }
    const learned = await repo.learnedShapes(LEARNED_MIN_PUBLICATIONS, LEARNED_MAX_SHAPES);
    expect(learned.map((s) => s.shape).sort()).toEqual([lineShape(SIGN_IN), lineShape(trial(1, 1))].sort());
    expect(
      learned.every((s) => s.publications === LEARNED_MIN_PUBLICATIONS && s.platform === 'magzter'),
    ).toBe(true);
    expect(await repo.learnedShapes(LEARNED_MIN_PUBLICATIONS, 1)).toHaveLength(1);
    const fourth = await ingest(repo, pageOf(3), url(3));
    expect(text(fourth)).toEqual(STORIES[3]!.body);
    expect(fourth.title).toBe(STORIES[3]!.title);

    const summary = await reparseStored(repo, { all: true });
    // both pages of each of the first publications lose their platform lines
    expect(summary).toMatchObject({ updated: 2 * LEARNED_MIN_PUBLICATIONS, failed: 0 });
    for (const [i, article] of first.entries()) {
      expect(text(await repo.getArticle(article.id))).toEqual(STORIES[i]!.body);
    }
    expect(
      (await repo.learnedShapes(LEARNED_MIN_PUBLICATIONS, LEARNED_MAX_SHAPES)).map((s) => s.publications),
    ).toEqual([3, 3]); // the fourth publication printed them in one story only: it does not count yet
  });

  it('ingests and re-parses read and refresh the learned source they are given (the app shares one)', async () => {
    const repo = (repository = createSqliteRepository(':memory:'));
    const real = createLearnedSource(repo);
    const calls: string[] = [];
    const shared: LearnedSource = {
      current: () => (calls.push('current'), real.current()),
      noteIngest: () => (calls.push('noteIngest'), real.noteIngest()),
      invalidate: () => (calls.push('invalidate'), real.invalidate()),
    };
    const ingests = createIngests(repo, { learned: shared });
    const outcome = await ingests.ingest({ body: pageOf(0), contentType: 'text/plain', sourceUrl: url(0) });
    expect(outcome.kind).toBe('created');
    expect(calls).toEqual(['current', 'noteIngest']);
    calls.length = 0;
    const summary = await reparseStored(repo, { all: true, learned: shared });
    expect(summary).toMatchObject({ total: 1, failed: 0 });
    expect(calls).toEqual(['invalidate', 'current', 'noteIngest']);
  });

  it('counts publications, not pages: one story stored three times teaches nothing', async () => {
    const repo = (repository = createSqliteRepository(':memory:'));
    // three captures of one story of one publication (the trial line's number differs, so
    // each is a new document)
    for (let variant = 0; variant < 3; variant++) await ingest(repo, pageOf(0, variant), url(0));
    expect(await repo.learnedShapes(2, LEARNED_MAX_SHAPES)).toEqual([]);
    const again = await ingest(repo, pageOf(0, 9), url(0));
    expect(again.paragraphs).toContain(SIGN_IN);
    expect(text(again)).toEqual(expect.arrayContaining(STORIES[0]!.body));
  });

  it('does not learn a syndicated story: the same story in three publications', async () => {
    const repo = (repository = createSqliteRepository(':memory:'));
    const wire = STORIES[2]!;
    for (const [i, pub] of ['Gazeta Rolna', 'Tygodnik Miejski', 'Auto Świat Polska', 'Dziennik'].entries()) {
      const body = [wire.title, `${pub}|May ${2021 + i}`, ...wire.body, trial(7, 8000), SIGN_IN].join('\n');
      const article = await ingest(repo, body, url(i));
      expect(text(article)).toEqual(expect.arrayContaining(wire.body));
    }
    // seen on four publications, but in one story only: nothing is learned
    expect(await repo.learnedShapes(2, LEARNED_MAX_SHAPES)).toEqual([]);
  });

  it('does not learn a wire line carried under different titles: a publication counts at its second story', async () => {
    const repo = (repository = createSqliteRepository(':memory:'));
    const WIRE_LINE = 'Według agencji ceny skupu wzrosły o 3 procent w ciągu tygodnia.';
    for (const [i, story] of STORIES.entries()) {
      const body = [story.title, `${story.pub}|May ${2021 + i}`, ...story.body, WIRE_LINE].join('\n');
      const article = await ingest(repo, body, url(i));
      expect(text(article)).toContain(WIRE_LINE);
    }
    // four publications, four titles, one story each: the line is theirs, not the platform's
    const shapes = await repo.learnedShapes(2, LEARNED_MAX_SHAPES);
    expect(shapes.map((s) => s.shape)).not.toContain(lineShape(WIRE_LINE));
  });

  it('reaches a pool worker, and a job sent without one is parsed without it', async () => {
    const pool = createParsePool({ size: 1, budgetMs: 10_000 });
    try {
      const submission = { body: pageOf(1), contentType: 'text/plain' as const, sourceUrl: url(1) };
      const shapes = new Map([[shapeHash(lineShape(SIGN_IN)), 5]]);
      const learned = { version: 1, learned: { shapes: new Map([['magzter', shapes]]) } };
      const without = await pool.parse(submission);
      expect(without.story?.paragraphs).toContain(SIGN_IN);
      const withLearned = await pool.parse(submission, 'ingest', learned);
      expect(withLearned.story?.paragraphs).not.toContain(SIGN_IN);
      expect(withLearned.removed).toContainEqual({
        text: SIGN_IN,
        reason: 'learned-boilerplate',
        evidence: 5,
      });
      // a job queued without a snapshot is parsed without one, whatever the worker holds
      expect((await pool.parse(submission)).story?.paragraphs).toContain(SIGN_IN);
    } finally {
      await pool.close();
    }
  });
});

describe('createLearnedSource', () => {
  it('rebuilds after its age or its ingest count, not before', async () => {
    let calls = 0;
    let clock = 0;
    const fake = {
      learnedShapes: async () => {
        calls += 1;
        return [];
      },
    } as unknown as Repository;
    const source = createLearnedSource(fake, { now: () => clock, refreshMs: 1000, refreshIngests: 2 });
    const v1 = await source.current();
    expect((await source.current()).version).toBe(v1.version);
    source.noteIngest();
    expect(calls).toBe(1);
    source.noteIngest();
    expect((await source.current()).version).toBeGreaterThan(v1.version);
    clock += 1001;
    await source.current();
    expect(calls).toBe(3);
  });

  it('does not keep a build that started before invalidate(): the next current() sees what came after', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const fake = {
      learnedShapes: async () => {
        calls += 1;
        if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
        return calls === 1 ? [] : [{ platform: 'magzter', hash: 7, publications: 3, shape: 'x' }];
      },
    } as unknown as Repository;
    const source = createLearnedSource(fake, { now: () => 0 });
    const stale = source.current();
    source.invalidate();
    const fresh = await source.current();
    release();
    await stale;
    expect(fresh.learned.shapes.get('magzter')?.get(7)).toBe(3);
    // The stale build finished last, and still is not what current() answers.
    expect((await source.current()).version).toBe(fresh.version);
  });

  it('asks the repository for at most LEARNED_MAX_SHAPES shapes', async () => {
    const limits: number[] = [];
    const fake = {
      learnedShapes: async (_min: number, limit: number) => {
        limits.push(limit);
        return [];
      },
    } as unknown as Repository;
    await createLearnedSource(fake).current();
    expect(limits).toEqual([LEARNED_MAX_SHAPES]);
  });
});
