import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FaqTopicId } from '../../knowledge/faq';
import type { TemplateProject } from '../project/templateProject';
import type { ServiceSettings } from '../settings';

export const SEVERITY_SETTINGS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export interface CheckMeta {
  /** One id everywhere: the Diagnostic.code, the `sesStudio.checks.<id>` setting, the help anchor. */
  readonly id: string;
  readonly defaultSeverity: Exclude<SeveritySetting, 'off'>;
  /**
   * The FAQ topic behind the check: its diagnostics link to it (codeDescription) and their hover
   * shows it. Checks that do not set it may get one from `FAQ_TOPIC_BY_CHECK` in index.ts.
   */
  readonly faqTopic?: FaqTopicId;
}

export interface Finding {
  /** Offsets into the document. */
  readonly start: number;
  readonly end: number;
  /** Already localised. */
  readonly message: string;
  /** Other places of the same finding in the same document (the diagnostic's relatedInformation). */
  readonly related?: ReadonlyArray<{ readonly start: number; readonly end: number; readonly message: string }>;
  /** The page that explains this finding (the diagnostic's codeDescription), instead of the check's. */
  readonly docUrl?: string;
  /** Kept on the diagnostic (`data`) for its hover and quick fixes. */
  readonly data?: unknown;
}

export interface CheckContext {
  /** The template: its parts, its subject in ses.config.json and its data sets. */
  readonly project: TemplateProject;
  /** The user's `sesStudio.*` settings (e.g. extra advertising words). */
  readonly settings: ServiceSettings;
  /** Reports a finding in one of the project's documents (a part, a data file, ses.config.json). */
  report(document: TextDocument, finding: Finding): void;
}

export interface Check {
  readonly meta: CheckMeta;
  run(context: CheckContext): void;
}
