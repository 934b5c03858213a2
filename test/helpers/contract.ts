import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { documentedKinds } from '../../src/http/responses.js';

export const OPENAPI_PATH = new URL('../../openapi.yaml', import.meta.url);
export const openapi = parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { description?: string; content?: Record<string, unknown> }> }>
  >;
  components: { schemas: Record<string, unknown> };
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...openapi, $id: 'openapi' });

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

interface InjectedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/**
 * Asserts that a real response is documented in openapi.yaml for this operation
 * (status and media type) and that its body validates against the documented schema; a
 * problem's kind must be one the operation lists for that status.
 */
export function expectMatchesContract(
  method: string,
  pathTemplate: string,
  response: InjectedResponse,
): void {
  const operation = openapi.paths[pathTemplate]?.[method.toLowerCase()];
  expect(operation, `${method} ${pathTemplate} is documented`).toBeDefined();
  const documented = operation?.responses[String(response.statusCode)];
  expect(documented, `${method} ${pathTemplate} documents ${response.statusCode}`).toBeDefined();
  const contentType = response.headers['content-type'];
  const mediaType = (typeof contentType === 'string' ? contentType : '').split(';')[0] ?? '';
  expect(Object.keys(documented?.content ?? {}), `${response.statusCode} media types`).toContain(mediaType);
  const ref = `openapi#/${pointer('paths', pathTemplate, method.toLowerCase(), 'responses', String(response.statusCode), 'content', mediaType, 'schema')}`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  const valid = validate(JSON.parse(response.body));
  expect(validate.errors ?? [], `${method} ${pathTemplate} ${response.statusCode} body`).toEqual([]);
  expect(valid).toBe(true);
  if (mediaType === 'application/problem+json') {
    const { type } = JSON.parse(response.body) as { type: string };
    const kind = type.replace('urn:masthead:problem:', '');
    expect(
      documentedKinds(documented?.description ?? ''),
      `${method} ${pathTemplate} ${response.statusCode} lists the kinds it answers`,
    ).toContain(kind);
  }
}

/** Asserts that a body validates against a component schema (e.g. one NDJSON line). */
export function expectMatchesSchema(name: string, body: string): void {
  const ref = `openapi#/${pointer('components', 'schemas', name)}`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  expect(validate(JSON.parse(body)), name).toBe(true);
  expect(validate.errors ?? [], `${name}: ${body.slice(0, 80)}`).toEqual([]);
}
