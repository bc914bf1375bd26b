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

export async function readPreviewSource(uri: vscode.Uri): Promise<PreviewSource | undefined> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined);
  const template = document ? await templateOf(document) : undefined;
  if (!template) return undefined;
  const htmlUri = template.parts.find(isHtmlPart);
  const textUri = template.parts.find((p) => !isHtmlPart(p));
  const [html, text] = await Promise.all([htmlUri && readText(htmlUri), textUri && readText(textUri)]);
  const dataSets = await Promise.all(template.dataSets.map(async ({ set, uri: dataUri }) => ({ set, uri: dataUri, data: parseData(await readText(dataUri)) })));
  // The language server's image checks, and the images the online check found broken (client/src/online).
  const imageDiagnostics = htmlUri && html !== undefined ? vscode.languages.getDiagnostics(htmlUri).filter((d) => /^(?:online-)?image-/.test(codeOf(d))) : [];
  // Line starts once: 20,000 diagnostics each walking the lines from the top would be quadratic.
  const starts = html === undefined || !imageDiagnostics.length ? [] : lineStarts(html);
  const imageProblems = html === undefined ? [] : imageDiagnostics.map((d) => ({ offset: offsetAt(html, starts, d.range.start.line, d.range.start.character), message: d.message }));
  return { template, htmlUri, html, text, dataSets, imageProblems, imageDiagnostics };
}
