/**
 * One renderer: `masthead parse --format markdown|text` and `GET /v1/articles/{id}.md|.txt`
 * print the same page the same way, over every golden page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { openRepository } from '../../src/storage/open.js';
import type { Repository } from '../../src/storage/repository.js';
import { cli, PAGES_DIR } from '../cli/io.js';

const PAGES = readdirSync(PAGES_DIR).filter((name) => !name.startsWith('.'));

let app: Awaited<ReturnType<typeof buildApp>>;
let repository: Repository;

beforeAll(async () => {
  ({ repository } = await openRepository({ location: ':memory:' }));
  // The pure parse, as the CLI runs it: stored ingests would also use the corpus-learned
  // boilerplate, which is a difference of parsing, not of rendering.
  // Every golden page is stored and deleted twice: more writes than a client may send a minute.
  app = await buildApp(
    { ...loadConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '0' }), logLevel: 'silent' },
    { repository, parse: (submission) => Promise.resolve(parseSubmission(submission)) },
  );
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await repository.close();
});

/** The page stored alone (so no teaser links to another stored page), rendered, then deleted. */
async function served(page: string, extension: 'md' | 'txt'): Promise<string | null> {
  const dir = join(PAGES_DIR, page);
  const source = JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8')) as { url?: string | null };
  const text = readFileSync(join(dir, 'raw.txt'), 'utf8');
  const created = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    payload: { text, url: source.url ?? undefined },
  });
  if (created.statusCode === 422) return null;
  expect(created.statusCode).toBe(201);
  const { id } = created.json<{ id: number }>();
  try {
    const rendered = await app.inject({ method: 'GET', url: `/v1/articles/${id}.${extension}` });
    expect(rendered.statusCode).toBe(200);
    return rendered.body;
  } finally {
    expect((await app.inject({ method: 'DELETE', url: `/v1/articles/${id}` })).statusCode).toBe(204);
  }
}

describe('the CLI and the API render a page alike', () => {
  it.each([
    ['markdown', 'md'],
    ['text', 'txt'],
  ] as const)('as %s, on every golden page', async (format, extension) => {
    let compared = 0;
    for (const page of PAGES) {
      const printed = await cli(['parse', join(PAGES_DIR, page, 'raw.txt'), '--format', format]);
      const body = await served(page, extension);
      if (body === null) {
        // No main story: the API stores nothing (422), the CLI says so and exits 3.
        expect(printed.code, page).toBe(3);
        continue;
      }
      expect(printed.code, page).toBe(0);
      expect(printed.stdout, page).toBe(body);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(PAGES.length / 2);
  });
});
