import * as assert from 'node:assert/strict';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Dialect } from '../../../server/src/service/project/templateVariables';
import { stripMarkers } from '../markers';
import { projectFromFiles, ROOT } from '../projects';

/** The welcome template of most feature tests: two parts, a subject and two data sets. */
export const WELCOME: Record<string, string> = {
  'welcome.ses.html': '<p>Hello {{name}}, your code is {{code}}.</p>',
  'welcome.ses.txt': 'Hello {{name}}',
  'welcome.data.json': '{\n  "name": "Alex",\n  "code": 1234,\n  "unused": "x"\n}\n',
  'welcome.data.zh.json': '{\n  "name": "小明"\n}\n',
  'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{name}}"}}}',
};

export const uriOf = (path: string) => ROOT + path;
export const pathOf = (uri: string) => uri.slice(ROOT.length);

/**
 * A template from `{ path: marked content }`: one file holds the cursor `‸`, any file may mark
 * expected ranges with « ». Files not given are taken from `base` (WELCOME unless told otherwise).
 */
export function marked(files: Record<string, string>, options: { base?: Record<string, string>; dialect?: Dialect } = {}) {
  const all = { ...(options.base ?? WELCOME), ...files };
  const clean: Record<string, string> = {};
  const offsets = new Map<string, Array<[number, number]>>();
  let cursor: { path: string; offset: number } | undefined;
  for (const [path, text] of Object.entries(all)) {
    const stripped = stripMarkers(text);
    clean[path] = stripped.text;
    offsets.set(path, stripped.ranges);
    if (stripped.cursor !== undefined) cursor = { path, offset: stripped.cursor };
  }
  const { project, documents } = projectFromFiles(clean, options.dialect);
  const document = (path: string) => {
    const found = documents.get(path);
    assert.ok(found, `no file ${path}`);
    return found;
  };
  const at = cursor ?? { path: Object.keys(all)[0], offset: 0 };
  return {
    project,
    documents,
    text: (path: string) => document(path).getText(),
    uri: uriOf(at.path),
    position: document(at.path).positionAt(at.offset) as Position,
    /** The « » ranges of one file, as LSP ranges. */
    ranges: (path: string): Range[] => (offsets.get(path) ?? []).map(([s, e]) => ({ start: document(path).positionAt(s), end: document(path).positionAt(e) })),
  };
}

/** Applies text edits to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[], uri = 'file:///w/x'): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), [...edits]);
}

/**
 * The files after a workspace edit, by path: `changes`, and `documentChanges` with text edits and
 * file creations. Only the files the edit touches are returned.
 */
export function applyWorkspaceEdit(edit: WorkspaceEdit, texts: (path: string) => string): Record<string, string> {
  const result: Record<string, string> = {};
  const current = (uri: string) => result[pathOf(uri)] ?? texts(pathOf(uri));
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) result[pathOf(uri)] = applyTextEdits(current(uri), edits);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create', 'only file creation is expected');
      result[pathOf(change.uri)] = '';
    } else {
      const edits = change.edits.map((e) => ('newText' in e ? e : assert.fail('snippet edits are not expected')));
      result[pathOf(change.textDocument.uri)] = applyTextEdits(current(change.textDocument.uri), edits);
    }
  }
  return result;
}
