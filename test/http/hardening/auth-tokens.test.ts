import type * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokenMatcher } from '../../../src/http/auth.js';
import { hardeningApp, type HardeningApp } from './harness.js';

/** Every length pair timingSafeEqual is called with (it throws when they differ). */
const comparedLengths = vi.hoisted(() => [] as [number, number][]);
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      comparedLengths.push([a.byteLength, b.byteLength]);
      return actual.timingSafeEqual(a, b);
    },
  };
});

const TOKENS = ['k', 'a-much-longer-token-of-sixty-four-characters-0123456789abcdefghij', 'ключ-🔑'];
const PRESENTED = [
  '',
  'k',
  'kk',
  'K',
  'x'.repeat(10_000),
  'ключ-🔑',
  'ключ-',
  '\u00ff',
  TOKENS[1]?.slice(0, -1) ?? '',
];

describe('bearer tokens: compared as SHA-256 digests, whatever their lengths', () => {
  it('tokenMatcher accepts exactly the configured tokens, never throwing on a length mismatch', () => {
    comparedLengths.length = 0;
    const matches = tokenMatcher(TOKENS);
    for (const token of TOKENS) expect(matches(token)).toBe(true);
    for (const token of PRESENTED.filter((candidate) => !TOKENS.includes(candidate))) {
      expect(() => matches(token)).not.toThrow();
      expect(matches(token), JSON.stringify(token.slice(0, 20))).toBe(false);
    }
    expect(matches(null)).toBe(false);
    expect(comparedLengths.length).toBeGreaterThan(0);
    expect(comparedLengths.every(([a, b]) => a === 32 && b === 32)).toBe(true);
  });

  it('checks every configured token, so timing does not tell which one matched', () => {
    comparedLengths.length = 0;
    tokenMatcher(TOKENS)(TOKENS[0] as string);
    expect(comparedLengths).toHaveLength(TOKENS.length);
  });

  describe('over HTTP', () => {
    let t: HardeningApp;
    beforeAll(async () => {
      t = await hardeningApp({ apiTokens: TOKENS });
    });
    afterAll(async () => {
      await t.close();
    });

    it('answers 401 (never 500) for tokens of any length, 404 for the right ones', async () => {
      comparedLengths.length = 0;
      for (const token of PRESENTED) {
        const response = await t.app.inject({
          method: 'DELETE',
          url: '/v1/articles/1',
          headers: { authorization: `Bearer ${encodeURIComponent(token)}` },
        });
        const valid = TOKENS.includes(encodeURIComponent(token));
        expect(response.statusCode, JSON.stringify(token.slice(0, 20))).toBe(valid ? 404 : 401);
      }
      const right = await t.app.inject({
        method: 'DELETE',
        url: '/v1/articles/1',
        headers: { authorization: 'Bearer k' },
      });
      expect(right.statusCode).toBe(404);
      expect(comparedLengths.every(([a, b]) => a === 32 && b === 32)).toBe(true);
    });
  });
});
