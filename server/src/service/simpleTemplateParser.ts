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
    const pathStart = open + tag[1].length;
    const pathEnd = pathStart + tag[2].length;
    // Offsets in increasing order, as the line counter only moves forward.
    position.at(open);
    const startLine = position.line;
    const startColumn = position.column;
    position.at(pathStart);
    const pathLine = position.line;
    const pathColumn = position.column;
    position.at(pathEnd);
    const pathLoc = location(pathLine, pathColumn, position.line, position.column);
    position.at(SIMPLE_TAG.lastIndex);
    const path: hbs.AST.PathExpression = { type: 'PathExpression', data: false, depth: 0, parts, original: tag[2], loc: pathLoc };
    body.push({
      type: 'MustacheStatement', path, params: [], hash: undefined as unknown as hbs.AST.Hash, escaped: true,
      strip: { open: false, close: false }, loc: location(startLine, startColumn, position.line, position.column),
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

function content(text: string, start: number, end: number, position: LineCounter): hbs.AST.ContentStatement {
  const value = text.slice(start, end);
  position.at(start);
  const line = position.line;
  const column = position.column;
  position.at(end);
  return { type: 'ContentStatement', original: value, value, loc: location(line, column, position.line, position.column) } as unknown as hbs.AST.ContentStatement;
}

/** Handlebars' location object from 1-based lines and 0-based columns. */
function location(firstLine: number, firstColumn: number, lastLine: number, lastColumn: number): hbs.AST.SourceLocation {
  LOC_INFO.first_line = firstLine;
  LOC_INFO.first_column = firstColumn;
  LOC_INFO.last_line = lastLine;
  LOC_INFO.last_column = lastColumn;
  // SourceLocation copies the numbers into objects of its own, so one scratch object serves every call
  // (the parse allocated an object per position and per location on top of Handlebars' own before).
  return new helpers.SourceLocation(undefined, LOC_INFO) as unknown as hbs.AST.SourceLocation;
}
const LOC_INFO = { first_line: 0, first_column: 0, last_line: 0, last_column: 0 };

/**
 * Line (1-based) and column of increasing offsets, counting line breaks as Handlebars' lexer does:
 * `\r\n`, `\r` and `\n` each end a line. `at(offset)` moves to the offset; `line` and `column` are then its.
 */
class LineCounter {
  private offset = 0;
  line = 1;
  column = 0;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  at(offset: number): void {
    const { text } = this;
    for (let i = this.offset; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.offset = Math.max(this.offset, offset);
    this.column = offset - this.lineStart;
  }
}
