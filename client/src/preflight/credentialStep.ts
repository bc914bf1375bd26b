// Step 1 of the FAQ's checklist: "Whether the account has the QcloudFullAccess permission and whether
// SecretId and SecretKey are correct." Pure (no vscode).
import { failureFinding, isKeyRejected, isPermissionDenied } from './apiOutcome';
import type { CredentialFacts } from './facts';
import { step, type Finding, type L10n, type StepReport } from './report';

function sourceName(l10n: L10n, source: NonNullable<CredentialFacts['source']>): string {
  switch (source) {
    case 'secretStorage': return l10n.t('VS Code secret storage ("SES: Set Credentials")');
    case 'environment': return l10n.t('the environment variables TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY');
    case 'tccli': return l10n.t('the tccli credential file');
  }
}

export function credentialStep(l10n: L10n, facts: CredentialFacts, target: string): StepReport {
  const findings: Finding[] = [];
  const setFix = l10n.t('Run "SES: Set Credentials" with the SecretId and SecretKey of an API key from the CAM console (API Key Management).');
  if (!facts.source) {
    findings.push({ outcome: 'fail', text: l10n.t('No Tencent Cloud API key was found: not in the secret storage, the environment or the tccli credential file.'), fix: setFix });
  } else {
    findings.push({ outcome: 'pass', text: l10n.t('An API key is set, from {0}.', sourceName(l10n, facts.source)) });
    if (facts.problem) {
      findings.push({ outcome: 'fail', text: l10n.t('The key is malformed: {0}', facts.problem), fix: setFix });
    } else {
      findings.push({ outcome: 'pass', text: l10n.t('The SecretId and SecretKey are well-formed.') });
    }
  }
  const probe = facts.probe;
  if (probe?.ok) {
    findings.push({ outcome: 'pass', text: l10n.t('The API accepted the key: ListEmailAddress answered (RequestId {0}).', probe.requestId) });
  } else if (probe && probe.kind === 'api' && isKeyRejected(probe.code)) {
    const fix = probe.code === 'AuthFailure.SignatureExpire'
      ? l10n.t('Set this computer\'s clock right: Tencent refuses signatures more than 5 minutes off.')
      : l10n.t('Check the SecretId and SecretKey in the CAM console (no spaces before or after them, key not disabled or deleted), then run "SES: Set Credentials".');
    findings.push({ outcome: 'fail', text: l10n.t('The API rejected the key: {0} (RequestId {1}).', probe.code, probe.requestId ?? '-'), fix });
  } else if (probe && probe.kind === 'api' && isPermissionDenied(probe.code)) {
    findings.push({
      outcome: 'fail',
      text: l10n.t('The key is valid but may not use SES: {0} (RequestId {1}).', probe.code, probe.requestId ?? '-'),
      fix: l10n.t('In the CAM console, give the key\'s user the QcloudFullAccess policy, or an SES policy such as QcloudSESFullAccess.'),
    });
  } else if (probe) {
    findings.push(failureFinding(l10n, 'ListEmailAddress', probe, target));
  } else {
    findings.push({ outcome: 'skipped', text: l10n.t('The key was not tried against the API: fix the problem above first.') });
  }
  return step('credentials', 1, l10n.t('Credentials and permission'), l10n.t('Where the key comes from, its format, and a ListEmailAddress call with it.'), findings, ['send-failures']);
}
