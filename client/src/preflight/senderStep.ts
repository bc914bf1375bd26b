// Step 2 of the FAQ's checklist: "Whether the sender domain is verified. (Do not modify the
// configured DNS after it passes verification.)" Pure (no vscode).
import { failureFinding, skippedFinding } from './apiOutcome';
import { apiReady, type CredentialFacts, type SenderFacts } from './facts';
import { step, type Finding, type L10n, type StepReport } from './report';
import { byCount } from '#common/plural';

/** A new domain starts at reputation level 1, 500 emails a day (reference §8.4). */
const NEW_DOMAIN_LEVEL = 1;

/** `addr` or `Alias <addr>` (one space, no colon in the alias, as SendEmail wants); undefined when malformed. */
export function senderAddress(from: string): string | undefined {
  const aliased = /^([^:<>]+) <([^<>\s]+)>$/.exec(from.trim());
  const address = aliased ? aliased[2] : from.trim();
  return /^[^\s@<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(address) ? address : undefined;
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

export function senderStep(l10n: L10n, facts: SenderFacts, credentials: CredentialFacts, target: string): StepReport {
  const findings: Finding[] = [];
  const from = facts.chosen ?? facts.configured;
  const address = from !== undefined ? senderAddress(from) : undefined;
  const checked = l10n.t('The sender address in ListEmailAddress, its domain in ListEmailIdentities and GetEmailIdentity (verification, sending, each DNS record, reputation).');
  const done = () => step('sender', 2, l10n.t('Sender address and domain'), checked, findings, ['send-failures', 'warm-up']);
  if (from === undefined) {
    if (!apiReady(credentials)) {
      findings.push({ outcome: 'warn', text: l10n.t('ses.config.json sets no "from" for this template, and without step 1 the account\'s sender addresses cannot be listed.'), fix: l10n.t('Set "from" under "defaults" or the template in ses.config.json.') });
      return done();
    }
    const senders = credentials.probe?.ok ? credentials.probe.data.EmailSenders : [];
    findings.push(senders.length === 0
      ? { outcome: 'fail', text: l10n.t('The account has no sender address in this region.'), fix: l10n.t('Create a sender address on a verified domain in the SES console (Sender Address).') }
      : { outcome: 'warn', text: l10n.t('No sender was chosen.'), fix: l10n.t('Set "from" under "defaults" or the template in ses.config.json.') });
    return done();
  }
  if (!address) {
    findings.push({ outcome: 'fail', text: l10n.t('"{0}" is not a sender SendEmail accepts.', from), fix: l10n.t('Write it as an address (noreply@mail.example.com) or as Alias <address>, with one space and no colon in the alias.') });
    return done();
  }
  findings.push({ outcome: 'pass', text: l10n.t('Sender {0} ({1}).', address, facts.configured !== undefined ? l10n.t('"from" of ses.config.json') : l10n.t('chosen from ListEmailAddress')) });
  if (!apiReady(credentials)) {
    findings.push(skippedFinding(l10n, 'ListEmailAddress'), skippedFinding(l10n, 'ListEmailIdentities'), skippedFinding(l10n, 'GetEmailIdentity'));
    return done();
  }
  const senders = credentials.probe?.ok ? credentials.probe.data.EmailSenders : [];
  if (senders.some((s) => s.EmailAddress.toLowerCase() === address.toLowerCase())) {
    findings.push({ outcome: 'pass', text: l10n.t('{0} is a sender address of the account.', address) });
  } else {
    findings.push({
      outcome: 'fail',
      text: l10n.t('{0} is not among the account\'s sender addresses ({1}): SendEmail would fail with InvalidParameterValue.NoSuchSender.', address, senders.map((s) => s.EmailAddress).join(', ') || '-'),
      fix: l10n.t('Create it in the SES console (Sender Address), or correct "from" in ses.config.json.'),
    });
  }
  const domain = domainOf(address);
  const identities = facts.identities;
  if (identities && !identities.ok) {
    findings.push(failureFinding(l10n, 'ListEmailIdentities', identities, target));
  } else if (identities?.ok) {
    const listed = identities.data.EmailIdentities.find((i) => i.IdentityName.toLowerCase() === domain);
    if (!listed) {
      findings.push({ outcome: 'fail', text: l10n.t('{0} is not a sender domain of this account in this region.', domain), fix: l10n.t('Add the domain in the SES console (Sender Domain), set its DNS records and have it verified.') });
    } else {
      findings.push(listed.SendingEnabled
        ? { outcome: 'pass', text: l10n.t('Sending is enabled for {0}.', domain) }
        : { outcome: 'fail', text: l10n.t('Sending is not enabled for {0} (SendingEnabled false).', domain), fix: l10n.t('Finish the domain\'s verification; if it is verified, ask Tencent Cloud through a ticket why sending is off.') });
      const level = listed.CurrentReputationLevel;
      const quota = listed.DailyQuota;
      if (level !== undefined || quota !== undefined) {
        const text = l10n.t('Reputation level {0}, at most {1} emails a day.', level ?? '?', quota ?? '?');
        findings.push(level !== undefined && level <= NEW_DOMAIN_LEVEL
          ? { outcome: 'warn', text: `${text} ${l10n.t('A new domain starts at level 1 (500 a day) and rises with good delivery.')}`, fix: l10n.t('Warm up: start with small volumes and increase them day by day.') }
          : { outcome: 'pass', text });
      }
    }
  }
  const identity = facts.identity;
  if (identity && !identity.ok) {
    findings.push(identity.kind === 'api' && identity.code === 'InvalidParameterValue.NotExistDomain'
      ? { outcome: 'fail', text: l10n.t('GetEmailIdentity: {0} does not exist as a sender domain (InvalidParameterValue.NotExistDomain).', domain), fix: l10n.t('Add the domain in the SES console (Sender Domain), set its DNS records and have it verified.') }
      : failureFinding(l10n, 'GetEmailIdentity', identity, target));
  } else if (identity?.ok) {
    const verified = identity.data.VerifiedForSendingStatus;
    findings.push(verified
      ? { outcome: 'pass', text: l10n.t('{0} is verified.', domain) }
      : { outcome: 'fail', text: l10n.t('{0} is not verified: SendEmail would fail with FailedOperation.NotAuthenticatedSender.', domain), fix: l10n.t('Set the DNS records below, then request verification in the SES console.') });
    let good = 0;
    for (const record of identity.data.Attributes ?? []) {
      const current = record.CurrentValue ?? '';
      if (record.Status && current === record.ExpectedValue) {
        good++;
        continue;
      }
      const where = l10n.t('{0} record at {1}, expected value: {2}', record.Type, record.SendDomain, record.ExpectedValue);
      if (current !== '') {
        findings.push({ outcome: 'fail', text: l10n.t('This record was changed after verification: {0}; Tencent now sees: {1}', where, current), fix: l10n.t('Restore the expected value at your DNS provider. Do not modify the DNS records after the domain passed verification.') });
      } else {
        findings.push({
          outcome: 'fail',
          text: verified ? l10n.t('This record was removed after verification: {0}', where) : l10n.t('Tencent does not see this record: {0}', where),
          fix: verified ? l10n.t('Restore the record at your DNS provider. Do not modify the DNS records after the domain passed verification.') : l10n.t('Add the record at your DNS provider, then request verification.'),
        });
      }
    }
    if (good > 0) findings.push({ outcome: 'pass', text: byCount(good, () => l10n.t('1 DNS record as expected.'), () => l10n.t('{0} DNS records as expected.', good)) });
  }
  return done();
}
