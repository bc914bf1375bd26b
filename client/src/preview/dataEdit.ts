// Edit data in place (issue 14): a value typed for `{{name}}` in the preview, written into the data
// set's JSON text as jsonc-parser edits (only the value's range changes: comments aside, the file keeps
// its formatting). Pure: no vscode import; previewPanel.ts applies the edits as one WorkspaceEdit.
import { findNodeAtLocation, modify, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser';
import { safeToParse } from '#common/jsonNesting';

/** Where `name` lives in the data: an own key as written first (`a.b`), then a path of keys (as substitute.ts looks it up). */
function pathOf(root: Node, name: string): string[] {
  if (findNodeAtLocation(root, [name]) || !name.includes('.')) return [name];
  const path = name.split('.');
  return findNodeAtLocation(root, path) ? path : [name];
}

/** The indentation the file uses (its first indented line), else two spaces. */
function indentOf(text: string): { insertSpaces: boolean; tabSize: number } {
  for (const line of text.split('\n', 200)) {
    const lead = line.length - line.trimStart().length;
    if (lead === 0 || !line.trim()) continue;
    if (line[0] === '\t') return { insertSpaces: false, tabSize: 4 };
    return { insertSpaces: true, tabSize: Math.min(lead, 8) };
  }
  return { insertSpaces: true, tabSize: 2 };
}

export type DataEditResult =
  | { readonly ok: true; readonly edits: Edit[]; readonly path: string[] }
  | { readonly ok: false; readonly reason: 'notObject' };

/**
 * The edits that set `name` to `value` in the data set `text`. A number stays a number when the new
 * value reads as the same kind of number; anything else is written as a string (Tencent's values are
 * text). An object root is required (the language server reports any other).
 */
export function dataEdit(text: string, name: string, value: string): DataEditResult {
  if (!safeToParse(text)) return { ok: false, reason: 'notObject' };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length || root.type !== 'object') return { ok: false, reason: 'notObject' };
  const path = pathOf(root, name);
  const old = findNodeAtLocation(root, path);
  const numeric = old?.type === 'number' && value.trim() !== '' && Number.isFinite(Number(value)) && String(Number(value)) === value;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits = modify(text, path, numeric ? Number(value) : value, { formattingOptions: { ...indentOf(text), eol } });
  return { ok: true, edits, path };
}

/** The value `name` has in the data set `text` now, as the input box shows it (undefined when missing). */
export function currentValue(text: string, name: string): string | undefined {
  if (!safeToParse(text)) return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length || root.type !== 'object') return undefined;
  const node = findNodeAtLocation(root, pathOf(root, name));
  if (!node || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'string' ? node.value : typeof node.value === 'object' ? undefined : String(node.value);
}
