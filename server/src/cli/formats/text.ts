// `path:line:col severity code message`, one line per finding, a blank line between files, then a summary.
import * as l10n from '@vscode/l10n';
import { byCount } from '#common/plural';
import { countBySeverity, type RunReport } from '../report';
import { oneLine } from '../terminalText';

export function formatText(report: RunReport): string {
  const lines: string[] = [];
  let previous: string | undefined;
  for (const f of report.findings) {
    if (previous !== undefined && f.path !== previous) lines.push('');
    previous = f.path;
    lines.push(oneLine(`${f.path}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`));
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}


/** The number of files with findings among the files checked: the same two figures as JSON's `summary`. */
export function filesWithFindings(report: RunReport): number {
  return new Set(report.findings.map((f) => f.path)).size;
}

/** One line: the counts by severity, the files with findings of those checked, the templates checked and the time taken. */
export function summaryLine(report: RunReport): string {
  const counts = countBySeverity(report.findings);
  const withFindings = filesWithFindings(report);
  let problems: string;
  if (report.findings.length === 0) {
    problems = byCount(report.files, () => l10n.t('No problems in 1 file'), () => l10n.t('No problems in {0} files', report.files));
  } else {
    const severities = l10n.t(
      '{0}, {1}, {2}, {3}',
      byCount(counts.error, () => l10n.t('1 error'), () => l10n.t('{0} errors', counts.error)),
      byCount(counts.warning, () => l10n.t('1 warning'), () => l10n.t('{0} warnings', counts.warning)),
      byCount(counts.info, () => l10n.t('1 info'), () => l10n.t('{0} infos', counts.info)),
      byCount(counts.hint, () => l10n.t('1 hint'), () => l10n.t('{0} hints', counts.hint)),
    );
    problems = byCount(report.files, () => l10n.t('{0} in {1} of 1 file', severities, withFindings), () => l10n.t('{0} in {1} of {2} files', severities, withFindings, report.files));
  }
  const checked = byCount(report.templates, () => l10n.t('1 template checked in {0} ms', report.durationMs), () => l10n.t('{0} templates checked in {1} ms', report.templates, report.durationMs));
  const unread = report.fileErrors.length === 0 ? '' : ' ' + byCount(report.fileErrors.length, () => l10n.t('1 path could not be read.'), () => l10n.t('{0} paths could not be read.', report.fileErrors.length));
  return l10n.t('{0} ({1}).', problems, checked) + unread;
}
