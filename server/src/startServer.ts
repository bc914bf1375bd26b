import * as l10n from '@vscode/l10n';
import {
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FEATURE_CAPABILITIES, registerFeatureHandlers } from './featureHandlers';
import { registerKnowledgeHandlers } from './knowledgeHandlers';
import { ProjectIndex } from './projectIndex';
import { describe, runSafe } from './runSafe';
import { createLanguageService } from './service/languageService';
import { isConfigFile, type TemplateFileName } from '#common/templateFiles';
import type { TemplateProject } from './service/project/templateProject';
import { DEFAULT_SETTINGS, normaliseSettings, type ServiceSettings } from './service/settings';

export interface ServerRuntime {
  /** Translated strings for a locale, or undefined for English. */
  loadL10n(locale: string): Record<string, string> | undefined;
}

/** Validation waits this long after the last keystroke, so typing fast does not queue parses. */
const VALIDATION_DELAY_MS = 150;

/** What the server keeps per template or folder, as counts (for the test that closing releases it). */
export interface RetainedState {
  readonly settingsFolders: number;
  readonly publishedTemplates: number;
  readonly lastDiagnostics: number;
  readonly pendingValidations: number;
  readonly filesRead: number;
  readonly listings: number;
}

export interface ServerHandle {
  retained(): RetainedState;
  /** Resolves when no validation (nor the release after one) is scheduled or running. */
  settled(): Promise<void>;
}

/** LSP wiring only: documents in, service calls, diagnostics out. */
export function startServer(connection: Connection, runtime: ServerRuntime): ServerHandle {
  // A check that throws is logged (with its stack, for a bug report) and the others' findings still go out.
  const service = createLanguageService(undefined, {
    onCheckError: (id, error) => connection.console.error(`Check ${id} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
  });
  const documents = new TextDocuments(TextDocument);
  let workspaceRoots: string[] = [];
  const index = new ProjectIndex(documents, () => workspaceRoots);
  const settingsByFolder = new Map<string, Promise<ServiceSettings>>();
  const pending = new Map<string, NodeJS.Timeout>();
  let validations: Promise<unknown> = Promise.resolve();
  let releaseQueued = false;
  /** URIs each template last published diagnostics for, to clear the ones that left it. */
  const published = new Map<string, Set<string>>();
  /** What was last published per URI, with the document version it was computed for. */
  const lastDiagnostics = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
  let canPullSettings = false;
  let clientCapabilities: ClientCapabilities | undefined;
  let locale = 'en';
  const log = { error: (message: string) => connection.console.error(message) };

  connection.onInitialize((params): InitializeResult => {
    // The params are JSON from the client: a locale that is no language tag (a number, a path) means
    // English, folders that are no URIs are left out; before, they failed initialize or every validation.
    const requested: unknown = params.locale;
    locale = typeof requested === 'string' && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(requested) ? requested : 'en';
    if (locale !== 'en') {
      const contents = runtime.loadL10n(locale);
      if (contents) l10n.config({ contents });
    }
    clientCapabilities = params.capabilities ?? {};
    canPullSettings = clientCapabilities.workspace?.configuration === true;
    const folders: unknown[] = Array.isArray(params.workspaceFolders) ? params.workspaceFolders : [];
    const uriOf = (folder: unknown) => (folder as { uri?: unknown } | null)?.uri;
    workspaceRoots = folders.map(uriOf).filter((uri): uri is string => typeof uri === 'string')
      .concat(typeof params.rootUri === 'string' && !Array.isArray(params.workspaceFolders) ? [params.rootUri] : []);
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, ...FEATURE_CAPABILITIES },
      serverInfo: { name: 'SES Template Studio' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settingsByFolder.clear();
    revalidateOpenTemplates();
  });

  // Data files and templates changed on disk (git checkout, another editor): read them again.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) index.forget(change.uri);
    revalidateOpenTemplates();
  });

  // An opened document is validated at once: the delay is for typing, and opening a workspace's
  // templates together would otherwise wait it out before the first diagnostics.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => opening.add(document.uri));
  documents.onDidChangeContent(({ document }) => {
    const delay = opening.delete(document.uri) ? 0 : VALIDATION_DELAY_MS;
    for (const template of templatesOf(document.uri)) schedule(template, delay);
  });
  documents.onDidClose(({ document }) => {
    index.closed(document.uri);
    const templates = templatesOf(document.uri);
    if (templates.length === 0) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    for (const template of templates) schedule(template, 0);
  });

  function templatesOf(uri: string): TemplateFileName[] {
    if (isConfigFile(uri)) return index.templatesOfConfig(uri);
    const template = index.templateOf(uri);
    return template ? [template] : [];
  }

  function revalidateOpenTemplates(): void {
    const seen = new Set<string>();
    for (const document of documents.all()) {
      for (const template of templatesOf(document.uri)) {
        const key = ProjectIndex.keyOf(template);
        if (!seen.has(key)) schedule(template, 0);
        seen.add(key);
      }
    }
  }

  function schedule(template: TemplateFileName, delay: number): void {
    const key = ProjectIndex.keyOf(template);
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => {
      pending.delete(key);
      // One validation at a time: when many templates open at once, only one project (parses, HTML
      // model, diagnostics) is alive at any moment instead of all of them, waiting on their sends.
      validations = validations.then(() => validate(template));
    }, delay));
  }

  /** The template's documents that are open in the editor. */
  function openUris(project: TemplateProject): string[] {
    return ProjectIndex.urisOf(project).filter((uri) => documents.get(uri) !== undefined);
  }

  const validate = runSafe(log, 'validation', undefined, async (template: TemplateFileName) => {
    const key = ProjectIndex.keyOf(template);
    // Settings are read per folder: a template's parts and data sets share one.
    const settings = await settingsFor(template.folder);
    const project = index.project(template, settings.dialect);
    const previous = published.get(key) ?? new Set<string>();
    // With none of its documents open, a template's diagnostics are cleared, not recomputed.
    const diagnostics = openUris(project).length > 0 ? service.validate(project, settings) : new Map();
    // The versions validated, read now: the sends below wait, and an edit arriving meanwhile must not
    // relabel these findings with its version (their ranges would point into the new text).
    const versions = new Map([...diagnostics.keys()].map((uri) => [uri, documents.get(uri)?.version]));
    const now = new Set(diagnostics.keys());
    for (const uri of previous) {
      if (now.has(uri)) continue;
      lastDiagnostics.delete(uri);
      await connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    for (const [uri, list] of diagnostics) {
      const version = versions.get(uri);
      lastDiagnostics.set(uri, { version, diagnostics: list });
      await connection.sendDiagnostics({ uri, version, diagnostics: list });
    }
    if (now.size > 0) {
      published.set(key, now);
    } else {
      // Closed: nothing of the template is kept, and what was read for its folder goes too.
      published.delete(key);
      releaseClosedFolders();
    }
  });

  /**
   * After the validations already queued (they read the folders of the templates just closed), drops
   * the per-folder state of folders no open document is in or under any more.
   */
  function releaseClosedFolders(): void {
    if (releaseQueued) return;
    releaseQueued = true;
    validations = validations.then(() => {
      releaseQueued = false;
      const live = index.release();
      for (const folder of settingsByFolder.keys()) if (!live(folder)) settingsByFolder.delete(folder);
    });
  }

  function settingsFor(folder: string): Promise<ServiceSettings> {
    if (!canPullSettings) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = settingsByFolder.get(folder);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: folder, section: 'sesStudio' })
        .then(normaliseSettings, (error: unknown) => {
          log.error(`reading settings failed: ${describe(error)}`);
          return DEFAULT_SETTINGS;
        });
      settingsByFolder.set(folder, settings);
    }
    return settings;
  }

  /** The template of a part, data set or (by the subject at `position`) ses.config.json, for requests. */
  async function projectFor(uri: string, position?: Position): Promise<TemplateProject | undefined> {
    const templates = templatesOf(uri);
    if (templates.length === 0) return undefined;
    const settings = await settingsFor(templates[0].folder);
    const projects = templates.map((template) => index.project(template, settings.dialect));
    if (!isConfigFile(uri) || !position) return projects[0];
    const document = documents.get(uri);
    const offset = document?.offsetAt(position) ?? -1;
    return projects.find((p) => p.subject && p.subject.start <= offset && offset <= p.subject.end) ?? projects[0];
  }

  /**
   * The diagnostics of one document of `project` for hovers: those last published when they are of
   * the current version (the usual case, so a hover does not re-run every check), else validated now.
   */
  async function diagnosticsFor(project: TemplateProject, uri: string): Promise<readonly Diagnostic[]> {
    const published = lastDiagnostics.get(uri);
    if (published && published.version === documents.get(uri)?.version && !pending.size) return published.diagnostics;
    let all = validatedForHover.get(project);
    if (!all) {
      const template = templatesOf(uri)[0];
      const settings = template ? await settingsFor(template.folder) : DEFAULT_SETTINGS;
      all = service.validate(project, settings);
      validatedForHover.set(project, all);
    }
    return all.get(uri) ?? [];
  }
  /** A project validated for a hover, kept while the project object lives (one hover asks for several documents). */
  const validatedForHover = new WeakMap<TemplateProject, Map<string, Diagnostic[]>>();

  registerFeatureHandlers(connection, {
    projectFor,
    log,
    clientCapabilities: () => clientCapabilities,
    diagnostics: diagnosticsFor,
    locale: () => locale,
  });
  registerKnowledgeHandlers(connection, { locale: () => locale, log });
  documents.listen(connection);
  return {
    retained: () => ({
      settingsFolders: settingsByFolder.size,
      publishedTemplates: published.size,
      lastDiagnostics: lastDiagnostics.size,
      pendingValidations: pending.size,
      ...index.retained(),
    }),
    settled: async () => {
      for (let tail = validations; ; tail = validations) {
        while (pending.size) await new Promise((resolve) => setTimeout(resolve, 1));
        await tail;
        if (tail === validations && !pending.size) return;
      }
    },
  };
}
