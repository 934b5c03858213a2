import { describe, expect, it } from 'vitest';
import { detectPlatform, urlHost } from '../../src/parser/platform.js';

describe('platform', () => {
  it('reads the URL host', () => {
    expect(urlHost('https://www.magzter.com/fr/stories/x')).toBe('www.magzter.com');
    expect(urlHost('http://user@www.pressreader.com:8080/india')).toBe('www.pressreader.com');
    expect(urlHost('not a url')).toBe('not a url');
    expect(detectPlatform('https://react.magzter.com/stories/a', [])).toBe('magzter');
    expect(detectPlatform('https://www.zinio.com/in/x', [])).toBe('zinio');
    expect(detectPlatform('https://www.scribd.com/article/1/x', [])).toBe('scribd');
    expect(detectPlatform('https://evilmagzter.com/x', [])).toBeNull();
  });

  it('falls back to platform text on the page', () => {
    expect(detectPlatform(null, [{ text: 'Start your 7-day Magzter GOLD free trial', kind: 'trial' }])).toBe(
      'magzter',
    );
    expect(detectPlatform(undefined, [{ text: 'ZINIO logo', kind: 'chrome' }])).toBe('zinio');
    expect(detectPlatform(null, [{ text: 'plain text', kind: 'text' }])).toBeNull();
  });

  it('falls back to line kinds only one platform prints, after URL and text', () => {
    // a translated sign-in prompt names no brand: only Magzter prints one
    expect(detectPlatform(null, [{ text: 'Déjà abonné ? Se connecter', kind: 'sign-in' }])).toBe('magzter');
    expect(detectPlatform(null, [{ text: 'Déjà abonné ? Se connecter', kind: 'paywall' }])).toBeNull();
    // the URL and the platform text come first
    expect(detectPlatform('https://www.pressreader.com/x', [{ text: 'x', kind: 'sign-in' }])).toBe(
      'pressreader',
    );
    expect(
      detectPlatform(null, [
        { text: 'Déjà abonné ? Se connecter', kind: 'sign-in' },
        { text: 'ZINIO logo', kind: 'chrome' },
      ]),
    ).toBe('zinio');
  });
});
