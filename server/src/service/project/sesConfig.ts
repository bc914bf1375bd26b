import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { safeToParse } from '#common/jsonNesting';
import { configProblems, type ConfigProblem } from './sesConfigProblems';

/** What ses.config.json says of one template. Offsets are offsets in the config document. */
export interface TemplateConfig {
  /** Template path relative to the config file's folder, without extension: `welcome`, `legacy/win-back`. */
  readonly key: string;
  readonly templateId?: number;
  readonly triggerType?: 'transactional' | 'marketing';
  /** The subject text with the offsets of its characters inside the JSON string. */
  readonly subject?: { readonly start: number; readonly end: number };
}

export interface SesConfig {
  readonly templates: ReadonlyMap<string, TemplateConfig>;
  /** What is wrong in the file (reported by the invalid-config check): nothing is ignored silently. */
  readonly problems: readonly ConfigProblem[];
}

/**
 * Reads the `templates` of ses.config.json. Never throws; what is malformed is skipped, and listed in
 * `problems` (the CLI and the language server use no JSON schema).
 */
export function parseSesConfig(text: string): SesConfig {
  const templates = new Map<string, TemplateConfig>();
  // Nested too deep for the parser's recursion: read as a config without templates.
  if (!safeToParse(text)) return { templates, problems: [] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  const problems = configProblems(text, root, errors);
  const list = property(root, 'templates');
  if (list?.type !== 'object') return { templates, problems };
  const defaults = property(root, 'defaults');
  const defaultTrigger = triggerOf(property(defaults, 'triggerType'));
  for (const entry of list.children ?? []) {
    const [keyNode, valueNode] = entry.children ?? [];
    if (typeof keyNode?.value !== 'string' || valueNode?.type !== 'object') continue;
    const key = keyNode.value.replace(/\.ses\.(html|txt)$/i, '');
    const subjectNode = property(valueNode, 'subject');
    const id = property(valueNode, 'templateId')?.value;
    templates.set(key, {
      key,
      templateId: typeof id === 'number' ? id : undefined,
      triggerType: triggerOf(property(valueNode, 'triggerType')) ?? defaultTrigger,
      // Offsets inside the quotes; a subject with escapes maps approximately, which is fine for a subject line.
      subject: subjectNode?.type === 'string' ? { start: subjectNode.offset + 1, end: subjectNode.offset + subjectNode.length - 1 } : undefined,
    });
  }
  return { templates, problems };
}

function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const found = node.children?.find((p) => p.children?.[0]?.value === name);
  return found?.children?.[1];
}

function triggerOf(node: Node | undefined): TemplateConfig['triggerType'] {
  return node?.value === 'transactional' || node?.value === 'marketing' ? node.value : undefined;
}
