import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lookupBlocklist } from '../../common/cloud/blocklist';
import { SesClient, type SesClientOptions } from '../../common/cloud/sesClient';
import type { ApiResult, Credentials, ErrorExplanation } from '../../common/cloud/types';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorHandle, type EmulatorSeed } from '../emulator';

/** The API client against the real local emulator, which verifies TC3 signatures. */

const TOKEN = 'sts-session-token-0123456789abcdefABCDEF';
const CREDENTIALS: Credentials = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, token: TOKEN };
const SENDER = 'noreply@mail.example.com';

const SEED: EmulatorSeed = {
  senders: [{ EmailAddress: SENDER, EmailSenderName: 'Example', DomainVerified: true }],
  templates: [{ TemplateID: 1, TemplateName: 'welcome', TemplateStatus: 0, Html: '<p>Hello {{name}}</p>', Text: 'Hello {{name}}' }],
  blocklist: [
    { EmailAddress: 'bounced@example.com', BounceTime: '-2d', IspDesc: '550 5.1.1 user unknown' },
    { EmailAddress: 'Bounced@Example.com', BounceTime: '-5d', IspDesc: 'older bounce' },
    { EmailAddress: 'long-ago@example.com', BounceTime: '-30d', IspDesc: 'old' },
    ...Array.from({ length: 130 }, (_, i) => ({ EmailAddress: 'many@example.com', BounceTime: `-${i + 1}m`, IspDesc: `bounce ${i}` })),
  ],
};

/** Every log line and failure message of every client in this file; checked for credentials at the end. */
const shown: string[] = [];

let emulator: EmulatorHandle;

function client(options: Partial<SesClientOptions> = {}): SesClient {
  return new SesClient({
    credentials: async () => CREDENTIALS,
    region: 'ap-guangzhou',
    endpoint: emulator.url,
    language: 'en-US',
    retry: { baseDelayMs: 20 },
    log: (line) => shown.push(line),
    ...options,
  });
}

function record<T>(result: ApiResult<T>): ApiResult<T> {
  if (!result.ok) shown.push(result.message);
  return result;
}

function failure<T>(result: ApiResult<T>): Extract<ApiResult<T>, { ok: false }> {
  record(result);
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
  return result as Extract<ApiResult<T>, { ok: false }>;
}

function success<T>(result: ApiResult<T>): Extract<ApiResult<T>, { ok: true }> {
  record(result);
  assert.ok(result.ok, `expected success, got ${JSON.stringify(result)}`);
  return result;
}

const sendRequest = {
  FromEmailAddress: `Example <${SENDER}>`, Destination: ['alice@example.org'], Subject: 'Hi {{name}}',
  Template: { TemplateID: 1, TemplateData: JSON.stringify({ name: 'Alice' }) }, TriggerType: 1 as const,
};

const countOf = (action: string): number => emulator.requests.filter((request) => request.action === action).length;

describe('SesClient against the emulator', () => {
  before(async () => {
    emulator = await startEmulator({ port: 0, seed: SEED });
  });
  after(async () => emulator.close());

  describe('every action', () => {
    it('ListEmailAddress lists the senders', async () => {
      const result = success(await client().listEmailAddress());
      assert.equal(result.action, 'ListEmailAddress');
      assert.deepEqual(result.data.EmailSenders.map((sender) => sender.EmailAddress), [SENDER]);
      assert.match(result.requestId, /\S/);
      assert.equal(result.attempts, 1);
      assert.ok(!('RequestId' in result.data));
    });

    it('SendEmail sends once and GetSendEmailStatus finds the message', async () => {
      const sent = success(await client().sendEmail(sendRequest));
      assert.match(sent.data.MessageId, /\S/);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const status = success(await client().getSendEmailStatus({ RequestDate: today, Offset: 0, Limit: 10, MessageId: sent.data.MessageId }));
      assert.deepEqual(status.data.EmailStatusList.map((row) => row.ToEmailAddress), ['alice@example.org']);
    });

    it('ListBlackEmailAddress and DeleteBlackList', async () => {
      const window = { StartDate: '2000-01-01', EndDate: '2100-01-01', Limit: 10, Offset: 0 };
      const before = success(await client().listBlackEmailAddress({ ...window, EmailAddress: 'long-ago@example.com' }));
      assert.equal(before.data.TotalCount, 1);
      assert.equal(before.data.BlackList[0].IspDesc, 'old');
      success(await client().deleteBlackList({ EmailAddressList: ['long-ago@example.com'] }));
      const afterDelete = success(await client().listBlackEmailAddress({ ...window, EmailAddress: 'long-ago@example.com' }));
      assert.equal(afterDelete.data.TotalCount, 0);
    });

    it('sends the documented headers: region, version, language, token, JSON', async () => {
      const start = emulator.requests.length;
      success(await client({ region: 'ap-hongkong', language: 'zh-CN' }).listEmailAddress());
      const [request] = emulator.requests.slice(start);
      assert.equal(request.action, 'ListEmailAddress');
      assert.equal(request.headers['x-tc-region'], 'ap-hongkong');
      assert.equal(request.headers['x-tc-version'], '2020-10-02');
      assert.equal(request.headers['x-tc-language'], 'zh-CN');
      assert.equal(request.headers['x-tc-token'], TOKEN);
      assert.equal(request.headers['content-type'], 'application/json');
      assert.match(request.headers['x-tc-timestamp'], /^\d{10}$/);
      assert.equal(request.resultCode, 'OK', 'the emulator verified the TC3 signature');
    });

    it('omits X-TC-Token without a token and X-TC-Language without a language', async () => {
      const start = emulator.requests.length;
      success(await client({ credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }), language: undefined }).listEmailAddress());
      const [request] = emulator.requests.slice(start);
      assert.equal(request.headers['x-tc-token'], undefined);
      assert.equal(request.headers['x-tc-language'], undefined);
    });

    it('signs with the injected clock: a clock 10 minutes off gets AuthFailure.SignatureExpire', async () => {
      const result = failure(await client({ now: () => Date.now() - 600_000 }).listEmailAddress());
      assert.equal(result.kind, 'api');
      assert.equal(result.code, 'AuthFailure.SignatureExpire');
      assert.equal(result.attempts, 1, 'an auth failure is not retried');
    });
  });

  describe('every failure kind', () => {
    it('api: the error envelope, with code, message, RequestId and the explanation', async () => {
      const explanation: ErrorExplanation = { code: 'AuthFailure.SignatureFailure', title: 'Signature wrong', markdown: 'Check the SecretKey.' };
      const asked: string[] = [];
      const wrongKey = client({
        credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: 'WrongKeyWrongKeyWrongKeyWrongKey' }),
        explain: async (code) => { asked.push(code); return code === explanation.code ? explanation : undefined; },
      });
      const result = failure(await wrongKey.listEmailAddress());
      assert.equal(result.kind, 'api');
      assert.equal(result.code, 'AuthFailure.SignatureFailure');
      assert.match(result.message, /\S/);
      assert.match(result.requestId ?? '', /\S/);
      assert.equal(result.httpStatus, 200);
      assert.deepEqual(result.explanation, explanation);
      assert.deepEqual(asked, ['AuthFailure.SignatureFailure']);
    });

    it('api: a business error such as an unknown sender', async () => {
      const result = failure(await client().sendEmail({ ...sendRequest, FromEmailAddress: 'nobody@mail.example.com' }));
      assert.equal(result.kind, 'api');
      assert.equal(result.code, 'InvalidParameterValue.NoSuchSender');
      assert.equal(result.action, 'SendEmail');
    });

    it('api: an explain lookup that throws leaves the failure intact', async () => {
      emulator.inject({ kind: 'apiError', code: 'FailedOperation.EmailAddrInBlacklist', action: 'SendEmail' });
      const result = failure(await client({ explain: async () => { throw new Error('knowledge base down'); } }).sendEmail(sendRequest));
      assert.equal(result.code, 'FailedOperation.EmailAddrInBlacklist');
      assert.equal(result.explanation, undefined);
    });

    it('http: a non-200 answer, with its status', async () => {
      emulator.inject({ kind: 'status', status: 404 });
      const result = failure(await client().listEmailAddress());
      assert.equal(result.kind, 'http');
      assert.equal(result.httpStatus, 404);
      assert.equal(result.code, 'HTTP.404');
      assert.match(result.message, /HTTP 404/);
      assert.equal(result.attempts, 1, '4xx is not retried');
    });

    it('network: connection refused, retried for a read, with a clear message', async () => {
      const closed = await startEmulator({ port: 0 });
      const url = closed.url;
      await closed.close();
      const asked: string[] = [];
      const result = failure(await client({ endpoint: url, explain: async (code) => { asked.push(code); return undefined; } }).listEmailAddress());
      assert.deepEqual(asked, [], 'local codes are not looked up in the knowledge base');
      assert.equal(result.kind, 'network');
      assert.equal(result.code, 'ECONNREFUSED');
      assert.match(result.message, /connection refused/);
      assert.equal(result.attempts, 3);
    });

    it('network: connection reset', async () => {
      emulator.inject({ kind: 'reset', action: 'GetSendEmailStatus', times: 3 });
      const result = failure(await client().getSendEmailStatus({ RequestDate: '2026-01-01', Offset: 0, Limit: 1 }));
      assert.equal(result.kind, 'network');
      assert.equal(result.code, 'ECONNRESET');
      assert.equal(result.attempts, 3);
    });

    it('timeout: an answer slower than timeoutMs', async () => {
      emulator.inject({ kind: 'latency', ms: 2_000, action: 'SendEmail' });
      const result = failure(await client({ timeoutMs: 100 }).sendEmail(sendRequest));
      assert.equal(result.kind, 'timeout');
      assert.match(result.message, /within 100 ms/);
      assert.equal(result.attempts, 1);
      // No duration asserted (a loaded machine misses any): the emulator had not answered yet.
      assert.equal(emulator.requests.at(-1)?.resultCode, '', 'the client did not wait for the slow answer');
    });

    it('badResponse: 200 with a truncated JSON body', async () => {
      emulator.inject({ kind: 'malformedJson' });
      const result = failure(await client().listEmailAddress());
      assert.equal(result.kind, 'badResponse');
      assert.match(result.message, /not JSON/);
      assert.equal(result.attempts, 1, 'a garbage answer is not retried');
    });

    it('credentials: none, unreadable or malformed — nothing is sent', async () => {
      const start = emulator.requests.length;
      const none = failure(await client({ credentials: async () => undefined }).sendEmail(sendRequest));
      assert.equal(none.kind, 'credentials');
      assert.equal(none.code, 'Credentials.Missing');
      assert.equal(none.attempts, 0);
      const broken = failure(await client({ credentials: async () => { throw new Error('file ~/.tccli/default.credential is not valid JSON'); } }).listEmailAddress());
      assert.equal(broken.kind, 'credentials');
      assert.match(broken.message, /not valid JSON/);
      const malformed = failure(await client({ credentials: async () => ({ secretId: ` ${DEFAULT_SECRET_ID}`, secretKey: DEFAULT_SECRET_KEY }) }).listEmailAddress());
      assert.equal(malformed.kind, 'credentials');
      assert.match(malformed.message, /spaces before or after/);
      assert.equal(emulator.requests.length, start, 'the emulator received nothing');
    });

    it('a bad endpoint override is a failure, not a throw', async () => {
      const result = failure(await client({ endpoint: 'ftp://example.com' }).listEmailAddress());
      assert.equal(result.kind, 'network');
      assert.equal(result.code, 'InvalidEndpoint');
      assert.equal(result.attempts, 1);
    });

    it('a cancelled call stops at once', async () => {
      emulator.inject({ kind: 'latency', ms: 2_000, action: 'ListEmailAddress' });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const result = failure(await client().call('ListEmailAddress', {}, controller.signal));
      assert.equal(result.code, 'Aborted');
      assert.equal(result.attempts, 1, 'not retried after cancel');
      assert.equal(emulator.requests.at(-1)?.resultCode, '', 'stopped before the emulator answered');
    });
  });

  describe('retries', () => {
    it('ListBlackEmailAddress after RequestLimitExceeded succeeds on attempt 2', async () => {
      const start = emulator.requests.length;
      emulator.inject({ kind: 'apiError', code: 'RequestLimitExceeded', action: 'ListBlackEmailAddress' });
      const result = success(await client({ retry: { baseDelayMs: 60 } }).listBlackEmailAddress({ StartDate: '2000-01-01', EndDate: '2100-01-01', Limit: 1, Offset: 0 }));
      assert.equal(result.attempts, 2);
      const seen = emulator.requests.slice(start);
      assert.deepEqual(seen.map((request) => request.resultCode), ['RequestLimitExceeded', 'OK']);
      assert.ok(seen[1].receivedAt - seen[0].receivedAt >= 30, 'waited at least half the base delay');
    });

    it('ListBlackEmailAddress after two 503s succeeds on attempt 3, backing off exponentially', async () => {
      const start = emulator.requests.length;
      emulator.inject({ kind: 'status', status: 503, times: 2, action: 'ListBlackEmailAddress' });
      const result = success(await client({ retry: { baseDelayMs: 60 } }).listBlackEmailAddress({ StartDate: '2000-01-01', EndDate: '2100-01-01', Limit: 1, Offset: 0 }));
      assert.equal(result.attempts, 3);
      const times = emulator.requests.slice(start).map((request) => request.receivedAt);
      assert.equal(times.length, 3);
      assert.ok(times[1] - times[0] >= 30, `first backoff ${times[1] - times[0]} ms`);
      assert.ok(times[2] - times[1] >= 60, `second backoff ${times[2] - times[1]} ms`);
    });

    it('RequestLimitExceeded.* sub-codes are retried; attempts are capped by the option', async () => {
      const start = emulator.requests.length;
      emulator.inject({ kind: 'apiError', code: 'RequestLimitExceeded.UinLimitExceeded', times: 5, action: 'ListEmailAddress' });
      const result = failure(await client({ retry: { attempts: 2, baseDelayMs: 5 } }).listEmailAddress());
      assert.equal(result.code, 'RequestLimitExceeded.UinLimitExceeded');
      assert.equal(result.attempts, 2);
      assert.equal(emulator.requests.length - start, 2);
      emulator.clearFaults();
    });

    it('nonsense retry and timeout options fall back to the defaults instead of looping', async () => {
      emulator.inject({ kind: 'status', status: 503, times: 5, action: 'ListEmailAddress' });
      const result = failure(await client({ retry: { attempts: Number.NaN, baseDelayMs: -5 }, timeoutMs: Number.NaN }).listEmailAddress());
      assert.equal(result.attempts, 3);
      emulator.clearFaults();
    });

    it('a timeout is retried for a read', async () => {
      emulator.inject({ kind: 'latency', ms: 300, action: 'ListEmailAddress' });
      const result = success(await client({ timeoutMs: 100 }).listEmailAddress());
      assert.equal(result.attempts, 2);
    });

    it('SendEmail is never retried: not after a 503', async () => {
      const before = countOf('SendEmail');
      emulator.inject({ kind: 'status', status: 503, action: 'SendEmail' });
      const result = failure(await client().sendEmail(sendRequest));
      assert.equal(result.kind, 'http');
      assert.equal(result.attempts, 1);
      assert.equal(countOf('SendEmail') - before, 1, 'the emulator received exactly one SendEmail');
    });

    it('SendEmail is never retried: not after a reset, nor after throttling', async () => {
      const before = countOf('SendEmail');
      emulator.inject({ kind: 'reset', action: 'SendEmail' });
      const reset = failure(await client().sendEmail(sendRequest));
      assert.equal(reset.kind, 'network');
      assert.equal(reset.attempts, 1);
      emulator.inject({ kind: 'apiError', code: 'RequestLimitExceeded', action: 'SendEmail' });
      const throttled = failure(await client().sendEmail(sendRequest));
      assert.equal(throttled.code, 'RequestLimitExceeded');
      assert.equal(throttled.attempts, 1);
      assert.equal(countOf('SendEmail') - before, 2, 'one SendEmail per call');
    });
  });

  describe('lookupBlocklist', () => {
    it('reports blocked addresses with reason and end of block, and clean ones', async () => {
      const result = success(await lookupBlocklist(client(), ['bounced@example.com', ' clean@example.com ', '', 'long-gone@example.com']));
      assert.equal(result.action, 'ListBlackEmailAddress');
      assert.equal(result.data.length, 3);
      const [bounced, clean, gone] = result.data;
      assert.equal(bounced.address, 'bounced@example.com');
      assert.equal(bounced.blocked, true);
      assert.equal(bounced.reason, '550 5.1.1 user unknown', 'the latest bounce wins');
      assert.match(bounced.bounceTime ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      const until = new Date(`${bounced.blockedUntil!.replace(' ', 'T')}+08:00`).getTime();
      assert.ok(Math.abs(until - (Date.now() + 12 * 86_400_000)) < 120_000, `blocked until ${bounced.blockedUntil}`);
      assert.deepEqual(clean, { address: 'clean@example.com', blocked: false });
      assert.deepEqual(gone, { address: 'long-gone@example.com', blocked: false });
    });

    it('pages through more than 100 entries', async () => {
      const start = emulator.requests.length;
      const result = success(await lookupBlocklist(client(), ['many@example.com']));
      assert.equal(result.data[0].blocked, true);
      assert.equal(result.data[0].reason, 'bounce 0');
      const pages = emulator.requests.slice(start).map((request) => (request.body as { Offset: number; Limit: number }));
      assert.deepEqual(pages.map((page) => [page.Offset, page.Limit]), [[0, 100], [100, 100]]);
      assert.equal(result.attempts, 2);
    });

    it('returns the failure instead of a partial answer', async () => {
      emulator.inject({ kind: 'apiError', code: 'OperationDenied', action: 'ListBlackEmailAddress' });
      const result = failure(await lookupBlocklist(client(), ['bounced@example.com', 'clean@example.com']));
      assert.equal(result.code, 'OperationDenied');
    });
  });

  describe('logging', () => {
    it('one line per attempt with action, region, attempt, outcome, time and RequestId', async () => {
      const lines: string[] = [];
      emulator.inject({ kind: 'status', status: 502, action: 'ListEmailAddress' });
      success(await client({ log: (line) => { lines.push(line); shown.push(line); } }).listEmailAddress());
      assert.equal(lines.length, 2);
      assert.match(lines[0], /^ListEmailAddress ap-guangzhou attempt 1\/3: http HTTP\.502 \(HTTP 502\) in \d+ ms$/);
      assert.match(lines[1], /^ListEmailAddress ap-guangzhou attempt 2\/3: ok in \d+ ms RequestId \S+$/);
    });

    it('a logger that throws does not break the call', async () => {
      success(await client({ log: () => { throw new Error('output channel disposed'); } }).listEmailAddress());
    });
  });

  it('never shows a credential in any log line or failure message', () => {
    assert.ok(shown.length > 30, `captured ${shown.length} lines`);
    for (const line of shown) {
      assert.ok(!line.includes(DEFAULT_SECRET_KEY), line);
      assert.ok(!line.includes(DEFAULT_SECRET_ID), line);
      assert.ok(!line.includes(TOKEN), line);
      assert.ok(!line.includes('WrongKeyWrongKeyWrongKeyWrongKey'), line);
    }
  });
});
