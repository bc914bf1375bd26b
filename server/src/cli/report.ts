// What a run found, in the shape every output format starts from. Pure types and helpers.
import type { Threshold } from './args';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Severities from the most to the least severe. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface CliFinding {
  /** Relative to the current folder, with `/` (absolute when outside it). */
  readonly path: string;
  /** 1-based, as editors and GitHub show them; the end is exclusive. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  /** The check id: `sesStudio.checks.<code>` is its setting. */
  readonly code: string;
  readonly message: string;
  /** The Tencent page that explains the rule, when there is one. */
  readonly docUrl?: string;
}

/** A path or file that could not be read: reported, and the run goes on. */
export interface FileError {
  readonly path: string;
  readonly message: string;
}

export interface RunReport {
  readonly findings: readonly CliFinding[];
  readonly fileErrors: readonly FileError[];
  /** Settings that were ignored (unknown check id, bad value), with the file they came from. */
  readonly warnings: readonly string[];
  readonly templates: number;
  readonly files: number;
  readonly durationMs: number;
}

export type Counts = Record<Severity, number>;

export function countBySeverity(findings: readonly CliFinding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** 2: something could not be read; 1: a finding at or above the threshold; else 0. */
export function exitCodeOf(report: Pick<RunReport, 'findings' | 'fileErrors'>, threshold: Threshold): 0 | 1 | 2 {
  if (report.fileErrors.length > 0) return 2;
  const limit = SEVERITY_ORDER.indexOf(threshold);
  return report.findings.some((f) => SEVERITY_ORDER.indexOf(f.severity) <= limit) ? 1 : 0;
}

/** By path, then position, then code: the same input always gives the same output. */
export function compareFindings(a: CliFinding, b: CliFinding): number {
  return (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
    || a.line - b.line
    || a.column - b.column
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
