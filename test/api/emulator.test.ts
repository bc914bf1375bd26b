import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { beijingDate, beijingDateTime, startEmulator, type EmulatorHandle } from '../emulator';
import { signedCall } from '../emulator/signedRequest';
import { examplesSeed, FIXED_NOW_MS, FIXED_NOW_SECONDS, REPO_ROOT } from '../emulator/testClock';

/** Actions: documented success shapes and error codes, through real signed HTTP requests. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY = 86400;
const exampleFile = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
const ORDER_DATA: Record<string, string> = JSON.parse(exampleFile('order-confirmation.data.json'));

// A fresh emulator per test: state changes never leak from one test into another.
let emulator: EmulatorHandle;
beforeEach(async () => {
  emulator = await startEmulator({ seed: examplesSeed(), now: () => FIXED_NOW_MS });
});
afterEach(() => emulator.close());

async function call(action: string, params: unknown) {
  const result = await signedCall(emulator.url, action, params, { timestamp: FIXED_NOW_SECONDS });
  assert.equal(result.status, 200, result.text);
  const response = result.json?.Response;
  assert.ok(response, `no Response envelope: ${result.text}`);
  assert.match(String(response.RequestId), UUID);
  return response;
}

async function expectOk(action: string, params: unknown) {
  const response = await call(action, params);
  assert.equal(response.Error, undefined, JSON.stringify(response.Error));
  return response;
}

async function expectError(action: string, params: unknown, code: string) {
  const response = await call(action, params);
  assert.equal(response.Error?.Code, code, JSON.stringify(response));
  assert.ok(response.Error?.Message, 'an error has a message');
  assert.deepEqual(Object.keys(response).sort(), ['Error', 'RequestId']);
  return response.Error as { Code: string; Message: string };
}

function orderEmail(overrides: Record<string, unknown> = {}) {
  return {
    FromEmailAddress: 'Example Shop <noreply@mail.example.com>',
    Destination: ['alex@example.com'],
    Subject: 'Your order {{order_id}} is confirmed',
    Template: { TemplateID: 21001, TemplateData: JSON.stringify(ORDER_DATA) },
    TriggerType: 1,
    ...overrides,
  };
}

const today = beijingDate(FIXED_NOW_SECONDS);
const daysAgo = (days: number) => beijingDate(FIXED_NOW_SECONDS - days * DAY);
const blockList = (params: Record<string, unknown> = {}) => ({ StartDate: daysAgo(30), EndDate: today, Limit: 100, Offset: 0, ...params });

describe('emulator: seed', () => {
  it('loads the examples seed: senders, templates, blocklist with relative times, unsubscribed, messages', () => {
    const { state } = emulator;
    assert.deepEqual(state.senders.map((s) => [s.EmailAddress, s.DomainVerified]), [['noreply@mail.example.com', true], ['news@promo.example.com', false]]);
    assert.deepEqual(state.templates.map((t) => [t.TemplateID, t.TemplateName, t.TemplateStatus]),
      [[21001, 'order-confirmation', 0], [21002, 'password-reset', 0], [21003, 'welcome', 1], [21004, 'double-eleven-promo', 2]]);
    assert.equal(state.templates[0].Html, exampleFile('order-confirmation.ses.html'));
    assert.equal(state.templates[0].Text, exampleFile('order-confirmation.ses.txt'));
    const bounced = state.blocklist.find((entry) => entry.EmailAddress === 'bounced@example.com');
    assert.equal(bounced?.BounceTime, FIXED_NOW_SECONDS - 2 * DAY);
    assert.ok(state.blocklist.some((entry) => FIXED_NOW_SECONDS - entry.BounceTime > 14 * DAY), 'one entry older than 14 days');
    assert.deepEqual(state.unsubscribed, ['unsubscribed@example.com']);
    assert.equal(state.messages.length, 2);
    assert.ok(state.messages.every((m) => m.MessageId.includes(`-date-${beijingDateTime(m.RequestTime).replace(/[- :]/g, '')}-`)));
  });

  it('refuses a malformed seed at start with the bad entry named', async () => {
    await assert.rejects(startEmulator({ seed: { blocklist: [{ EmailAddress: 'a@b.com', BounceTime: 'yesterday-ish' }] } }), /blocklist\[0\].*yesterday-ish/);
    await assert.rejects(startEmulator({ seed: { templates: [{ TemplateID: -1, TemplateName: 'x', TemplateStatus: 0 }] } }), /templates\[0\]/);
  });

  it('absolute seed times are Beijing time', async () => {
    const other = await startEmulator({ seed: { blocklist: [{ EmailAddress: 'a@b.com', BounceTime: '2026-11-28 00:30:00' }] } });
    try {
      assert.equal(other.state.blocklist[0].BounceTime, Date.UTC(2026, 10, 27, 16, 30) / 1000);
    } finally {
      await other.close();
    }
  });
});

describe('emulator: SendEmail', () => {
  it('sends with an approved template and records one delivered status per recipient', async () => {
    const response = await expectOk('SendEmail', orderEmail({ Cc: ['cc@example.com'] }));
    assert.deepEqual(Object.keys(response).sort(), ['MessageId', 'RequestId']);
    const messageId = String(response.MessageId);
    assert.match(messageId, /^qcloudses-30-\d+-date-20261128110000-[A-Za-z0-9]+$/);
    const recorded = emulator.state.messages.filter((m) => m.MessageId === messageId);
    assert.deepEqual(recorded.map((m) => [m.ToEmailAddress, m.FromEmailAddress, m.SendStatus, m.DeliverStatus, m.RequestTime]), [
      ['alex@example.com', 'noreply@mail.example.com', 0, 1, FIXED_NOW_SECONDS],
      ['cc@example.com', 'noreply@mail.example.com', 0, 1, FIXED_NOW_SECONDS],
    ]);
  });

  it('accepts a 100-character Chinese subject and a plain sender address', async () => {
    await expectOk('SendEmail', orderEmail({ FromEmailAddress: 'noreply@mail.example.com', Subject: '订'.repeat(100) }));
  });

  it('a blocklist entry older than 14 days no longer blocks (FAQ)', async () => {
    await expectOk('SendEmail', orderEmail({ Destination: ['old-bounce@example.com'] }));
  });

  const errorCases: [string, Record<string, unknown>, string][] = [
    ['no FromEmailAddress', { FromEmailAddress: undefined }, 'MissingParameter'],
    ['no Subject', { Subject: undefined }, 'MissingParameter'],
    ['empty Subject', { Subject: '' }, 'InvalidParameterValue.SubjectLengthError'],
    ['101-character Subject', { Subject: 'x'.repeat(101) }, 'InvalidParameterValue.SubjectLengthError'],
    ['Subject not a string', { Subject: 42 }, 'InvalidParameter'],
    ['51 recipients', { Destination: Array.from({ length: 51 }, (_, i) => `user${i}@example.com`) }, 'FailedOperation.TooManyRecipients'],
    ['21 Cc', { Cc: Array.from({ length: 21 }, (_, i) => `cc${i}@example.com`) }, 'FailedOperation.TooManyRecipients'],
    ['Destination not an array', { Destination: 'alex@example.com' }, 'InvalidParameter'],
    ['no recipient at all', { Destination: [] }, 'InvalidParameterValue.EmailAddressIsNULL'],
    ['malformed recipient', { Destination: ['alex@@example'] }, 'InvalidParameterValue.ReceiverEmailInvalid'],
    ['recipient with spaces', { Destination: ['Alex <alex@example.com>'] }, 'InvalidParameterValue.ReceiverEmailInvalid'],
    ['Bcc repeating Destination', { Bcc: ['ALEX@example.com'] }, 'InvalidParameterValue'],
    ['alias with a colon', { FromEmailAddress: 'Shop: Deals <noreply@mail.example.com>' }, 'FailedOperation.IncorrectSender'],
    ['alias without the space', { FromEmailAddress: 'Shop<noreply@mail.example.com>' }, 'FailedOperation.IncorrectSender'],
    ['unknown sender', { FromEmailAddress: 'sales@mail.example.com' }, 'InvalidParameterValue.NoSuchSender'],
    ['sender on an unverified domain', { FromEmailAddress: 'news@promo.example.com' }, 'FailedOperation.NotAuthenticatedSender'],
    ['blocklisted recipient', { Destination: ['bounced@example.com'] }, 'FailedOperation.EmailAddrInBlacklist'],
    ['blocklisted Bcc, any case', { Bcc: ['Full-Mailbox@Example.org'] }, 'FailedOperation.EmailAddrInBlacklist'],
    ['unsubscribed recipient', { Destination: ['unsubscribed@example.com'] }, 'FailedOperation.ReceiverHasUnsubscribed'],
    ['unknown TemplateID', { Template: { TemplateID: 99999, TemplateData: '{}' } }, 'FailedOperation.InvalidTemplateID'],
    ['TemplateID as a string', { Template: { TemplateID: '21001', TemplateData: '{}' } }, 'InvalidParameter'],
    ['Template without TemplateData', { Template: { TemplateID: 21001 } }, 'MissingParameter'],
    ['template pending review', { Template: { TemplateID: 21003, TemplateData: '{"first_name":"A","coupon":"C","coupon_expiry":"D"}' } }, 'OperationDenied.TemplateStatusError'],
    ['rejected template', { Template: { TemplateID: 21004, TemplateData: '{"nickname":"A"}' } }, 'OperationDenied.TemplateStatusError'],
    ['TemplateData not JSON', { Template: { TemplateID: 21001, TemplateData: "{first_name:'Alex'}" } }, 'FailedOperation.WrongContentJson'],
    ['TemplateData an object instead of a string', { Template: { TemplateID: 21001, TemplateData: ORDER_DATA } }, 'InvalidParameter'],
    ['TemplateData with a nested value', { Template: { TemplateID: 21001, TemplateData: JSON.stringify({ ...ORDER_DATA, first_name: { a: 1 } }) } }, 'FailedOperation.WrongContentJson'],
    ['neither Template nor Simple', { Template: undefined }, 'FailedOperation.MissingEmailContent'],
    ['Simple without the permission', { Template: undefined, Simple: { Html: 'PGI+aGk8L2I+' } }, 'FailedOperation.WithOutPermission'],
    ['an undefined parameter', { Attachment: [] }, 'UnknownParameter'],
  ];
  for (const [name, overrides, code] of errorCases) {
    it(`${name} → ${code}, nothing sent`, async () => {
      const params = orderEmail(overrides);
      for (const key of Object.keys(params) as (keyof typeof params)[]) if (params[key] === undefined) delete params[key];
      const before = emulator.state.messages.length;
      await expectError('SendEmail', params, code);
      assert.equal(emulator.state.messages.length, before);
    });
  }

  it('a variable of the template or subject missing from TemplateData → InvalidParameterValue.TemplateNotMatchData, naming it', async () => {
    const partial = { ...ORDER_DATA };
    delete partial.card_last4;
    const error = await expectError('SendEmail', orderEmail({ Template: { TemplateID: 21001, TemplateData: JSON.stringify(partial) } }), 'InvalidParameterValue.TemplateNotMatchData');
    assert.match(error.Message, /card_last4/);
    const subjectOnly = await expectError('SendEmail', orderEmail({ Subject: 'Hi {{nickname}}' }), 'InvalidParameterValue.TemplateNotMatchData');
    assert.match(subjectOnly.Message, /nickname/);
  });

  it('extra TemplateData keys are fine', async () => {
    await expectOk('SendEmail', orderEmail({ Template: { TemplateID: 21001, TemplateData: JSON.stringify({ ...ORDER_DATA, unused: 'x' }) } }));
  });

  it('Simple content works only for accounts seeded with the permission, and must be base64', async () => {
    const other = await startEmulator({ seed: { ...examplesSeed(), allowSimpleContent: true }, now: () => FIXED_NOW_MS });
    try {
      const send = (simple: unknown) => signedCall(other.url, 'SendEmail', { ...orderEmail({ Template: undefined }), Simple: simple }, { timestamp: FIXED_NOW_SECONDS });
      assert.match(String((await send({ Html: Buffer.from('<b>hi</b>').toString('base64') })).json?.Response?.MessageId), /^qcloudses-30-/);
      assert.equal((await send({ Html: '<b>not base64</b>' })).json?.Response?.Error?.Code, 'InvalidParameterValue.EmailContentIsWrong');
      assert.equal((await send({})).json?.Response?.Error?.Code, 'FailedOperation.MissingEmailContent');
    } finally {
      await other.close();
    }
  });
});

describe('emulator: ListBlackEmailAddress and DeleteBlackList', () => {
  it('lists entries bounced within the dates, newest first, with Beijing BounceTime', async () => {
    const response = await expectOk('ListBlackEmailAddress', blockList());
    assert.equal(response.TotalCount, 3);
    assert.deepEqual(response.BlackList, [
      { BounceTime: beijingDateTime(FIXED_NOW_SECONDS - 5 * 3600), EmailAddress: 'full-mailbox@example.org', IspDesc: '552 1 Requested mail action aborted, mailbox not found' },
      { BounceTime: beijingDateTime(FIXED_NOW_SECONDS - 2 * DAY), EmailAddress: 'bounced@example.com', IspDesc: '550 5.1.1 The email account that you tried to reach does not exist.' },
      { BounceTime: beijingDateTime(FIXED_NOW_SECONDS - 20 * DAY), EmailAddress: 'old-bounce@example.com', IspDesc: '550 Mailbox unavailable or access denied' },
    ]);
    assert.equal(beijingDateTime(FIXED_NOW_SECONDS - 2 * DAY), '2026-11-26 11:00:00');
  });

  it('filters by date range and address, and pages with Limit/Offset while TotalCount counts all', async () => {
    const yesterdayOnly = await expectOk('ListBlackEmailAddress', blockList({ StartDate: daysAgo(2), EndDate: daysAgo(2) }));
    assert.deepEqual((yesterdayOnly.BlackList as { EmailAddress: string }[]).map((e) => e.EmailAddress), ['bounced@example.com']);
    const one = await expectOk('ListBlackEmailAddress', blockList({ EmailAddress: 'BOUNCED@example.com' }));
    assert.equal(one.TotalCount, 1);
    const page = await expectOk('ListBlackEmailAddress', blockList({ Limit: 1, Offset: 1 }));
    assert.equal(page.TotalCount, 3);
    assert.deepEqual((page.BlackList as { EmailAddress: string }[]).map((e) => e.EmailAddress), ['bounced@example.com']);
    const none = await expectOk('ListBlackEmailAddress', blockList({ StartDate: '2020-01-01', EndDate: '2020-01-02' }));
    assert.deepEqual([none.BlackList, none.TotalCount], [[], 0]);
  });

  it('DeleteBlackList removes the address: it leaves the list and can be sent to again', async () => {
    await expectError('SendEmail', orderEmail({ Destination: ['bounced@example.com'] }), 'FailedOperation.EmailAddrInBlacklist');
    const deleted = await expectOk('DeleteBlackList', { EmailAddressList: ['Bounced@Example.com'] });
    assert.deepEqual(Object.keys(deleted), ['RequestId']);
    const after = await expectOk('ListBlackEmailAddress', blockList());
    assert.equal(after.TotalCount, 2);
    assert.ok(!(after.BlackList as { EmailAddress: string }[]).some((e) => e.EmailAddress === 'bounced@example.com'));
    await expectOk('SendEmail', orderEmail({ Destination: ['bounced@example.com'] }));
  });

  it('DeleteBlackList of an address that is not blocked succeeds and changes nothing', async () => {
    await expectOk('DeleteBlackList', { EmailAddressList: ['never-blocked@example.com'] });
    assert.equal(emulator.state.blocklist.length, 3);
  });

  const errorCases: [string, string, Record<string, unknown>, string][] = [
    ['ListBlackEmailAddress', 'no StartDate', blockList({ StartDate: undefined }), 'MissingParameter'],
    ['ListBlackEmailAddress', 'no Limit', blockList({ Limit: undefined }), 'MissingParameter'],
    ['ListBlackEmailAddress', 'Limit 101', blockList({ Limit: 101 }), 'FailedOperation.InvalidLimit'],
    ['ListBlackEmailAddress', 'Limit as a string', blockList({ Limit: '10' }), 'InvalidParameter'],
    ['ListBlackEmailAddress', 'negative Offset', blockList({ Offset: -1 }), 'InvalidParameterValue'],
    ['ListBlackEmailAddress', 'month 13', blockList({ StartDate: '2026-13-01' }), 'InvalidParameterValue.WrongDate'],
    ['ListBlackEmailAddress', 'date with a time', blockList({ EndDate: `${today} 10:00:00` }), 'InvalidParameterValue.WrongDate'],
    ['ListBlackEmailAddress', 'StartDate after EndDate', blockList({ StartDate: today, EndDate: daysAgo(1) }), 'InvalidParameterValue.WrongDate'],
    ['DeleteBlackList', 'no EmailAddressList', {}, 'MissingParameter'],
    ['DeleteBlackList', 'empty EmailAddressList', { EmailAddressList: [] }, 'InvalidParameterValue'],
    ['DeleteBlackList', 'EmailAddressList a string', { EmailAddressList: 'bounced@example.com' }, 'InvalidParameter'],
    ['DeleteBlackList', 'malformed address', { EmailAddressList: ['bounced'] }, 'InvalidParameterValue'],
  ];
  for (const [action, name, params, code] of errorCases) {
    it(`${action}: ${name} → ${code}`, async () => {
      const clean = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
      await expectError(action, clean, code);
      assert.equal(emulator.state.blocklist.length, 3);
    });
  }
});

describe('emulator: GetSendEmailStatus', () => {
  it('finds a sent message by MessageId on the day it was sent', async () => {
    const sent = await expectOk('SendEmail', orderEmail({ Destination: ['alex@example.com', 'sam@example.com'] }));
    const response = await expectOk('GetSendEmailStatus', { RequestDate: today, Offset: 0, Limit: 10, MessageId: sent.MessageId });
    const list = response.EmailStatusList as Record<string, unknown>[];
    assert.deepEqual(list.map((row) => row.ToEmailAddress), ['alex@example.com', 'sam@example.com']);
    assert.deepEqual(list[0], {
      MessageId: sent.MessageId, ToEmailAddress: 'alex@example.com', FromEmailAddress: 'noreply@mail.example.com',
      SendStatus: 0, DeliverStatus: 1, DeliverMessage: '', RequestTime: FIXED_NOW_SECONDS, DeliverTime: FIXED_NOW_SECONDS,
      UserOpened: false, UserClicked: false, UserUnsubscribed: false, UserComplained: false,
    });
  });

  it('filters by recipient, selects one day, pages', async () => {
    const bounced = await expectOk('GetSendEmailStatus', { RequestDate: today, Offset: 0, Limit: 10, ToEmailAddress: 'nobody@example.net' });
    assert.deepEqual((bounced.EmailStatusList as Record<string, unknown>[]).map((row) => [row.DeliverStatus, row.DeliverMessage]), [[3, '550 5.1.1 user unknown']]);
    const all = await expectOk('GetSendEmailStatus', { RequestDate: today, Offset: 0, Limit: 10 });
    assert.equal((all.EmailStatusList as unknown[]).length, 2);
    const second = await expectOk('GetSendEmailStatus', { RequestDate: today, Offset: 1, Limit: 1 });
    assert.deepEqual((second.EmailStatusList as Record<string, unknown>[]).map((row) => row.ToEmailAddress), ['nobody@example.net']);
    const yesterday = await expectOk('GetSendEmailStatus', { RequestDate: daysAgo(1), Offset: 0, Limit: 10 });
    assert.deepEqual(yesterday.EmailStatusList, []);
  });

  const errorCases: [string, Record<string, unknown>, string][] = [
    ['no RequestDate', { Offset: 0, Limit: 10 }, 'MissingParameter'],
    ['no Offset', { RequestDate: today, Limit: 10 }, 'MissingParameter'],
    ['Limit 101', { RequestDate: today, Offset: 0, Limit: 101 }, 'FailedOperation.InvalidLimit'],
    ['a date range', { RequestDate: `${daysAgo(1)}~${today}`, Offset: 0, Limit: 10 }, 'InvalidParameterValue.WrongDate'],
    ['more than 30 days ago', { RequestDate: daysAgo(31), Offset: 0, Limit: 10 }, 'FailedOperation.NotSupportDate'],
    ['MessageId a number', { RequestDate: today, Offset: 0, Limit: 10, MessageId: 5 }, 'InvalidParameter'],
  ];
  for (const [name, params, code] of errorCases) {
    it(`${name} → ${code}`, async () => {
      await expectError('GetSendEmailStatus', params, code);
    });
  }
});

describe('emulator: ListEmailAddress, ListEmailTemplates, GetEmailTemplate', () => {
  it('ListEmailAddress lists the senders in the documented shape', async () => {
    const response = await expectOk('ListEmailAddress', {});
    assert.deepEqual(response.EmailSenders, [
      { EmailAddress: 'noreply@mail.example.com', EmailSenderName: 'Example Shop', CreatedTimestamp: FIXED_NOW_SECONDS - 90 * DAY, SmtpPwdType: 0 },
      { EmailAddress: 'news@promo.example.com', EmailSenderName: 'Example Shop News', CreatedTimestamp: FIXED_NOW_SECONDS - DAY, SmtpPwdType: 0 },
    ]);
    await expectError('ListEmailAddress', { Limit: 1 }, 'UnknownParameter');
  });

  it('ListEmailTemplates pages newest first with status and review reason', async () => {
    const response = await expectOk('ListEmailTemplates', { Limit: 2, Offset: 0 });
    assert.equal(response.TotalCount, 4);
    assert.deepEqual(response.TemplatesMetadata, [
      { TemplateID: 21003, TemplateName: 'welcome', TemplateStatus: 1, CreatedTimestamp: FIXED_NOW_SECONDS - 7200, ReviewReason: '' },
      { TemplateID: 21004, TemplateName: 'double-eleven-promo', TemplateStatus: 2, CreatedTimestamp: FIXED_NOW_SECONDS - 10 * DAY, ReviewReason: '禁止发送未经收件人许可的电子邮件。' },
    ]);
    await expectError('ListEmailTemplates', { Limit: 101, Offset: 0 }, 'FailedOperation.InvalidLimit');
    await expectError('ListEmailTemplates', { Limit: 10 }, 'MissingParameter');
  });

  it('GetEmailTemplate returns the content base64-encoded', async () => {
    const response = await expectOk('GetEmailTemplate', { TemplateID: 21001 });
    const content = response.TemplateContent as { Html: string; Text: string };
    assert.equal(Buffer.from(content.Html, 'base64').toString('utf8'), exampleFile('order-confirmation.ses.html'));
    assert.equal(Buffer.from(content.Text, 'base64').toString('utf8'), exampleFile('order-confirmation.ses.txt'));
    assert.deepEqual([response.TemplateName, response.TemplateStatus], ['order-confirmation', 0]);
    const htmlOnly = await expectOk('GetEmailTemplate', { TemplateID: 21002 });
    assert.deepEqual(Object.keys(htmlOnly.TemplateContent as object), ['Html']);
    await expectError('GetEmailTemplate', { TemplateID: 1 }, 'InvalidParameterValue.TemplateNotExist');
    await expectError('GetEmailTemplate', {}, 'MissingParameter');
  });
});
