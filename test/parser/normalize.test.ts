import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  normalizeInput,
  normalizeText,
  normalizedLines,
  unwrapScrapeQuotes,
} from '../../src/parser/normalize.js';

describe('normalizeText', () => {
  it('drops the BOM and turns CRLF and CR into LF', () => {
    expect(normalizeText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('composes to NFC', () => {
    expect(normalizeText('Ho\u0308cke')).toBe('Höcke');
  });

  it('turns NBSP into a space and keeps the narrow NBSP of French typography', () => {
    expect(normalizeText('a\u00A0b\u202Fc')).toBe('a b\u202Fc');
  });

  it('removes zero-width and bidi controls but keeps ZWJ and ZWNJ', () => {
    expect(normalizeText('a\u200Bb\u200Ec\u202Ed\u2066e\uFEFFf')).toBe('abcdef');
    expect(normalizeText('क्\u200Dष')).toBe('क्\u200Dष');
    expect(normalizeText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('removes control characters', () => {
    expect(normalizeText('a\u0000b\u0007c')).toBe('abc');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities', () => {
    expect(decodeEntities('Tom &amp; Jerry &ndash; &#8220;hi&#x201D; &hellip;')).toBe('Tom & Jerry – “hi” …');
  });

  it('leaves unknown entities and bare ampersands alone', () => {
    expect(decodeEntities('News & Politics &bogus; &#0; &#xD800;')).toBe(
      'News & Politics &bogus; &#0; &#xD800;',
    );
  });
});

describe('unwrapScrapeQuotes', () => {
  it('unwraps a quoted line holding non-ASCII text', () => {
    expect(unwrapScrapeQuotes("'It’d take only 30 hours.'")).toBe('It’d take only 30 hours.');
    expect(unwrapScrapeQuotes('"Assam\'s weed—how much"')).toBe("Assam's weed—how much");
  });

  it('keeps ASCII quotations and lines with inner quotes of the same kind', () => {
    expect(unwrapScrapeQuotes("'It's the work that counts.'")).toBe("'It's the work that counts.'");
    expect(unwrapScrapeQuotes("'Success is in the hands of the audience.'")).toBe(
      "'Success is in the hands of the audience.'",
    );
    expect(unwrapScrapeQuotes("'")).toBe("'");
    // the scraper wraps in double quotes only a line holding an apostrophe: these quotes are printed
    expect(unwrapScrapeQuotes('"Bir şehir, iki hikâye"')).toBe('"Bir şehir, iki hikâye"');
    expect(unwrapScrapeQuotes("''")).toBe("''");
  });
});

describe('normalizeInput', () => {
  it('keeps non-empty trimmed lines with their line numbers', () => {
    const { lines, lastLineOpen } = normalizeInput('  a  \n\n \u00A0 \nb\n');
    expect(lines).toEqual([
      { text: 'a', lineNo: 0 },
      { text: 'b', lineNo: 3 },
    ]);
    expect(lastLineOpen).toBe(false);
  });

  it('knows when the last line has no line break', () => {
    expect(normalizeInput('a\nb').lastLineOpen).toBe(true);
    expect(normalizeInput('a\nb\n  ').lastLineOpen).toBe(false);
    expect(normalizeInput('').lastLineOpen).toBe(false);
  });

  it('keeps inner runs of spaces (they are part of some printed labels)', () => {
    expect(normalizedLines('10+ min  |')).toEqual(['10+ min  |']);
  });
});

describe('normalizeText, skipping the passes a text needs none of', () => {
  /** normalizeText as first written: every replacement on every text. */
  function everyPass(text: string): string {
    let out = text;
    if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    out = decodeEntities(out.replace(/\r\n?/gu, '\n')).normalize('NFC');
    return out
      .replace(
        /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD]|[^\P{Cc}\t\n\r]/gu,
        '',
      )
      .replace(/[\u00A0\u2007\t]/gu, ' ');
  }

  it('gives what every pass gives, with any one code unit in a text', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = `Line one\nLine ${String.fromCharCode(code)} two\n`;
      if (normalizeText(text) !== everyPass(text)) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  it('gives what every pass gives on texts with line ends, entities and spaces to fix', () => {
    for (const text of [
      'a\r\nb\rc',
      'a&#13;b\r\n',
      'tab\there\u00a0nbsp',
      '\uFEFFbom and\u200Bzero width',
      'only\nline feeds\n',
      '\u0007bell&amp;\r',
      '',
    ])
      expect(normalizeText(text), JSON.stringify(text)).toBe(everyPass(text));
  });
});
