// The JSON output: one object, its shape documented in the README ("Checks in CI") and versioned by
// `version`: fields are only ever added, never renamed or removed, within a version.
import { countBySeverity, type RunReport } from '../report';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(report: RunReport, exitCode: number, toolVersion: string): string {
  const counts = countBySeverity(report.findings);
  const output = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'ses-template-check', version: toolVersion },
    summary: {
      templates: report.templates,
      files: report.files,
      filesWithFindings: new Set(report.findings.map((f) => f.path)).size,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      hints: counts.hint,
      unreadable: report.fileErrors.length,
      durationMs: report.durationMs,
      exitCode,
    },
    findings: report.findings.map((f) => ({
      path: f.path,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      code: f.code,
      message: f.message,
      docUrl: f.docUrl ?? null,
    })),
    fileErrors: report.fileErrors.map((e) => ({ path: e.path, message: e.message })),
    warnings: [...report.warnings],
  };
  return JSON.stringify(output, null, 2) + '\n';
}
