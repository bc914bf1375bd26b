// Finds every regular expression with a quantifier in the product's sources, by parsing them with the
// TypeScript compiler (not by a pattern over the text, which comments, strings and division would
// fool): regex literals, and `RegExp(…)` / `new RegExp(…)` whatever their argument. The inventory
// test (regexInventory.test.ts) requires each to be in the linear-time registry or marked safe.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** The folders whose code sees template, data, settings or file-name text: the server and CLI, common/, the extension. */
export const AUDITED_ROOTS = ['server', 'common', 'client/src'] as const;

export interface FoundPattern {
  /** Repository-relative, with `/`. */
  readonly file: string;
  /** As written: `/…/flags`, or `RegExp(<argument source>)` for a constructed one. */
  readonly pattern: string;
  /** The declaration it is in (`const NAME`, `function name`, `Class.method`), for the reader. */
  readonly where: string;
}

/** True when the body of a regex literal has a quantifier (`*`, `+`, `?`, `{n,…}`) outside escapes and classes. */
export function hasQuantifier(literal: string): boolean {
  const body = literal.slice(1, literal.lastIndexOf('/'));
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    // `(?:`, `(?=`, `(?<name>`: a `?` right after `(` is group syntax, not a quantifier.
    if (c === '?' && body[i - 1] === '(') continue;
    if (c === '*' || c === '+' || c === '?') return true;
    if (c === '{' && /^\{\d+(,\d*)?\}/.test(body.slice(i, i + 24))) return true;
  }
  return false;
}

function declarationName(node: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isVariableDeclaration(n) || ts.isPropertyDeclaration(n) || ts.isPropertyAssignment(n)) && n.name && !ts.isSourceFile(n)) {
      names.push(n.name.getText());
    } else if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassDeclaration(n) || ts.isGetAccessor(n)) && n.name) {
      names.push(n.name.getText());
    }
  }
  return names.reverse().join('.') || '(module)';
}

function sourceFiles(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist' && entry.name !== 'out') sourceFiles(full, out);
    } else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
}

/** Every quantified pattern under `roots` (relative to `repoRoot`), in file order. */
export function quantifiedPatterns(repoRoot: string, roots: readonly string[] = AUDITED_ROOTS): FoundPattern[] {
  const files: string[] = [];
  for (const root of roots) sourceFiles(path.join(repoRoot, root), files);
  const found: FoundPattern[] = [];
  for (const full of files.sort()) {
    const file = path.relative(repoRoot, full).split(path.sep).join('/');
    const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = (node as ts.RegularExpressionLiteral).text;
        if (hasQuantifier(text)) found.push({ file, pattern: text, where: declarationName(node) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
        // A constructed pattern cannot be judged from here: every one is listed.
        found.push({ file, pattern: `RegExp(${node.arguments?.map((a) => a.getText()).join(', ') ?? ''})`, where: declarationName(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
