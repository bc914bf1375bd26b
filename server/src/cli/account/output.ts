// What an account command says, rendered as text (people), JSON (scripts) or GitHub workflow
// commands (annotations in the run). Commands add messages and data; nothing is printed before the end
// except progress on stderr, so the JSON on stdout is always one document.
import * as l10n from '@vscode/l10n';
import { escapeData, escapeProperty } from '../formats/github';

export type OutputFormat = 'text' | 'json' | 'github';
export type Level = 'error' | 'warning' | 'notice' | 'info';

export interface Message {
  readonly level: Level;
  readonly message: string;
  /** The file it is about, relative to the current folder. */
  readonly path?: string;
}

export class Output {
  readonly messages: Message[] = [];
  /** Lines printed as they are in text and GitHub output (tables). */
  readonly lines: string[] = [];
  /** The command's result for `--format json`. */
  readonly data: Record<string, unknown> = {};

  constructor(readonly command: string) {}

  add(level: Level, message: string, path?: string): void {
    this.messages.push({ level, message, ...(path ? { path } : {}) });
  }

  render(format: OutputFormat, exitCode: number, toolVersion: string): string {
    if (format === 'json') {
      return JSON.stringify({ version: 1, tool: { name: 'ses-template', version: toolVersion }, command: this.command, exitCode, ...this.data, messages: this.messages }, null, 2) + '\n';
    }
    const out = [...this.lines];
    for (const m of this.messages) {
      if (format === 'github' && m.level !== 'info') {
        out.push(`::${m.level} ${m.path ? `file=${escapeProperty(m.path)},` : ''}title=${escapeProperty(`ses-template ${this.command}`)}::${escapeData(m.message)}`);
      } else {
        const prefix = m.level === 'error' ? l10n.t('error') + ': ' : m.level === 'warning' ? l10n.t('warning') + ': ' : '';
        out.push(`${prefix}${m.path ? m.path + ': ' : ''}${m.message}`);
      }
    }
    return out.length > 0 ? out.join('\n') + '\n' : '';
  }
}

/** A table with columns padded to the widest cell (CJK counted as two columns, as terminals show them). */
export function table(rows: ReadonlyArray<readonly string[]>): string[] {
  const width = (text: string) => [...text].reduce((sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  ').trimEnd());
}
