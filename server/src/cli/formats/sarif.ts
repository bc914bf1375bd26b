// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one run, every
// registered check as a rule with its help URI (the Tencent page its diagnostics link to), one
// result per finding with its location relative to %SRCROOT% (the current folder).
import { docUrlOf } from '../../service/checks';
import type { CheckMeta } from '../../service/checks/types';
import type { CliFinding, RunReport } from '../report';

const LEVELS: Record<CliFinding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifContext {
  readonly checks: readonly CheckMeta[];
  /** Rule descriptions by check id (the settings' descriptions); the id when missing. */
  readonly descriptions: Readonly<Record<string, string>>;
  /** `file:///…/` of the folder the paths are relative to. */
  readonly srcRoot: string;
  readonly toolVersion: string;
  readonly exitCode: number;
}

export function formatSarif(report: RunReport, context: SarifContext): string {
  const ids = context.checks.map((meta) => meta.id);
  // Findings of a code no check has (none today) still get a rule, so every ruleIndex is valid.
  for (const f of report.findings) if (!ids.includes(f.code)) ids.push(f.code);
  const metaOf = new Map(context.checks.map((meta) => [meta.id, meta]));
  const rules = ids.map((id) => {
    const meta = metaOf.get(id);
    const full = context.descriptions[id] ?? id;
    const helpUri = meta ? docUrlOf(meta) : undefined;
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: firstClause(full) },
      fullDescription: { text: full },
      ...(helpUri ? { helpUri } : {}),
      help: { text: helpUri ? `${full}\n${helpUri}` : full },
      defaultConfiguration: { level: meta ? LEVELS[meta.defaultSeverity] : 'warning' },
    };
  });
  const results = report.findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: ids.indexOf(f.code),
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(f.path),
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    }],
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ses-template-check',
          fullName: 'SES Template Studio checks',
          version: context.toolVersion,
          informationUri: 'https://cloud.tencent.com/document/product/1288',
          rules,
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: context.srcRoot } },
      invocations: [{
        executionSuccessful: report.fileErrors.length === 0,
        exitCode: context.exitCode,
        toolExecutionNotifications: [
          ...report.fileErrors.map((e) => ({
            level: 'error',
            message: { text: `${e.path}: ${e.message}` },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.path) } }],
          })),
          ...report.warnings.map((w) => ({ level: 'warning', message: { text: w } })),
        ],
      }],
      results,
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** Up to the first `;`, `:` or sentence end, for the one-line rule description. */
function firstClause(text: string): string {
  const match = /^(.+?)(?:[;:；：。]|\.\s|$)/.exec(text);
  return (match ? match[1] : text).trim();
}

/** Paths under the current folder relative to %SRCROOT% (what code scanning maps to the repository); others absolute. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  return path.startsWith('/') ? { uri: 'file://' + encodeURI(path) } : { uri: encodeURI(path), uriBaseId: '%SRCROOT%' };
}
