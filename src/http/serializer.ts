import type { FastifySerializerCompiler } from 'fastify';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type RouteSchema = Parameters<typeof zodSerializerCompiler>[0]['schema'];

function zodSchemaOf(schema: RouteSchema): z.ZodType | null {
  if (schema instanceof z.ZodType) return schema;
  const wrapped = (schema as { properties?: unknown }).properties;
  return wrapped instanceof z.ZodType ? wrapped : null;
}

/** Keywords that only constrain values: a serializer needs the shape, not the rules. */
const VALIDATION_ONLY = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'examples',
  'example',
  'description',
  'title',
]);

function shapeOnly(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shapeOnly);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !VALIDATION_ONLY.has(key))
      .map(([key, value]) => [key, key === 'properties' ? mapValues(value, shapeOnly) : shapeOnly(value)]),
  );
}

function mapValues(record: unknown, map: (value: unknown) => unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/**
 * Response serialization compiled from the zod schemas: each response schema becomes JSON
 * Schema (OpenAPI 3.0 flavour, so nullable fields stay `nullable` and never need ajv) and
 * then a fast-json-stringify function. The type provider's default validates every
 * response with zod and then calls JSON.stringify, about half of a small GET's cost.
 * Responses are still checked against openapi.yaml in the contract tests; a schema that
 * fast-json-stringify cannot compile keeps the validating serializer.
 */
export const compiledSerializerCompiler: FastifySerializerCompiler<RouteSchema> = (route) => {
  // fastify compiles every route's serializers when the server becomes ready; compiling on
  // first use instead keeps start-up fast (about 0.5 s for all of them here).
  let serialize: ((data: unknown) => string) | undefined;
  return (data: unknown) => {
    serialize ??= compile(route);
    return serialize(data);
  };
};

function compile(route: Parameters<FastifySerializerCompiler<RouteSchema>>[0]): (data: unknown) => string {
  const schema = zodSchemaOf(route.schema);
  return (schema === null ? null : compileZod(schema)) ?? zodSerializerCompiler(route);
}

/** fast-json-stringify over the schema's shape; null when it cannot compile it. */
function compileZod(schema: z.ZodType): ((data: unknown) => string) | null {
  try {
    const jsonSchema = z.toJSONSchema(schema, {
      target: 'openapi-3.0',
      io: 'output',
      unrepresentable: 'any',
      // A private registry: no component ids, so every schema is inlined for the compiler.
      metadata: z.registry(),
    });
    const stringify = fastJson(shapeOnly(jsonSchema) as Parameters<typeof fastJson>[0]);
    return (data: unknown) => stringify(data);
  } catch {
    return null;
  }
}

/**
 * The serializer a route with this response schema gets, for bytes built outside a request
 * (stored representations): the same bytes as the route would send.
 */
export function jsonSerializer(schema: z.ZodType): (data: unknown) => string {
  const serialize = compileZod(schema);
  if (serialize === null) throw new Error('the schema does not compile to a serializer');
  return serialize;
}
