import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  JSON_BODY_MAX_DEPTH,
  JSON_BODY_MAX_TOKENS,
  jsonShapeDefect,
  hasMoreItemsThan,
} from '../../src/http/json-shape.js';
import type { ParseFunction } from '../../src/ingest/ingest.js';
import { parseSubmission } from '../../src/ingest/parse-submission.js';
import { fixtureText, SEED_ID } from '../helpers/app.js';
import { hardeningApp, type HardeningApp } from './hardening/harness.js';

const MiB = 1024 * 1024;
const nested = (levels: number, inner = '') => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;

describe('jsonShapeDefect', () => {
  it('accepts every body the API reads, and JSON up to the limits', () => {
    for (const text of [
      JSON.stringify({ text: fixtureText(SEED_ID) }),
      JSON.stringify({ html: '<p>[[[{{{"\\"</p>', url: 'https://example.com/a' }),
      '{"all":true}',
      '  {}  ',
      nested(JSON_BODY_MAX_DEPTH),
      `[${Array.from({ length: JSON_BODY_MAX_TOKENS }, () => '1').join(',')}]`,
    ]) {
      expect(jsonShapeDefect(text), text.slice(0, 40)).toBeNull();
    }
  });

  it('refuses nesting past the depth limit, and too many values', () => {
    expect(jsonShapeDefect(nested(JSON_BODY_MAX_DEPTH + 1))).toMatch(/deeper than 8 levels/);
    expect(jsonShapeDefect(`{"a":${nested(JSON_BODY_MAX_DEPTH)}}`)).toMatch(/deeper/);
    expect(jsonShapeDefect('['.repeat(MiB))).toMatch(/deeper/);
    expect(jsonShapeDefect(`[${'1,'.repeat(JSON_BODY_MAX_TOKENS)}1]`)).toMatch(/more than 1024/);
    expect(jsonShapeDefect(`{${'"k":1,'.repeat(600)}"k":1}`)).toMatch(/more than 1024/);
  });

  it('counts the items of a top-level array only, stopping where the shape check would', () => {
    const over = (text: string, maxItems = 2) => hasMoreItemsThan(text, maxItems, 100);
    expect(over('{"a":1,"b":2,"c":3}')).toBe(false);
    expect(over(' [ ] ', 0)).toBe(false);
    expect(over('[1]', 0)).toBe(true);
    expect(over(' [{"a":[1,2],"b":"x,y"}, [3,4], "[,]"] ', 3)).toBe(false);
    expect(over(' [{"a":[1,2],"b":"x,y"}, [3,4], "[,]"] ', 2)).toBe(true);
    expect(hasMoreItemsThan(`[${'1,'.repeat(19_999)}1]`, 1000, 16_000)).toBe(true);
    // Too deep, or too many tokens inside few items: the shape check's answer, not this one's.
    expect(over(`[${nested(JSON_BODY_MAX_DEPTH)},2,3,4]`)).toBe(false);
    expect(over(`[[${'1,'.repeat(200)}1],2,3]`)).toBe(false);
  });

  it('does not count brackets, commas or colons inside strings, whatever the escapes', () => {
    const inString = JSON.stringify('[{,:'.repeat(10_000));
    expect(jsonShapeDefect(`{"text":${inString}}`)).toBeNull();
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    expect(jsonShapeDefect(`{"text":"\\"${'['.repeat(100)}"}`)).toBeNull();
    expect(jsonShapeDefect(`{"text":"\\\\\\"${'['.repeat(100)}"}`)).toBeNull();
    expect(jsonShapeDefect(`{"text":"\\\\",${'"x":['.repeat(100)}`)).toMatch(/deeper/);
  });

  it('leaves malformed JSON to the parser', () => {
    for (const text of ['{"text": "unterminated', ']]]]]]]]]]', '{oops', '']) {
      expect(jsonShapeDefect(text)).toBeNull();
    }
  });
});

describe('JSON request bodies too deep or too large for any schema', () => {
  let t: HardeningApp | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await t?.close();
    t = undefined;
  });

  async function countingApp(): Promise<{ app: HardeningApp; parses: () => number }> {
    let parses = 0;
    const parse: ParseFunction = async (submission) => {
      parses += 1;
      return parseSubmission(submission);
    };
    t = await hardeningApp({}, { dependencies: { parse } });
    return { app: t, parses: () => parses };
  }

  /** Calls of JSON.parse with a text of at least `bytes`. */
  function spyLargeJsonParses(bytes: number): () => number {
    const spy = vi.spyOn(JSON, 'parse');
    return () => spy.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= bytes).length;
  }

  it.each([
    ['1 MiB of nested arrays', nested(MiB / 2)],
    ['nested arrays under a key', `{"text":${nested(MiB / 2)}}`],
    ['an array of 500,000 numbers', `[${'1,'.repeat(MiB / 2)}1]`],
  ])('%s: 400 validation before JSON.parse, the parser never reached', async (_name, payload) => {
    const { app, parses } = await countingApp();
    const largeParses = spyLargeJsonParses(MiB / 2);
    for (const url of ['/v1/parse', '/v1/articles']) {
      const response = await app.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({
        type: 'urn:masthead:problem:validation',
        errors: [{ path: 'body' }],
      });
      expect(response.json<{ detail: string }>().detail).toMatch(/deeper than 8 levels|more than 1024/);
    }
    expect(largeParses()).toBe(0);
    expect(parses()).toBe(0);
  });

  it('a batch line of nested arrays is a 400 on its line, before JSON.parse; the others are stored', async () => {
    const { app, parses } = await countingApp();
    const largeParses = spyLargeJsonParses(MiB / 2);
    const seedLine = JSON.stringify({ text: fixtureText(SEED_ID) });
    const response = await app.app.inject({
      method: 'POST',
      url: '/v1/articles:batch',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: [seedLine, `{"text":${nested(MiB / 2)}}`].join('\n'),
    });
    expect(response.statusCode).toBe(200);
    const [first, second] = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: number; problem?: { type: string; detail: string } });
    expect(first?.status).toBe(201);
    expect(second?.status).toBe(400);
    expect(second?.problem?.type).toBe('urn:masthead:problem:validation');
    expect(second?.problem?.detail).toMatch(/line 2 .*deeper than 8 levels/);
    expect(largeParses()).toBe(0);
    expect(parses()).toBe(1);
  });
});
