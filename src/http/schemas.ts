/**
 * The API's types, validation and OpenAPI document all come from these zod schemas.
 * Schemas with a `.meta({ id })` become named components in `openapi.yaml`.
 */
import { z } from 'zod';
import { parseSubmission } from '../ingest/ingest.js';
import type { ParsedPage } from '../parser/types.js';
import { SEED_PAGE_TEXT } from './seed-example.js';

const nullableText = (description: string) => z.string().nullable().describe(description);

// ---------------------------------------------------------------- examples (the seed page)

const SEED_PARAGRAPHS = [
  "SEOUL - As evidence mounts of North Korea's plans to send as many as 12,000 of its special forces to aid Russia in the Ukraine war, the implications for South Korea are looking grave.",
  'Analysts call it a major elevation of the mutual defence treaty signed by Russia and North Korea in June, which will turn Russia from being once a strategic partner of South Korea to a military threat.',
  'By sending its troops to the battlefield for the first time since the Korean War in the 1950s, North Korea stands to gain valuable combat experience, which would embolden it to further threaten the South.',
  'Tensions between the two Koreas have been running high, with North Korea blowing up sections of inter-Korean roads on Oct 15 in anger over South Korean drones flying over Pyongyang with propaganda leaflets. The same week, it amended its Constitution to label South Korea a "hostile state".',
  'But the biggest concern for South Korea would be the much-coveted military technologies that North Korea could get from Russia in return for its aid.',
  'Russian President Vladimir Putin, "by way of courting" North Korean leader Kim Jong Un and his soldiers, is a threat to South Korea\'s security, Dr Lee Sung-yoon, global fellow at the Washington-based think-tank Woodrow Wilson International Centre for Scholars, told The Straits Times.',
  "On Oct 18, South Korea's National Intelligence Service (NIS) said it believed North Korea plans to send about 12,000 members from its special forces unit to support Russia in its war with Ukraine. About 1,500 have already been deployed to the Russian city of Vladivostok for training as at Oct 8, NIS added.",
  'A video posted by the Ukrainian Centre for Strategic Communication on Oct 19 purportedly shows North Korean-looking soldiers collecting Russian military gear at a training centre in Russia.',
];

const SEED_TEASERS = [
  {
    title: 'COFFEE AND A LOOK AT NORTH KOREA',
    summary:
      "For anyone curious about civilian life in North Korea, Starbucks is offering its customers in the south a peek into the world's most reclusive country while sipping a favourite brew.",
  },
  {
    title: 'Shaw Theatres to close cinema at The Seletar Mall',
    summary:
      'Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15, it announced via a press statement on Dec 2.',
  },
];

export const examples = {
  seedText: SEED_PAGE_TEXT,
  article: {
    id: 1,
    title: null,
    deck: null,
    byline: null,
    dateline: 'SEOUL',
    paragraphs: SEED_PARAGRAPHS,
    language: 'en',
    page_locale: 'de',
    word_count: 306,
    edition: { id: 1, publication: 'The Straits Times', date: '2024-10-23' },
    teaser_count: 10,
    source_url: null,
    ingested_at: '2026-11-30T06:30:00.000Z',
    parser_version: '1.0.0',
    links: {
      self: '/v1/articles/1',
      edition: '/v1/articles/1/edition',
      teasers: '/v1/articles/1/teasers',
    },
  },
  edition: {
    id: 1,
    publication: { id: 1, name: 'The Straits Times' },
    date: '2024-10-23',
    label: 'October 23, 2024',
    platform: 'magzter' as const,
    page_locale: 'de',
    article_count: 1,
  },
  teasers: {
    items: SEED_TEASERS.map((teaser, index) => ({
      position: index + 1,
      ...teaser,
      publication: null,
      date: null,
      partial: false,
    })),
  },
};

// ---------------------------------------------------------------- parse result

export const PlatformSchema = z
  .enum(['magzter', 'pressreader', 'zinio', 'scribd'])
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
    language: nullableText('BCP 47 tag of the story text, detected; null when too short to tell.'),
  })
  .meta({ id: 'Story' });

export const ParsedEditionSchema = z
  .object({
    publication: nullableText('Publication as printed in the edition line or header.'),
    date: nullableText('ISO date with the precision printed: YYYY-MM-DD or YYYY-MM.'),
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
      .array(z.object({ text: z.string(), reason: z.string() }))
      .describe('Every input line that went into no field, with the reason.'),
    warnings: z.array(z.string()),
  })
  .meta({
    id: 'ParsedPage',
    // The real parse of the seed page, so the example can never drift from the parser.
    examples: [parseSubmission({ body: SEED_PAGE_TEXT, contentType: 'text/plain', sourceUrl: null })],
  });

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
    examples: [{ text: SEED_PAGE_TEXT }],
  });

const rawPage = (description: string) => z.string().min(1, 'the page is empty').describe(description);

/** Request bodies accepted by the page endpoints, per content type. */
export const pageBodyContent = {
  'text/plain': {
    schema: rawPage('The page as captured plain text (UTF-8).').meta({ examples: [SEED_PAGE_TEXT] }),
  },
  'text/html': { schema: rawPage('The page as HTML (UTF-8).') },
  'application/json': { schema: IngestJsonSchema },
};

export const ArticleIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .describe('Article id.')
    .meta({ examples: [1] }),
});

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
    source_url: z.string().nullable(),
    ingested_at: z.iso.datetime().describe('When the page was first stored (UTC).'),
    parser_version: z.string().describe('Version of the parser that produced these fields.'),
    links: z.object({
      self: z.string(),
      edition: z.string(),
      teasers: z.string(),
    }),
  })
  .meta({ id: 'Article', examples: [examples.article] });

export const ArticleEditionSchema = z
  .object({
    id: z.int().positive(),
    publication: z.object({ id: z.int().positive(), name: z.string() }),
    date: nullableText('ISO date with the precision printed: YYYY-MM-DD or YYYY-MM.'),
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
  })
  .meta({ id: 'Teaser' });

export const TeaserListSchema = z
  .object({ items: z.array(TeaserSchema) })
  .meta({ id: 'TeaserList', examples: [examples.teasers] });

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
