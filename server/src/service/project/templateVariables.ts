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
  /**
   * Inside an HTML comment (not an Outlook conditional comment, whose content is rendered): an
   * authoring note such as `<!-- {{Campaign-Name}} -->` more often than a value the recipient sees.
   */
  readonly inComment?: boolean;
  /**
   * Handlebars dialect: read only as the condition of `{{#if}}`/`{{#unless}}` or of a section
   * `{{#flag}}…{{/flag}}`, where a missing key is simply false.
   */
  readonly condition?: boolean;
  /**
   * Tencent dialect: inside `{{#each}}`, `{{#with}}` or a section, which tencent-dialect reports; the
   * name is an item's field, not a key of the TemplateData.
   */
  readonly inBlock?: boolean;
}

/** A Handlebars construct beyond a plain `{{variable}}`, which Tencent SES does not process. */
export interface DialectProblem {
  readonly construct: 'block' | 'else' | 'partial' | 'helper' | 'unescaped' | 'path' | 'whitespace-control' | 'comment' | 'escape';
  readonly start: number;
  readonly end: number;
}

export interface TemplateVariables {
  readonly uses: readonly VariableUse[];
  readonly dialectProblems: readonly DialectProblem[];
  /** Tencent dialect: constructs inside HTML comments (`<!-- {{Audience Segment}} -->`), reported by variable-in-comment rather than as dialect problems. */
  readonly commentConstructs?: readonly DialectProblem[];
}

type Node = hbs.AST.Node & { loc: hbs.AST.SourceLocation };
type Scope = { kind: 'params'; names: Set<string> } | { kind: 'context' };

const CONTEXT_HELPERS = new Set(['each', 'with']);
const CONDITION_HELPERS = new Set(['if', 'unless']);
/** Handlebars' built-in block helpers: any other block without parameters is a Mustache-style section on a data key. */
const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

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

  /** Tencent dialect: how many context-changing blocks (`#each`, `#with`, sections) enclose the node visited. */
  let blockDepth = 0;

  function usePath(path: hbs.AST.PathExpression, tag: Node, scopes: Scope[], condition = false): void {
    const name = resolve(path, scopes);
    if (name === undefined) return;
    const { start, end } = range(path as Node);
    // The name sits after any `@root.`, `../`, `./`, `this.` or `[` prefix of the path.
    const pathText = text.slice(start - baseOffset, end - baseOffset);
    const prefix = /^(?:@root\.|(?:\.\.\/)+|\.\/|this[./])?\[?/.exec(pathText)?.[0].length ?? 0;
    const at = pathText.indexOf(name, prefix);
    const nameStart = start + (at >= 0 ? at : 0);
    const tagRange = range(tag);
    uses.push({ name, start: nameStart, end: at >= 0 ? nameStart + name.length : end, tagStart: tagRange.start, tagEnd: tagRange.end, ...(condition ? { condition } : {}), ...(blockDepth > 0 ? { inBlock: true } : {}) });
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
          // The keys the block reads are used (unused-data-key), but reported by tencent-dialect, not as missing.
          const name = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
          const sectionKey = b.params.length === 0 && !b.hash && b.path.type === 'PathExpression' && !BUILTIN_BLOCKS.has(name);
          if (sectionKey) usePath(b.path as hbs.AST.PathExpression, b, scopes, true);
          for (const param of b.params) if (param.type === 'PathExpression') usePath(param as hbs.AST.PathExpression, b, scopes, true);
          const changesContext = sectionKey || CONTEXT_HELPERS.has(name);
          if (changesContext) blockDepth++;
          visitProgram(b.program, scopes);
          if (changesContext) blockDepth--;
          visitProgram(b.inverse, scopes);
          return;
        }
        const helper = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
        // `{{#items}}…{{/items}}`: Handlebars' blockHelperMissing reads the key `items` and, like
        // Mustache, repeats the body for a list, enters an object, or shows it when true.
        const section = b.params.length === 0 && !b.hash && b.path.type === 'PathExpression' && !BUILTIN_BLOCKS.has(helper);
        if (section) usePath(b.path as hbs.AST.PathExpression, b, scopes, true);
        else if (CONDITION_HELPERS.has(helper) && b.params.length === 1 && b.params[0].type === 'PathExpression') usePath(b.params[0] as hbs.AST.PathExpression, b, scopes, true);
        else useCall(b, b, scopes);
        const blockParams = (b.program as (hbs.AST.Program & { blockParams?: string[] }) | undefined)?.blockParams;
        const inner: Scope[] = blockParams?.length
          ? [...scopes, { kind: 'params', names: new Set(blockParams) }]
          : CONTEXT_HELPERS.has(helper) || section ? [...scopes, { kind: 'context' }] : scopes;
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
  if (dialect === 'tencent') flagEscapes(text, baseOffset, dialectProblems);
  return { uses, dialectProblems };
}

/**
 * `\{{name}}`: Handlebars' escape, which Tencent SES does not have; the backslash would be sent as
 * written. Reported from the backslash to the end of the tag (or of the `{{` when it is not closed).
 */
function flagEscapes(text: string, baseOffset: number, out: DialectProblem[]): void {
  for (let at = text.indexOf('\\{{'); at >= 0; at = text.indexOf('\\{{', at + 3)) {
    const close = text.indexOf('}}', at + 3);
    const newline = text.indexOf('\n', at + 3);
    const end = close >= 0 && (newline < 0 || close < newline) ? close + 2 : at + 3;
    out.push({ construct: 'escape', start: baseOffset + at, end: baseOffset + end });
  }
  out.sort((a, b) => a.start - b.start);
}

/**
 * The plain HTML comments `<!-- … -->` of `text`, as [start, end) ranges. Outlook conditional
 * comments (`<!--[if mso]>…<![endif]-->`, `<!--[if !mso]><!-->`) hold HTML that Outlook renders:
 * they are not notes, and are left out.
 */
export function htmlComments(text: string): Array<{ start: number; end: number }> {
  const comments: Array<{ start: number; end: number }> = [];
  for (let open = text.indexOf('<!--'); open >= 0; ) {
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close + 3;
    if (text.charCodeAt(open + 4) !== 91 /* [ */ && !text.startsWith('<![endif]', open + 4)) comments.push({ start: open, end });
    if (close < 0) break;
    open = text.indexOf('<!--', end);
  }
  return comments;
}

/** `variables` with each use inside one of `comments` (sorted, disjoint ranges) marked `inComment`. */
export function markCommentUses(variables: TemplateVariables, comments: ReadonlyArray<{ start: number; end: number }>): TemplateVariables {
  if (comments.length === 0) return variables;
  /** Whether [start, end) lies in a comment: the last one starting at or before it (binary search: uses of block inverses come out of order). */
  const inside = (start: number, end: number): boolean => {
    let low = 0;
    let high = comments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (comments[mid].start <= start) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found >= 0 && end <= comments[found].end;
  };
  const uses = variables.uses.map((use) => {
    return inside(use.tagStart, use.tagEnd) ? { ...use, inComment: true } : use;
  });
  const dialectProblems = variables.dialectProblems.filter((problem) => !inside(problem.start, problem.end));
  const commentConstructs = variables.dialectProblems.filter((problem) => inside(problem.start, problem.end));
  return { ...variables, uses, dialectProblems, ...(commentConstructs.length > 0 ? { commentConstructs } : {}) };
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
