import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLATFORMS } from '../parser/rules/platforms.js';
import { documentedKinds, problemExample } from './responses.js';

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;
type TransformObject = NonNullable<FastifyDynamicSwaggerOptions['transformObject']>;
type SpecDocument = ReturnType<TransformObject>;

export const API_VERSION = '1.0.0';

const PLATFORM_NAMES = PLATFORMS.map((rules) => rules.displayName).join(', ');

const API_DESCRIPTION = `masthead turns pages captured from digital newsstands (${PLATFORM_NAMES})
into clean, structured data: the main story with no platform text left in it, the source
edition (publication and ISO date with the precision printed), and the related teasers.

Every error is an RFC 9457 \`application/problem+json\` document. Write endpoints need
\`Authorization: Bearer <token>\` when the server has API_TOKENS configured; without tokens
they accept loopback clients only.

Request bodies may be compressed with \`Content-Encoding: gzip\`, \`deflate\` or \`br\` (one
coding per body); the body limits apply to the decompressed bytes. Any other coding gets
415 with \`Accept-Encoding\` naming these three.`;

interface ContentMapBody {
  content: Record<string, { schema: unknown }>;
}

function isContentMapBody(body: unknown): body is ContentMapBody {
  return typeof body === 'object' && body !== null && 'content' in body;
}

/** Operations whose body may be left out: @fastify/swagger marks every body required. */
const optionalBodies = new Set<string>();

function acceptsNoBody(body: unknown): boolean {
  return body instanceof z.ZodType && z.safeParse(body, undefined).success;
}

/**
 * jsonSchemaTransform converts zod schemas to JSON Schema but expects `body` to be a
 * single schema; page endpoints take one schema per media type, so each is converted
 * on its own and reassembled as an OpenAPI `content` map.
 */
const transform: Transform = (input) => {
  const schema = input.schema as Record<string, unknown> | undefined;
  const body = schema?.['body'];
  const operationId = schema?.['operationId'];
  if (typeof operationId === 'string' && acceptsNoBody(body)) optionalBodies.add(operationId);
  if (!schema || !isContentMapBody(body)) return jsonSchemaTransform(input);

  const content: Record<string, { schema: unknown }> = {};
  for (const [mediaType, entry] of Object.entries(body.content)) {
    const converted = jsonSchemaTransform({ ...input, schema: { body: entry.schema } });
    content[mediaType] = { schema: (converted.schema as { body: unknown }).body };
  }
  const { body: _body, ...withoutBody } = schema;
  const rest = jsonSchemaTransform({ ...input, schema: withoutBody });
  return { ...rest, schema: { ...(rest.schema as object), body: { content } } };
};

/** Drops component schemas nothing refers to (the type provider emits `…Input` copies). */
function pruneUnusedSchemas(document: SpecDocument): SpecDocument {
  const { components } = document as { components?: { schemas?: Record<string, unknown> } };
  const schemas = components?.schemas;
  if (!schemas) return document;
  const referenced = new Set<string>();
  const pending = [JSON.stringify({ ...document, components: { ...components, schemas: {} } })];
  while (pending.length > 0) {
    const text = pending.pop() ?? '';
    for (const match of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = match[1] ?? '';
      if (!referenced.has(name) && schemas[name] !== undefined) {
        referenced.add(name);
        pending.push(JSON.stringify(schemas[name]));
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => referenced.has(name)));
  return { ...document, components: { ...components, schemas: kept } } as SpecDocument;
}

const transformObject: TransformObject = (input) => pruneUnusedSchemas(jsonSchemaTransformObject(input));

interface OperationShape {
  operationId?: string;
  requestBody?: { required?: boolean };
}

/**
 * The document as served and committed. @fastify/swagger marks every request body
 * required, and fills in the paths only after `transformObject`, so operations whose body
 * may be left out are marked here.
 */
function markOptionalBodies<Document>(document: Document): Document {
  const { paths } = document as { paths?: Record<string, Record<string, OperationShape>> };
  for (const item of Object.values(paths ?? {})) {
    for (const operation of Object.values(item)) {
      if (
        operation.operationId !== undefined &&
        optionalBodies.has(operation.operationId) &&
        operation.requestBody
      ) {
        operation.requestBody.required = false;
      }
    }
  }
  return document;
}

interface ResponseShape {
  description?: string;
  content?: Record<string, { example?: unknown }>;
}

/**
 * Each problem+json response gets an example of its own status, of a kind the route lists:
 * @fastify/swagger drops response examples, and the Problem schema's one example (a 404) was
 * shown for every error.
 */
function addProblemExamples<Document>(document: Document): Document {
  const { paths } = document as {
    paths?: Record<string, Record<string, { responses?: Record<string, ResponseShape> }>>;
  };
  for (const item of Object.values(paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const problem = response.content?.['application/problem+json'];
        if (problem && problem.example === undefined) {
          problem.example = problemExample(Number(status), documentedKinds(response.description ?? ''));
        }
      }
    }
  }
  return document;
}

/** The document as served and committed: the generated one with what @fastify/swagger leaves out. */
export function finishDocument<Document>(document: Document): Document {
  return addProblemExamples(markOptionalBodies(document));
}

export const swaggerOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'masthead',
      version: API_VERSION,
      description: API_DESCRIPTION,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    // Relative: it resolves against wherever the document was fetched from, so Swagger UI's
    // "Try it out" stays inside its CSP (`connect-src 'self'`) on any host and port, and no
    // generated client carries a host it was not given.
    servers: [{ url: '/', description: 'The server this document was fetched from' }],
    tags: [
      { name: 'articles', description: 'Ingest pages and read their stories, editions and teasers.' },
      { name: 'editions', description: 'Editions: one per publication, date and platform.' },
      { name: 'publications', description: 'Publications with their edition and article counts.' },
      { name: 'teasers', description: 'Teasers of every stored page, linked to the stories they announce.' },
      { name: 'changes', description: 'A feed of created, re-parsed and deleted articles, to stay in sync.' },
      { name: 'parse', description: 'Parse a page without storing it.' },
      { name: 'admin', description: 'Re-parse stored pages; background jobs.' },
      { name: 'operations', description: 'Health and readiness probes.' },
    ],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'One of the tokens in API_TOKENS.',
        },
      },
    },
  },
  transform,
  transformObject,
};
