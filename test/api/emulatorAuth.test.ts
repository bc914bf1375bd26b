import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { signTc3 } from '../../common/cloud/tc3';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorHandle } from '../emulator';
import { signedCall, type SignedCallOptions } from '../emulator/signedRequest';
import { FIXED_NOW_MS, FIXED_NOW_SECONDS } from '../emulator/testClock';

/** Signature verification and the request envelope: every failure is HTTP 200 with Response.Error. */

let emulator: EmulatorHandle;
let logLines: string[];
beforeEach(async () => {
  logLines = [];
  emulator = await startEmulator({ now: () => FIXED_NOW_MS, log: (line) => logLines.push(line) });
});
afterEach(() => emulator.close());

async function errorCode(options: SignedCallOptions, action = 'ListEmailAddress', params: unknown = {}): Promise<string | undefined> {
  const result = await signedCall(emulator.url, action, params, { timestamp: FIXED_NOW_SECONDS, ...options });
  assert.equal(result.status, 200, result.text);
  assert.match(String(result.json?.Response?.RequestId), /^[0-9a-f-]{36}$/);
  return result.json?.Response?.Error?.Code;
}

describe('emulator: signature verification', () => {
  it('a correctly signed request succeeds', async () => {
    assert.equal(await errorCode({}), undefined);
  });

  it('accepts the official SDK quirk: scope service "127" for endpoint 127.0.0.1', async () => {
    assert.equal(await errorCode({ service: '127' }), undefined);
  });

  it('accepts an X-TC-Token (temporary credentials)', async () => {
    assert.equal(await errorCode({ token: 'sts-session-token' }), undefined);
  });

  it('accepts a timestamp 299 s away either way, refuses 301 s (AuthFailure.SignatureExpire)', async () => {
    assert.equal(await errorCode({ timestamp: FIXED_NOW_SECONDS - 299 }), undefined);
    assert.equal(await errorCode({ timestamp: FIXED_NOW_SECONDS + 299 }), undefined);
    assert.equal(await errorCode({ timestamp: FIXED_NOW_SECONDS - 301 }), 'AuthFailure.SignatureExpire');
    assert.equal(await errorCode({ timestamp: FIXED_NOW_SECONDS + 301 }), 'AuthFailure.SignatureExpire');
  });

  it('missing Authorization → AuthFailure.SignatureFailure; malformed → AuthFailure.InvalidAuthorization', async () => {
    assert.equal(await errorCode({ authorization: null }), 'AuthFailure.SignatureFailure');
    assert.equal(await errorCode({ authorization: 'Bearer abc' }), 'AuthFailure.InvalidAuthorization');
    assert.equal(await errorCode({ authorization: `TC3-HMAC-SHA256 Credential=${DEFAULT_SECRET_ID}/2026-11-28/ses/tc3_request, SignedHeaders=content-type;host, Signature=zz` }), 'AuthFailure.InvalidAuthorization');
  });

  it('unknown SecretId → AuthFailure.SecretIdNotFound; wrong key → AuthFailure.SignatureFailure', async () => {
    assert.equal(await errorCode({ secretId: 'AKIDunknown000000000000000000000000' }), 'AuthFailure.SecretIdNotFound');
    assert.equal(await errorCode({ secretKey: `${DEFAULT_SECRET_KEY}x` }), 'AuthFailure.SignatureFailure');
  });

  it('a body changed after signing → AuthFailure.SignatureFailure', async () => {
    assert.equal(await errorCode({ signedBody: '{}', rawBody: '{ }' }), 'AuthFailure.SignatureFailure');
  });

  it('a scope date that is not the UTC date of the timestamp → AuthFailure.SignatureFailure', async () => {
    // Signed correctly for 2026-11-28, but the scope claims the previous day.
    const signed = signTc3({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, service: 'ses', host: '127.0.0.1', contentType: 'application/json', payload: '{}', timestamp: FIXED_NOW_SECONDS });
    const result = await signedCall(emulator.url, 'ListEmailAddress', {}, { timestamp: FIXED_NOW_SECONDS, authorization: signed.authorization.replace('2026-11-28', '2026-11-27') });
    assert.equal(result.json?.Response?.Error?.Code, 'AuthFailure.SignatureFailure');
    assert.match(String(result.json?.Response?.Error?.Message), /UTC date/);
  });

  it('only SignedHeaders=content-type;host is verified', async () => {
    const signed = signTc3({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, service: 'ses', host: '127.0.0.1', contentType: 'application/json', payload: '{}', timestamp: FIXED_NOW_SECONDS });
    assert.equal(await errorCode({ authorization: signed.authorization.replace('content-type;host', 'content-type;host;x-tc-action') }), 'AuthFailure.SignatureFailure');
  });

  it('custom credentials replace the defaults', async () => {
    const other = await startEmulator({ secretId: 'AKIDcustom', secretKey: 'custom-key', now: () => FIXED_NOW_MS });
    try {
      const call = (options: SignedCallOptions) => signedCall(other.url, 'ListEmailAddress', {}, { timestamp: FIXED_NOW_SECONDS, ...options });
      assert.equal((await call({})).json?.Response?.Error?.Code, 'AuthFailure.SecretIdNotFound');
      assert.equal((await call({ secretId: 'AKIDcustom', secretKey: 'custom-key' })).json?.Response?.Error, undefined);
    } finally {
      await other.close();
    }
  });
});

describe('emulator: envelope, action, version, region, body', () => {
  const cases: [string, SignedCallOptions, string][] = [
    ['no X-TC-Action', { action: null }, 'MissingParameter'],
    ['no X-TC-Version', { version: null }, 'MissingParameter'],
    ['unknown action', { action: 'SendSms' }, 'InvalidAction'],
    ['another version', { version: '2019-10-02' }, 'NoSuchVersion'],
    ['no X-TC-Region', { region: null }, 'MissingParameter'],
    ['a region SES does not serve', { region: 'ap-beijing' }, 'UnsupportedRegion'],
    ['a body that is not JSON', { rawBody: '{"Limit": 1' }, 'InvalidParameter'],
    ['a JSON array body', { rawBody: '[]' }, 'InvalidParameter'],
    ['a form body', { rawBody: 'a=1', contentType: 'application/x-www-form-urlencoded' }, 'InvalidParameter'],
  ];
  for (const [name, options, code] of cases) {
    it(`${name} → ${code}`, async () => {
      assert.equal(await errorCode(options), code);
    });
  }

  it('all three SES regions are served', async () => {
    for (const region of ['ap-guangzhou', 'ap-hongkong', 'ap-singapore']) assert.equal(await errorCode({ region }), undefined, region);
  });

  it('a body over 8 MB → RequestSizeLimitExceeded (and one of exactly 8 MB is read)', async () => {
    const padding = (size: number) => `{"Pad":"${'x'.repeat(size - 10)}"}`;
    assert.equal(padding(100).length, 100);
    assert.equal(await errorCode({ rawBody: padding(8 * 1024 * 1024 + 1) }), 'RequestSizeLimitExceeded');
    // Exactly 8 MB passes the size check and reaches the action, which refuses the unknown field.
    assert.equal(await errorCode({ rawBody: padding(8 * 1024 * 1024) }), 'UnknownParameter');
  });

  it('GET is refused with UnsupportedOperation, still as HTTP 200 JSON', async () => {
    const response = await fetch(emulator.url, { headers: { 'X-TC-Action': 'ListEmailAddress' } });
    assert.equal(response.status, 200);
    const json = await response.json() as { Response: { Error: { Code: string } } };
    assert.equal(json.Response.Error.Code, 'UnsupportedOperation');
  });

  it('survives garbage: a raw request with nonsense headers and bytes gets an answer', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const req = http.request(emulator.url, { method: 'POST', headers: { 'X-TC-Action': 'SendEmail', 'X-TC-Version': '2020-10-02', Authorization: 'TC3-HMAC-SHA256 \u00ff\u00fe garbage' } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
    });
    assert.equal(JSON.parse(answer).Response.Error.Code, 'AuthFailure.InvalidAuthorization');
    assert.equal(await errorCode({}), undefined, 'still serving');
  });
});

describe('emulator: request log and records', () => {
  it('records action, region, headers without Authorization, parsed body and result; logs a masked SecretId, never the key', async () => {
    await errorCode({}, 'ListEmailAddress', {});
    await errorCode({ secretKey: 'wrong' }, 'ListBlackEmailAddress', { Limit: 1 });
    assert.deepEqual(emulator.requests.map((r) => [r.action, r.region, r.resultCode]), [
      ['ListEmailAddress', 'ap-guangzhou', 'OK'],
      ['ListBlackEmailAddress', 'ap-guangzhou', 'AuthFailure.SignatureFailure'],
    ]);
    assert.deepEqual(emulator.requests[0].body, {});
    assert.equal(emulator.requests[1].body, undefined, 'a wrongly signed body is never kept');
    assert.equal(emulator.requests[1].headers['x-tc-action'], 'ListBlackEmailAddress');
    assert.equal(emulator.requests[0].headers.authorization, undefined);
    assert.equal(emulator.requests[0].headers['x-tc-action'], 'ListEmailAddress');
    assert.match(String(emulator.requests[0].requestId), /^[0-9a-f-]{36}$/);
    assert.deepEqual(logLines, ['ListEmailAddress AKID…0000 OK', 'ListBlackEmailAddress AKID…0000 AuthFailure.SignatureFailure']);
    const everything = JSON.stringify({ logLines, requests: emulator.requests });
    assert.ok(!everything.includes(DEFAULT_SECRET_KEY));
    assert.ok(!everything.includes(DEFAULT_SECRET_ID), 'the full SecretId is not logged either');
  });
});
