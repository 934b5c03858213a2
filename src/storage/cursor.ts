import { InvalidCursorError } from './repository.js';

/**
 * Opaque list cursors: base64url JSON tagged with the list they belong to, so a cursor
 * from one list (or a hand-made one) is rejected instead of silently misread.
 */
export function encodeCursor(list: string, position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...position]), 'utf8').toString('base64url');
}

/** The cursor's position values, checked against the expected kinds. */
export function decodeCursor<Kinds extends readonly ('string' | 'number')[]>(
  cursor: string,
  list: string,
  kinds: Kinds,
): { [K in keyof Kinds]: Kinds[K] extends 'string' ? string : number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('the cursor is not one this server issued');
  }
  if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== kinds.length + 1) {
    throw new InvalidCursorError('the cursor belongs to another list or query');
  }
  const values = parsed.slice(1) as unknown[];
  values.forEach((value, index) => {
    const kind = kinds[index];
    // Numbers in cursors are ids and offsets: a negative one was never issued.
    const ok =
      kind === 'number' ? Number.isSafeInteger(value) && (value as number) >= 0 : typeof value === 'string';
    if (!ok) throw new InvalidCursorError('the cursor is not one this server issued');
  });
  return values as { [K in keyof Kinds]: Kinds[K] extends 'string' ? string : number };
}
