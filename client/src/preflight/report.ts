// The report of "SES: Preflight Check": one step per item of the FAQ's "Why emails fail to be sent?"
// checklist, each with findings. Pure (no vscode): built by the step modules, rendered by markdown.ts.

/** ✓ pass, ⚠ warn, ✗ fail; `skipped` when the step (or a part of it) could not run. */
export type Outcome = 'pass' | 'warn' | 'fail' | 'skipped';

export interface Finding {
  readonly outcome: Outcome;
  /** What was found, one sentence. */
  readonly text: string;
  /** What to do about it. */
  readonly fix?: string;
}

export type StepId = 'credentials' | 'sender' | 'recipients' | 'template' | 'customContent';

export interface StepReport {
  readonly id: StepId;
  /** 1–5, the FAQ's order. */
  readonly number: number;
  readonly title: string;
  /** What the step looked at (API actions, files). */
  readonly checked: string;
  readonly outcome: Outcome;
  readonly findings: readonly Finding[];
  /** Ids of the FAQ topics behind the step (server/src/knowledge/faq.ts). */
  readonly faqTopics: readonly string[];
}

export interface PreflightReport {
  readonly template: string;
  /** The endpoint or region called. */
  readonly target: string;
  readonly steps: readonly StepReport[];
  readonly outcome: Outcome;
}

/** The translation function: vscode.l10n in the extension, @vscode/l10n in tests. */
export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

const RANK: Record<Outcome, number> = { skipped: 0, pass: 1, warn: 2, fail: 3 };

/** The worst outcome of the findings; `skipped` only when nothing ran, `pass` for no findings. */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.length === 0) return 'pass';
  return outcomes.reduce((worst, o) => (RANK[o] > RANK[worst] ? o : worst), 'skipped' as Outcome);
}

export function step(id: StepId, number: number, title: string, checked: string, findings: Finding[], faqTopics: string[]): StepReport {
  return { id, number, title, checked, findings, faqTopics, outcome: worstOutcome(findings.map((f) => f.outcome)) };
}
