/**
 * Storage records as API resources: snake_case fields and links. One place, so every
 * route serves the same shape for the same thing.
 */
import type {
  ArticleRecord,
  ArticleRepresentation,
  EditionRecord,
  JobRecord,
  PublicationRecord,
  TeaserRecord,
  Represent,
  TeaserSearchItem,
  RankedWithin,
  Total,
} from '../storage/repository.js';
import type { z } from 'zod';
import { payloadEtag } from './etag.js';
import { ArticleSchema } from './schemas.js';
import { jsonSerializer } from './serializer.js';
import type {
  ArticleResponse,
  EditionSchema,
  JobSchema,
  PublicationSchema,
  RankedWithinSchema,
  TeaserSchema,
  TeaserSearchItemSchema,
} from './schemas.js';

export const articlePath = (id: number): string => `/v1/articles/${id}`;
export const editionPath = (id: number): string => `/v1/editions/${id}`;
export const publicationPath = (id: number): string => `/v1/publications/${id}`;
export const jobPath = (id: string): string => `/v1/admin/jobs/${id}`;

export function toArticleResponse(article: ArticleRecord): ArticleResponse {
  const self = articlePath(article.id);
  return {
    id: article.id,
    title: article.title,
    deck: article.deck,
    byline: article.byline,
    dateline: article.dateline,
    paragraphs: article.paragraphs,
    language: article.language,
    page_locale: article.pageLocale,
    word_count: article.wordCount,
    edition: article.edition,
    teaser_count: article.teaserCount,
    teased_by: article.teasedBy.map((tease) => ({ article_id: tease.articleId, position: tease.position })),
    story_id: article.storyId,
    captures: article.captures.map((capture) => ({
      article_id: capture.articleId,
      platform: capture.platform,
      page_locale: capture.pageLocale,
      publication: capture.publication,
      edition_date: capture.editionDate,
    })),
    source_url: article.sourceUrl,
    ingested_at: article.ingestedAt,
    parser_version: article.parserVersion,
    links: { self, edition: `${self}/edition`, teasers: `${self}/teasers`, source: `${self}/source` },
  };
}

let serializeArticle: ((data: unknown) => string) | undefined;

function buildRepresentation(article: ArticleRecord): ArticleRepresentation {
  serializeArticle ??= jsonSerializer(ArticleSchema);
  const body = serializeArticle(toArticleResponse(article));
  return { body, etag: payloadEtag(body) };
}

/** Every field filled: its bytes change with any change to the shape or the serialization. */
const SAMPLE_ARTICLE: ArticleRecord = {
  id: 1,
  title: 'title',
  deck: 'deck',
  byline: 'byline',
  dateline: 'dateline',
  paragraphs: ['paragraph'],
  language: 'en',
  pageLocale: 'en',
  wordCount: 1,
  edition: { id: 2, publication: 'publication', date: '2025-01-02' },
  teaserCount: 3,
  teasedBy: [{ articleId: 4, position: 5 }],
  storyId: 6,
  captures: [
    { articleId: 7, platform: 'magzter', pageLocale: 'fr', publication: 'other', editionDate: '2025-01' },
  ],
  sourceUrl: 'https://example.com/',
  ingestedAt: '2025-01-02T03:04:05.000Z',
  parserVersion: '1.0.0',
};

let format: string | undefined;

/**
 * The article as `GET /v1/articles/{id}` sends it, byte for byte (the route's compiled
 * serializer), with its strong ETag: what storage stores beside the article (`Represent`,
 * given to `openRepository`), so that a GET reads it instead of building it. Its `format` is
 * the tag of a sample article's bytes: a build that serves another shape serves none of the
 * bodies stored by this one.
 */
export const representArticle = Object.defineProperty(
  (article: ArticleRecord) => buildRepresentation(article),
  'format',
  { get: () => (format ??= buildRepresentation(SAMPLE_ARTICLE).etag.slice(1, 17)) },
) as Represent;

/** Keeps `id` and the requested fields only (`fields=title,edition`). */
export function selectFields<T extends { id: number }>(
  resource: T,
  fields: readonly string[] | null,
): Partial<T> {
  if (fields === null) return resource;
  const picked: Partial<T> = { id: resource.id } as Partial<T>;
  for (const field of fields) {
    if (field in resource) picked[field as keyof T] = resource[field as keyof T];
  }
  return picked;
}

export function toTeaser(teaser: TeaserRecord): z.output<typeof TeaserSchema> {
  return {
    position: teaser.position,
    title: teaser.title,
    summary: teaser.summary,
    publication: teaser.publication,
    date: teaser.date,
    partial: teaser.partial,
    article_id: teaser.linkedArticleId,
  };
}

/** A list's `total`; every list that answers one counts (an engine that cannot says so here). */
export function rankedWithinOf(ranked: RankedWithin): z.output<typeof RankedWithinSchema> {
  return { newest_matches: ranked.newestMatches, all_matches_ranked: ranked.allMatchesRanked };
}

export function totalOf(page: { total?: Total }): Total {
  if (page.total === undefined) throw new Error('the repository did not count this list');
  return page.total;
}

export function toTeaserSearchItem(teaser: TeaserSearchItem): z.output<typeof TeaserSearchItemSchema> {
  return { id: teaser.id, page_article_id: teaser.pageArticleId, ...toTeaser(teaser) };
}

export function toEdition(edition: EditionRecord): z.output<typeof EditionSchema> {
  return {
    id: edition.id,
    publication: edition.publication,
    date: edition.date,
    label: edition.label,
    platform: edition.platform,
    article_count: edition.articleCount,
    links: {
      self: editionPath(edition.id),
      articles: `${editionPath(edition.id)}/articles`,
      publication: publicationPath(edition.publication.id),
    },
  };
}

export function toPublication(publication: PublicationRecord): z.output<typeof PublicationSchema> {
  return {
    id: publication.id,
    name: publication.name,
    edition_count: publication.editionCount,
    article_count: publication.articleCount,
    first_edition_date: publication.firstEditionDate,
    last_edition_date: publication.lastEditionDate,
    links: {
      self: publicationPath(publication.id),
      editions: `${publicationPath(publication.id)}/editions`,
      articles: `/v1/articles?publication=${publication.id}`,
    },
  };
}

export function toJob(job: JobRecord): z.output<typeof JobSchema> {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    total: job.total,
    processed: job.processed,
    updated: job.updated,
    unchanged: job.unchanged,
    skipped: job.skipped,
    failed: job.failed,
    error: job.error,
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    node: job.claimedBy,
    heartbeat_at: job.heartbeatAt,
    links: { self: jobPath(job.id) },
  };
}
