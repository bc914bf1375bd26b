import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SesAction } from '../../common/cloud/types';
import { startCannedEndpoint, type CannedEndpoint } from './cannedEndpoint';

// Issue 11, item 6 and the review after it: what a SUCCESSFUL answer says (template names, review
// reasons, identity names, MessageIds) is shown in the account trees, notifications and the CLI's
// output. A hostile endpoint could put a right-to-left override (U+202E), an ANSI escape, a line
// break or a C1 control there to fake or reorder what is read. The client hands every string of an
// answer on without them, as it does for an error's code and message. And the error-code
// explanation looked up for a failure (a request to the language server) is waited for a bounded
// time only: a slow or stalled look-up must not hold the failure back.

// eslint-disable-next-line no-control-regex -- the characters looked for
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = ['evil\u202Etxt.exe', 'red\u001b[31mALERT\u001b[0m', 'two\nlines', 'cr\rreturn', 'c1\u009bx', 'iso\u2066late\u2069', 'ls\u2028x', 'mark\u200Fx'];

const ANSWERS: Array<[SesAction, (text: string) => Record<string, unknown>]> = [
  ['ListEmailTemplates', (text) => ({ TemplatesMetadata: [{ TemplateID: 1, TemplateName: text, TemplateStatus: 2, CreatedTimestamp: 1700000000, ReviewReason: text }], TotalCount: 1 })],
  ['ListEmailIdentities', (text) => ({ EmailIdentities: [{ IdentityName: text, IdentityType: 'DOMAIN', SendingEnabled: true }] })],
  ['GetEmailIdentity', (text) => ({ VerifiedForSendingStatus: false, Attributes: [{ Type: 'TXT', SendField: text, ExpectedValue: text, CurrentValue: text, Status: false }] })],
  ['GetEmailTemplate', (text) => ({ TemplateStatus: 2, TemplateName: text, TemplateContent: { Html: Buffer.from(`<p>${text}</p>`).toString('base64') } })],
  ['SendEmail', (text) => ({ MessageId: text })],
  ['ListBlackEmailAddress', (text) => ({ BlackList: [{ EmailAddress: text, BounceTime: '2026-01-01 00:00:00' }], TotalCount: 1 })],
];

function strings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) strings(child, found);
  return found;
}

describe('control and bidi characters in successful API answers', () => {
  let endpoint: CannedEndpoint;
  before(async () => { endpoint = await startCannedEndpoint(); });
  after(() => endpoint.close());

  for (const [action, answer] of ANSWERS) {
    for (const text of HOSTILE) {
      it(`${action} with ${JSON.stringify(text)} is handed on without control or bidi characters`, async () => {
        endpoint.body = JSON.stringify({ Response: { ...answer(text), RequestId: `req${text}` } });
        const result = await endpoint.client.call(action, {} as never);
        assert.ok(result.ok, JSON.stringify(result));
        for (const value of [...strings(result.data), result.requestId]) {
          assert.doesNotMatch(value, UNSHOWABLE, `${action}: ${JSON.stringify(value)}`);
        }
      });
    }
  }

  it('keeps the printable text of a name (only the unshowable characters become spaces)', async () => {
    endpoint.body = JSON.stringify({ Response: { EmailIdentities: [{ IdentityName: 'mail.例子.com\u202E', SendingEnabled: true }], RequestId: 'r' } });
    const result = await endpoint.client.call('ListEmailIdentities', {});
    assert.ok(result.ok);
    assert.equal((result.data as { EmailIdentities: Array<{ IdentityName: string }> }).EmailIdentities[0].IdentityName, 'mail.例子.com ');
  });
});

describe('the error-code explanation is waited for a bounded time', () => {
  let endpoint: CannedEndpoint;
  before(async () => {
    endpoint = await startCannedEndpoint();
    endpoint.body = JSON.stringify({ Response: { Error: { Code: 'FailedOperation.EmailAddrInBlacklist', Message: 'blocked' }, RequestId: 'r' } });
  });
  after(() => endpoint.close());

  function clientWith(explain: (code: string) => Promise<undefined | { code: string; title: string; markdown: string }>, explainTimeoutMs?: number) {
    return endpoint.clientWith({ explain: explain as never, ...(explainTimeoutMs !== undefined ? { explainTimeoutMs } : {}) });
  }

  it('a look-up that never answers: the failure comes back without an explanation', async () => {
    let asked = 0;
    const result = await clientWith(() => { asked++; return new Promise(() => undefined); }, 50).call('SendEmail', {} as never);
    assert.ok(!result.ok && result.kind === 'api');
    assert.equal(result.code, 'FailedOperation.EmailAddrInBlacklist');
    assert.equal(result.explanation, undefined);
    assert.equal(asked, 1);
  });

  it('a look-up that never answers and a cancelled call: the failure comes back', async () => {
    const controller = new AbortController();
    const pending = clientWith(() => { controller.abort(); return new Promise(() => undefined); }, 3_600_000).call('SendEmail', {} as never, controller.signal);
    const result = await pending;
    assert.ok(!result.ok);
  });

  it('a look-up that answers in time is attached', async () => {
    const result = await clientWith(async (code) => ({ code, title: 'On the blocklist', markdown: 'x' })).call('SendEmail', {} as never);
    assert.ok(!result.ok && result.kind === 'api');
    assert.equal(result.explanation?.title, 'On the blocklist');
  });

  it('the wait is released: no timer keeps the process alive after an answer', async () => {
    // A timer left behind would hold node:test's process open; an explained failure clears it.
    const result = await clientWith(async (code) => ({ code, title: 't', markdown: 'x' }), 3_600_000).call('SendEmail', {} as never);
    assert.ok(!result.ok && result.explanation);
  });
});
