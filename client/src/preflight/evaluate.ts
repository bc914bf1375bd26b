// Facts → report: the FAQ's five steps in order. Later steps still run after a failure; their API
// parts say "skipped: needs step 1" when the key did not work. Pure (no vscode).
import { credentialStep } from './credentialStep';
import { customContentStep } from './customContentStep';
import type { PreflightFacts } from './facts';
import { recipientStep } from './recipientStep';
import { worstOutcome, type L10n, type PreflightReport } from './report';
import { senderStep } from './senderStep';
import { templateStep } from './templateStep';

export function evaluatePreflight(l10n: L10n, facts: PreflightFacts): PreflightReport {
  const steps = [
    credentialStep(l10n, facts.credentials, facts.target),
    senderStep(l10n, facts.sender, facts.credentials, facts.target),
    recipientStep(l10n, facts.recipients, facts.credentials, facts.target),
    templateStep(l10n, facts.template, facts.credentials, facts.target),
    customContentStep(l10n),
  ];
  return { template: facts.template.name, target: facts.target, steps, outcome: worstOutcome(steps.map((s) => s.outcome)) };
}
