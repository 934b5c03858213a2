/**
 * A fixed set of strings compiled once into an Aho–Corasick automaton: one
 * pass over a text tells which of them it contains, however many there are.
 * The classifier asks this of every line for a dozen vocabulary strings
 * (brand names, header suffixes, question marks…); a search per string would
 * read a long line a dozen times.
 */

/** Returned when a text contains none of the strings (the common case): nothing to allocate. */
const NONE: ReadonlySet<string> = new Set();

export class SubstringSet {
  /** Code unit → its column in the transition table; 0 for a code unit no string holds. */
  private readonly columnOf: Uint16Array;
  private readonly columns: number;
  /**
   * Transition table, one row of `columns` entries per state (state 0, the
   * root, first). An entry is the row offset of the next state, complemented
   * (`~offset`, negative) when that state ends some of the strings: one read
   * per character tells both.
   */
  private readonly next: Int32Array;
  /** State → the strings that end there (its own and, through failure links, its suffixes'). */
  private readonly ending: readonly (readonly string[])[];

  constructor(strings: readonly string[]) {
    const columnByCode = new Map<number, number>();
    for (const s of strings)
      for (let i = 0; i < s.length; i++)
        if (!columnByCode.has(s.charCodeAt(i))) columnByCode.set(s.charCodeAt(i), columnByCode.size + 1);
    const columns = columnByCode.size + 1;
    const columnOf = new Uint16Array(0x10000);
    for (const [code, column] of columnByCode) columnOf[code] = column;

    // the trie of the strings: child[state][column], 0 where it has no edge (the root is no child)
    const child: Int32Array[] = [new Int32Array(columns)];
    const ending: string[][] = [[]];
    for (const s of new Set(strings)) {
      if (s === '') continue;
      let state = 0;
      for (let i = 0; i < s.length; i++) {
        const column = columnOf[s.charCodeAt(i)] as number;
        const row = child[state] as Int32Array;
        if (row[column] === 0) {
          row[column] = child.length;
          child.push(new Int32Array(columns));
          ending.push([]);
        }
        state = row[column] as number;
      }
      (ending[state] as string[]).push(s);
    }

    // Aho–Corasick: where each state goes on each character, failure links
    // folded in; breadth first, so that a state's failure (a shorter state)
    // is complete before it is used
    const goes = new Int32Array(child.length * columns);
    const failure = new Int32Array(child.length);
    const queue: number[] = [];
    for (let column = 1; column < columns; column++) {
      const next = (child[0] as Int32Array)[column] as number;
      goes[column] = next;
      if (next !== 0) queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const fallback = failure[state] as number;
      (ending[state] as string[]).push(...(ending[fallback] as string[]));
      for (let column = 0; column < columns; column++) {
        const next = column === 0 ? 0 : ((child[state] as Int32Array)[column] as number);
        const viaFailure = goes[fallback * columns + column] as number;
        if (next !== 0) {
          failure[next] = viaFailure;
          queue.push(next);
        }
        goes[state * columns + column] = next !== 0 ? next : viaFailure;
      }
    }

    this.columnOf = columnOf;
    this.columns = columns;
    this.next = goes.map((state) => {
      const offset = state * columns;
      return (ending[state] as string[]).length > 0 ? ~offset : offset;
    });
    this.ending = ending;
  }

  /** The strings of the set (empty strings aside) that occur in `text`. */
  foundIn(text: string): ReadonlySet<string> {
    const { next, columns, columnOf } = this;
    let found: Set<string> | null = null;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      row = next[row + (columnOf[code] as number)] as number;
      if (row < 0) {
        row = ~row;
        found ??= new Set();
        for (const s of this.ending[row / columns] as readonly string[]) found.add(s);
      }
    }
    return found ?? NONE;
  }
}
