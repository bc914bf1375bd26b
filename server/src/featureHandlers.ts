import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type Position,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { runSafe, type Logger } from './runSafe';
import {
  codeActions,
  completion,
  definition,
  documentHighlight,
  documentSymbols,
  hover,
  isRefusal,
  prepareRename,
  references,
  rename,
  toLocations,
} from './service/features';
import type { TemplateProject } from './service/project/templateProject';

export interface FeatureDeps {
  /**
   * The template a document belongs to, built from open buffers and files on disk; undefined when
   * the document is no part, data set or config file of a template. For ses.config.json, which
   * holds the subjects of many templates, `position` tells which subject the request is about.
   */
  projectFor(uri: string, position?: Position): Promise<TemplateProject | undefined>;
  readonly log: Logger;
  /** What the client said in `initialize`; definition answers plain locations when it lacks link support. */
  clientCapabilities?(): ClientCapabilities | undefined;
  /**
   * The current diagnostics of one document of the template (validated afresh), for the hover's FAQ
   * help and image findings; without it the hover shows variables and the image checklist only.
   */
  diagnostics?(project: TemplateProject, uri: string): Promise<readonly Diagnostic[]>;
  /** The editor's locale from `initialize`, for the knowledge base; English without it. */
  locale?(): string;
}

/** The capabilities of the handlers below, to spread into the server's InitializeResult. */
export const FEATURE_CAPABILITIES = {
  completionProvider: { triggerCharacters: ['{', '"'] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll] },
  documentSymbolProvider: true,
} satisfies ServerCapabilities;

/** Registers the editor features of the language service on `connection`; each is wrapped with runSafe. */
export function registerFeatureHandlers(connection: Connection, deps: FeatureDeps): void {
  const { log } = deps;
  const refuse = (message: string) => new ResponseError<void>(LSPErrorCodes.RequestFailed, message);

  connection.onCompletion(runSafe(log, 'completion', null, async ({ textDocument, position }) => {
    const project = await deps.projectFor(textDocument.uri, position);
    return project ? completion(project, textDocument.uri, position) : null;
  }));

  connection.onHover(runSafe(log, 'hover', null, async ({ textDocument, position }) => {
    const project = await deps.projectFor(textDocument.uri, position);
    if (!project) return null;
    const diagnostics = await deps.diagnostics?.(project, textDocument.uri);
    // On a data key, the hover lists what the checks found where the template reads its value.
    let related: Map<string, readonly Diagnostic[]> | undefined;
    if (deps.diagnostics && project.dataSets.some((d) => d.uri === textDocument.uri)) {
      related = new Map();
      for (const uri of [...project.parts.map((p) => p.uri), ...(project.subject ? [project.subject.uri] : [])]) {
        related.set(uri, await deps.diagnostics(project, uri));
      }
    }
    return hover(project, textDocument.uri, position, { diagnostics, locale: deps.locale?.(), related });
  }));

  connection.onDefinition(runSafe(log, 'definition', null, async ({ textDocument, position }) => {
    const project = await deps.projectFor(textDocument.uri, position);
    const links = project ? definition(project, textDocument.uri, position) : null;
    if (!links) return null;
    const linkSupport = deps.clientCapabilities?.()?.textDocument?.definition?.linkSupport ?? true;
    return linkSupport ? links : toLocations(links);
  }));

  connection.onReferences(runSafe(log, 'references', null, async ({ textDocument, position, context }) => {
    const project = await deps.projectFor(textDocument.uri, position);
    return project ? references(project, textDocument.uri, position, context.includeDeclaration) : null;
  }));

  connection.onDocumentHighlight(runSafe(log, 'documentHighlight', null, async ({ textDocument, position }) => {
    const project = await deps.projectFor(textDocument.uri, position);
    return project ? documentHighlight(project, textDocument.uri, position) : null;
  }));

  connection.onPrepareRename(runSafe(log, 'prepareRename', null, async ({ textDocument, position }) => {
    const project = await deps.projectFor(textDocument.uri, position);
    if (!project) return null;
    const result = prepareRename(project, textDocument.uri, position);
    return isRefusal(result) ? refuse(result.refused) : result;
  }));

  connection.onRenameRequest(runSafe(log, 'rename', null, async ({ textDocument, position, newName }) => {
    const project = await deps.projectFor(textDocument.uri, position);
    if (!project) return null;
    const result = rename(project, textDocument.uri, position, newName);
    return isRefusal(result) ? refuse(result.refused) : result;
  }));

  connection.onCodeAction(runSafe(log, 'codeAction', null, async ({ textDocument, range, context }) => {
    const project = await deps.projectFor(textDocument.uri, range.start);
    return project ? codeActions(project, textDocument.uri, range, context) : null;
  }));

  connection.onDocumentSymbol(runSafe(log, 'documentSymbol', null, async ({ textDocument }) => {
    const project = await deps.projectFor(textDocument.uri);
    return project ? documentSymbols(project, textDocument.uri) : null;
  }));
}
