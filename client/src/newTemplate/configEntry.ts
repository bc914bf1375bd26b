// The ses.config.json edit of "SES: New Template": a new `templates` entry with the subject and
// triggerType. Pure (no `vscode`): jsonc-parser's `modify` keeps the file's comments and formatting.
import { applyEdits, findNodeAtLocation, modify, parse, parseTree, type FormattingOptions, type ParseError } from 'jsonc-parser';
import { safeToParse } from '#common/jsonNesting';

export interface NewEntry {
  readonly subject: string;
  readonly triggerType: 'transactional' | 'marketing';
}
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The template keys of a config (`welcome`, `legacy/win-back`), for the name check; [] when unreadable. */
export function configTemplateKeys(configText: string): string[] {
  if (!safeToParse(configText)) return [];
  const root: unknown = parse(configText, [], { allowTrailingComma: true });
  return isObject(root) && isObject(root.templates) ? Object.keys(root.templates) : [];
}

/** The indentation the file already uses (first indented line), so the new entry matches it. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent?.length ?? 2, eol };
}

/**
 * The edits adding `templates.<key>` = `entry` (creating `templates` when missing). Undefined when the
 * file is not a JSON object, `templates` is not an object, or the key is already there: an existing
 * entry is never replaced.
 */
export function newEntryEdits(configText: string, key: string, entry: NewEntry): TextEdit[] | undefined {
  if (!safeToParse(configText)) return undefined;
  const errors: ParseError[] = [];
  const base = configText.trim() === '' ? '{}' : configText;
  const root: unknown = parse(base, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !isObject(root)) return undefined;
  if (root.templates !== undefined && !isObject(root.templates)) return undefined;
  if (configTemplateKeys(base).some((k) => k.replace(/\.ses\.(html|txt)$/i, '') === key)) return undefined;
  const value = { subject: entry.subject, triggerType: entry.triggerType };
  const appended = base === configText ? appendAfterLastEntry(configText, key, value) : undefined;
  if (appended) return appended;
  const edits = modify(base, ['templates', key], value, { formattingOptions: formattingOf(configText) });
  if (base === configText) return edits;
  // A blank file: one edit replacing it with the new object.
  return [{ offset: 0, length: configText.length, content: applyEdits(base, edits) + '\n' }];
}

/** The text of a new ses.config.json holding only this entry. */
export function newConfigText(key: string, entry: NewEntry): string {
  return `${JSON.stringify({ templates: { [key]: { subject: entry.subject, triggerType: entry.triggerType } } }, null, 2)}\n`;
}

/**
 * The new entry written after the last one of `templates`, in that entry's style (one line or
 * indented like it), leaving the lines around it untouched: jsonc-parser's `modify` would re-format
 * the last entry's line too (a one-line entry became several, and its trailing comment moved).
 * Undefined when `templates` has no entry (then `modify` has nothing to disturb).
 */
function appendAfterLastEntry(text: string, key: string, value: object): TextEdit[] | undefined {
  const templates = findNodeAtLocation(parseTree(text, [], { allowTrailingComma: true }) ?? { type: 'null', offset: 0, length: 0 }, ['templates']);
  const last = templates?.children?.at(-1);
  if (!templates || templates.type !== 'object' || !last) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const end = last.offset + last.length;
  const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd).replace(/\r$/, '');
  const singleLine = !text.slice(last.offset, end).includes('\n');
  const unit = formattingOf(text).insertSpaces ? ' '.repeat(formattingOf(text).tabSize ?? 2) : '\t';
  const valueText = singleLine
    ? `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`
    : JSON.stringify(value, null, unit).split('\n').join(eol + indent);
  const property = `${JSON.stringify(key)}: ${valueText}`;
  const comma = /^\s*,/.exec(rest);
  // The rest of the last entry's line is blank, a comma or a comment: the new entry goes on a line of its own after it.
  if (/^\s*,?\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest)) {
    const insertAt = text.slice(lineEnd - 1, lineEnd) === '\r' ? lineEnd - 1 : lineEnd;
    return [...(comma ? [] : [{ offset: end, length: 0, content: ',' }]), { offset: insertAt, length: 0, content: `${eol}${indent}${property}${comma ? ',' : ''}` }];
  }
  // Something else follows on the same line (`"a": {}, "b": {} }`): insert right after the entry.
  return [{ offset: comma ? end + comma[0].length : end, length: 0, content: comma ? ` ${property},` : `, ${property}` }];
}
