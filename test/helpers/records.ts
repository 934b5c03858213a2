import { sha256Hex } from '../../src/ingest/ingest.js';
import type { Edition, Teaser } from '../../src/parser/types.js';
import type { IngestRecord, PageWithStory } from '../../src/storage/repository.js';

export interface PageSpec {
  title?: string | null;
  paragraphs?: string[];
  language?: string | null;
  pageLocale?: string | null;
  edition?: Partial<Edition> | null;
  teasers?: (Partial<Teaser> & { title: string })[];
}

let counter = 0;

/** A parsed page with a story, built by hand so storage tests do not depend on the parser. */
export function page(spec: PageSpec = {}): PageWithStory {
  return {
    story: {
      title: spec.title === undefined ? 'A title' : spec.title,
      deck: null,
      byline: null,
      dateline: null,
      paragraphs: spec.paragraphs ?? ['First paragraph about whales.', 'Second paragraph.'],
      language: spec.language === undefined ? 'en' : spec.language,
    },
    edition:
      spec.edition === null
        ? null
        : {
            publication: 'The Straits Times',
            date: '2024-10-23',
            label: 'October 23, 2024',
            platform: 'magzter',
            ...spec.edition,
          },
    teasers: (spec.teasers ?? []).map((teaser) => ({
      summary: null,
      publication: null,
      date: null,
      partial: false,
      ...teaser,
    })),
    page_locale: spec.pageLocale === undefined ? 'en' : spec.pageLocale,
    removed: [],
    warnings: [],
  };
}

/** An ingest record for `parsed`; each call gets a distinct raw document unless `body` is given. */
export function record(
  parsed: PageWithStory = page(),
  body = `raw page ${(counter += 1)} ${Math.random()}`,
): IngestRecord {
  return {
    document: {
      body,
      contentType: 'text/plain',
      sha256: sha256Hex(body),
      sourceUrl: null,
      receivedAt: '2026-01-01T00:00:00.000Z',
    },
    page: parsed,
    parserVersion: '9.9.9',
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}
