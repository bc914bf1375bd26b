import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docUrlOf } from './checks';
import type { CheckMeta, Finding, SeveritySetting } from './checks/types';
import { DIAGNOSTIC_SOURCE } from '#common/diagnosticSource';

export { DIAGNOSTIC_SOURCE };

const SEVERITIES: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  info: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/**
 * The one place where a check's finding becomes an LSP diagnostic. A check links its diagnostics to
 * the Tencent page that explains its rule (`codeDescription`); the hover shows its FAQ topic.
 */
export function findingToDiagnostic(
  document: TextDocument,
  meta: CheckMeta,
  severity: Exclude<SeveritySetting, 'off'>,
  finding: Finding,
): Diagnostic {
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITIES[severity],
    code: meta.id,
    ...(finding.docUrl ? { codeDescription: { href: finding.docUrl } } : codeDescription(meta)),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.related && finding.related.length > 0
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: document.uri, range: { start: document.positionAt(r.start), end: document.positionAt(r.end) } }, message: r.message })) }
      : {}),
    ...(finding.data !== undefined ? { data: finding.data } : {}),
  };
}

function codeDescription(meta: CheckMeta): Pick<Diagnostic, 'codeDescription'> {
  const href = docUrlOf(meta);
  return href ? { codeDescription: { href } } : {};
}
