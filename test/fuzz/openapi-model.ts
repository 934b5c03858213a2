import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A JSON Schema fragment as openapi.yaml spells it (only what the fuzzer reads). */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema: SchemaNode;
}

/** One documented operation of openapi.yaml: what the fuzzer aims at and checks against. */
export interface Operation {
  method: string;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** Request body media types and their schemas; empty when the operation takes no body. */
  bodyTypes: Record<string, SchemaNode>;
  /** Documented response statuses and their media types. */
  responses: Record<string, string[]>;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

interface RawDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, SchemaNode> };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

export const document = parse(
  readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'),
) as RawDocument;

/** Every operation in openapi.yaml, so a new route is fuzzed as soon as it is documented. */
export const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => HTTP_METHODS.has(method))
    .map(([method, raw]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (raw.parameters ?? []).filter((parameter) => parameter.in === 'path'),
      queryParams: (raw.parameters ?? []).filter((parameter) => parameter.in === 'query'),
      bodyTypes: Object.fromEntries(
        Object.entries(raw.requestBody?.content ?? {}).map(([type, media]) => [type, media.schema ?? {}]),
      ),
      responses: Object.fromEntries(
        Object.entries(raw.responses ?? {}).map(([status, response]) => [
          status,
          Object.keys(response.content ?? {}),
        ]),
      ),
    })),
);

/** Follows a local `$ref` (`#/components/schemas/X`) to its schema. */
export function resolve(schema: SchemaNode): SchemaNode {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.split('/').at(-1) ?? '';
  return resolve(document.components.schemas[name] ?? {});
}

const isTemplate = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The documented path template a raw request path falls under, if any: literal segments must
 * match (percent-decoded, as the router reads them), template segments take any non-empty one.
 * Empty segments (`//`) are kept, so `//v1///articles` matches nothing.
 */
export function templateFor(rawPath: string): string | null {
  const segments = rawPath.split('/');
  for (const path of Object.keys(document.paths)) {
    const template = path.split('/');
    if (template.length !== segments.length) continue;
    const fits = template.every((part, index) => {
      const segment = segments[index] ?? '';
      if (isTemplate(part)) return segment.length > 0;
      return segment === part || decoded(segment) === part;
    });
    if (fits) return path;
  }
  return null;
}

/** The documented operation for a method and raw path; HEAD is answered by the GET route. */
export function operationFor(method: string, rawPath: string): Operation | null {
  const path = templateFor(rawPath);
  if (path === null) return null;
  const wanted = method === 'HEAD' ? 'GET' : method;
  return operations.find((operation) => operation.path === path && operation.method === wanted) ?? null;
}
