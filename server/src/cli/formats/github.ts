// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff
// (`::error file=…,line=…,col=…,title=<code>::message`); info and hint become notices.
import type { CliFinding, RunReport } from '../report';
import { summaryLine } from './text';

const COMMANDS: Record<CliFinding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(report: RunReport): string {
  const lines = report.findings.map((f) => {
    const properties = [
      `file=${escapeProperty(f.path)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(f.code)}`,
    ].join(',');
    return `::${COMMANDS[f.severity]} ${properties}::${escapeData(f.message)}`;
  });
  for (const e of report.fileErrors) lines.push(`::error file=${escapeProperty(e.path)},title=ses-template-check::${escapeData(e.message)}`);
  for (const w of report.warnings) lines.push(`::warning title=ses-template-check::${escapeData(w)}`);
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

/** The escaping of @actions/core: a message with a line break or `%` must not end or alter the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
