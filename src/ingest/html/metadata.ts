/**
 * What a page's markup says about itself: JSON-LD (`NewsArticle` and kin), OpenGraph and
 * `article:*` meta tags, `<link rel=canonical>`. These are evidence, never the truth: the
 * caller prefers what the page prints and uses these only to fill gaps.
 */

export interface HtmlMetadata {
  title: string | null;
  author: string | null;
  /** `datePublished` or `article:published_time`, as written (usually ISO 8601). */
  published: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
}

/** JSON-LD `@type`s that describe an article. */
const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BlogPosting',
  'Report',
  'ScholarlyArticle',
  'SocialMediaPosting',
  'LiveBlogPosting',
]);

/** At most this many JSON-LD scripts and nodes are read: a hostile page cannot make this slow. */
const MAX_JSON_LD_SCRIPTS = 16;
const MAX_JSON_LD_CHARS = 256 * 1024;
const MAX_JSON_LD_NODES = 64;

/** The minimal DOM surface read here (linkedom's document satisfies it). */
export interface MetaDocument {
  querySelectorAll(
    selectors: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    return trimmed.length > 0 ? trimmed : null;
  }
  return null;
}

/** A JSON-LD person, organisation or list of them, as a display name. */
function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) {
    const names = value
      .slice(0, 8)
      .map(nameOf)
      .filter((name): name is string => name !== null);
    return names.length > 0 ? [...new Set(names)].join(', ') : null;
  }
  if (value !== null && typeof value === 'object') return text(value['name']);
  return null;
}

function typesOf(node: { [key: string]: Json }): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

/** Article nodes of a JSON-LD value: top level, arrays and `@graph`, breadth-first, bounded. */
function articleNodes(root: Json): { [key: string]: Json }[] {
  const found: { [key: string]: Json }[] = [];
  const queue: Json[] = [root];
  let seen = 0;
  while (queue.length > 0 && seen < MAX_JSON_LD_NODES) {
    const node = queue.shift();
    seen += 1;
    if (Array.isArray(node)) queue.push(...node.slice(0, MAX_JSON_LD_NODES));
    else if (node !== null && typeof node === 'object') {
      if (typesOf(node).some((type) => ARTICLE_TYPES.has(type))) found.push(node);
      const graph = node['@graph'];
      if (Array.isArray(graph)) queue.push(...graph.slice(0, MAX_JSON_LD_NODES));
      const main = node['mainEntity'];
      if (main !== undefined && typeof main === 'object') queue.push(main);
    }
  }
  return found;
}

function metaContent(document: MetaDocument, names: readonly string[]): string | null {
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (names.includes(key)) {
      const value = text(meta.getAttribute('content') ?? undefined);
      if (value !== null) return value;
    }
  }
  return null;
}

export function readMetadata(document: MetaDocument): HtmlMetadata {
  let article: { [key: string]: Json } | undefined;
  const scripts = Array.from(document.querySelectorAll('script[type="application/ld+json"]'));
  for (const script of scripts.slice(0, MAX_JSON_LD_SCRIPTS)) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    try {
      article = articleNodes(JSON.parse(source) as Json)[0];
    } catch {
      continue;
    }
    if (article !== undefined) break;
  }
  const canonical = Array.from(document.querySelectorAll('link[rel~="canonical"]'))
    .map((link) => text(link.getAttribute('href') ?? undefined))
    .find((href): href is string => href !== null && /^https?:\/\//i.test(href));
  return {
    title: text(article?.['headline']) ?? metaContent(document, ['og:title', 'twitter:title']),
    author: nameOf(article?.['author']) ?? metaContent(document, ['article:author', 'author']),
    published:
      text(article?.['datePublished']) ?? metaContent(document, ['article:published_time', 'datepublished']),
    siteName: nameOf(article?.['publisher']) ?? metaContent(document, ['og:site_name', 'application-name']),
    canonicalUrl: canonical ?? metaContent(document, ['og:url']),
  };
}
