import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECKS } from './checks';
import type { Check, Finding, SeveritySetting } from './checks/types';
import { unusedSuppression } from './checks/unusedSuppression';
import { findingToDiagnostic } from './diagnostics';
import type { TemplateProject } from './project/templateProject';
import type { ServiceSettings } from './settings';
import { Suppressions } from './suppression';
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

export interface LanguageServiceOptions {
  /**
   * Hears a check that threw. The other checks still run and the findings it reported before
   * throwing are kept: one bug must not take every diagnostic of the template with it.
   */
  readonly onCheckError?: (checkId: string, error: unknown) => void;
}

export function createLanguageService(checks: readonly Check[] = CHECKS, options: LanguageServiceOptions = {}): LanguageService {
  return {
    parse: parseTemplate,
    validate(project, settings) {
      const byUri = new Map<string, Diagnostic[]>();
      for (const { uri } of [...project.parts, ...project.dataSets, ...(project.subject ? [project.subject] : []), ...(project.config ? [project.config] : [])]) byUri.set(uri, []);
      // `<!-- ses-disable… -->` comments of the HTML parts (see suppression.ts), by URI.
      const suppressions = new Map<string, Suppressions>();
      for (const part of project.parts) {
        if (part.kind !== 'html' || part.parsed.status === 'binary' || part.parsed.status === 'too-large') continue;
        const found = Suppressions.of(part.document);
        if (found) suppressions.set(part.uri, found);
      }
      const severityOf = (check: Check): SeveritySetting => settings.checks[check.meta.id] ?? check.meta.defaultSeverity;
      // One context for every check, reporting for the check that runs (checks report synchronously):
      // not a context and a closure per check per validation (57 checks × 2,000 templates on a burst).
      let running: Check = checks[0];
      let runningSeverity: Exclude<SeveritySetting, 'off'> = 'error';
      const context = {
        project,
        settings,
        report: (document: TextDocument, finding: Finding) => {
          if (suppressions.get(document.uri)?.suppresses(running.meta.id, finding.start)) return;
          const list = byUri.get(document.uri) ?? [];
          list.push(findingToDiagnostic(document, running.meta, runningSeverity, finding));
          byUri.set(document.uri, list);
        },
      };
      for (const check of checks) {
        const severity = severityOf(check);
        if (severity === 'off') continue;
        running = check;
        runningSeverity = severity;
        try {
          check.run(context);
        } catch (error) {
          options.onCheckError?.(check.meta.id, error);
        }
      }
      const unused = checks.find((check) => check.meta.id === unusedSuppression.meta.id);
      const unusedSeverity = unused ? severityOf(unused) : 'off';
      if (unused && unusedSeverity !== 'off' && suppressions.size > 0) {
        const known = new Map<string, Check>([...CHECKS, ...checks].map((check) => [check.meta.id, check]));
        const status = (code: string) => {
          const check = known.get(code);
          if (!check) return 'unknown';
          return checks.includes(check) && severityOf(check) !== 'off' ? 'ran' : 'off';
        };
        for (const part of project.parts) {
          const found = suppressions.get(part.uri);
          if (!found) continue;
          const list = byUri.get(part.uri)!;
          for (const finding of found.unused(status)) list.push(findingToDiagnostic(part.document, unused.meta, unusedSeverity, finding));
        }
      }
      return byUri;
    },
  };
}
