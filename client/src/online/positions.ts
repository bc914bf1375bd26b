// Offsets in a part's text → line/character, counted like VS Code (UTF-16 units; \r\n, \n or \r end a
// line). Pure: no vscode import.

export interface LineCharacter { readonly line: number; readonly character: number }

export function offsetToPosition(text: string, offset: number): LineCharacter {
  const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: at - lineStart };
}
