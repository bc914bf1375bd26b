import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import type { BlocklistStatus } from '../../common/cloud/blocklist';
import type { ApiFailure, ApiResult, GetEmailIdentityResponse, GetEmailTemplateResponse, ListEmailAddressResponse, ListEmailIdentitiesResponse, SesAction } from '../../common/cloud/types';
import { evaluatePreflight } from '../../client/src/preflight/evaluate';
import type { PreflightFacts, TemplateFacts } from '../../client/src/preflight/facts';
import type { Outcome, PreflightReport, StepId } from '../../client/src/preflight/report';

/** The five steps of "SES: Preflight Check" from API answers and local facts, in English and Chinese. */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const ok = <T>(action: SesAction, data: T): ApiResult<T> => ({ ok: true, action, data, requestId: `req-${action}`, attempts: 1 });
const apiError = (action: SesAction, code: string): ApiFailure => ({ ok: false, kind: 'api', action, code, message: `${code} message`, requestId: `req-${code}`, attempts: 1 });

const HTML = '<p>Hi {{first_name}}, order {{ order_id }}</p>';
const TEXT = 'Hi {{first_name}}, order {{order_id}}';
const DATA = JSON.stringify({ first_name: 'Alex', order_id: 'ES-1' });
const DKIM = 'v=DKIM1; k=rsa; p=MIGf';

const senders: ListEmailAddressResponse = { EmailSenders: [{ EmailAddress: 'noreply@mail.example.com', EmailSenderName: 'Shop' }] };
const identities: ListEmailIdentitiesResponse = {
  EmailIdentities: [{ IdentityName: 'mail.example.com', IdentityType: 'DOMAIN', SendingEnabled: true, CurrentReputationLevel: 5, DailyQuota: 10000 }],
};
const identity: GetEmailIdentityResponse = {
  IdentityType: 'DOMAIN', VerifiedForSendingStatus: true,
  Attributes: [
    { Type: 'TXT', SendDomain: 'mail.example.com', ExpectedValue: 'v=spf1 include:qcloudmail.com ~all', CurrentValue: 'v=spf1 include:qcloudmail.com ~all', Status: true },
    { Type: 'TXT', SendDomain: 'qcloud._domainkey.mail.example.com', ExpectedValue: DKIM, CurrentValue: DKIM, Status: true },
  ],
};
const remote: GetEmailTemplateResponse = { TemplateContent: { Html: b64(HTML), Text: b64(TEXT) }, TemplateStatus: 0, TemplateName: 'order' };

function facts(overrides: {
  credentials?: Partial<PreflightFacts['credentials']>;
  sender?: Partial<PreflightFacts['sender']>;
  recipients?: Partial<PreflightFacts['recipients']>;
  template?: Partial<TemplateFacts>;
} = {}): PreflightFacts {
  return {
    target: 'ap-guangzhou',
    credentials: { source: 'environment', probe: ok('ListEmailAddress', senders), ...overrides.credentials },
    sender: {
      configured: 'Shop <noreply@mail.example.com>', chosen: 'Shop <noreply@mail.example.com>',
      identities: ok('ListEmailIdentities', identities), identity: ok('GetEmailIdentity', identity), ...overrides.sender,
    },
    recipients: {
      typed: 'you@example.com',
      blocklist: ok<BlocklistStatus[]>('ListBlackEmailAddress', [{ address: 'you@example.com', blocked: false }]),
      ...overrides.recipients,
    },
    template: {
      name: 'order', configKey: 'order', hasConfig: true, templateId: 21001, subject: 'Order {{order_id}}',
      dataSet: { set: 'default', file: 'order.data.json', text: DATA }, localHtml: HTML, localText: TEXT, localErrors: [],
      remote: ok('GetEmailTemplate', remote), ...overrides.template,
    },
  };
}

const run = (f: PreflightFacts) => evaluatePreflight(l10n, f);
const stepOf = (report: PreflightReport, id: StepId) => {
  const found = report.steps.find((s) => s.id === id);
  assert.ok(found, id);
  return found;
};
const texts = (report: PreflightReport, id: StepId, outcome?: Outcome) =>
  stepOf(report, id).findings.filter((f) => !outcome || f.outcome === outcome).map((f) => `${f.text} ${f.fix ?? ''}`).join('\n');

describe('preflight: everything in order', () => {
  it('five steps in the FAQ order, all ✓', () => {
    const report = run(facts());
    assert.deepEqual(report.steps.map((s) => [s.number, s.id, s.outcome]), [
      [1, 'credentials', 'pass'], [2, 'sender', 'pass'], [3, 'recipients', 'pass'], [4, 'template', 'pass'], [5, 'customContent', 'pass'],
    ]);
    assert.equal(report.outcome, 'pass');
    assert.match(texts(report, 'credentials'), /environment variables/);
    assert.match(texts(report, 'sender'), /Reputation level 5, at most 10000 emails a day/);
    assert.match(texts(report, 'sender'), /2 DNS records as expected/);
    assert.match(texts(report, 'template'), /has all 2 variables/);
    assert.match(texts(report, 'customContent'), /template mode/);
    assert.ok(report.steps.every((s) => s.faqTopics.length > 0), 'every step links to an FAQ topic');
  });
});

describe('preflight step 1: credentials', () => {
  it('no key: ✗ with Set Credentials, and the API parts of steps 2–4 skipped while their local parts run', () => {
    const report = run(facts({ credentials: { source: undefined, probe: undefined }, template: { remote: undefined, templateId: undefined } }));
    assert.equal(stepOf(report, 'credentials').outcome, 'fail');
    assert.match(texts(report, 'credentials', 'fail'), /No Tencent Cloud API key.*Set Credentials/s);
    assert.match(texts(report, 'sender', 'skipped'), /ListEmailAddress: skipped, needs step 1/);
    assert.match(texts(report, 'recipients', 'skipped'), /ListBlackEmailAddress: skipped/);
    // The local part of step 4 still runs: the missing templateId is found without the API.
    assert.match(texts(report, 'template', 'fail'), /no templateId/);
  });

  it('a malformed key is ✗ and is not tried against the API', () => {
    const report = run(facts({ credentials: { problem: 'SecretId is too short (5 characters); it looks truncated.', probe: undefined } }));
    assert.match(texts(report, 'credentials', 'fail'), /malformed: SecretId is too short/);
    assert.match(texts(report, 'credentials', 'skipped'), /not tried against the API/);
  });

  it('AuthFailure.* → the key is wrong; SignatureExpire → the clock', () => {
    const report = run(facts({ credentials: { probe: apiError('ListEmailAddress', 'AuthFailure.SecretIdNotFound') } }));
    assert.match(texts(report, 'credentials', 'fail'), /rejected the key: AuthFailure\.SecretIdNotFound \(RequestId req-AuthFailure\.SecretIdNotFound\)/);
    assert.match(texts(report, 'template', 'skipped'), /GetEmailTemplate: skipped/);
    assert.equal(stepOf(report, 'sender').outcome, 'pass', 'the configured sender is well-formed; the rest is skipped');
    const clock = run(facts({ credentials: { probe: apiError('ListEmailAddress', 'AuthFailure.SignatureExpire') } }));
    assert.match(texts(clock, 'credentials', 'fail'), /clock/);
  });

  for (const code of ['AuthFailure.UnauthorizedOperation', 'UnauthorizedOperation', 'OperationDenied']) {
    it(`${code} → missing CAM permission, naming QcloudFullAccess`, () => {
      const report = run(facts({ credentials: { probe: apiError('ListEmailAddress', code) } }));
      assert.match(texts(report, 'credentials', 'fail'), /may not use SES.*QcloudFullAccess/s);
    });
  }

  it('a network failure and a timeout are shown as such, per step', () => {
    const reset: ApiFailure = { ok: false, kind: 'network', action: 'ListEmailAddress', code: 'ECONNRESET', message: 'socket hang up', attempts: 3 };
    assert.match(texts(run(facts({ credentials: { probe: reset } })), 'credentials', 'fail'), /ListEmailAddress: ap-guangzhou could not be reached \(socket hang up\)/);
    const slow: ApiFailure = { ok: false, kind: 'timeout', action: 'GetEmailTemplate', code: 'Timeout', message: 'timeout', attempts: 3 };
    const report = run(facts({ template: { remote: slow } }));
    assert.equal(stepOf(report, 'credentials').outcome, 'pass');
    assert.match(texts(report, 'template', 'fail'), /GetEmailTemplate: ap-guangzhou did not answer in time/);
  });
});

describe('preflight step 2: sender', () => {
  it('a sender the account does not have → NoSuchSender', () => {
    const report = run(facts({ sender: { configured: 'other@mail.example.com', chosen: 'other@mail.example.com' } }));
    assert.match(texts(report, 'sender', 'fail'), /other@mail\.example\.com is not among the account's sender addresses \(noreply@mail\.example\.com\)/);
  });

  it('a malformed from is ✗ and nothing else is checked', () => {
    const report = run(facts({ sender: { configured: 'Shop: <x@y>', chosen: 'Shop: <x@y>' } }));
    assert.match(texts(report, 'sender', 'fail'), /not a sender SendEmail accepts/);
    assert.equal(stepOf(report, 'sender').findings.length, 1);
  });

  it('an unverified domain whose DKIM changed after verification: ✗ with host, type and expected value', () => {
    const changed: GetEmailIdentityResponse = {
      IdentityType: 'DOMAIN', VerifiedForSendingStatus: false,
      Attributes: [
        { Type: 'TXT', SendDomain: 'qcloud._domainkey.mail.example.com', ExpectedValue: DKIM, CurrentValue: 'v=DKIM1; p=OLD', Status: false },
        { Type: 'MX', SendDomain: 'mail.example.com', ExpectedValue: 'mxbiz1.qq.com.', CurrentValue: '', Status: false },
      ],
    };
    const report = run(facts({ sender: { identity: ok('GetEmailIdentity', changed) } }));
    const failed = texts(report, 'sender', 'fail');
    assert.match(failed, /not verified: SendEmail would fail with FailedOperation\.NotAuthenticatedSender/);
    assert.match(failed, /changed after verification: TXT record at qcloud\._domainkey\.mail\.example\.com, expected value: v=DKIM1; k=rsa; p=MIGf; Tencent now sees: v=DKIM1; p=OLD.*Restore/);
    assert.match(failed, /Tencent does not see this record: MX record at mail\.example\.com, expected value: mxbiz1\.qq\.com\..*Add the record/);
  });

  it('a record whose Status is still true but whose CurrentValue differs counts as changed', () => {
    const drift: GetEmailIdentityResponse = { ...identity, Attributes: [{ Type: 'TXT', SendDomain: 'mail.example.com', ExpectedValue: 'v=spf1 include:qcloudmail.com ~all', CurrentValue: 'v=spf1 -all', Status: true }] };
    assert.match(texts(run(facts({ sender: { identity: ok('GetEmailIdentity', drift) } })), 'sender', 'fail'), /changed after verification.*Tencent now sees: v=spf1 -all/);
  });

  it('a verified domain with a removed record says "removed after verification: restore"', () => {
    const removed: GetEmailIdentityResponse = { ...identity, Attributes: [{ Type: 'TXT', SendDomain: '_dmarc.mail.example.com', ExpectedValue: 'v=DMARC1; p=none', CurrentValue: '', Status: false }] };
    assert.match(texts(run(facts({ sender: { identity: ok('GetEmailIdentity', removed) } })), 'sender', 'fail'), /removed after verification: TXT record at _dmarc\.mail\.example\.com.*Restore the record/);
  });

  it('sending disabled ✗; a level-1 domain ⚠ with the warm-up advice; an unknown domain ✗', () => {
    const fresh: ListEmailIdentitiesResponse = { EmailIdentities: [{ IdentityName: 'mail.example.com', IdentityType: 'DOMAIN', SendingEnabled: false, CurrentReputationLevel: 1, DailyQuota: 500 }] };
    const report = run(facts({ sender: { identities: ok('ListEmailIdentities', fresh) } }));
    assert.match(texts(report, 'sender', 'fail'), /Sending is not enabled for mail\.example\.com/);
    assert.match(texts(report, 'sender', 'warn'), /Reputation level 1, at most 500 emails a day.*Warm up/s);
    const none = run(facts({ sender: { identities: ok('ListEmailIdentities', { EmailIdentities: [] }), identity: apiError('GetEmailIdentity', 'InvalidParameterValue.NotExistDomain') } }));
    assert.match(texts(none, 'sender', 'fail'), /mail\.example\.com is not a sender domain of this account/);
    assert.match(texts(none, 'sender', 'fail'), /NotExistDomain/);
  });

  it('no from in ses.config.json and no key: ⚠ asking for "from"', () => {
    const report = run(facts({ credentials: { source: undefined, probe: undefined }, sender: { configured: undefined, chosen: undefined } }));
    assert.equal(stepOf(report, 'sender').outcome, 'warn');
    assert.match(texts(report, 'sender'), /sets no "from"/);
  });
});

describe('preflight step 3: recipients', () => {
  it('none given: skipped (optional)', () => {
    const report = run(facts({ recipients: { typed: '', blocklist: undefined } }));
    assert.equal(stepOf(report, 'recipients').outcome, 'skipped');
    assert.equal(report.outcome, 'pass', 'a skipped optional step does not spoil the result');
  });

  it('a misspelt address ✗, a duplicate ⚠, a blocklisted one ✗ with its reason, and the unsubscription note', () => {
    const blocked: BlocklistStatus = { address: 'bounced@example.com', blocked: true, bounceTime: '2026-11-26 10:00:00', blockedUntil: '2026-12-10 10:00:00', reason: '550 user unknown' };
    const report = run(facts({
      recipients: {
        typed: 'you@example.com, you@example.com; bounced@example.com nobody@', blocklist: ok('ListBlackEmailAddress', [{ address: 'you@example.com', blocked: false }, blocked]),
      },
    }));
    const all = texts(report, 'recipients');
    assert.match(texts(report, 'recipients', 'fail'), /"nobody@" is not an email address/);
    assert.match(texts(report, 'recipients', 'warn'), /Given more than once: you@example\.com/);
    assert.match(texts(report, 'recipients', 'fail'), /bounced@example\.com is on the blocklist since 2026-11-26 10:00:00 \(Beijing time\), until 2026-12-10 10:00:00: 550 user unknown/);
    assert.match(all, /you@example\.com is not on your blocklist/);
    assert.match(all, /unsubscribed.*ReceiverHasUnsubscribed/);
  });

  it('more than 50 addresses ✗', () => {
    const typed = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(' ');
    assert.match(texts(run(facts({ recipients: { typed, blocklist: undefined } })), 'recipients', 'fail'), /51 addresses: SendEmail takes at most 50/);
  });
});

describe('preflight step 4: template', () => {
  it('pending review → ✗ wait about one business day', () => {
    const report = run(facts({ template: { remote: ok('GetEmailTemplate', { ...remote, TemplateStatus: 1 }) } }));
    assert.match(texts(report, 'template', 'fail'), /pending review.*one business day/s);
  });

  it('rejected → ✗ with the ReviewReason; other status → unavailable', () => {
    const rejected = run(facts({ template: { remote: ok('GetEmailTemplate', { ...remote, TemplateStatus: 2 }), reviewReason: '含有营销内容' } }));
    assert.match(texts(rejected, 'template', 'fail'), /was rejected: 含有营销内容/);
    const odd = run(facts({ template: { remote: ok('GetEmailTemplate', { ...remote, TemplateStatus: 7 }) } }));
    assert.match(texts(odd, 'template', 'fail'), /unavailable \(TemplateStatus 7\)/);
  });

  it('a variable of the STORED template missing from the data set → ✗, and the local/remote difference ⚠', () => {
    const stored = { ...remote, TemplateContent: { Html: b64(`${HTML}<p>{{coupon}}</p>`), Text: b64(TEXT) } };
    const report = run(facts({ template: { remote: ok('GetEmailTemplate', stored) } }));
    assert.match(texts(report, 'template', 'fail'), /Data set "default" lacks coupon, used by the stored template or the subject: the send would fail with a TemplateData error/);
    assert.match(texts(report, 'template', 'warn'), /local files differ from the template stored in Tencent Cloud/);
  });

  it('a subject variable missing from the data set counts too', () => {
    assert.match(texts(run(facts({ template: { subject: 'Hi {{nickname}}' } })), 'template', 'fail'), /lacks nickname/);
  });

  it('TemplateData: not JSON ✗, nested values ✗, over 800 bytes ⚠', () => {
    assert.match(texts(run(facts({ template: { dataSet: { set: 'default', file: 'order.data.json', text: '{"a":' } } })), 'template', 'fail'), /not valid JSON.*WrongContentJson/);
    const nested = JSON.stringify({ first_name: { x: 1 }, order_id: '1' });
    assert.match(texts(run(facts({ template: { dataSet: { set: 'default', file: 'order.data.json', text: nested } } })), 'template', 'fail'), /must be flat.*first_name/);
    const big = JSON.stringify({ first_name: 'x'.repeat(900), order_id: '1' });
    assert.match(texts(run(facts({ template: { dataSet: { set: 'default', file: 'order.data.json', text: big } } })), 'template', 'warn'), /over the 800 bytes/);
    assert.match(texts(run(facts({ template: { dataSet: undefined } })), 'template', 'fail'), /has no data set/);
  });

  it('the language server\'s errors are listed (five, then a count), and a missing template is ✗', () => {
    const localErrors = Array.from({ length: 7 }, (_, i) => ({ file: 'order.ses.html', line: i + 1, message: `problem ${i}` }));
    const report = run(facts({ template: { localErrors } }));
    assert.match(texts(report, 'template', 'fail'), /Error in order\.ses\.html, line 1: problem 0/);
    assert.match(texts(report, 'template', 'fail'), /and 2 more error/);
    assert.doesNotMatch(texts(report, 'template'), /problem 5/);
    const gone = run(facts({ template: { remote: apiError('GetEmailTemplate', 'InvalidParameterValue.TemplateNotExist') } }));
    assert.match(texts(gone, 'template', 'fail'), /Template 21001 does not exist in this account and region/);
  });
});

describe('preflight in Simplified Chinese (l10n bundle)', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('every step in Chinese', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
    l10n.config({ contents: bundle });
    const report = run(facts({ template: { remote: ok('GetEmailTemplate', { ...remote, TemplateStatus: 1 }) } }));
    assert.deepEqual(report.steps.map((s) => s.title), ['密钥与权限', '发信地址与发信域名', '收件人地址', '模板与 TemplateData', '发送自定义内容的权限']);
    assert.match(texts(report, 'template', 'fail'), /正在审核.*一个工作日/s);
    assert.match(texts(report, 'sender'), /信誉等级 5，每天最多发送 10000 封/);
  });
});
