import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECKS } from './checks';
import type { Check, Finding } from './checks/types';
import { findingToDiagnostic } from './diagnostics';
import type { ServiceSettings } from './settings';
import { parseTemplate, type ParsedTemplate } from './templateParser';

/**
 * The SES template language service: plain functions from documents and settings to LSP values.
 * No connection, no file system, no settings reads; the server adapter passes everything in.
 */
export interface LanguageService {
  parse(document: TextDocument): ParsedTemplate;
  validate(document: TextDocument, template: ParsedTemplate, settings: ServiceSettings): Diagnostic[];
}

export function createLanguageService(checks: readonly Check[] = CHECKS): LanguageService {
  return {
    parse: parseTemplate,
    validate(document, template, settings) {
      const diagnostics: Diagnostic[] = [];
      for (const check of checks) {
        const severity = settings.checks[check.meta.id] ?? check.meta.defaultSeverity;
        if (severity === 'off') continue;
        check.run({
          document,
          template,
          report: (finding: Finding) => diagnostics.push(findingToDiagnostic(document, check.meta, severity, finding)),
        });
      }
      return diagnostics;
    },
  };
}
