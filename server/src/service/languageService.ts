import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECKS } from './checks';
import type { Check, Finding } from './checks/types';
import { findingToDiagnostic } from './diagnostics';
import type { TemplateProject } from './project/templateProject';
import type { ServiceSettings } from './settings';
import { parseTemplate, type ParsedTemplate } from './templateParser';

/**
 * The SES template language service: plain functions from documents and settings to LSP values.
 * No connection, no file system, no settings reads; the server adapter passes everything in.
 */
export interface LanguageService {
  parse(document: TextDocument): ParsedTemplate;
  /**
   * Diagnostics of every document of the template, keyed by URI; each part, data set and the
   * config file (when it holds the subject) has an entry, empty when all is well.
   */
  validate(project: TemplateProject, settings: ServiceSettings): Map<string, Diagnostic[]>;
}

export function createLanguageService(checks: readonly Check[] = CHECKS): LanguageService {
  return {
    parse: parseTemplate,
    validate(project, settings) {
      const byUri = new Map<string, Diagnostic[]>();
      for (const { uri } of [...project.parts, ...project.dataSets, ...(project.subject ? [project.subject] : [])]) byUri.set(uri, []);
      for (const check of checks) {
        const severity = settings.checks[check.meta.id] ?? check.meta.defaultSeverity;
        if (severity === 'off') continue;
        check.run({
          project,
          report: (document: TextDocument, finding: Finding) => {
            const list = byUri.get(document.uri) ?? [];
            list.push(findingToDiagnostic(document, check.meta, severity, finding));
            byUri.set(document.uri, list);
          },
        });
      }
      return byUri;
    },
  };
}
