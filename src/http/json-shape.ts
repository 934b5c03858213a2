/**
 * Every JSON body the API reads is a small flat object (`{text}`, `{html, url}`, `{all}`), yet
 * `JSON.parse` spends its time on whatever structure it is given: 2 MiB of nested arrays held
 * the main thread ~0.9 s. So the raw text is measured first, in one linear pass that stops at
 * the first excess, and a body no schema could use is refused before it is parsed.
 */

/** Deepest nesting of objects and arrays a body may have; the schemas use 1. */
export const JSON_BODY_MAX_DEPTH = 8;

/** Most structural tokens (`{`, `[`, `,`, `:`) a body may have; a submission has a handful. */
export const JSON_BODY_MAX_TOKENS = 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * The index just past the string whose content starts at `from`, or the text's length when it
 * is unterminated. Jumps from quote to quote; a quote after an odd run of backslashes is escaped
 * (each run is counted once, before the one quote it precedes, so the pass stays linear).
 */
function stringEnd(text: string, from: number): number {
  for (let quote = text.indexOf('"', from); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && text.charCodeAt(quote - backslashes - 1) === BACKSLASH) {
      backslashes += 1;
    }
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

/**
 * Why `text` is too deep or too large to be a request body, or null. Not a validator:
 * malformed JSON passes here and is reported by the parser.
 */
export function jsonShapeDefect(text: string, maxTokens = JSON_BODY_MAX_TOKENS): string | null {
  let depth = 0;
  let tokens = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = stringEnd(text, index + 1);
      continue;
    }
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth += 1;
      if (depth > JSON_BODY_MAX_DEPTH) return `nests deeper than ${JSON_BODY_MAX_DEPTH} levels`;
      tokens += 1;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth -= 1;
    } else if (code === COMMA || code === COLON) {
      tokens += 1;
    }
    if (tokens > maxTokens) {
      return `has more than ${maxTokens} brackets, commas and colons`;
    }
    index += 1;
  }
  return null;
}

/** JSON's four whitespace characters. */
const isJsonWhitespace = (code: number): boolean =>
  code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * Whether `text` is an array of more than `maxItems` items, so that a list route can say "too
 * many items" before any size budget does. Counts the commas directly inside the top-level
 * array (strings and nested values skipped) and stops as soon as it knows: at the item past
 * the limit, or where `jsonShapeDefect(text, maxTokens)` would stop (too deep, too many
 * tokens; false then, and that check answers). Malformed JSON is left to the parser.
 */
export function hasMoreItemsThan(text: string, maxItems: number, maxTokens: number): boolean {
  let index = 0;
  while (index < text.length && isJsonWhitespace(text.charCodeAt(index))) index += 1;
  if (text.charCodeAt(index) !== OPEN_BRACKET) return false;
  let depth = 1;
  let tokens = 1;
  let items = 0;
  for (index += 1; index < text.length && depth > 0;) {
    const code = text.charCodeAt(index);
    if (items === 0 && !isJsonWhitespace(code) && code !== CLOSE_BRACKET) items = 1;
    if (code === QUOTE) {
      index = stringEnd(text, index + 1);
      continue;
    }
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth += 1;
      tokens += 1;
      if (depth > JSON_BODY_MAX_DEPTH) return false;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth -= 1;
    } else if (code === COMMA || code === COLON) {
      tokens += 1;
      if (code === COMMA && depth === 1) items += 1;
    }
    if (items > maxItems) return true;
    if (tokens > maxTokens) return false;
    index += 1;
  }
  return false;
}
