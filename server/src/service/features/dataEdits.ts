import type { TextEdit } from 'vscode-languageserver-types';
import type { DataEntry } from '../project/dataFile';
import type { DataSetModel } from '../project/templateProject';
import { eolOf, rangeOf } from './featureTarget';

// Text edits of a data set (`*.data.json`) that keep it valid JSON in its own layout.

/** The placeholder value of a key added by a quick fix. */
export const PLACEHOLDER = '';

/** One `"name": ""` member, as JSON writes it. */
export function member(name: string): string {
  return `${JSON.stringify(name)}: ${JSON.stringify(PLACEHOLDER)}`;
}

/**
 * Adds `names` after the last key of the data set (or into its empty object), one per line with
 * the indentation of the existing keys. Undefined when the file is not a JSON object.
 */
export function insertKeys(dataSet: DataSetModel, names: readonly string[]): TextEdit | undefined {
  const at = dataSet.data.insertAt;
  if (!at || names.length === 0) return undefined;
  const text = dataSet.document.getText();
  const eol = eolOf(text);
  const lines = names.map((name) => at.indent + member(name));
  if (at.hasEntries) {
    // An object written on one line stays on one line: `{"a": "x", "b": ""}`.
    if (!text.slice(text.search(/\S/), at.offset).includes('\n')) {
      return { range: rangeOf(dataSet.document, at.offset, at.offset), newText: names.map((name) => ', ' + member(name)).join('') };
    }
    return { range: rangeOf(dataSet.document, at.offset, at.offset), newText: ',' + eol + lines.join(',' + eol) };
  }
  // An empty object: `{}`, `{ }` or `{\n}` becomes `{\n  "a": ""\n}`.
  const close = /^\s*\}/.exec(text.slice(at.offset));
  const end = close ? at.offset + close[0].length - 1 : at.offset;
  return { range: rangeOf(dataSet.document, at.offset, end), newText: eol + lines.join(',' + eol) + eol };
}

/** Removes a member with its comma, so the object stays valid JSON. */
export function removeEntry(dataSet: DataSetModel, entry: DataEntry): TextEdit {
  const text = dataSet.document.getText();
  const after = skipSpace(text, entry.valueEnd);
  let start = entry.keyStart;
  let end = entry.valueEnd;
  if (text[after] === ',') {
    // Not the last member: up to the next key, which keeps that key's indentation.
    end = skipSpace(text, after + 1);
  } else {
    const before = skipSpaceBack(text, entry.keyStart);
    if (text[before - 1] === ',') start = before - 1; // the last member: from the previous comma
    else if (text[before - 1] === '{' && text[after] === '}') {
      start = before; // the only member: leave `{}`
      end = after;
    }
  }
  return { range: rangeOf(dataSet.document, start, end), newText: '' };
}

/** Replaces a number, boolean or null value by the same text as a JSON string: `42` → `"42"`. */
export function quoteValue(dataSet: DataSetModel, entry: DataEntry): TextEdit | undefined {
  if (entry.kind === 'string' || entry.kind === 'object' || entry.kind === 'array') return undefined;
  const raw = dataSet.document.getText().slice(entry.valueStart, entry.valueEnd);
  return { range: rangeOf(dataSet.document, entry.valueStart, entry.valueEnd), newText: JSON.stringify(raw) };
}

/** The text of a new data set holding `names`, each with the placeholder value. */
export function newDataSetText(names: readonly string[]): string {
  if (names.length === 0) return '{}\n';
  return '{\n' + names.map((name) => '  ' + member(name)).join(',\n') + '\n}\n';
}

function skipSpace(text: string, offset: number): number {
  while (offset < text.length && /\s/.test(text[offset])) offset++;
  return offset;
}

function skipSpaceBack(text: string, offset: number): number {
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return offset;
}
