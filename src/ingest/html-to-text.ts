import { Parser } from 'htmlparser2';

/** Elements whose content is never page text. */
const SKIPPED_ELEMENTS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'button',
]);

/** Elements that start and end a line of text (HTML's block-level and table structure). */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
  'caption',
  'legend',
  'option',
]);

const WHITESPACE_RUN = /[\t\n\f\r ]+/g;

/**
 * Turns an HTML page into the plain text a reader sees: one line per block element,
 * whitespace collapsed as browsers do (kept in `<pre>`), entities decoded, scripts,
 * styles and other non-text elements dropped. The result goes to the same parser as
 * captured plain text.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let skipDepth = 0;
  let preDepth = 0;

  const flush = (): void => {
    const trimmed = line.trim();
    if (trimmed.length > 0) lines.push(trimmed);
    line = '';
  };

  const parser = new Parser(
    {
      onopentagname(name) {
        if (skipDepth > 0 || SKIPPED_ELEMENTS.has(name)) {
          skipDepth += 1;
          return;
        }
        if (name === 'pre') preDepth += 1;
        if (BLOCK_ELEMENTS.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (preDepth > 0) {
          const [first = '', ...rest] = text.split('\n');
          line += first;
          for (const next of rest) {
            flush();
            line = next;
          }
          return;
        }
        line += text.replace(WHITESPACE_RUN, ' ');
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth -= 1;
          return;
        }
        if (name === 'pre' && preDepth > 0) preDepth -= 1;
        if (BLOCK_ELEMENTS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines.join('\n');
}
