import { parseTree, type Node } from 'jsonc-parser';
import { safeToParse } from './jsonNesting';

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
}

/**
 * Reads the `templates` of ses.config.json. Never throws; what is malformed is skipped (the JSON
 * schema contributed to VS Code reports it to the user).
 */
export function parseSesConfig(text: string): SesConfig {
  const templates = new Map<string, TemplateConfig>();
  // Nested too deep for the parser's recursion: read as a config without templates.
  if (!safeToParse(text)) return { templates };
  const root = parseTree(text, [], { allowTrailingComma: true });
  const list = property(root, 'templates');
  if (list?.type !== 'object') return { templates };
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
  return { templates };
}

function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const found = node.children?.find((p) => p.children?.[0]?.value === name);
  return found?.children?.[1];
}

function triggerOf(node: Node | undefined): TemplateConfig['triggerType'] {
  return node?.value === 'transactional' || node?.value === 'marketing' ? node.value : undefined;
}
