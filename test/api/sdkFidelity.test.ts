import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ses } from 'tencentcloud-sdk-nodejs-ses';
import { beijingDate, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorHandle } from '../emulator';
import { examplesSeed } from '../emulator/testClock';

/**
 * The official Node SDK (tencentcloud-sdk-nodejs-ses 4.1.76) against the emulator: if the real client
 * signs, sends and parses without noticing a difference, the emulator speaks the wire format
 * (reference §7.3, §7.4). The agent bypasses a lowercase http_proxy variable.
 */

let emulator: EmulatorHandle;
let client: InstanceType<typeof ses.v20201002.Client>;

interface SdkError { code?: string; requestId?: string; message: string; httpCode?: number }

async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  assert.fail('expected the SDK call to reject');
}

const ORDER_DATA = JSON.stringify({ first_name: 'Alex', order_id: 'ES-1', order_date: 'today', card_last4: '4242', order_total: '¥1', shipping_city: '深圳' });

before(async () => {
  emulator = await startEmulator({ seed: examplesSeed() });
  client = new ses.v20201002.Client({
    credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http://', agent: new http.Agent(), reqTimeout: 10 } },
  });
});
after(() => emulator.close());

describe('official SDK against the emulator', () => {
  it('SendEmail resolves with MessageId and RequestId; the message is recorded', async () => {
    const result = await client.SendEmail({
      FromEmailAddress: '示例商店 <noreply@mail.example.com>', Destination: ['alex@example.com'], Subject: '订单 {{order_id}} 已确认',
      Template: { TemplateID: 21001, TemplateData: ORDER_DATA }, TriggerType: 1,
    });
    assert.match(String(result.MessageId), /^qcloudses-30-\d+-date-\d{14}-[A-Za-z0-9]+$/);
    assert.match(String(result.RequestId), /^[0-9a-f-]{36}$/);
    assert.ok(emulator.state.messages.some((m) => m.MessageId === result.MessageId && m.ToEmailAddress === 'alex@example.com'));
    const last = emulator.requests.at(-1);
    assert.equal(last?.headers['x-tc-requestclient'], 'SDK_NODEJS_4.1.220');
    assert.equal(last?.resultCode, 'OK');
  });

  it('an API error rejects with e.code, e.requestId and e.message as the emulator answered', async () => {
    const error = await rejection(client.SendEmail({
      FromEmailAddress: 'noreply@mail.example.com', Destination: ['bounced@example.com'], Subject: 'x',
      Template: { TemplateID: 21001, TemplateData: ORDER_DATA },
    }));
    const last = emulator.requests.at(-1);
    assert.equal(error.code, 'FailedOperation.EmailAddrInBlacklist');
    assert.equal(error.requestId, last?.requestId);
    assert.equal(error.message, 'bounced@example.com is in the blocklist.');
    assert.equal(error.httpCode, undefined);
  });

  it('ListEmailAddress', async () => {
    const result = await client.ListEmailAddress();
    assert.deepEqual(result.EmailSenders?.map((s) => s.EmailAddress), ['noreply@mail.example.com', 'news@promo.example.com']);
  });

  it('ListBlackEmailAddress, DeleteBlackList, and the list again', async () => {
    const now = Math.floor(Date.now() / 1000);
    const query = { StartDate: beijingDate(now - 30 * 86400), EndDate: beijingDate(now), Limit: 10, Offset: 0 };
    const before = await client.ListBlackEmailAddress(query);
    assert.equal(before.TotalCount, 3);
    assert.ok(before.BlackList?.some((entry) => entry.EmailAddress === 'full-mailbox@example.org'));
    const deleted = await client.DeleteBlackList({ EmailAddressList: ['full-mailbox@example.org'] });
    assert.match(String(deleted.RequestId), /^[0-9a-f-]{36}$/);
    const afterDelete = await client.ListBlackEmailAddress(query);
    assert.equal(afterDelete.TotalCount, 2);
    assert.ok(!afterDelete.BlackList?.some((entry) => entry.EmailAddress === 'full-mailbox@example.org'));
  });

  it('GetSendEmailStatus finds the seeded delivery statuses', async () => {
    const bounced = emulator.state.messages.find((m) => m.ToEmailAddress === 'nobody@example.net');
    assert.ok(bounced);
    const result = await client.GetSendEmailStatus({ RequestDate: beijingDate(bounced.RequestTime), Offset: 0, Limit: 10, ToEmailAddress: 'nobody@example.net' });
    assert.deepEqual(result.EmailStatusList?.map((s) => [s.MessageId, s.SendStatus, s.DeliverStatus]), [[bounced.MessageId, 0, 3]]);
  });

  it('FailedOperation.InvalidLimit surfaces as e.code', async () => {
    const now = Math.floor(Date.now() / 1000);
    const error = await rejection(client.GetSendEmailStatus({ RequestDate: beijingDate(now), Offset: 0, Limit: 500 }));
    assert.equal(error.code, 'FailedOperation.InvalidLimit');
  });

  it('a 502 fault maps to httpCode 502 with the status text and no code', async () => {
    emulator.inject({ kind: 'status', status: 502 });
    const error = await rejection(client.ListEmailAddress());
    assert.equal(error.httpCode, 502);
    assert.equal(error.message, 'Bad Gateway');
    assert.equal(error.code, undefined);
  });

  it('a wrong key is refused as AuthFailure.SignatureFailure', async () => {
    const wrong = new ses.v20201002.Client({
      credential: { secretId: DEFAULT_SECRET_ID, secretKey: 'wrong-key' },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http://', agent: new http.Agent() } },
    });
    assert.equal((await rejection(wrong.ListEmailAddress())).code, 'AuthFailure.SignatureFailure');
  });
});
