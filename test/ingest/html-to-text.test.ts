import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/ingest/html-to-text.js';

describe('htmlToText', () => {
  it('puts each block on its own line and collapses inline whitespace', () => {
    expect(htmlToText('<div><h1>Title</h1><p>One  <b>bold</b>\n word</p><p>Two</p></div>')).toBe(
      'Title\nOne bold word\nTwo',
    );
  });

  it('drops scripts, styles, head and other non-text elements', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><script>var x = "<p>no</p>";</script><p>Yes</p><template><p>no</p></template></body></html>';
    expect(htmlToText(html)).toBe('Yes');
  });

  it('decodes entities and breaks lines at <br>', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; &#x1F600;<br>next</p>')).toBe('Café & 😀\nnext');
  });

  it('keeps line breaks inside <pre>', () => {
    expect(htmlToText('<pre>a\nb</pre>')).toBe('a\nb');
  });

  it('copes with broken markup and plain text', () => {
    expect(htmlToText('<p>open <div>nested')).toBe('open\nnested');
    expect(htmlToText('just text')).toBe('just text');
    expect(htmlToText('')).toBe('');
  });
});
