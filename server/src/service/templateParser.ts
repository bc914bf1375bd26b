import type { TextDocument } from 'vscode-languageserver-textdocument';
import parser = require('handlebars/dist/cjs/handlebars/compiler/parser');
import * as helpers from 'handlebars/dist/cjs/handlebars/compiler/helpers';
import { scanMustaches, type StructuralProblem } from './mustacheScanner';
import { parseSimpleTemplate } from './simpleTemplateParser';

/**
 * Above this many UTF-16 code units a document is not analysed: Handlebars needs about 1.5 s for
 * 5 MB here, which would stall the server on every keystroke, and no email template is that big
 * (Tencent's whole API request is capped at 8 MB, Gmail clips messages above ~100 KB).
 */
export const MAX_ANALYSED_LENGTH = 2_000_000;

export type SyntaxProblem =
  | StructuralProblem
  | { kind: 'unexpected-token'; start: number; end: number; token: string };

export type ParsedTemplate =
  | { status: 'ok'; ast: hbs.AST.Program }
  | { status: 'syntax-error'; problems: SyntaxProblem[] }
  | { status: 'binary'; offset: number }
  | { status: 'too-large'; limit: 'length'; length: number }
  | { status: 'too-large'; limit: 'nesting'; offset: number };

class HandlebarsSyntaxError extends Error {
  constructor(readonly start: number, readonly end: number, readonly token: string) {
    super('Handlebars syntax error');
  }
}

export function parseTemplate(document: TextDocument): ParsedTemplate {
  const text = document.getText();
  if (text.length > MAX_ANALYSED_LENGTH) return { status: 'too-large', limit: 'length', length: text.length };
  // Handlebars' lexer stops at NUL; a NUL in a text file almost always means binary content.
  const nul = text.indexOf('\0');
  if (nul >= 0) return { status: 'binary', offset: nul };

  // Plain substitutions only (nearly every SES template): no need for Handlebars' parser.
  const simple = parseSimpleTemplate(text);
  if (simple) return { status: 'ok', ast: simple };

  // The scan is linear and cheap; its problems are only reported when Handlebars rejects the text,
  // or when the text is too deep to hand to Handlebars at all.
  const scan = scanMustaches(text);
  if (scan.tooDeepAt !== undefined) {
    return scan.problems.length > 0
      ? { status: 'syntax-error', problems: scan.problems }
      : { status: 'too-large', limit: 'nesting', offset: scan.tooDeepAt };
  }
  try {
    return { status: 'ok', ast: runHandlebars(document, text) };
  } catch (error) {
    if (scan.problems.length > 0) return { status: 'syntax-error', problems: scan.problems };
    return { status: 'syntax-error', problems: [toUnexpectedToken(document, text, error)] };
  }
}

function runHandlebars(document: TextDocument, text: string): hbs.AST.Program {
  // The parser is a shared singleton whose error hook is replaced on each call (jison copies
  // `yy.parseError` onto the parser), so every call installs its own hook.
  parser.yy = {
    ...helpers,
    locInfo: (loc: JisonLocation) => new helpers.SourceLocation(undefined, loc),
    parseError: (_message: string, hash: JisonErrorHash) => {
      const loc = hash.token === null ? endOf(parser.lexer.yylloc) : parser.lexer.yylloc;
      const start = offsetOf(document, loc.first_line, loc.first_column);
      const end = Math.max(start, offsetOf(document, loc.last_line, loc.last_column));
      throw new HandlebarsSyntaxError(start, end, hash.token === 'EOF' ? '' : text.slice(start, end));
    },
  };
  return parser.parse(text);
}

function endOf(loc: JisonLocation): JisonLocation {
  return { first_line: loc.last_line, first_column: loc.last_column, last_line: loc.last_line, last_column: loc.last_column + 1 };
}

function offsetOf(document: TextDocument, line: number, column: number): number {
  return document.offsetAt({ line: line - 1, character: column });
}

function toUnexpectedToken(document: TextDocument, text: string, error: unknown): SyntaxProblem {
  if (error instanceof HandlebarsSyntaxError) {
    return { kind: 'unexpected-token', start: error.start, end: error.end, token: error.token };
  }
  // Errors raised by Handlebars' AST helpers carry a 1-based line and 0-based column.
  const e = error as { lineNumber?: number; column?: number };
  const start = typeof e.lineNumber === 'number' ? offsetOf(document, e.lineNumber, e.column ?? 0) : 0;
  const end = Math.min(text.length, start + 2);
  return { kind: 'unexpected-token', start, end, token: text.slice(start, end) };
}
