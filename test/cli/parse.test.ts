import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedPage } from '../../src/parser/types.js';
import { cli, LISTING_PAGE, SEED_PAGE, scratchDirs } from './io.js';

const scratch = scratchDirs();

describe('masthead parse', () => {
  it('prints the ParsedPage as JSON by default and exits 0 when there is a story', async () => {
    const result = await cli(['parse', SEED_PAGE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const page = JSON.parse(result.stdout) as ParsedPage;
    expect(page.story?.dateline).toBe('SEOUL');
    expect(page.story?.paragraphs[0]).toMatch(/^SEOUL - As evidence mounts/);
    expect(page.edition?.publication).toBe('The Straits Times');
    expect(page.edition?.date).toBe('2024-10-23');
    expect(page.teasers).toHaveLength(10);
    expect(page.page_locale).toBe('de');
    expect(result.stdout).toContain('\n  "story": {'); // pretty-printed
  });

  it('prints the clean story as Markdown', async () => {
    const result = await cli(['parse', SEED_PAGE, '--format', 'markdown']);
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(md.startsWith('SEOUL - As evidence mounts')).toBe(true); // the seed has no title, deck or byline
    expect(md).toContain('\n\nAnalysts call it a major elevation');
    expect(md).toContain('\n\n---\n\n*The Straits Times, October 23, 2024 (Magzter)*\n');
    expect(md).toContain(
      '\n\n## More stories\n\n- **COFFEE AND A LOOK AT NORTH KOREA** — For anyone curious',
    );
    expect(md.match(/^- \*\*[^\n]+\*\*/gm)).toHaveLength(10);
    expect(md).not.toMatch(/Magzter GOLD|Bereits Abonnent|Diese Geschichte stammt/);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('prints the clean story as plain text', async () => {
    const result = await cli(['parse', SEED_PAGE, '-f', 'text']);
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text.startsWith('SEOUL - As evidence mounts')).toBe(true);
    expect(text).toContain('\n\nThe Straits Times, October 23, 2024\n');
    expect(text).toContain('\n\nMore stories\n* COFFEE AND A LOOK AT NORTH KOREA: For anyone curious');
    expect(text.match(/^\* [^\n]+/gm)).toHaveLength(10);
    expect(text).not.toMatch(/[*_#]{2}|Magzter GOLD|Bereits Abonnent/);
  });

  it('reads standard input for "-" and, with --html, reads it as HTML', async () => {
    const raw = readFileSync(SEED_PAGE, 'utf8');
    const fromFile = await cli(['parse', SEED_PAGE]);
    const fromStdin = await cli(['parse', '-'], { stdin: raw });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);

    const html = `<html><body>${raw
      .split('\n')
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n')}</body></html>`;
    const asHtml = await cli(['parse', '--html'], { stdin: html });
    expect(asHtml.code).toBe(0);
    const page = JSON.parse(asHtml.stdout) as ParsedPage;
    expect(page.story?.dateline).toBe('SEOUL');
    expect(page.teasers).toHaveLength(10);
  });

  it('reads .html files as HTML', async () => {
    const dir = scratch();
    const file = join(dir, 'page.html');
    writeFileSync(file, `<p>${readFileSync(SEED_PAGE, 'utf8').split('\n').join('</p><p>')}</p>`);
    const result = await cli(['parse', file, '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as ParsedPage).edition?.publication).toBe('The Straits Times');
  });

  it('passes --url to the parser as the platform hint', async () => {
    const page =
      'A quiet revolution in the fields\nFarmers across the valley have started planting drought-resistant ' +
      'millet, a crop their grandparents abandoned decades ago, and the early harvests suggest it pays.\n';
    const without = await cli(['parse', '-'], { stdin: page });
    expect((JSON.parse(without.stdout) as ParsedPage).edition?.platform ?? null).toBeNull();
    const withUrl = await cli(['parse', '-', '--url', 'https://www.pressreader.com/india/x/20200621/1'], {
      stdin: page,
    });
    expect(withUrl.code).toBe(0);
    expect((JSON.parse(withUrl.stdout) as ParsedPage).edition?.platform).toBe('pressreader');
  });

  it('exits 3 and still prints the result when the page has no main story', async () => {
    const json = await cli(['parse', LISTING_PAGE]);
    expect(json.code).toBe(3);
    const page = JSON.parse(json.stdout) as ParsedPage;
    expect(page.story).toBeNull();
    expect(page.teasers.length).toBeGreaterThan(0);
    expect(json.stderr).toContain('no main story found');

    const text = await cli(['parse', LISTING_PAGE, '--format', 'text']);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/^No main story found on this page\.\n\n/);
    expect(text.stdout).toContain('\n\nMore stories\n* ');
  });

  it('exits 2 with a message for a missing file, invalid UTF-8, no input or a bad format', async () => {
    const missing = await cli(['parse', '/nonexistent/page.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('masthead: /nonexistent/page.txt: cannot read: no such file\n');

    const dir = scratch();
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x0a]));
    const invalid = await cli(['parse', bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toBe(`masthead: ${bad}: not valid UTF-8\n`);

    const folder = await cli(['parse', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a directory');

    const terminal = await cli(['parse'], { stdinIsTTY: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stderr).toContain('no page to parse');

    const format = await cli(['parse', SEED_PAGE, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument 'xml' is invalid");

    const extra = await cli(['parse', SEED_PAGE, SEED_PAGE]);
    expect(extra.code).toBe(2);
  });
});
