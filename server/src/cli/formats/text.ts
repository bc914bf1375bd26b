// `path:line:col severity code message`, one line per finding, a blank line between files, then a summary.
import * as l10n from '@vscode/l10n';
import { countBySeverity, type RunReport } from '../report';

export function formatText(report: RunReport): string {
  const lines: string[] = [];
  let previous: string | undefined;
  for (const f of report.findings) {
    if (previous !== undefined && f.path !== previous) lines.push('');
    previous = f.path;
    lines.push(`${f.path}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

/** One line: the counts, the templates checked and the time taken. */
export function summaryLine(report: RunReport): string {
  const counts = countBySeverity(report.findings);
  const files = new Set(report.findings.map((f) => f.path)).size;
  const problems = report.findings.length === 0
    ? l10n.t('No problems')
    : l10n.t('{0} errors, {1} warnings, {2} infos, {3} hints in {4} files', counts.error, counts.warning, counts.info, counts.hint, files);
  const checked = l10n.t('{0} templates checked in {1} ms', report.templates, report.durationMs);
  const unread = report.fileErrors.length > 0 ? ' ' + l10n.t('{0} paths could not be read.', report.fileErrors.length) : '';
  return `${problems} (${checked}).${unread}`;
}
