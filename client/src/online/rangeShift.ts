// Keeps the online check's diagnostics where their URLs are while the document is edited: VS Code
// does not move a DiagnosticCollection's ranges. An edit that touches a URL drops its diagnostic (the
// URL may be fixed); an edit before it shifts it. Pure: no vscode import.

export interface Pos { readonly line: number; readonly character: number }
export interface Span { readonly start: Pos; readonly end: Pos }
export interface Edit { readonly range: Span; readonly text: string }

const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** The span after `edit`, or undefined when the edit touches it (overlaps or is adjacent inside). */
export function shiftSpan(span: Span, edit: Edit): Span | undefined {
  // Entirely before the edit: unchanged.
  if (before(span.end, edit.range.start)) return span;
  // Touching or overlapping: the URL changed.
  if (!before(edit.range.end, span.start)) return undefined;
  const lines = edit.text.split(/\r\n|\r|\n/);
  const lineDelta = lines.length - 1 - (edit.range.end.line - edit.range.start.line);
  const endOfInsert: Pos = lines.length === 1
    ? { line: edit.range.start.line, character: edit.range.start.character + lines[0].length }
    : { line: edit.range.start.line + lines.length - 1, character: lines[lines.length - 1].length };
  const move = (p: Pos): Pos => p.line === edit.range.end.line
    ? { line: endOfInsert.line, character: endOfInsert.character + (p.character - edit.range.end.character) }
    : { line: p.line + lineDelta, character: p.character };
  return { start: move(span.start), end: move(span.end) };
}
