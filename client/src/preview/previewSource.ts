// Reads what the preview shows from the template's files (editor buffers first, unsaved edits count).
import * as vscode from 'vscode';
import { parse, type ParseError } from 'jsonc-parser';
import { readText, templateOf, type TemplateContext } from '../api/templateContext';
import { lineStarts, offsetAt, type ImageProblem } from './images';
import { safeToParse } from '#common/jsonNesting';

export interface PreviewSource {
  readonly template: TemplateContext;
  readonly htmlUri?: vscode.Uri;
  readonly html?: string;
  readonly text?: string;
  readonly dataSets: Array<{ set: string; uri: vscode.Uri; data?: Record<string, unknown> }>;
  readonly imageProblems: ImageProblem[];
  readonly imageDiagnostics: vscode.Diagnostic[];
}

const isHtmlPart = (uri: vscode.Uri) => {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? /html/.test(open.languageId) : /\.html?$/i.test(uri.path);
};

/** The code of a diagnostic, whether plain or with a link (`{ value, target }`). */
function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code ?? '');
}

/** A data set's values, or undefined when it is not a JSON object (the language server reports why). */
function parseData(text: string | undefined): Record<string, unknown> | undefined {
  // jsonc-parser recurses per nesting level: a data set nested ~50k deep would overflow the stack.
  if (text === undefined || !safeToParse(text)) return undefined;
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  return !errors.length && typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * What a preview reads from disk: the template (its parts, data sets and config), the data sets parsed,
 * and the text of the parts no editor holds. Reading it costs several file-system round trips (a folder
 * listing, a config looked up folder by folder, each data set): the preview reads it once and keeps it
 * until a file of the template changes (previewPanel.ts), not on every keystroke.
 */
export interface TemplateFiles {
  readonly template: TemplateContext;
  readonly htmlUri?: vscode.Uri;
  readonly textUri?: vscode.Uri;
  /** The parts' text on disk (read when no editor held them): used while no editor holds them. */
  readonly diskText: ReadonlyMap<string, string | undefined>;
  readonly dataSets: PreviewSource['dataSets'];
}

export async function readTemplateFiles(uri: vscode.Uri): Promise<TemplateFiles | undefined> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined);
  const template = document ? await templateOf(document) : undefined;
  if (!template) return undefined;
  const htmlUri = template.parts.find(isHtmlPart);
  const textUri = template.parts.find((p) => !isHtmlPart(p));
  const diskText = new Map<string, string | undefined>();
  await Promise.all([htmlUri, textUri].map(async (part) => { if (part) diskText.set(part.toString(), await readText(part)); }));
  const dataSets = await Promise.all(template.dataSets.map(async ({ set, uri: dataUri }) => ({ set, uri: dataUri, data: parseData(await readText(dataUri)) })));
  return { template, htmlUri, textUri, diskText, dataSets };
}

/** A part's text: its editor's buffer (unsaved edits count), else what was read from disk. */
function partText(files: TemplateFiles, part: vscode.Uri | undefined): string | undefined {
  if (!part) return undefined;
  const key = part.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  return open ? open.getText() : files.diskText.get(key);
}

/** What the preview shows now, from `files` (read again when not given) and the parts' buffers; synchronous past the read. */
export async function readPreviewSource(uri: vscode.Uri, cached?: TemplateFiles): Promise<PreviewSource | undefined> {
  const files = cached ?? await readTemplateFiles(uri);
  return files && previewSourceOf(files);
}

export function previewSourceOf(files: TemplateFiles): PreviewSource {
  const { template, htmlUri, dataSets } = files;
  const html = partText(files, htmlUri);
  const text = partText(files, files.textUri);
  // The language server's image checks, and the images the online check found broken (client/src/online).
  const imageDiagnostics = htmlUri && html !== undefined ? vscode.languages.getDiagnostics(htmlUri).filter((d) => /^(?:online-)?image-/.test(codeOf(d))) : [];
  // Line starts once: 20,000 diagnostics each walking the lines from the top would be quadratic.
  const starts = html === undefined || !imageDiagnostics.length ? [] : lineStarts(html);
  const imageProblems = html === undefined ? [] : imageDiagnostics.map((d) => ({ offset: offsetAt(html, starts, d.range.start.line, d.range.start.character), message: d.message }));
  return { template, htmlUri, html, text, dataSets, imageProblems, imageDiagnostics };
}
