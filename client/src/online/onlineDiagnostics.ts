// The online check's findings as diagnostics (source "SES online"), in a collection of the client:
// the language server knows nothing of network results. Replaced by the next run; a diagnostic goes
// away when its URL is edited and follows the text when an edit comes before it.
import * as vscode from 'vscode';
import { shiftSpan } from './rangeShift';

export const ONLINE_SOURCE = 'SES online';

let collection: vscode.DiagnosticCollection | undefined;

/** Creates the collection and the edit tracking; disposed with the extension. */
export function activateOnlineDiagnostics(): vscode.Disposable {
  collection = vscode.languages.createDiagnosticCollection('sesStudio.online');
  const tracking = vscode.workspace.onDidChangeTextDocument((event) => {
    const current = collection?.get(event.document.uri);
    if (!collection || !current?.length || !event.contentChanges.length) return;
    // VS Code reports the changes of one event against the text before the event, last first.
    const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    const kept = current.flatMap((diagnostic) => {
      let span: ReturnType<typeof shiftSpan> = diagnostic.range;
      for (const change of changes) {
        span = span && shiftSpan(span, change);
      }
      if (!span) return [];
      if (span === diagnostic.range) return [diagnostic];
      const moved = new vscode.Diagnostic(new vscode.Range(span.start.line, span.start.character, span.end.line, span.end.character), diagnostic.message, diagnostic.severity);
      moved.source = diagnostic.source;
      moved.code = diagnostic.code;
      return [moved];
    });
    if (kept.length !== current.length || kept.some((d, i) => d !== current[i])) collection.set(event.document.uri, kept);
  });
  return vscode.Disposable.from(tracking, { dispose: () => { collection?.dispose(); collection = undefined; } });
}

/** Replaces the online diagnostics of `uri` (an empty list clears them). */
export function setOnlineDiagnostics(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
  collection?.set(uri, diagnostics);
}
