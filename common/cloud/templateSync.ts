// Pure helpers of "SES: Push Template" / "SES: Pull Template" / "SES: Show Template Status": the
// wire encoding of template content, the push/pull decisions, names, the ses.config.json edit and
// the paged template list. No `vscode` import, so unit and API tests run them in plain node.
import { applyEdits, modify, parse, type FormattingOptions, type ParseError } from 'jsonc-parser';
import { safeToParse } from '../jsonNesting';
import { trimEndOf, trimStartOf } from '../trimRuns';
import type { SesClient } from './sesClient';
import type { ApiFailure, TemplateContent, TemplatesMetadata } from './types';

/** The two parts of a template as text: exactly the files' characters (line endings included). */
export interface TemplateParts {
  readonly html?: string;
  readonly text?: string;
}
export type PartKind = keyof TemplateParts;
export const PART_KINDS: readonly PartKind[] = ['html', 'text'];

/** Base64 of the UTF-8 bytes, as TemplateContent wants it (reference §6). */
export function encodeContent(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * The text of a base64 field, or undefined when it is not base64 of UTF-8. Node's decoder silently
 * skips invalid characters, so the shape is checked first: a corrupted answer must not become a
 * template that overwrites a local file.
 */
export function decodeContent(base64: string): string | undefined {
  const compact = base64.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.from(compact, 'base64'));
  } catch {
    return undefined;
  }
}

/** The TemplateContent of a push: only the parts that exist (an empty part is a part). */
export function encodeTemplateContent(parts: TemplateParts): TemplateContent {
  return {
    ...(parts.html !== undefined ? { Html: encodeContent(parts.html) } : {}),
    ...(parts.text !== undefined ? { Text: encodeContent(parts.text) } : {}),
  };
}

/** The parts of a GetEmailTemplate answer, or the name of the field that is not base64 of UTF-8. */
export function decodeTemplateContent(content: TemplateContent | undefined): { parts: TemplateParts } | { badField: 'Html' | 'Text' } {
  const parts: { html?: string; text?: string } = {};
  if (typeof content?.Html === 'string') {
    const html = decodeContent(content.Html);
    if (html === undefined) return { badField: 'Html' };
    parts.html = html;
  }
  if (typeof content?.Text === 'string') {
    const text = decodeContent(content.Text);
    if (text === undefined) return { badField: 'Text' };
    parts.text = text;
  }
  return { parts };
}

/**
 * The parts whose text differs between local and remote, a part missing on one side included.
 * Exact comparison: a changed line ending is a change, because Tencent stores the bytes it is given.
 */
export function changedParts(local: TemplateParts, remote: TemplateParts): PartKind[] {
  return PART_KINDS.filter((kind) => local[kind] !== remote[kind]);
}

export type PushDecision =
  | { readonly kind: 'create' }
  | { readonly kind: 'upToDate' }
  | { readonly kind: 'update'; readonly changed: readonly PartKind[]; readonly renamed: boolean };

/** What a push does: create without a TemplateID, else nothing when content and name match, else an update. */
export function pushDecision(local: TemplateParts, localName: string, remote?: { parts: TemplateParts; name: string }): PushDecision {
  if (!remote) return { kind: 'create' };
  const changed = changedParts(local, remote.parts);
  const renamed = remote.name !== localName;
  return changed.length === 0 && !renamed ? { kind: 'upToDate' } : { kind: 'update', changed, renamed };
}

/**
 * Tencent publishes no rule for template names beyond "characters and length"
 * (InvalidParameterValue.TemplateNameIllegal). We refuse what is surely wrong: empty, control
 * characters, more than MAX_TEMPLATE_NAME characters (an assumption, as in the emulator).
 */
export const MAX_TEMPLATE_NAME = 128;
export type NameProblem = 'empty' | 'tooLong' | 'control';
export function templateNameProblem(name: string): NameProblem | undefined {
  if (name.trim() === '') return 'empty';
  if ([...name].length > MAX_TEMPLATE_NAME) return 'tooLong';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control';
  return undefined;
}

/**
 * A file base name for a remote template name: remote names may hold characters no file system
 * takes (`/`, `:`, `*`…) or end in dots and spaces (Windows). Chinese and other letters stay.
 */
export function fileBaseName(templateName: string, templateId: number): string {
  const spaced = templateName
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  // Trimmed by scans: `[.\s]+$` retried every start of a run of dots and spaces inside a name.
  const cleaned = trimEndOf(trimStartOf(spaced, '.- '), '. ').replace(/\.ses$/i, '');
  return cleaned === '' ? `template-${templateId}` : cleaned.slice(0, 100);
}

export function partFileName(baseName: string, kind: PartKind): string {
  return `${baseName}.ses.${kind === 'html' ? 'html' : 'txt'}`;
}

export type StatusKind = 'approved' | 'pending' | 'rejected' | 'unavailable';
/** TemplateStatus: 0 approved, 1 pending review, 2 rejected, anything else unavailable (reference §6). */
export function statusKind(status: unknown): StatusKind {
  return status === 0 ? 'approved' : status === 1 ? 'pending' : status === 2 ? 'rejected' : 'unavailable';
}

// ---- ses.config.json ----

type Json = Record<string, unknown>;
const objectOr = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

/** The template's entry key in `templates` as written (maybe with the part's extension), or undefined. */
function entryKeyOf(templates: Json, key: string): string | undefined {
  return Object.keys(templates).find((k) => k.replace(/\.ses\.(html|txt)$/i, '') === key);
}

/** The parsed config, or undefined for a file nested too deep to parse without overflowing the stack. */
function parseConfig(configText: string): unknown {
  return safeToParse(configText) ? parse(configText, [], { allowTrailingComma: true }) : undefined;
}

/** `templateName` of the template's entry, when it is a non-empty string. */
export function configTemplateName(configText: string, key: string): string | undefined {
  const templates = objectOr(objectOr(parseConfig(configText)).templates);
  const entryKey = entryKeyOf(templates, key);
  const name = entryKey === undefined ? undefined : objectOr(templates[entryKey]).templateName;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

export interface LinkedTemplate {
  readonly key: string;
  readonly templateId: number;
}
/** Every entry of `templates` with a valid templateId, in file order. Never throws. */
export function linkedTemplates(configText: string): LinkedTemplate[] {
  const templates = objectOr(objectOr(parseConfig(configText)).templates);
  return Object.entries(templates).flatMap(([key, entry]) => {
    const id = objectOr(entry).templateId;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? [{ key: key.replace(/\.ses\.(html|txt)$/i, ''), templateId: id }] : [];
  });
}

/** The indentation the file already uses (first indented line), so the edit keeps its style. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent?.length ?? 2, eol };
}

/**
 * The text edits that set `templates.<key>.templateId` to `templateId` (creating `templates` and the
 * entry when missing), keeping comments and formatting. An existing key written with the part's
 * extension is reused. Undefined when the file is not a JSON object (it is not ours to rewrite).
 */
export function templateIdEdits(configText: string, key: string, templateId: number): Array<{ offset: number; length: number; content: string }> | undefined {
  const errors: ParseError[] = [];
  if (!safeToParse(configText)) return undefined;
  const root: unknown = configText.trim() === '' ? {} : parse(configText, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof root !== 'object' || root === null || Array.isArray(root)) return undefined;
  const templates = (root as Json).templates;
  if (templates !== undefined && (typeof templates !== 'object' || templates === null || Array.isArray(templates))) return undefined;
  const entryKey = entryKeyOf(objectOr(templates), key) ?? key;
  const entry = objectOr(templates)[entryKey];
  if (entry !== undefined && (typeof entry !== 'object' || entry === null || Array.isArray(entry))) return undefined;
  const base = configText.trim() === '' ? '{}' : configText;
  const edits = modify(base, ['templates', entryKey, 'templateId'], templateId, { formattingOptions: formattingOf(configText) });
  if (base === configText) return edits;
  // An empty file: one edit replacing it with the new object.
  return [{ offset: 0, length: configText.length, content: applyEdits(base, edits) }];
}

/** The config text after the edits (for tests and previews). */
export function withTemplateId(configText: string, key: string, templateId: number): string | undefined {
  const edits = templateIdEdits(configText, key, templateId);
  return edits && applyEdits(configText, edits);
}

/** The config key of a template: its folder relative to the config's folder, then its name (`emails/welcome`). */
export function configKey(configFolderPath: string, templateFolderPath: string, name: string): string | undefined {
  const base = trimEndOf(configFolderPath, '/');
  const folder = trimEndOf(templateFolderPath, '/');
  if (folder === base) return name;
  if (!folder.startsWith(`${base}/`)) return undefined;
  return `${folder.slice(base.length + 1)}/${name}`;
}

// ---- Listing every template ----

/** ListEmailTemplates takes at most 100 per page (FailedOperation.InvalidLimit). */
const PAGE_SIZE = 100;
/** A garbage TotalCount must not make us page forever: 5,000 templates is far beyond any account. */
const MAX_PAGES = 50;

/** Every template of the account, paging through ListEmailTemplates; the first failure ends it. */
export async function listAllTemplates(client: SesClient, signal?: AbortSignal): Promise<{ ok: true; templates: TemplatesMetadata[] } | { ok: false; failure: ApiFailure }> {
  const templates: TemplatesMetadata[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.call('ListEmailTemplates', { Limit: PAGE_SIZE, Offset: page * PAGE_SIZE }, signal);
    if (!result.ok) return { ok: false, failure: result };
    const batch = result.data.TemplatesMetadata.filter((t) => typeof t?.TemplateID === 'number');
    templates.push(...batch);
    if (result.data.TemplatesMetadata.length < PAGE_SIZE || templates.length >= result.data.TotalCount) break;
  }
  return { ok: true, templates };
}
