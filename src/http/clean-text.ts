/**
 * Text masthead refuses to store: NUL characters and lone UTF-16 surrogates. SQLite keeps
 * a NUL but many readers stop at it; a lone surrogate (only reachable through a JSON
 * `\ud800` escape, since strict UTF-8 decoding rejects encoded surrogates) is stored by
 * better-sqlite3 as invalid UTF-8 and read back as three U+FFFD: a silent data change.
 */

const NUL = 0x0000;
const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** What is wrong with one string, or null when it can be stored as it is. */
export function textDefect(text: string): string | null {
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit === NUL) return `a NUL character (U+0000) at offset ${index}`;
    if (isHighSurrogate(unit)) {
      if (isLowSurrogate(text.charCodeAt(index + 1))) {
        index += 1;
        continue;
      }
      return `a lone surrogate (U+${hex(unit)}) at offset ${index}`;
    }
    if (isLowSurrogate(unit)) return `a lone surrogate (U+${hex(unit)}) at offset ${index}`;
  }
  return null;
}

const hex = (unit: number): string => unit.toString(16).toUpperCase().padStart(4, '0');

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

/** The JSON pointer of a visited value, built only when a defect is reported. */
function pointer(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) keys.push(at.key);
  return keys.length === 0
    ? '/'
    : keys
        .reverse()
        .map((key) => `/${pointerEscape(key)}`)
        .join('');
}

const pointerEscape = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The first string in a parsed JSON value (keys included) that cannot be stored, with
 * where it is (`/text holds a NUL character…`), or null. Walks with an explicit stack and
 * builds paths only on failure, so deep nesting costs neither stack nor quadratic memory.
 */
export function jsonTextDefect(value: unknown): string | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const current = visit.value;
    if (typeof current === 'string') {
      const defect = textDefect(current);
      if (defect !== null) return `${pointer(visit)} holds ${defect}`;
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        stack.push({ value: current[index], key: String(index), parent: visit });
      }
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        const keyDefect = textDefect(key);
        if (keyDefect !== null) return `a key in ${pointer(visit)} holds ${keyDefect}`;
      }
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index] as [string, unknown];
        stack.push({ value: child, key, parent: visit });
      }
    }
  }
  return null;
}
