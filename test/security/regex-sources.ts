/**
 * Finds every regex in a TypeScript source tree with the TypeScript compiler API
 * (a real parse: no grep, so regexes in strings, comments or templates are never confused
 * with code, and none written on several lines is missed).
 *
 * Found:
 * - regex literals (`/…/flags`);
 * - `new RegExp(…)` and `RegExp(…)` (also `globalThis.RegExp`) with a string, template
 *   without substitutions, or regex literal as pattern and a literal (or no) flags argument;
 * - `.match('…')`, `.matchAll('…')`, `.search('…')` with a string literal, which JavaScript
 *   compiles as a regex.
 *
 * A `RegExp` built from anything else (a variable, a concatenation, a template with
 * substitutions, a spread) cannot be checked statically: it is returned in `dynamic`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  /** `src/parser/normalize.ts:14`, relative to the root given to the walk. */
  where: string;
  source: string;
  flags: string;
  kind: 'literal' | 'constructor' | 'string-method';
}

export interface DynamicRegex {
  where: string;
  /** The call as written, whitespace collapsed: the key of the allowlist. */
  code: string;
}

export interface RegexInventory {
  files: number;
  regexes: FoundRegex[];
  dynamic: DynamicRegex[];
}

/**
 * Checker settings, chosen so the verdict does not depend on how busy the machine is:
 * - the fuzzer's time limits are off (it still stops at its step limits), because under load
 *   they cut runs short and report linear regexes as `vulnerable` (seen here with two busy
 *   cores: `&(?=#?[a-z0-9]+;)` and the normalizer's entity regex in 8 runs of 8);
 * - repeat counts up to 100 go to the automaton checker (a proof) instead of the fuzzer
 *   (default 30: `\S{1,15} \S{1,15} - \S{1,15}` and the entity regex would be fuzzed);
 * - one overall limit per regex; running out reports `unknown`, which fails the test:
 *   investigate it, never allowlist it.
 */
export const RECHECK_OPTIONS = {
  timeout: 60_000,
  incubationTimeout: null,
  attackTimeout: null,
  seedingTimeout: null,
  maxRepeatCount: 100,
} as const;

/** Every `.ts` file under `dir` (declaration files left out), sorted for stable output. */
export function typeScriptFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...typeScriptFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** `/a\/b/gu` → source `a\/b`, flags `gu`. */
function splitLiteral(text: string): { source: string; flags: string } {
  const close = text.lastIndexOf('/');
  return { source: text.slice(1, close), flags: text.slice(close + 1) };
}

/** The text of a literal that is a compile-time string, else null. */
function literalString(node: ts.Expression | undefined): string | null {
  if (node === undefined) return null;
  if (ts.isParenthesizedExpression(node)) return literalString(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

/** `RegExp` or `globalThis.RegExp`. */
function isRegExpCallee(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'RegExp';
  return (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === 'RegExp' &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'globalThis'
  );
}

const STRING_REGEX_METHODS: ReadonlyMap<string, string> = new Map([
  ['match', ''],
  ['search', ''],
  ['matchAll', 'g'],
]);

/** Finds the regexes of one file. */
export function regexesInSource(fileName: string, text: string, where: string): RegexInventory {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const regexes: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  const at = (node: ts.Node) =>
    `${where}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;

  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      regexes.push({ where: at(node), ...splitLiteral(node.getText(file)), kind: 'literal' });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && isRegExpCallee(node.expression)) {
      const [pattern, flagsArg, ...rest] = node.arguments ?? [];
      const source = literalString(pattern);
      const flags = flagsArg === undefined ? '' : literalString(flagsArg);
      const spread = node.arguments?.some((a) => ts.isSpreadElement(a)) ?? false;
      if (pattern !== undefined && pattern.kind === ts.SyntaxKind.RegularExpressionLiteral && !spread) {
        // new RegExp(/x/g) copies the literal (visited below); new RegExp(/x/, 'u') replaces its flags.
        if (flagsArg !== undefined) {
          if (flags === null)
            dynamic.push({ where: at(node), code: node.getText(file).replace(/\s+/g, ' ') });
          else
            regexes.push({
              where: at(node),
              source: splitLiteral(pattern.getText(file)).source,
              flags,
              kind: 'constructor',
            });
        }
      } else if (source !== null && flags !== null && rest.length === 0 && !spread) {
        regexes.push({ where: at(node), source, flags, kind: 'constructor' });
      } else if (pattern !== undefined || spread) {
        dynamic.push({ where: at(node), code: node.getText(file).replace(/\s+/g, ' ') });
      }
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      STRING_REGEX_METHODS.has(node.expression.name.text)
    ) {
      const source = literalString(node.arguments[0]);
      if (source !== null)
        regexes.push({
          where: at(node),
          source,
          flags: STRING_REGEX_METHODS.get(node.expression.name.text) ?? '',
          kind: 'string-method',
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { files: 1, regexes, dynamic };
}

/** Finds the regexes of every `.ts` file under `dir`; `where` is relative to `root`. */
export function findRegexes(dir: string, root: string): RegexInventory {
  const inventory: RegexInventory = { files: 0, regexes: [], dynamic: [] };
  for (const path of typeScriptFiles(dir)) {
    const found = regexesInSource(path, readFileSync(path, 'utf8'), relative(root, path));
    inventory.files += 1;
    inventory.regexes.push(...found.regexes);
    inventory.dynamic.push(...found.dynamic);
  }
  return inventory;
}
