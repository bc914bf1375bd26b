import type { TextDocument } from 'vscode-languageserver-textdocument';

export type Dialect = 'tencent' | 'handlebars';

/** One `{{name}}` (or, in the handlebars dialect, a data path such as `user.name`) in a part or subject. */
export interface VariableUse {
  /** The data key it reads: the head of the path. */
  readonly name: string;
  /** Offsets of the name in the document. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the whole `{{ … }}` tag. */
  readonly tagStart: number;
  readonly tagEnd: number;
}

/** A Handlebars construct beyond a plain `{{variable}}`, which Tencent SES does not process. */
export interface DialectProblem {
  readonly construct: 'block' | 'else' | 'partial' | 'helper' | 'unescaped' | 'path' | 'whitespace-control' | 'comment';
  readonly start: number;
  readonly end: number;
}

export interface TemplateVariables {
  readonly uses: readonly VariableUse[];
  readonly dialectProblems: readonly DialectProblem[];
}

type Node = hbs.AST.Node & { loc: hbs.AST.SourceLocation };
type Scope = { kind: 'params'; names: Set<string> } | { kind: 'context' };

const CONTEXT_HELPERS = new Set(['each', 'with']);

/**
 * The variables a parsed template reads. In the `tencent` dialect only plain `{{name}}` tags are
 * variables and everything else is a dialect problem; in the `handlebars` dialect paths are resolved
 * through `#each`/`#with` scopes and block params, and only those that reach the data are kept.
 */
export function collectVariables(document: TextDocument, ast: hbs.AST.Program, dialect: Dialect, baseOffset = 0): TemplateVariables {
  const text = document.getText();
  const uses: VariableUse[] = [];
  const dialectProblems: DialectProblem[] = [];
  const offset = (p: hbs.AST.Position) => baseOffset + document.offsetAt({ line: p.line - 1, character: p.column });
  const range = (node: Node) => ({ start: offset(node.loc.start), end: offset(node.loc.end) });
  const flag = (construct: DialectProblem['construct'], node: Node) => dialectProblems.push({ construct, ...range(node) });

  /**
   * The `{{else}}` / `{{^}}` tag of a block. Handlebars gives it no location (and an empty inverse
   * none at all), so it is found in the text after the block's program. `{{else if}}` chains are
   * flagged as the nested block they are; an inverted `{{^if}}` block has no such tag.
   */
  function elseTag(b: hbs.AST.BlockStatement & Node): { start: number; end: number } | undefined {
    const programLoc = (b.program as Partial<Node> | undefined)?.loc;
    const from = programLoc ? offset(programLoc.end) - baseOffset : text.indexOf('}}', offset(b.loc.start) - baseOffset) + 2;
    const at = text.indexOf('{{', from);
    const tag = at >= 0 ? /^\{\{~?\s*(?:else\b[^}]*|\^\s*)\}\}/.exec(text.slice(at, at + 200)) : null;
    return tag ? { start: baseOffset + at, end: baseOffset + at + tag[0].length } : undefined;
  }

  function usePath(path: hbs.AST.PathExpression, tag: Node, scopes: Scope[]): void {
    const name = resolve(path, scopes);
    if (name === undefined) return;
    const { start, end } = range(path as Node);
    // The name sits after any `@root.`, `../`, `./`, `this.` or `[` prefix of the path.
    const pathText = text.slice(start - baseOffset, end - baseOffset);
    const prefix = /^(?:@root\.|(?:\.\.\/)+|\.\/|this[./])?\[?/.exec(pathText)?.[0].length ?? 0;
    const at = pathText.indexOf(name, prefix);
    const nameStart = start + (at >= 0 ? at : 0);
    const tagRange = range(tag);
    uses.push({ name, start: nameStart, end: at >= 0 ? nameStart + name.length : end, tagStart: tagRange.start, tagEnd: tagRange.end });
  }

  function useValue(value: hbs.AST.Expression, tag: Node, scopes: Scope[]): void {
    if (value.type === 'PathExpression') usePath(value as hbs.AST.PathExpression, tag, scopes);
    else if (value.type === 'SubExpression') useCall(value as hbs.AST.SubExpression, tag, scopes);
  }

  function useCall(call: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, tag: Node, scopes: Scope[]): void {
    for (const param of call.params) useValue(param, tag, scopes);
    for (const pair of call.hash?.pairs ?? []) useValue(pair.value, tag, scopes);
  }

  function visitProgram(program: hbs.AST.Program | undefined, scopes: Scope[]): void {
    for (const statement of program?.body ?? []) visit(statement as Node, scopes);
  }

  function visit(node: Node, scopes: Scope[]): void {
    switch (node.type) {
      case 'MustacheStatement': {
        const m = node as unknown as hbs.AST.MustacheStatement & Node;
        const isHelper = m.params.length > 0 || m.hash !== undefined;
        if (dialect === 'tencent') {
          const problem = tencentProblem(m);
          if (problem) flag(problem, m);
          else usePath(m.path as hbs.AST.PathExpression, m, scopes);
          return;
        }
        if (isHelper || m.path.type !== 'PathExpression') useCall(m, m, scopes);
        else usePath(m.path as hbs.AST.PathExpression, m, scopes);
        return;
      }
      case 'BlockStatement': {
        const b = node as unknown as hbs.AST.BlockStatement & Node;
        if (dialect === 'tencent') {
          flag('block', b);
          const elseAt = b.inverse && !(b.inverse as { chained?: boolean }).chained ? elseTag(b) : undefined;
          if (elseAt) dialectProblems.push({ construct: 'else', ...elseAt });
          visitProgram(b.program, scopes);
          visitProgram(b.inverse, scopes);
          return;
        }
        useCall(b, b, scopes);
        const helper = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
        const blockParams = (b.program as hbs.AST.Program & { blockParams?: string[] }).blockParams;
        const inner: Scope[] = blockParams?.length
          ? [...scopes, { kind: 'params', names: new Set(blockParams) }]
          : CONTEXT_HELPERS.has(helper) ? [...scopes, { kind: 'context' }] : scopes;
        visitProgram(b.program, inner);
        visitProgram(b.inverse, scopes);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        if (dialect === 'tencent') flag('partial', node);
        return;
      case 'CommentStatement':
        if (dialect === 'tencent') flag('comment', node);
        return;
      default:
        return;
    }
  }

  visitProgram(ast, []);
  return { uses, dialectProblems };
}

function tencentProblem(m: hbs.AST.MustacheStatement): DialectProblem['construct'] | undefined {
  if (m.strip.open || m.strip.close) return 'whitespace-control';
  if (!m.escaped) return 'unescaped';
  if (m.params.length > 0 || m.hash) return 'helper';
  const path = m.path as hbs.AST.PathExpression;
  if (path.type !== 'PathExpression') return 'helper';
  if (path.parts.length !== 1 || path.data || path.depth > 0 || path.original !== path.parts[0]) return 'path';
  return undefined;
}

/** The data key a path reads, or undefined when it reads a loop item, a block param or `@index`. */
function resolve(path: hbs.AST.PathExpression, scopes: Scope[]): string | undefined {
  if (path.data) return path.original.startsWith('@root.') ? path.parts[1] : undefined;
  const head = path.parts[0];
  if (head === undefined) return undefined; // `{{this}}`, `{{.}}`
  let depth = path.depth;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (scope.kind === 'params') {
      if (depth === 0 && scope.names.has(head)) return undefined;
      continue;
    }
    if (depth === 0) return undefined; // inside `#each`/`#with`: relative to the item
    depth--;
  }
  return head;
}
