/**
 * The API's types, validation and OpenAPI document all come from these zod schemas.
 * Schemas with a `.meta({ id })` become named components in `openapi.yaml`.
 */
import { z } from 'zod';
import { PLATFORMS } from '../parser/rules/platforms.js';
import type { ParsedPage } from '../parser/types.js';
import { MAX_CAPTURES } from '../storage/repository.js';
import { ARTICLE_SORTS, EDITION_SORTS, TEASER_SORTS } from '../storage/repository.js';

const nullableText = (description: string) => z.string().nullable().describe(description);

// ---------------------------------------------------------------- examples

// The examples taken from the seed page (its text, its parse, the article and teasers stored
// from it) are added by the generator, `npm run openapi` (scripts/openapi-examples.ts).
export const examples = {
  edition: {
    id: 1,
    publication: { id: 1, name: 'The Straits Times' },
    date: '2024-10-23',
    label: 'October 23, 2024',
    platform: 'magzter' as const,
    page_locale: 'de',
    article_count: 1,
  },
};

// ---------------------------------------------------------------- parse result

export const PlatformSchema = z
  .enum(PLATFORMS.map((rules) => rules.platform))
  .describe('The newsstand the page was captured from.')
  .meta({ id: 'Platform' });

export const StorySchema = z
  .object({
    title: nullableText('Headline, when the page prints one.'),
    deck: nullableText('Standfirst under the headline.'),
    byline: nullableText('Writer\'s name only ("- By Name" gives "Name").'),
    dateline: nullableText(
      'Place prefix of the first paragraph ("SEOUL" in "SEOUL - As …"); the paragraph keeps it.',
    ),
    paragraphs: z.array(z.string()).describe('Body paragraphs in order, trimmed.'),
    captions: z
      .array(z.string())
      .optional()
      .describe(
        'Figure captions of an HTML page (`<figcaption>`), never in the body; absent for text input.',
      ),
    language: nullableText('BCP 47 tag of the story text, detected; null when too short to tell.'),
  })
  .meta({ id: 'Story' });

export const ParsedEditionSchema = z
  .object({
    publication: nullableText('Publication as printed in the edition line or header.'),
    date: nullableText(
      'ISO date with the precision printed: YYYY-MM-DD, YYYY-MM, or YYYY for an edition printed with the year only.',
    ),
    label: nullableText('The date exactly as printed ("October 23, 2024").'),
    platform: PlatformSchema.nullable(),
  })
  .meta({ id: 'ParsedEdition' });

export const ParsedTeaserSchema = z
  .object({
    title: z.string(),
    summary: z.string().nullable(),
    publication: nullableText("The teaser's own publication, where printed."),
    date: nullableText("The teaser's own issue date as printed on its card (`OCT 2025`), where printed."),
    partial: z.boolean().describe('True when the card was cut by the end of the captured text.'),
  })
  .meta({ id: 'ParsedTeaser' });

export const ParsedPageSchema = z
  .object({
    story: StorySchema.nullable().describe('The main story; null when the page has none.'),
    edition: ParsedEditionSchema.nullable(),
    teasers: z.array(ParsedTeaserSchema).describe('Related-story teasers, in page order.'),
    page_locale: nullableText("BCP 47 tag of the platform's UI text on the page."),
    removed: z
      .array(
        z.object({
          text: z.string(),
          reason: z.string(),
          evidence: z
            .number()
            .int()
            .optional()
            .describe(
              'With reason `learned-boilerplate`: how many distinct publications of the platform the corpus saw this line (its shape: numbers, prices, dates folded) on.',
            ),
        }),
      )
      .describe('Every input line that went into no field, with the reason.'),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ParsedPage' });

/** Compile-time proof that whatever the parser returns can be served as a ParsedPage. */
export type ParserOutputFitsSchema = ParsedPage extends z.output<typeof ParsedPageSchema> ? true : never;
const parserOutputFitsSchema: ParserOutputFitsSchema = true;
void parserOutputFitsSchema;

// ---------------------------------------------------------------- requests

export const IngestJsonSchema = z
  .strictObject({
    text: z.string().min(1).optional().describe('The page as captured plain text.'),
    html: z.string().min(1).optional().describe('The page as HTML.'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional()
      .describe('Where the page was captured.'),
  })
  .refine((body) => (body.text === undefined) !== (body.html === undefined), {
    message: 'give exactly one of "text" or "html"',
  })
  .meta({
    id: 'PageSubmission',
    description: 'A captured page in JSON: exactly one of `text` or `html`, optionally its URL.',
  });

const rawPage = (description: string) => z.string().min(1, 'the page is empty').describe(description);

/**
 * Request bodies accepted by the page endpoints, per content type. JSON first: generators take
 * the first media type as the one to send (openapi-fetch JSON-encodes every body, orval sends
 * a string with no JSON content type), so the first must be the object they can send.
 */
export const pageBodyContent = {
  'application/json': { schema: IngestJsonSchema },
  'text/plain': {
    schema: rawPage('The page as captured plain text (UTF-8).'),
  },
  'text/html': { schema: rawPage('The page as HTML (UTF-8).') },
};

// ---------------------------------------------------------------- resources

export const ArticleSchema = z
  .object({
    id: z.int().positive(),
    title: nullableText('Headline, when the page prints one.'),
    deck: nullableText('Standfirst under the headline.'),
    byline: nullableText("Writer's name."),
    dateline: nullableText('Place prefix of the first paragraph.'),
    paragraphs: z.array(z.string()),
    language: nullableText('BCP 47 tag of the story text, detected.'),
    page_locale: nullableText("BCP 47 tag of the platform's UI text on the page."),
    word_count: z.int().nonnegative(),
    edition: z
      .object({ id: z.int().positive(), publication: z.string(), date: z.string().nullable() })
      .nullable()
      .describe('The source edition in brief; null when the page printed no publication.'),
    teaser_count: z.int().nonnegative(),
    teased_by: z
      .array(z.object({ article_id: z.int().positive(), position: z.int().positive() }))
      .describe('Stored pages whose teasers announce this story (same publication, same normalised title).'),
    story_id: z
      .int()
      .positive()
      .describe(
        'The story this article is a capture of: captures of the same story (under another UI language, ' +
          'from another platform, cut short, or twice) share it. It is the id of the story’s first ' +
          'capture, which may since have been deleted; treat it as opaque.',
      ),
    captures: z
      .array(
        z.object({
          article_id: z.int().positive(),
          platform: PlatformSchema.nullable(),
          page_locale: nullableText("BCP 47 tag of that page's UI text."),
          publication: nullableText('The publication that capture was filed under.'),
          edition_date: nullableText('Its edition date (ISO, the precision printed).'),
        }),
      )
      .describe(
        `The story's other stored captures, oldest first (at most ${MAX_CAPTURES}): what a client needs to pick one.`,
      ),
    source_url: z.string().nullable(),
    ingested_at: z.iso.datetime().describe('When the page was first stored (UTC).'),
    parser_version: z.string().describe('Version of the parser that produced these fields.'),
    links: z.object({
      self: z.string(),
      edition: z.string(),
      teasers: z.string(),
      source: z.string(),
    }),
  })
  .meta({ id: 'Article' });

export const ARTICLE_FIELDS = Object.keys(ArticleSchema.shape) as (keyof typeof ArticleSchema.shape)[];

export const ArticleListItemSchema = ArticleSchema.partial()
  .extend({
    snippet: z
      .string()
      .optional()
      .describe('With `q`: the best-matching passage, HTML-escaped, with matches in `<mark>`.'),
  })
  .meta({
    id: 'ArticleListItem',
    description: 'An article; every field is present unless `fields` selected fewer.',
  });

export const TotalSchema = z
  .object({
    value: z.int().min(0).describe('How many items the whole list has (all pages), or at least this many.'),
    exact: z
      .boolean()
      .describe(
        'true: `value` is the exact count. false: the count stopped at its bound (10,000 by default, `LIST_TOTAL_BOUND`), so there are at least `value`.',
      ),
  })
  .describe(
    'The size of the whole list with these filters, counted up to a bound so that counting costs at most that many index entries.',
  )
  .meta({ id: 'Total' });

export const RankedWithinSchema = z
  .object({
    newest_matches: z
      .int()
      .positive()
      .describe('The bound: the search ranks at most this many matches, the newest (by id).'),
    all_matches_ranked: z
      .boolean()
      .describe(
        'true: the query has no more matches than the bound, so every match was ranked. false: it has more; the results are the best of the newest `newest_matches`, not of all, and older ones need a narrower query (more words, a publication, a date range, a language) or another `sort`.',
      ),
  })
  .describe(
    "Relevance search only (`sort=relevance`, the default with `q`): which matches were ranked. Ranking costs time per match, so a search ranks the newest matches only; the bound is the engine's own (10,000 on SQLite, 500 on PostgreSQL).",
  )
  .meta({ id: 'RankedWithin' });

export const ArticleListSchema = z
  .object({
    items: z.array(ArticleListItemSchema),
    next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null at the end.'),
    total: TotalSchema,
    ranked_within: RankedWithinSchema.optional(),
  })
  .meta({ id: 'ArticleList' });

export const ArticleEditionSchema = z
  .object({
    id: z.int().positive(),
    publication: z.object({ id: z.int().positive(), name: z.string() }),
    date: nullableText(
      'ISO date with the precision printed: YYYY-MM-DD, YYYY-MM, or YYYY for an edition printed with the year only.',
    ),
    label: nullableText('The date exactly as printed.'),
    platform: PlatformSchema.nullable(),
    page_locale: nullableText("BCP 47 tag of the platform's UI text on this article's page."),
    article_count: z.int().nonnegative().describe('Articles stored from this edition.'),
  })
  .meta({ id: 'ArticleEdition', examples: [examples.edition] });

export const TeaserSchema = z
  .object({
    position: z.int().positive().describe('1-based position on the page.'),
    title: z.string(),
    summary: z.string().nullable(),
    publication: nullableText("The teaser's own publication, where printed."),
    date: nullableText("The teaser's own issue date as printed on its card (`OCT 2025`), where printed."),
    partial: z.boolean().describe('True when the card was cut by the end of the captured text.'),
    article_id: z
      .int()
      .positive()
      .nullable()
      .describe('The stored story this teaser announces (same publication, same normalised title), if any.'),
  })
  .meta({ id: 'Teaser' });

export const TeaserListSchema = z
  .object({
    items: z.array(TeaserSchema),
    next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null at the end.'),
  })
  .meta({ id: 'TeaserList' });

export const TeaserSearchItemSchema = TeaserSchema.extend({
  id: z.int().positive(),
  page_article_id: z.int().positive().describe('The article whose page printed this teaser.'),
}).meta({ id: 'TeaserSearchItem' });

export const TeaserSearchListSchema = z
  .object({
    items: z.array(TeaserSearchItemSchema),
    next_cursor: z.string().nullable(),
    total: TotalSchema,
    ranked_within: RankedWithinSchema.optional(),
  })
  .meta({ id: 'TeaserSearchList' });

export const EditionSchema = z
  .object({
    id: z.int().positive(),
    publication: z.object({ id: z.int().positive(), name: z.string() }),
    date: nullableText(
      'ISO date with the precision printed: YYYY-MM-DD, YYYY-MM, or YYYY for an edition printed with the year only.',
    ),
    label: nullableText('The date exactly as printed.'),
    platform: PlatformSchema.nullable(),
    article_count: z.int().nonnegative().describe('Articles stored from this edition.'),
    links: z.object({ self: z.string(), articles: z.string(), publication: z.string() }),
  })
  .meta({ id: 'Edition' });

export const EditionListSchema = z
  .object({ items: z.array(EditionSchema), next_cursor: z.string().nullable(), total: TotalSchema })
  .meta({ id: 'EditionList' });

export const PublicationSchema = z
  .object({
    id: z.int().positive(),
    name: z.string(),
    edition_count: z.int().nonnegative(),
    article_count: z.int().nonnegative(),
    first_edition_date: nullableText('Earliest edition date stored (ISO, precision as printed).'),
    last_edition_date: nullableText('Latest edition date stored (ISO, precision as printed).'),
    links: z.object({ self: z.string(), editions: z.string(), articles: z.string() }),
  })
  .meta({
    id: 'Publication',
    examples: [
      {
        id: 1,
        name: 'The Straits Times',
        edition_count: 1,
        article_count: 1,
        first_edition_date: '2024-10-23',
        last_edition_date: '2024-10-23',
        links: {
          self: '/v1/publications/1',
          editions: '/v1/publications/1/editions',
          articles: '/v1/articles?publication=1',
        },
      },
    ],
  });

export const PublicationListSchema = z
  .object({ items: z.array(PublicationSchema), next_cursor: z.string().nullable(), total: TotalSchema })
  .meta({ id: 'PublicationList' });

export const ChangeSchema = z
  .object({
    seq: z
      .int()
      .positive()
      .describe(
        'Position in the feed: strictly increasing in commit order, never reused. For ordering only.',
      ),
    token: z
      .string()
      .describe(
        'Opaque: pass as `since` to resume after this change. Store it verbatim; do not build or parse it.',
      ),
    kind: z
      .enum(['created', 'reparsed', 'deleted'])
      .describe(
        '`created`: a new article was stored; `reparsed`: a re-parse changed its stored fields; `deleted`: it was removed (its id is never reused).',
      ),
    article_id: z.int().positive(),
    source_url: z.string().nullable().describe('The page URL given at ingest (kept on deletes too).'),
    changed_at: z.string().describe('When the change was committed (ISO 8601, UTC).'),
    links: z
      .object({ article: z.string().describe('The article (404 once deleted).') })
      .describe('Where to read the article as it is now.'),
  })
  .meta({ id: 'Change' });

export const ChangeListSchema = z
  .object({
    items: z.array(ChangeSchema),
    next: z
      .string()
      .describe(
        'Pass as `since` for the changes after this page; present even when there are none yet. Store it verbatim.',
      ),
    has_more: z.boolean().describe('More changes are committed after `next` already: ask again at once.'),
  })
  .meta({ id: 'ChangeList' });

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['reparse']),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    total: z.int().nonnegative().nullable().describe('Pages to process, when known.'),
    processed: z.int().nonnegative(),
    updated: z.int().nonnegative().describe('Articles whose fields changed.'),
    unchanged: z.int().nonnegative().describe('Articles the current parser reads the same way.'),
    skipped: z
      .int()
      .nonnegative()
      .describe(
        'Pages not written: the current parser finds no story in them (kept as they were), or their article was deleted while the job ran.',
      ),
    failed: z.int().nonnegative(),
    error: z.string().nullable(),
    created_at: z.iso.datetime(),
    started_at: z.iso.datetime().nullable(),
    finished_at: z.iso.datetime().nullable(),
    node: z
      .string()
      .nullable()
      .describe(
        'The API node running the job, or that ran it last (`host:pid:random`); null while no node has claimed it. Any node may take a job over when its node stops sending heartbeats.',
      ),
    heartbeat_at: z.iso
      .datetime()
      .nullable()
      .describe(
        "The running node's last heartbeat: another node takes the job over when it is older than the lease.",
      ),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: 'Job' });

export const ReparseRequestSchema = z
  .strictObject({
    all: z
      .boolean()
      .default(false)
      .describe('Re-parse every stored page, not only those parsed by an older parser version.'),
  })
  .meta({ id: 'ReparseRequest' });

// ---------------------------------------------------------------- query parameters

const LIMIT = z.coerce.number().int().min(1).max(100).default(20).describe('Page size, 1–100.');
const CURSOR = z.string().min(1).max(1024).optional().describe('`next_cursor` of the previous page.');
const DATE_PARAM = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'use YYYY-MM-DD, YYYY-MM or YYYY')
  .optional();
/**
 * An id as the API writes it: canonical decimal, no sign, leading zero, whitespace, exponent or
 * radix prefix. A number coercion would read `0x2`, `1e0`, `+2`, ` 2` and `02` as 2: one
 * resource behind many URLs (caches, rate limits and logs keyed by URL see strangers).
 */
const ID_PATTERN = /^[1-9]\d{0,15}$/;
const ID_RULE = 'a canonical decimal id: a positive integer without sign, leading zeros or spaces';
// A preprocess, not a string schema: the document (and the SDK's types) keep `integer`.
const ID = z.preprocess(
  (value, context) => {
    if (typeof value !== 'string') return value;
    if (ID_PATTERN.test(value)) return Number(value);
    context.addIssue({ code: 'custom', message: `use ${ID_RULE}`, input: value });
    return z.NEVER;
  },
  z
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .meta({ examples: [1] }),
);
/** masthead's search grammar (src/storage/search-query.ts), the same on every storage engine. */
export const SEARCH_QUERY_MAX_CHARS = 256;
const SEARCH = z.string().trim().min(1).max(SEARCH_QUERY_MAX_CHARS);
const SEARCH_GRAMMAR =
  'Words are all required (`whales fjord`); `"a phrase"` (an unclosed quote runs to the end); ' +
  '`-word`, `-"a phrase"` or `NOT word` excludes; `a OR b` matches either; `whal*` is a prefix ' +
  '(at least 2 characters); `AND` is implicit. Words are cut as the index cuts text, case and ' +
  'accents ignored: `inter-Korean`, `U.S.`, `12,000` and `C++` search the phrases "inter korean", ' +
  '"u s", "12 000" and "c". Everything else is literal text: no input is a syntax error, and a query ' +
  'with nothing required (only exclusions or punctuation) matches nothing. 1–256 characters, at most 32 words.';

export const PageParams = z.object({ limit: LIMIT, cursor: CURSOR });

export const ArticleListQuerySchema = z.strictObject({
  publication: z.string().min(1).max(200).optional().describe('Publication id, or its exact name.'),
  edition_id: ID.optional().describe(`Edition id, written as ${ID_RULE}.`),
  from: DATE_PARAM.describe('Edition date from (inclusive); a month-precision edition falls in its month.'),
  to: DATE_PARAM.describe('Edition date to (inclusive).'),
  language: z.string().min(2).max(35).optional().describe('Story language (BCP 47).'),
  page_locale: z.string().min(2).max(35).optional().describe('UI language of the page (BCP 47).'),
  platform: PlatformSchema.optional(),
  distinct: z
    .enum(['story'])
    .optional()
    .describe(
      '`story`: one article per story (see `story_id`), the capture that comes first in the list order ' +
        '(newest edition, then lowest id) among those the other filters keep; cursors page through ' +
        'the stories. With `q`, among the captures the search finds.',
    ),
  q: SEARCH.optional().describe(
    `Full-text search over title, deck and body; results by relevance, each with a \`snippet\`. ${SEARCH_GRAMMAR}`,
  ),
  sort: z
    .enum(ARTICLE_SORTS)
    .optional()
    .describe(
      'Order, `-` for descending: `-edition_date` (default without `q`: newest edition first, a month-precision ' +
        "edition before that month's days, undated last, then by id), `edition_date` (its exact reverse), " +
        '`-ingested` (newest stored first), `ingested` (in the order stored), `relevance` (default with `q`; needs `q`). ' +
        'A cursor belongs to its order.',
    ),
  fields: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'a comma-separated list of field names')
    .optional()
    .describe(
      `Only these fields, comma-separated (\`id\` is always included): ${ARTICLE_FIELDS.join(', ')}.`,
    ),
  limit: LIMIT,
  cursor: CURSOR,
});

/** Largest page of the change feed. */
export const CHANGES_LIMIT_MAX = 1000;

export const ChangesQuerySchema = z.strictObject({
  since: z
    .string()
    .min(1)
    .max(1024)
    .optional()
    .describe(
      'A `next` or item `token` from an earlier answer: the changes committed after it. `now`: no items, ' +
        'and a `next` at the current head (take it before a full resync). Absent: from the oldest change kept.',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(CHANGES_LIMIT_MAX)
    .default(100)
    .describe(`Page size, 1–${CHANGES_LIMIT_MAX}.`),
});

export const EditionListQuerySchema = z.strictObject({
  sort: z
    .enum(EDITION_SORTS)
    .optional()
    .describe(
      '`-date` (default): newest first, then by id; `date`: its exact reverse. A cursor belongs to its order.',
    ),
  publication: z.string().min(1).max(200).optional().describe('Publication id, or its exact name.'),
  from: DATE_PARAM.describe('Edition date from (inclusive).'),
  to: DATE_PARAM.describe('Edition date to (inclusive).'),
  platform: PlatformSchema.optional(),
  limit: LIMIT,
  cursor: CURSOR,
});

export const TeaserSearchQuerySchema = z.strictObject({
  q: SEARCH.optional().describe(`Full-text search over teaser titles and summaries. ${SEARCH_GRAMMAR}`),
  sort: z
    .enum(TEASER_SORTS)
    .optional()
    .describe(
      '`stored` (default): in the order stored; `-stored`: newest first; `relevance`: best match first (needs `q`). A cursor belongs to its order.',
    ),
  publication: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("The teaser's publication (exact name, any case)."),
  limit: LIMIT,
  cursor: CURSOR,
});

export const IdParams = z.object({
  id: ID.describe(
    `Numeric id, written as ${ID_RULE} (at most 2^53 - 1); any other spelling (\`02\`, \`+2\`, \`0x2\`, \`2.0\`) is a 400 \`validation\` problem.`,
  ),
});
export const JobIdParams = z.object({ id: z.uuid().describe('Job id.') });

// ---------------------------------------------------------------- errors and health

export const ProblemSchema = z
  .object({
    type: z.string().describe('URI identifying the problem type.'),
    title: z.string().describe('Short summary of the problem type.'),
    status: z.int().min(400).max(599),
    detail: z.string().optional().describe('What went wrong with this request, for people.'),
    instance: z.string().optional().describe('The request path this problem occurred on.'),
    request_id: z.string().optional().describe('Quote it when reporting a problem.'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Validation failures, one per field, with JSON-pointer-like paths.'),
    parse_result: ParsedPageSchema.optional().describe(
      'For pages with no main story: what the parser found.',
    ),
  })
  .meta({
    id: 'Problem',
    description: 'An RFC 9457 problem details object.',
    examples: [
      {
        type: 'urn:masthead:problem:not-found',
        title: 'Not Found',
        status: 404,
        detail: 'article 42 does not exist',
        instance: '/v1/articles/42',
        request_id: 'req-1',
      },
    ],
  });

export const BatchResultSchema = z
  .object({
    line: z.int().positive().describe('1-based line number in the request body.'),
    status: z
      .int()
      .describe('The status this line would have had on its own: 201, 200, 400, 413, 422, 503 or 500.'),
    id: z.int().positive().optional().describe('The stored article, for 201 and 200.'),
    location: z.string().optional(),
    problem: ProblemSchema.omit({ parse_result: true, instance: true, request_id: true })
      .optional()
      .describe('Why this line was not stored.'),
  })
  .meta({ id: 'BatchResult' });

export const HealthSchema = z
  .object({ status: z.literal('ok') })
  .meta({ id: 'Health', examples: [{ status: 'ok' }] });

export const ReadinessSchema = z
  .object({
    status: z.literal('ready'),
    schema_version: z.int().nonnegative(),
  })
  .meta({ id: 'Readiness', examples: [{ status: 'ready', schema_version: 1 }] });

export type ArticleResponse = z.output<typeof ArticleSchema>;
export type ArticleEditionResponse = z.output<typeof ArticleEditionSchema>;
export type TeaserListResponse = z.output<typeof TeaserListSchema>;
export type ProblemBody = z.output<typeof ProblemSchema>;
