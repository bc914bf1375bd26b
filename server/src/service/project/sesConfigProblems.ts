// What is wrong in a ses.config.json, found while it is read: the language server and the CLI use
// no JSON schema, so a file with a syntax error, entries outside `templates` or a misspelt enum value
// would otherwise be ignored without a word (no subject checked, no marketing rules applied).
import { printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** One problem; offsets in the config document. `kind` picks the message (see checks/invalidConfig.ts). */
export type ConfigProblem =
  | { kind: 'syntax'; start: number; end: number; error: string; line: number; column: number }
  | { kind: 'not-object'; start: number; end: number; where: string }
  | { kind: 'unknown-key'; start: number; end: number; key: string; where: string; suggestion?: string; templateLike?: boolean }
  | { kind: 'bad-value'; start: number; end: number; key: string; value: string; allowed: readonly string[]; suggestion?: string }
  | { kind: 'wrong-type'; start: number; end: number; key: string; expected: 'string' | 'integer' | 'object' };

/** The keys of ses.config.schema.json (test/unit/sesConfigProblems.test.ts compares them with the schema). */
export const TOP_KEYS = ['$schema', 'defaults', 'templates'] as const;
export const ENUMS: Readonly<Record<string, readonly string[]>> = {
  triggerType: ['transactional', 'marketing'],
  region: ['ap-guangzhou', 'ap-hongkong', 'ap-singapore'],
  unsubscribe: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
};
export const DEFAULT_KEYS = ['region', 'from', 'triggerType', 'unsubscribe'] as const;
export const TEMPLATE_KEYS = ['templateId', 'templateName', 'subject', 'triggerType', 'region', 'from', 'unsubscribe'] as const;
const TYPES: Readonly<Record<string, 'string' | 'integer'>> = { templateId: 'integer', templateName: 'string', subject: 'string', from: 'string' };

/** Problems of a parsed config: the first syntax error, else what the schema would say of the tree. */
export function configProblems(text: string, root: Node | undefined, errors: readonly ParseError[]): ConfigProblem[] {
  if (errors.length > 0) {
    const first = errors[0];
    const { line, column } = lineColumn(text, first.offset);
    return [{ kind: 'syntax', start: first.offset, end: first.offset + Math.max(first.length, 1), error: printParseErrorCode(first.error), line, column }];
  }
  if (!root) return [];
  if (root.type !== 'object') return [{ kind: 'not-object', start: root.offset, end: root.offset + root.length, where: 'ses.config.json' }];
  const problems: ConfigProblem[] = [];
  for (const [keyNode, value] of properties(root)) {
    const key = keyNode.value as string;
    if (key === 'templates') {
      if (value?.type !== 'object') problems.push(wrongType(keyNode, 'object'));
      else for (const [templateKey, entry] of properties(value)) {
        if (entry?.type !== 'object') problems.push(wrongType(templateKey, 'object'));
        else checkObject(entry, TEMPLATE_KEYS, `templates.${templateKey.value as string}`, problems);
      }
    } else if (key === 'defaults') {
      if (value?.type !== 'object') problems.push(wrongType(keyNode, 'object'));
      else checkObject(value, DEFAULT_KEYS, 'defaults', problems);
    } else if (!(TOP_KEYS as readonly string[]).includes(key)) {
      problems.push({ ...rangeOf(keyNode), kind: 'unknown-key', key, where: 'ses.config.json', suggestion: closest(key, TOP_KEYS) ?? (looksLikeTemplate(value) ? 'templates' : undefined), templateLike: looksLikeTemplate(value) });
    }
  }
  return problems;
}

function checkObject(object: Node, known: readonly string[], where: string, problems: ConfigProblem[]): void {
  for (const [keyNode, value] of properties(object)) {
    const key = keyNode.value as string;
    if (!known.includes(key)) {
      problems.push({ ...rangeOf(keyNode), kind: 'unknown-key', key, where, suggestion: closest(key, known) });
      continue;
    }
    if (!value) continue;
    const allowed = ENUMS[key];
    if (allowed) {
      if (value.type !== 'string') problems.push({ ...rangeOf(value), kind: 'wrong-type', key, expected: 'string' });
      else if (!allowed.includes(value.value as string)) {
        const written = value.value as string;
        problems.push({ ...rangeOf(value), kind: 'bad-value', key, value: written, allowed, suggestion: allowed.find((a) => a.toLowerCase() === written.trim().toLowerCase()) });
      }
      continue;
    }
    const type = TYPES[key];
    if (type === 'integer' && !(value.type === 'number' && Number.isInteger(value.value))) problems.push({ ...rangeOf(value), kind: 'wrong-type', key, expected: 'integer' });
    if (type === 'string' && value.type !== 'string') problems.push({ ...rangeOf(value), kind: 'wrong-type', key, expected: 'string' });
  }
}

/** An object whose values are objects with template keys: a template entry written outside `templates`. */
function looksLikeTemplate(value: Node | undefined): boolean {
  return value?.type === 'object' && properties(value).some(([key]) => (TEMPLATE_KEYS as readonly string[]).includes(key.value as string));
}

function properties(object: Node): Array<[Node, Node | undefined]> {
  const found: Array<[Node, Node | undefined]> = [];
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (typeof key?.value === 'string') found.push([key, value]);
  }
  return found;
}

const rangeOf = (node: Node) => ({ start: node.offset, end: node.offset + node.length });
const wrongType = (keyNode: Node, expected: 'object'): ConfigProblem => ({ ...rangeOf(keyNode), kind: 'wrong-type', key: keyNode.value as string, expected });

/** The known key within two edits of `key` (case ignored), if one: `template` → `templates`. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  if (lower.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length];
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
