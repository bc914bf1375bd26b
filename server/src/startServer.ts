import * as l10n from '@vscode/l10n';
import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, runSafe } from './runSafe';
import { DocumentCache } from './service/documentCache';
import { createLanguageService } from './service/languageService';
import { DEFAULT_SETTINGS, normaliseSettings, type ServiceSettings } from './service/settings';

export interface ServerRuntime {
  /** Translated strings for a locale, or undefined for English. */
  loadL10n(locale: string): Record<string, string> | undefined;
}

/** Validation waits this long after the last keystroke, so typing fast does not queue parses. */
const VALIDATION_DELAY_MS = 150;

/** LSP wiring only: documents in, service calls, diagnostics out. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const service = createLanguageService();
  const documents = new TextDocuments(TextDocument);
  const parsed = new DocumentCache((document) => service.parse(document));
  const settingsByUri = new Map<string, Promise<ServiceSettings>>();
  const pending = new Map<string, NodeJS.Timeout>();
  let canPullSettings = false;
  const log = { error: (message: string) => connection.console.error(message) };

  connection.onInitialize((params): InitializeResult => {
    if (params.locale) {
      const contents = runtime.loadL10n(params.locale);
      if (contents) l10n.config({ contents });
    }
    canPullSettings = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
      serverInfo: { name: 'SES Template Studio' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  documents.onDidChangeContent(({ document }) => schedule(document.uri, VALIDATION_DELAY_MS));
  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    parsed.delete(document.uri);
    settingsByUri.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  function schedule(uri: string, delay: number): void {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => {
      pending.delete(uri);
      void validate(uri);
    }, delay));
  }

  const validate = runSafe(log, 'validation', undefined, async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const settings = await settingsFor(uri);
    // The document may have changed or closed while settings were fetched: its next run publishes.
    const current = documents.get(uri);
    if (!current || current.version !== document.version) return;
    const diagnostics = service.validate(document, parsed.get(document), settings);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  });

  function settingsFor(uri: string): Promise<ServiceSettings> {
    if (!canPullSettings) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'sesStudio' })
        .then(normaliseSettings, (error: unknown) => {
          log.error(`reading settings failed: ${describe(error)}`);
          return DEFAULT_SETTINGS;
        });
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  documents.listen(connection);
}
