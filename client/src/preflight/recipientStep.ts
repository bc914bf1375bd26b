// Step 3 of the FAQ's checklist: "Whether the recipient email address is correct", with the shared
// blocklist and the unsubscription rule. Pure (no vscode).
import { MAX_RECIPIENTS, parseRecipients } from '../api/recipients';
import { failureFinding, skippedFinding } from './apiOutcome';
import { apiReady, type CredentialFacts, type RecipientFacts } from './facts';
import { step, type Finding, type L10n, type StepReport } from './report';

export function recipientStep(l10n: L10n, facts: RecipientFacts, credentials: CredentialFacts, target: string): StepReport {
  const findings: Finding[] = [];
  const done = () => step('recipients', 3, l10n.t('Recipient addresses'), l10n.t('The addresses\' spelling, and ListBlackEmailAddress for each over the last 14 days.'), findings, ['blocklist', 'unsubscription']);
  const typed = facts.typed?.trim() ?? '';
  if (typed === '') {
    findings.push({ outcome: 'skipped', text: l10n.t('No recipient was given: run the check again with the addresses you send to.') });
    return done();
  }
  const parsed = parseRecipients(typed);
  for (const bad of parsed.invalid) {
    findings.push({ outcome: 'fail', text: l10n.t('"{0}" is not an email address: SendEmail would fail with InvalidParameterValue.ReceiverEmailInvalid.', bad), fix: l10n.t('Correct the address.') });
  }
  if (parsed.tooMany) findings.push({ outcome: 'fail', text: l10n.t('{0} addresses: SendEmail takes at most {1}.', parsed.addresses.length, MAX_RECIPIENTS), fix: l10n.t('Send in batches of at most {0}.', MAX_RECIPIENTS) });
  if (parsed.duplicates.length > 0) findings.push({ outcome: 'warn', text: l10n.t('Given more than once: {0}.', parsed.duplicates.join(', ')), fix: l10n.t('Remove the duplicates.') });
  if (parsed.addresses.length > 0) findings.push({ outcome: 'pass', text: l10n.t('Well-formed: {0}.', parsed.addresses.join(', ')) });
  if (parsed.addresses.length === 0) return done();
  if (!apiReady(credentials)) {
    findings.push(skippedFinding(l10n, 'ListBlackEmailAddress'));
  } else if (facts.blocklist && !facts.blocklist.ok) {
    findings.push(failureFinding(l10n, 'ListBlackEmailAddress', facts.blocklist, target));
  } else if (facts.blocklist?.ok) {
    for (const status of facts.blocklist.data) {
      findings.push(status.blocked
        ? {
          outcome: 'fail',
          text: l10n.t('{0} is on the blocklist since {1} (Beijing time), until {2}: {3}', status.address, status.bounceTime ?? '-', status.blockedUntil ?? '-', status.reason ?? '-'),
          fix: l10n.t('Use another address, or, if the address works again, remove it with "SES: Check Blocklist" (DeleteBlackList).'),
        }
        : { outcome: 'pass', text: l10n.t('{0} is not on your blocklist.', status.address) });
    }
  }
  findings.push({ outcome: 'pass', text: l10n.t('Note: a recipient who unsubscribed from your sender domain cannot receive its emails (FailedOperation.ReceiverHasUnsubscribed); the API has no lookup for this.') });
  return done();
}
