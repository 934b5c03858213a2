/**
 * What `masthead parse` prints: the ParsedPage as `POST /v1/parse` serves it (json), or the
 * page rendered as `GET /v1/articles/{id}.md|.txt` renders a stored one (src/render/).
 */
import type { ParsedPage } from '../parser/types.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderPlainText } from '../render/plain-text.js';
import { pageView } from '../render/story-view.js';

export const OUTPUT_FORMATS = ['json', 'markdown', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatPage(page: ParsedPage, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(page, null, 2)}\n`;
    case 'markdown':
      return renderMarkdown(pageView(page));
    case 'text':
      return renderPlainText(pageView(page));
  }
}
