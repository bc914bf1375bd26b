import * as helpers from 'handlebars/dist/cjs/handlebars/compiler/helpers';

/**
 * The AST of a template whose only tags are plain substitutions (`{{name}}`, `{{ order.id }}`),
 * built in one linear pass, or undefined when the text holds anything else, which Handlebars then
 * parses. Tencent SES documents nothing but such substitutions, so nearly every template takes this
 * path, and Handlebars' generated parser (most of the cost of validating a large template) is skipped.
 *
 * The result must be exactly what Handlebars' `parser.parse` returns (the same nodes, keys and
 * source locations): test/unit/simpleTemplateParser.test.ts compares the two on generated templates.
 */
export function parseSimpleTemplate(text: string): hbs.AST.Program | undefined {
  const body: hbs.AST.Statement[] = [];
  const position = new LineCounter(text);
  let from = 0;
  for (let open = text.indexOf('{{'); open >= 0; open = text.indexOf('{{', from)) {
    // `\{{` escapes a tag in Handlebars: its content rules are Handlebars' business.
    if (open > 0 && text.charCodeAt(open - 1) === BACKSLASH) return undefined;
    SIMPLE_TAG.lastIndex = open;
    const tag = SIMPLE_TAG.exec(text);
    // `}}}` and `}}}}` close other kinds of tags in Handlebars' lexer, even after a plain `{{`.
    if (!tag || text.charCodeAt(SIMPLE_TAG.lastIndex) === CLOSE_BRACE) return undefined;
    const parts = tag[2].split('.');
    if (parts.some((part) => RESERVED.has(part))) return undefined;
    if (open > from) body.push(content(text, from, open, position));
    const start = position.at(open);
    const pathStart = position.at(open + tag[1].length);
    const pathEnd = position.at(open + tag[1].length + tag[2].length);
    const end = position.at(SIMPLE_TAG.lastIndex);
    const path: hbs.AST.PathExpression = {
      type: 'PathExpression', data: false, depth: 0, parts, original: tag[2], loc: location(pathStart, pathEnd),
    };
    body.push({
      type: 'MustacheStatement', path, params: [], hash: undefined as unknown as hbs.AST.Hash, escaped: true,
      strip: { open: false, close: false }, loc: location(start, end),
    } as hbs.AST.MustacheStatement);
    from = SIMPLE_TAG.lastIndex;
  }
  if (from < text.length) body.push(content(text, from, text.length, position));
  const first = body[0]?.loc;
  const last = body[body.length - 1]?.loc;
  return {
    type: 'Program', body, strip: {},
    // As Handlebars' prepareProgram: a plain object spanning the statements, none for an empty text.
    loc: first && last ? { source: undefined, start: { ...first.start }, end: { ...last.end } } : undefined,
  } as unknown as hbs.AST.Program;
}

/** `{{`, optional blanks, a dotted path of identifiers, optional blanks, `}}`. */
const SIMPLE_TAG = /(\{\{[ \t]*)([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)[ \t]*\}\}/y;
/** Words that Handlebars reads as literals or keywords rather than as a path. */
const RESERVED = new Set(['true', 'false', 'null', 'undefined', 'this', 'else', 'as']);
const BACKSLASH = 92;
const CLOSE_BRACE = 125;

interface LineColumn { readonly line: number; readonly column: number }

function content(text: string, start: number, end: number, position: LineCounter): hbs.AST.ContentStatement {
  const value = text.slice(start, end);
  return { type: 'ContentStatement', original: value, value, loc: location(position.at(start), position.at(end)) } as unknown as hbs.AST.ContentStatement;
}

function location(start: LineColumn, end: LineColumn): hbs.AST.SourceLocation {
  return new helpers.SourceLocation(undefined, { first_line: start.line, first_column: start.column, last_line: end.line, last_column: end.column }) as unknown as hbs.AST.SourceLocation;
}

/**
 * Line (1-based) and column of increasing offsets, counting line breaks as Handlebars' lexer does:
 * `\r\n`, `\r` and `\n` each end a line.
 */
class LineCounter {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  at(offset: number): LineColumn {
    const { text } = this;
    for (let i = this.offset; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.offset = Math.max(this.offset, offset);
    return { line: this.line, column: offset - this.lineStart };
  }
}
