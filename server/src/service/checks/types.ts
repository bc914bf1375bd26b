import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TemplateProject } from '../project/templateProject';

export const SEVERITY_SETTINGS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export interface CheckMeta {
  /** One id everywhere: the Diagnostic.code, the `sesStudio.checks.<id>` setting, the help anchor. */
  readonly id: string;
  readonly defaultSeverity: Exclude<SeveritySetting, 'off'>;
}

export interface Finding {
  /** Offsets into the document. */
  readonly start: number;
  readonly end: number;
  /** Already localised. */
  readonly message: string;
}

export interface CheckContext {
  /** The template: its parts, its subject in ses.config.json and its data sets. */
  readonly project: TemplateProject;
  /** Reports a finding in one of the project's documents (a part, a data file, ses.config.json). */
  report(document: TextDocument, finding: Finding): void;
}

export interface Check {
  readonly meta: CheckMeta;
  run(context: CheckContext): void;
}
