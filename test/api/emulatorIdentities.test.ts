import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorHandle } from '../emulator';
import { signedCall } from '../emulator/signedRequest';
import { examplesSeed, FIXED_NOW_MS, FIXED_NOW_SECONDS } from '../emulator/testClock';
import { SesClient } from '../../common/cloud/sesClient';

/** ListEmailIdentities and GetEmailIdentity: documented shapes and codes, over signed HTTP. */

let emulator: EmulatorHandle | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire JSON, checked field by field below
async function call(action: string, params: unknown): Promise<any> {
  const result = await signedCall(emulator!.url, action, params, { timestamp: FIXED_NOW_SECONDS });
  assert.equal(result.status, 200, result.text);
  const response = result.json?.Response;
  assert.ok(response?.RequestId, `no Response envelope: ${result.text}`);
  return response;
}

async function expectError(action: string, params: unknown, code: string) {
  const response = await call(action, params);
  assert.equal(response.Error?.Code, code, JSON.stringify(response));
  assert.ok(response.Error.Message);
}

describe('emulator: sender domains of the examples seed', () => {
  beforeEach(async () => {
    emulator = await startEmulator({ seed: examplesSeed(), now: () => FIXED_NOW_MS });
  });

  it('ListEmailIdentities lists both domains with the documented fields', async () => {
    const response = await call('ListEmailIdentities', {});
    assert.equal(response.Error, undefined);
    assert.equal(response.Total, 2);
    assert.equal(typeof response.MaxReputationLevel, 'number');
    assert.equal(typeof response.MaxDailyQuota, 'number');
    const byName = new Map<string, Record<string, unknown>>(response.EmailIdentities.map((e: Record<string, unknown>) => [e.IdentityName, e]));
    assert.deepEqual(byName.get('mail.example.com'), {
      IdentityName: 'mail.example.com', IdentityType: 'DOMAIN', SendingEnabled: true, CurrentReputationLevel: 5, DailyQuota: 10000, SendIp: [], TagList: [], DKIMOption: 0,
    });
    assert.equal(byName.get('promo.example.com')?.SendingEnabled, false);
    assert.equal(byName.get('promo.example.com')?.DailyQuota, 500);
  });

  it('ListEmailIdentities pages with Limit and Offset, and refuses bad parameters', async () => {
    const page = await call('ListEmailIdentities', { Limit: 1, Offset: 1 });
    assert.equal(page.EmailIdentities.length, 1);
    assert.equal(page.Total, 2);
    await expectError('ListEmailIdentities', { Limit: 'ten' }, 'InvalidParameter');
    await expectError('ListEmailIdentities', { Offset: -1 }, 'InvalidParameterValue');
    await expectError('ListEmailIdentities', { Domain: 'x' }, 'UnknownParameter');
  });

  it('GetEmailIdentity: a verified domain with its SPF, DKIM, DMARC and MX records found', async () => {
    const response = await call('GetEmailIdentity', { EmailIdentity: 'mail.example.com' });
    assert.equal(response.Error, undefined);
    assert.equal(response.IdentityType, 'DOMAIN');
    assert.equal(response.VerifiedForSendingStatus, true);
    assert.deepEqual(response.Attributes.map((a: { Type: string; SendDomain: string }) => `${a.Type} ${a.SendDomain}`), [
      'TXT mail.example.com', 'TXT qcloud._domainkey.mail.example.com', 'TXT _dmarc.mail.example.com', 'MX mail.example.com',
    ]);
    for (const record of response.Attributes) {
      assert.equal(record.Status, true);
      assert.equal(record.CurrentValue, record.ExpectedValue);
    }
  });

  it('GetEmailIdentity: the unverified domain whose DKIM record changed after verification', async () => {
    const response = await call('GetEmailIdentity', { EmailIdentity: 'PROMO.example.com' });
    assert.equal(response.VerifiedForSendingStatus, false);
    const dkim = response.Attributes.find((a: { SendDomain: string }) => a.SendDomain.startsWith('qcloud._domainkey.'));
    assert.equal(dkim.Status, false);
    assert.notEqual(dkim.CurrentValue, dkim.ExpectedValue);
  });

  it('GetEmailIdentity: unknown domain → InvalidParameterValue.NotExistDomain; missing or wrong parameter', async () => {
    await expectError('GetEmailIdentity', { EmailIdentity: 'nowhere.example.net' }, 'InvalidParameterValue.NotExistDomain');
    await expectError('GetEmailIdentity', {}, 'MissingParameter');
    await expectError('GetEmailIdentity', { EmailIdentity: 42 }, 'InvalidParameter');
    await expectError('GetEmailIdentity', { EmailIdentity: '' }, 'InvalidParameterValue');
  });

  it('the SesClient reads both actions with their response shapes', async () => {
    const client = new SesClient({ credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }), region: 'ap-guangzhou', endpoint: emulator!.url, now: () => FIXED_NOW_MS });
    const list = await client.call('ListEmailIdentities', {});
    assert.ok(list.ok, JSON.stringify(list));
    assert.equal(list.data.EmailIdentities.length, 2);
    const one = await client.call('GetEmailIdentity', { EmailIdentity: 'mail.example.com' });
    assert.ok(one.ok && one.data.VerifiedForSendingStatus);
  });
});

describe('emulator: identities derived from the senders when the seed lists none', () => {
  it('one identity per sender domain, verified as DomainVerified says, with default records', async () => {
    emulator = await startEmulator({
      seed: { senders: [{ EmailAddress: 'a@ok.example.com' }, { EmailAddress: 'b@new.example.com', DomainVerified: false }] },
      now: () => FIXED_NOW_MS,
    });
    const list = await call('ListEmailIdentities', {});
    assert.deepEqual(list.EmailIdentities.map((e: { IdentityName: string; SendingEnabled: boolean }) => [e.IdentityName, e.SendingEnabled]), [['ok.example.com', true], ['new.example.com', false]]);
    const ok = await call('GetEmailIdentity', { EmailIdentity: 'ok.example.com' });
    assert.equal(ok.VerifiedForSendingStatus, true);
    assert.deepEqual(ok.Attributes.map((a: { Type: string }) => a.Type), ['TXT', 'TXT', 'TXT', 'MX']);
    assert.ok(ok.Attributes.every((a: { Status: boolean }) => a.Status));
    const fresh = await call('GetEmailIdentity', { EmailIdentity: 'new.example.com' });
    assert.equal(fresh.VerifiedForSendingStatus, false);
    assert.ok(fresh.Attributes.every((a: { Status: boolean; CurrentValue: string }) => !a.Status && a.CurrentValue === ''));
  });

  it('a listed identity takes missing fields from its senders; a malformed entry is refused at start', async () => {
    emulator = await startEmulator({
      seed: { senders: [{ EmailAddress: 'x@half.example.com', DomainVerified: false }], identities: [{ IdentityName: 'half.example.com', DailyQuota: 2000 }] },
      now: () => FIXED_NOW_MS,
    });
    const list = await call('ListEmailIdentities', {});
    assert.equal(list.Total, 1);
    assert.equal(list.EmailIdentities[0].SendingEnabled, false);
    assert.equal(list.EmailIdentities[0].DailyQuota, 2000);
    await emulator.close();
    emulator = undefined;
    await assert.rejects(startEmulator({ seed: { identities: [{ IdentityName: '' }] } }), /identities\[0\]/);
  });
});
