import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { operations, resolve, type Operation, type Parameter, type SchemaNode } from './openapi-model.js';

/**
 * fast-check generators of HTTP requests over every operation in openapi.yaml, and over paths
 * that are in no operation. Values that only exist at run time (stored ids, cursors, ETags,
 * job ids) are generated as references into pools and resolved when the request is sent, so a
 * printed counterexample stays readable and the same seed replays the same requests.
 */

export type PoolName = 'article' | 'edition' | 'publication' | 'job' | 'cursor' | 'etag';

export interface PoolRef {
  pool: PoolName;
  index: number;
}

/** A piece of a URL or header: a literal, or a value taken from a pool at run time. */
export type Piece = string | PoolRef;

/** How a value is put into the URL. */
export type Encoding = 'component' | 'raw' | 'broken';

export interface UrlValue {
  value: Piece;
  encoding: Encoding;
}

export interface RequestSpec {
  /** The operation aimed at, or a label for requests outside the contract. */
  target: string;
  method: string;
  /** Path segments after the leading slash, joined with `/`. */
  path: (string | UrlValue)[];
  /** Query string parts, each `key=value` or a raw chunk, joined with `&`. */
  query: ([string, UrlValue] | string)[];
  headers: [string, Piece][];
  body?: string | Uint8Array;
}

/** Percent-encodes every UTF-8 byte; lone surrogates become U+FFFD, as `TextEncoder` writes them. */
export function encodeBytes(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
}

// ---------------------------------------------------------------- fixtures and constants

const PAGES_DIR = new URL('../fixtures/pages/', import.meta.url);
export const FIXTURE_IDS = readdirSync(PAGES_DIR).sort();
export const FIXTURE_TEXTS = FIXTURE_IDS.map((id) =>
  readFileSync(new URL(`${id}/raw.txt`, PAGES_DIR), 'utf8'),
);

/** The bearer token the fuzzed app is configured with. */
export const FUZZ_TOKEN = 'fuzz-token-0123456789';

/** Kept small so that bodies over the limit are cheap to send. */
export const FUZZ_BODY_LIMIT = 64 * 1024;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Strings that have broken parsers, routers and SQL before. */
const NASTY = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  "' OR 1=1 --",
  '"',
  '\\',
  '%',
  '%zz',
  '%00',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e',
  '𝕏',
  '１２',
  '١٢',
  '../../etc/passwd',
  '*',
  '$where',
  '${jndi:ldap://x}',
];

const fixtureWords = [
  ...new Set(
    FIXTURE_TEXTS.slice(0, 12)
      .join(' ')
      .split(/\s+/)
      .filter((word) => word.length > 2 && word.length < 15),
  ),
].slice(0, 300);

// ---------------------------------------------------------------- strings

/** Strings over all of UTF-16, lone surrogates and NUL included, or over the printable range. */
const anyString = (maxLength = 40) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ maxLength }),
    fc.constantFrom(...NASTY),
  );

const hugeString = fc
  .tuple(
    fc.constantFrom('a', ' ', '\u00e9', '𝕏', '\u0000', '"', '%'),
    fc.integer({ min: 1_000, max: 40_000 }),
  )
  .map(([unit, count]) => unit.repeat(count));

const garbage: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: anyString() },
  { weight: 1, arbitrary: hugeString },
);

// ---------------------------------------------------------------- parameter values

const ref = (pool: PoolName) => fc.nat({ max: 10_000 }).map((index): PoolRef => ({ pool, index }));

const integerText = (schema: SchemaNode) =>
  fc.oneof(
    fc
      .integer({
        min: (schema.minimum ?? schema.exclusiveMinimum ?? -10) - 3,
        max: Math.min(schema.maximum ?? 200, 200) + 3,
      })
      .map(String),
    fc.constantFrom(
      '1e3',
      '1.5',
      '1.0',
      '0x1F',
      ' 7',
      '7 ',
      '+3',
      '07',
      '-0',
      '9007199254740991',
      '9007199254740992',
      '99999999999999999999999999',
      '1e400',
    ),
    fc.double().map(String),
  );

const dateText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1900, max: 2100 }),
      fc.integer({ min: 1, max: 12 }),
      fc.option(fc.integer({ min: 1, max: 31 })),
    )
    .map(
      ([year, month, day]) =>
        `${year}-${String(month).padStart(2, '0')}${day === null ? '' : `-${String(day).padStart(2, '0')}`}`,
    ),
  fc.constantFrom(
    '2024-13',
    '2024-02-30',
    '2024-1',
    '0000-00-00',
    '99999-01',
    '2024-10-23T00:00:00Z',
    '2024',
  ),
);

/** Full-text search input: words, FTS5 operators and the syntax errors they invite. */
const searchText = fc.oneof(
  fc.array(fc.constantFrom(...fixtureWords), { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...fixtureWords),
        fc.constantFrom(
          'AND',
          'OR',
          'NOT',
          'NEAR',
          'NEAR(a b, 3)',
          '"',
          '"special forces"',
          '*',
          'a*',
          '(',
          ')',
          '^',
          ':',
          'title:korea',
          '{title body}: x',
          '-',
          '+',
          '\u0000',
          "'",
        ),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((parts) => parts.join(' ')),
  fc.string({ minLength: 250, maxLength: 300 }),
  garbage,
);

const fieldsText = fc.oneof(
  fc
    .subarray(
      ['id', 'title', 'deck', 'byline', 'edition', 'paragraphs', 'snippet', 'links', 'teaser_count'],
      {
        minLength: 1,
      },
    )
    .map((fields) => fields.join(',')),
  fc.constantFrom('', ',', 'id,', 'ID', 'id,,title', 'nope', '__proto__', 'constructor,toString'),
  garbage,
);

/** Cursors: real ones from earlier responses (as they are, or damaged) and made-up ones. */
const cursorValue: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 3, arbitrary: ref('cursor') },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.base64String({ maxLength: 80 }),
      fc.constantFrom('eyJ9', 'e30', 'bnVsbA', 'W10', 'eyJpZCI6LTF9', 'AAAA', '=', '.'),
      fc
        .string({ unit: 'binary-ascii', maxLength: 60 })
        .map((text) => Buffer.from(text).toString('base64url')),
      fc.json().map((json) => Buffer.from(json).toString('base64url')),
    ),
  },
  { weight: 1, arbitrary: garbage },
);

/** A value for a path or query parameter, shaped by its schema, with garbage mixed in. */
export function parameterValue(parameter: Parameter, operation: Operation): fc.Arbitrary<Piece> {
  const schema = resolve(parameter.schema);
  const { name } = parameter;
  if (name === 'cursor') return cursorValue;
  if (name === 'q') return searchText;
  if (name === 'fields') return fieldsText;
  const choices: fc.Arbitrary<Piece>[] = [garbage];
  if (parameter.in === 'path') {
    const pool = poolForPath(operation.path);
    if (pool !== null) choices.push(ref(pool), ref(pool));
  }
  if (name === 'edition_id') choices.push(ref('edition'));
  if (name === 'publication') {
    choices.push(ref('publication'), fc.constantFrom('The Straits Times', 'the straits times', '1'));
  }
  if (schema.enum !== undefined && schema.enum.length > 0) {
    const values = schema.enum.map(String);
    choices.push(
      fc.constantFrom(...values),
      fc.constantFrom(...values).map((value) => value.toUpperCase()),
    );
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') choices.push(integerText(schema), integerText(schema));
  if (schema.format === 'uuid')
    choices.push(
      fc.uuid(),
      fc.uuid().map((id) => id.toUpperCase()),
      ref('job'),
    );
  if (schema.pattern?.includes('\\d{4}') === true) choices.push(dateText, dateText);
  if (type === 'string' && schema.format !== 'uuid' && schema.pattern === undefined) {
    const max = schema.maxLength ?? 64;
    choices.push(
      fc.constantFrom('en', 'de', 'fr', 'ar', 'zh-Hant', 'pt-BR', 'x'),
      fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(max, 64) }),
      fc.constant('x'.repeat(max + 1)),
    );
  }
  return fc.oneof(...choices);
}

function poolForPath(path: string): PoolName | null {
  const segments = path.split('/');
  const before = segments[segments.findIndex((segment) => segment.startsWith('{')) - 1];
  switch (before) {
    case 'articles':
      return 'article';
    case 'editions':
      return 'edition';
    case 'publications':
      return 'publication';
    case 'jobs':
      return 'job';
    default:
      return null;
  }
}

// A broken escape in the path stops at the router, so it is kept rare to leave room for the rest.
const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Encoding>('component') },
  { weight: 4, arbitrary: fc.constant<Encoding>('raw') },
  { weight: 1, arbitrary: fc.constant<Encoding>('broken') },
);

const urlValue = (value: fc.Arbitrary<Piece>): fc.Arbitrary<UrlValue> => fc.record({ value, encoding });

// ---------------------------------------------------------------- query strings

const oddQueryChunks = fc.constantFrom(
  'limit[]=1',
  'limit[0]=1&limit[1]=2',
  'limit=1&limit=2',
  'q=a&q=b',
  '__proto__[x]=1',
  'constructor[prototype][x]=1',
  'limit',
  '=',
  '&&&',
  '%zz=1',
  'q=%zz',
  'q=%',
  'q=%E0%A4%A',
  'q=%00',
  'q=%ED%A0%80',
  'fields=id&fields=title',
  'cursor=',
  'limit=',
  'a=1;b=2',
  'limit=+5',
  'limit=%205',
  'unknown=1',
);

function queryFor(operation: Operation | null): fc.Arbitrary<([string, UrlValue] | string)[]> {
  const known =
    operation === null || operation.queryParams.length === 0
      ? fc.constant([] as [string, UrlValue][])
      : fc
          .subarray(operation.queryParams, { maxLength: Math.min(4, operation.queryParams.length) })
          .chain((parameters) =>
            fc.tuple(
              ...parameters.map((parameter) =>
                urlValue(parameterValue(parameter, operation)).map((value): [string, UrlValue] => [
                  parameter.name,
                  value,
                ]),
              ),
            ),
          );
  const extra = fc.array<[string, UrlValue] | string>(
    fc.oneof<fc.Arbitrary<[string, UrlValue] | string>[]>(
      oddQueryChunks,
      fc
        .tuple(anyString(12), urlValue(garbage))
        .map(([key, value]): [string, UrlValue] => [encodeBytes(key), value]),
    ),
    { maxLength: 3 },
  );
  return fc.oneof(
    { weight: 3, arbitrary: known },
    { weight: 1, arbitrary: fc.tuple(known, extra).map(([a, b]) => [...a, ...b]) },
    { weight: 1, arbitrary: fc.constant<([string, UrlValue] | string)[]>([]) },
  );
}

// ---------------------------------------------------------------- headers

const contentTypeVariants = (documented: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(documented.length > 0 ? documented : ['application/json'])) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...(documented.length > 0 ? documented : ['text/plain'])),
          fc.constantFrom(
            '; charset=utf-8',
            '; charset=UTF-8',
            ';charset="utf-8"',
            '; charset=utf8',
            '; charset=latin1',
            '; charset=iso-8859-1',
            '; charset=utf-16',
            '; charset=',
            '; charset',
            '; foo=bar',
            ';;;',
            '; charset=utf-8; charset=latin1',
          ),
        )
        .map(([type, parameter]) => type + parameter),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'Text/Plain',
        'TEXT/HTML; CHARSET=UTF-8',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        'application/json-patch+json',
        'application/problem+json',
        'text/plain+json',
        'text/*',
        '*/*',
        'application/',
        '',
        ' ',
        'text/plain, application/json',
      ),
    },
    { weight: 1, arbitrary: anyString(30).map(latin1) },
  );

const acceptValue = fc.oneof(
  fc.constantFrom(
    'application/json',
    'text/markdown',
    'text/plain',
    'text/html',
    '*/*',
    'text/*',
    'text/markdown;q=0.9, text/html',
    'application/json;q=0',
    '*/*;q=0',
    'image/png',
    'text/markdown;q=abc',
    'text/html;q=-1',
    'text/html;q=1e999',
    ',',
    ';;',
    '/',
    'application/problem+json',
    'application/x-ndjson',
  ),
  anyString(60).map(latin1),
);

const authorizationValue = fc.oneof(
  { weight: 6, arbitrary: fc.constant(`Bearer ${FUZZ_TOKEN}`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'Bearer',
      'Bearer ',
      'bearer fuzz-token-0123456789',
      `Bearer  ${FUZZ_TOKEN}`,
      `Bearer ${FUZZ_TOKEN} extra`,
      'Bearer wrong',
      'Basic Zm9vOmJhcg==',
      'Token abc',
      `Bearer ${'x'.repeat(5000)}`,
      `Bearer ${FUZZ_TOKEN}\u00e9`,
    ),
  },
  { weight: 1, arbitrary: anyString(40).map((text) => latin1(`Bearer ${text}`)) },
);

const ifNoneMatchValue: fc.Arbitrary<Piece> = fc.oneof(
  ref('etag'),
  fc.constantFrom('*', '"x"', 'W/"x"', '', ',', '"', 'W/', '"a", W/"b", *'),
  anyString(40).map(latin1),
);

/** Header values as Node's HTTP parser lets them through: tab, printable ASCII and Latin-1. */
function latin1(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code === 9 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) ? char : '?';
    })
    .join('');
}

function headersFor(operation: Operation | null, hasBody: boolean): fc.Arbitrary<[string, Piece][]> {
  const documented = operation === null ? [] : Object.keys(operation.bodyTypes);
  // Writes mostly carry a token (most of them the right one), so they get past the guard.
  const write = operation !== null && (operation.method === 'POST' || operation.method === 'DELETE');
  // Present in one request out of `every`.
  const optional = <T>(name: string, arbitrary: fc.Arbitrary<T>, every: number) =>
    fc.oneof(
      { weight: every - 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: arbitrary.map((value): [string, T] => [name, value]) },
    );
  return fc
    .tuple(
      hasBody ? fc.option(contentTypeVariants(documented), { freq: 12 }) : fc.constant(null),
      optional('accept', acceptValue, 3),
      write
        ? fc
            .option(authorizationValue, { freq: 5 })
            .map((value) => (value === null ? null : (['authorization', value] as [string, string])))
        : optional('authorization', authorizationValue, 4),
      optional('if-none-match', ifNoneMatchValue, 4),
      optional('x-request-id', anyString(80).map(latin1), 6),
      optional('accept-encoding', fc.constantFrom('gzip', 'br, gzip;q=0', 'identity;q=0', 'x-bogus', '*'), 6),
      optional('origin', fc.constantFrom('https://evil.example', 'null', ''), 8),
    )
    .map(([contentType, ...rest]) => {
      const headers: [string, Piece][] = [];
      // fc.option yields null one time in `freq`: a body is mostly sent with a content type.
      if (contentType !== null) headers.push(['content-type', contentType]);
      for (const header of rest) if (header !== null) headers.push(header);
      return headers;
    });
}

// ---------------------------------------------------------------- bodies

const fixtureText = fc.nat({ max: FIXTURE_TEXTS.length - 1 }).map((index) => FIXTURE_TEXTS[index] ?? '');

/** A fixture page changed so that it is a new document (and may or may not still parse). */
const mutatedPage = fc
  .tuple(
    fixtureText,
    fc.constantFrom('insert', 'truncate', 'duplicate', 'shuffle', 'append'),
    fc.nat(),
    anyString(30),
  )
  .map(([text, mutation, at, noise]) => {
    const lines = text.split('\n');
    const index = lines.length === 0 ? 0 : at % lines.length;
    switch (mutation) {
      case 'insert':
        lines.splice(index, 0, noise);
        return lines.join('\n');
      case 'truncate':
        return text.slice(0, at % (text.length + 1));
      case 'duplicate':
        return [...lines, ...lines.slice(index)].join('\n');
      case 'shuffle':
        return [...lines.slice(index), ...lines.slice(0, index)].join('\n');
      default:
        return `${text}\n${noise}`;
    }
  });

const pageText = fc.oneof(
  { weight: 2, arbitrary: fixtureText },
  { weight: 4, arbitrary: mutatedPage },
  { weight: 2, arbitrary: anyString(400) },
  { weight: 1, arbitrary: fc.constantFrom('', '\n', '\ufeff', '\u0000', ' \t \r\n', '<html></html>', '<') },
  { weight: 1, arbitrary: hugeString },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: FUZZ_BODY_LIMIT - 64, max: FUZZ_BODY_LIMIT + 64 })
      .map((size) => 'a'.repeat(size)),
  },
);

const htmlText = fc.oneof(
  pageText.map((text) => `<html><body><p>${text.split('\n').join('</p><p>')}</p></body></html>`),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<p>'.repeat(5000),
    '<!--',
    '<![CDATA[',
    '&#0;&#xD800;&#x110000;&amp',
    '<a href="javascript:alert(1)">x</a>',
  ),
  pageText,
);

const randomBytes = fc.uint8Array({ maxLength: 600 });

const invalidUtf8 = fc.constantFrom(
  Uint8Array.from([0xff, 0xfe, 0x41]),
  Uint8Array.from([0xc3, 0x28]),
  Uint8Array.from([0xed, 0xa0, 0x80]),
  Uint8Array.from([0xf4, 0x90, 0x80, 0x80]),
  Uint8Array.from([0xe2, 0x82]),
  Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69, 0x80]),
);

/** JSON written by hand: what `JSON.stringify` would never produce. */
const rawJson = fc.oneof(
  fixtureText.map((text) => `{"text": ${JSON.stringify(text)}, "text": "dup"}`),
  fixtureText.map((text) => `{"__proto__": {"polluted": true}, "text": ${JSON.stringify(text)}}`),
  fixtureText.map((text) => `{"constructor": {"prototype": {"x": 1}}, "text": ${JSON.stringify(text)}}`),
  fc.constantFrom(
    '{"text": "\\ud800 lone high surrogate"}',
    '{"text": "lone low \\udfff"}',
    '{"text": "NUL \\u0000 inside"}',
    '{"html": "<p>\\u0000</p>"}',
    '{"text": "x", "url": "\\ud83d"}',
    '{"all": 1e400}',
    '{"all": -0}',
    '{"text": 1e400}',
    '{"truncated": true, "text": "x"}',
    '{"text": "x",}',
    "{'text': 'x'}",
    '{"text": "x"} trailing',
    '{"text": "x"}{"text": "y"}',
    '\ufeff{"text": "bom"}',
    '',
    ' ',
    'null',
    'true',
    '0',
    '"text"',
    '[]',
    '[{"text": "x"}]',
    '{',
    '{"text": "\\x41"}',
    '{"text": "\\u00"}',
    'NaN',
  ),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc
    .integer({ min: 1, max: 3_000 })
    .map((width) => `{${Array.from({ length: width }, (_, index) => `"k${index}": ${index}`).join(',')}}`),
);

/** A JSON value for a body documented with `schema`: valid-looking objects, wrong types, noise. */
function jsonBody(schema: SchemaNode): fc.Arbitrary<string> {
  const resolved = resolve(schema.anyOf?.[0] ?? schema);
  const properties = Object.keys(resolve(resolved).properties ?? {});
  const propertyValue = fc.oneof(
    { weight: 4, arbitrary: pageText },
    { weight: 2, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.webUrl() },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
  const shaped =
    properties.length === 0
      ? fc.jsonValue({ maxDepth: 3 })
      : fc.dictionary(fc.oneof(fc.constantFrom(...properties), anyString(10)), propertyValue, {
          maxKeys: 4,
        });
  return fc.oneof(
    { weight: 5, arbitrary: shaped.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fixtureText.map((text) => JSON.stringify({ text })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)) },
    { weight: 3, arbitrary: rawJson },
  );
}

const ndjsonBody = fc.oneof(
  fc
    .array(fc.oneof(jsonBody({ $ref: '#/components/schemas/PageSubmissionInput' }), fc.constant('')), {
      minLength: 1,
      maxLength: 8,
    })
    .map((lines) => lines.map((line) => line.replaceAll('\n', ' ')).join('\n')),
  fc.integer({ min: 990, max: 1_010 }).map((count) => '{"text":"x"}\n'.repeat(count)),
  fc.constantFrom('', '\n\n\n', '{"text":"x"}\r\n{"text":"y"}', '{"text":"x"}\n\u2028{"text":"y"}'),
);

function bodyFor(operation: Operation | null, contentTypes: string[]): fc.Arbitrary<string | Uint8Array> {
  const choices: fc.WeightedArbitrary<string | Uint8Array>[] = [
    { weight: 1, arbitrary: randomBytes },
    { weight: 1, arbitrary: invalidUtf8 },
  ];
  for (const type of contentTypes) {
    const schema = operation?.bodyTypes[type] ?? {};
    if (type === 'text/plain') choices.push({ weight: 6, arbitrary: pageText });
    else if (type === 'text/html') choices.push({ weight: 4, arbitrary: htmlText });
    else if (type === 'application/x-ndjson') choices.push({ weight: 6, arbitrary: ndjsonBody });
    else choices.push({ weight: 6, arbitrary: jsonBody(schema) });
  }
  if (contentTypes.length === 0) choices.push({ weight: 2, arbitrary: anyString(100) });
  return fc.oneof(...choices);
}

// ---------------------------------------------------------------- whole requests

/** A request aimed at a documented operation: its own method, path, parameters and body. */
function operationRequest(operation: Operation): fc.Arbitrary<RequestSpec> {
  const segments = operation.path.split('/').slice(1);
  const path = fc.tuple(
    ...segments.map((segment): fc.Arbitrary<string | UrlValue> => {
      if (!segment.startsWith('{')) return fc.constant(segment);
      const parameter = operation.pathParams.find((candidate) => `{${candidate.name}}` === segment) ?? {
        name: segment.slice(1, -1),
        in: 'path' as const,
        schema: { type: 'string' },
      };
      return urlValue(parameterValue(parameter, operation));
    }),
  );
  const contentTypes = Object.keys(operation.bodyTypes);
  const takesBody = contentTypes.length > 0;
  return fc
    .tuple(
      path,
      queryFor(operation),
      headersFor(operation, true),
      takesBody
        ? fc.option(bodyFor(operation, contentTypes), { freq: 15 })
        : fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: anyString(50) }),
    )
    .map(([pathParts, query, headers, body]) => ({
      target: `${operation.method} ${operation.path}`,
      method: operation.method,
      path: pathParts,
      query,
      headers: takesBody || body !== null ? headers : headers.filter(([name]) => name !== 'content-type'),
      ...(body === null ? {} : { body }),
    }));
}

/** A documented path with a method it does not document (405 expected, or HEAD/OPTIONS). */
function otherMethodRequest(operation: Operation): fc.Arbitrary<RequestSpec> {
  return fc
    .tuple(operationRequest(operation), fc.constantFrom(...METHODS))
    .map(([request, method]) => ({ ...request, target: `${method} ${operation.path} (any method)`, method }));
}

const pathSegment = fc.oneof(
  fc.constantFrom(
    'v1',
    'articles',
    'editions',
    'publications',
    'teasers',
    'edition',
    'source',
    'admin',
    'jobs',
    'reparse',
    'articles:batch',
    'parse',
    'docs',
    'static',
    'json',
    'openapi.json',
    'healthz',
    'readyz',
    'metrics',
    '1',
    '0',
    '-1',
    '1e3',
    '..',
    '.',
    '%2e%2e',
    '..%2f..%2f',
    '%00',
    '%zz',
    '%',
    '%2F',
    '%3Abatch',
    'articles%3Abatch',
    ';',
    '1;x=y',
    '*',
    '',
    'V1',
    'ARTICLES',
    '__proto__',
    'index.html',
    'swagger-ui.css',
  ),
  fc.string({ maxLength: 12 }).map(encodeBytes),
);

const oddPath = fc.oneof(
  fc.constantFrom(
    '/',
    '//v1///articles',
    '/v1//articles/1',
    '/v1/articles/',
    '/v1/articles/%00',
    '/v1/articles/1e3',
    '/v1/articles/1/teasers/extra',
    '/v1/articles/1/../2',
    '/v1/articles/%2e%2e/%2e%2e/package.json',
    '/docs/static/../../package.json',
    '/docs/static/..%2f..%2fpackage.json',
    '/docs/static/nothing.js',
    '/docs/json',
    '/docs/yaml',
    '/docs/',
    '/openapi.json',
    '/v1/articles%3Abatch',
    '/v1/articles:batch/1',
    '/v1/articles:other',
    '/v1/admin/jobs/',
    '/V1/ARTICLES',
    '/v1/artículos',
    '/healthz/',
    '/readyz?x=1',
    '/v1/articles/1%2F2',
    '/v1/articles/%F0%9F%98%80',
    '/v1/articles/%ED%A0%80',
    '/v1/articles/1?',
    '/v1/articles/1#frag',
    '/v1/articles/ 1',
  ),
  fc.array(pathSegment, { minLength: 1, maxLength: 7 }).map((segments) => `/${segments.join('/')}`),
  fc
    .tuple(
      fc.constantFrom('/v1/articles/', '/v1/', '/', '/docs/static/'),
      fc.integer({ min: 2_000, max: 70_000 }),
    )
    .map(([prefix, length]) => prefix + 'a'.repeat(length)),
  fc.integer({ min: 2, max: 3_000 }).map((count) => '/v1'.repeat(count)),
);

function oddPathRequest(): fc.Arbitrary<RequestSpec> {
  return fc
    .tuple(
      oddPath,
      fc.constantFrom(...METHODS),
      queryFor(null),
      headersFor(null, true),
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: bodyFor(null, ['text/plain', 'application/json']) },
      ),
    )
    .map(([path, method, query, headers, body]) => ({
      target: 'odd path',
      method,
      path: [path.slice(1)],
      query,
      headers,
      ...(body === null ? {} : { body }),
    }));
}

/** Every generated request: most aim at a documented operation, the rest at its edges. */
export const requestArbitrary: fc.Arbitrary<RequestSpec> = fc.oneof(
  {
    weight: 14,
    // Operations that take a body get more of the requests: they do the most with them.
    arbitrary: fc.oneof(
      ...operations.map((operation) => ({
        weight: Object.keys(operation.bodyTypes).length > 0 ? 4 : 1,
        arbitrary: operationRequest(operation),
      })),
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...operations).chain(otherMethodRequest) },
  { weight: 3, arbitrary: oddPathRequest() },
);
