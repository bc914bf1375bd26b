import { ApiError } from '../apiError';
import { allowOnly, isPresent, requireString, type Params } from '../params';
import type { EmulatorDnsRecord, EmulatorIdentity, EmulatorSender, SeedIdentity } from '../types';
import type { ActionHandler } from './context';

/**
 * ListEmailIdentities and GetEmailIdentity (reference §2.2, §2.4, §8.1). A domain's DNS records are
 * the four SES asks for (SPF, DKIM, DMARC, MX); a record whose CurrentValue differs from its
 * ExpectedValue, or whose Status is false, is what the console shows after DNS changed.
 */

/** Reputation level 1 of a new domain allows 500 emails a day (reference §8.4). */
const NEW_DOMAIN_LEVEL = 1;
const NEW_DOMAIN_QUOTA = 500;
const MAX_REPUTATION_LEVEL = 20;
const MAX_DAILY_QUOTA = 1_000_000;

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** The records of a domain as SES lists them (reference §8.1); the DKIM value is a fixed stand-in per domain. */
export function defaultDnsRecords(domain: string, verified: boolean): EmulatorDnsRecord[] {
  const dkim = `v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC${Buffer.from(domain).toString('base64').replace(/=+$/, '')}IDAQAB`;
  const records: Array<[string, string, string]> = [
    ['TXT', domain, 'v=spf1 include:qcloudmail.com ~all'],
    ['TXT', `qcloud._domainkey.${domain}`, dkim],
    ['TXT', `_dmarc.${domain}`, 'v=DMARC1; p=none'],
    ['MX', domain, 'mxbiz1.qq.com.'],
  ];
  return records.map(([Type, SendDomain, ExpectedValue]) => ({ Type, SendDomain, ExpectedValue, CurrentValue: verified ? ExpectedValue : '', Status: verified }));
}

/**
 * The identities of a seed: the listed ones (missing fields derived from the senders of that domain),
 * then one per sender domain not listed, verified when its senders' DomainVerified says so.
 */
export function identitiesFromSeed(seeded: SeedIdentity[] | undefined, senders: readonly EmulatorSender[]): EmulatorIdentity[] {
  if (seeded !== undefined && !Array.isArray(seeded)) throw new Error('seed: identities must be an array');
  const senderVerified = (domain: string): boolean | undefined => {
    const mine = senders.filter((s) => domainOf(s.EmailAddress) === domain);
    return mine.length === 0 ? undefined : mine.some((s) => s.DomainVerified);
  };
  const identities = (seeded ?? []).map((entry, i): EmulatorIdentity => {
    if (typeof entry?.IdentityName !== 'string' || entry.IdentityName === '') throw new Error(`seed identities[${i}].IdentityName: expected a non-empty string`);
    if (entry.Attributes !== undefined && !Array.isArray(entry.Attributes)) throw new Error(`seed identities[${i}].Attributes: expected an array`);
    const name = entry.IdentityName.toLowerCase();
    const verified = entry.VerifiedForSendingStatus ?? senderVerified(name) ?? true;
    return {
      IdentityName: name,
      VerifiedForSendingStatus: verified,
      SendingEnabled: entry.SendingEnabled ?? verified,
      CurrentReputationLevel: entry.CurrentReputationLevel ?? NEW_DOMAIN_LEVEL,
      DailyQuota: entry.DailyQuota ?? NEW_DOMAIN_QUOTA,
      DKIMOption: entry.DKIMOption ?? 0,
      Attributes: entry.Attributes
        ? entry.Attributes.map((record, j) => {
          if (typeof record?.SendDomain !== 'string' || typeof record.Type !== 'string') throw new Error(`seed identities[${i}].Attributes[${j}]: Type and SendDomain are needed`);
          const expected = record.ExpectedValue ?? '';
          const current = record.CurrentValue ?? (verified ? expected : '');
          return { Type: record.Type, SendDomain: record.SendDomain, ExpectedValue: expected, CurrentValue: current, Status: record.Status ?? current === expected };
        })
        : defaultDnsRecords(name, verified),
    };
  });
  for (const sender of senders) {
    const domain = domainOf(sender.EmailAddress);
    if (identities.some((identity) => identity.IdentityName === domain)) continue;
    const verified = senderVerified(domain) ?? true;
    identities.push({
      IdentityName: domain, VerifiedForSendingStatus: verified, SendingEnabled: verified,
      CurrentReputationLevel: NEW_DOMAIN_LEVEL, DailyQuota: NEW_DOMAIN_QUOTA, DKIMOption: 0, Attributes: defaultDnsRecords(domain, verified),
    });
  }
  return identities;
}

function optionalPage(params: Params, name: string): number | undefined {
  if (!isPresent(params, name)) return undefined;
  const value = params[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ApiError('InvalidParameter', `The parameter \`${name}\` must be an integer.`);
  if (value < 0) throw new ApiError('InvalidParameterValue', `The parameter \`${name}\` must not be negative.`);
  return value;
}

/** ListEmailIdentities: every parameter optional (TagList is accepted and not filtered on). */
export const listEmailIdentities: ActionHandler = (params, { state }) => {
  allowOnly(params, ['TagList', 'Limit', 'Offset']);
  if (isPresent(params, 'TagList') && !Array.isArray(params.TagList)) throw new ApiError('InvalidParameter', 'The parameter `TagList` must be an array.');
  const offset = optionalPage(params, 'Offset') ?? 0;
  const limit = optionalPage(params, 'Limit');
  const all = state.identities;
  const page = all.slice(offset, limit === undefined ? undefined : offset + limit);
  return {
    EmailIdentities: page.map((identity) => ({
      IdentityName: identity.IdentityName,
      IdentityType: 'DOMAIN',
      SendingEnabled: identity.SendingEnabled,
      CurrentReputationLevel: identity.CurrentReputationLevel,
      DailyQuota: identity.DailyQuota,
      SendIp: [],
      TagList: [],
      DKIMOption: identity.DKIMOption,
    })),
    MaxReputationLevel: MAX_REPUTATION_LEVEL,
    MaxDailyQuota: MAX_DAILY_QUOTA,
    Total: all.length,
  };
};

/** GetEmailIdentity: an unknown domain is `InvalidParameterValue.NotExistDomain` (reference §4.4). */
export const getEmailIdentity: ActionHandler = (params, { state }) => {
  allowOnly(params, ['EmailIdentity']);
  const name = requireString(params, 'EmailIdentity').trim().toLowerCase();
  if (name === '') throw new ApiError('InvalidParameterValue', 'The parameter `EmailIdentity` must not be empty.');
  const identity = state.identities.find((candidate) => candidate.IdentityName === name);
  if (!identity) throw new ApiError('InvalidParameterValue.NotExistDomain', 'This sender domain does not exist. Create it first.');
  return {
    IdentityType: 'DOMAIN',
    VerifiedForSendingStatus: identity.VerifiedForSendingStatus,
    Attributes: identity.Attributes.map((record) => ({ ...record })),
    DKIMOption: identity.DKIMOption,
    TagList: [],
  };
};
