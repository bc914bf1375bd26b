import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { MAX_JSON_DEPTH, nestingBeyond } from '#common/jsonNesting';

export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface DataEntry {
  readonly key: string;
  /** Offsets of the key, quotes included, and of the value. */
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly kind: ValueKind;
  /** The value as JSON would give it (strings unescaped). */
  readonly value: unknown;
}

export type DataFileProblem =
  /** `error`: a jsonc-parser ParseErrorCode name, or `NestingTooDeep` (see MAX_DATA_DEPTH). */
  | { kind: 'syntax'; start: number; end: number; error: string }
  | { kind: 'not-object'; start: number; end: number; found: ValueKind }
  | { kind: 'duplicate-key'; start: number; end: number; key: string };

export interface DataFile {
  /** Entries by key, the first occurrence of a duplicate key. A Map, so `__proto__` is just a key. */
  readonly entries: ReadonlyMap<string, DataEntry>;
  readonly problems: readonly DataFileProblem[];
  /** Bytes of the TemplateData string Tencent receives: the object serialised compactly, in UTF-8. */
  readonly compactBytes: number;
  /** Offset where a new key can be inserted, and whether the object already has entries. */
  readonly insertAt?: { offset: number; hasEntries: boolean; indent: string };
}

/**
 * Arrays and objects nested deeper than this are not parsed: the JSON parser recurses, and 10,000
 * levels overflow the stack. TemplateData is flat, so a data set never comes near it.
 */
export const MAX_DATA_DEPTH = MAX_JSON_DEPTH;
/** Syntax errors kept per file: a 10 MB file of garbage has millions. */
export const MAX_SYNTAX_PROBLEMS = 100;

/** Parses a TemplateData data set (`*.data.json`). Never throws. */
export function parseDataFile(text: string): DataFile {
  const tooDeepAt = nestingBeyond(text, MAX_DATA_DEPTH);
  if (tooDeepAt !== undefined) {
    return { entries: new Map(), problems: [{ kind: 'syntax', start: tooDeepAt, end: tooDeepAt + 1, error: 'NestingTooDeep' }], compactBytes: 2 };
  }
  const errors: ParseError[] = [];
  // A byte order mark (kept when the file is read from disk) becomes a space: same offsets, valid JSON.
  const json = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const root = parseTree(json, errors, { allowTrailingComma: false, disallowComments: true });
  const problems: DataFileProblem[] = errors.slice(0, MAX_SYNTAX_PROBLEMS).map((e) => ({ kind: 'syntax', start: e.offset, end: e.offset + Math.max(e.length, 1), error: printParseErrorCode(e.error) }));
  const entries = new Map<string, DataEntry>();

  if (root && root.type !== 'object') {
    problems.push({ kind: 'not-object', start: root.offset, end: root.offset + root.length, found: kindOf(root) });
  }
  if (root?.type === 'object') {
    for (const property of root.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      if (entries.has(key)) {
        problems.push({ kind: 'duplicate-key', start: keyNode.offset, end: keyNode.offset + keyNode.length, key });
        continue;
      }
      entries.set(key, {
        key,
        keyStart: keyNode.offset,
        keyEnd: keyNode.offset + keyNode.length,
        valueStart: valueNode?.offset ?? keyNode.offset + keyNode.length,
        valueEnd: valueNode ? valueNode.offset + valueNode.length : keyNode.offset + keyNode.length,
        kind: valueNode ? kindOf(valueNode) : 'null',
        value: valueNode ? valueOf(valueNode) : null,
      });
    }
  }
  return { entries, problems, compactBytes: compactSize(entries), insertAt: root?.type === 'object' ? insertionPoint(text, root) : undefined };
}

function kindOf(node: Node): ValueKind {
  return node.type === 'property' ? 'null' : node.type;
}

function valueOf(node: Node): unknown {
  if (node.type === 'object') {
    // Built on a null-prototype object: keys like `__proto__` stay plain data.
    const result: Record<string, unknown> = Object.create(null);
    for (const property of node.children ?? []) {
      const [k, v] = property.children ?? [];
      if (k && v) result[String(k.value)] = valueOf(v);
    }
    return result;
  }
  if (node.type === 'array') return (node.children ?? []).map(valueOf);
  return node.value;
}

function compactSize(entries: ReadonlyMap<string, DataEntry>): number {
  const object: Record<string, unknown> = Object.create(null);
  for (const [key, entry] of entries) object[key] = entry.value;
  return new TextEncoder().encode(JSON.stringify(object)).length;
}

function insertionPoint(text: string, root: Node): DataFile['insertAt'] {
  const children = root.children ?? [];
  const last = children[children.length - 1];
  if (!last) return { offset: root.offset + 1, hasEntries: false, indent: '  ' };
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, last.offset))?.[0] ?? '  ';
  return { offset: last.offset + last.length, hasEntries: true, indent };
}
