import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Sign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign';
import { parseAuthorization, sha256Hex, signTc3, utcDate, type Tc3Input } from '../../common/cloud/tc3';

/** Published vectors: reference §5.2 (A: current zh doc, A′: intl doc, B: the Node SDK's own unit test). */
const VECTOR_A_BODY = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const VECTOR_A: Tc3Input = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  contentType: 'application/json; charset=utf-8',
  payload: VECTOR_A_BODY,
  timestamp: 1551113065,
};
const VECTOR_B: Tc3Input = {
  secretId: 'test-secret-id',
  secretKey: 'test-secret-key',
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  contentType: 'application/json',
  payload: '{"Action":"DescribeInstances","Version":"2017-03-12"}',
  timestamp: 1640995200,
};

/** The official SDK's signer (tencentcloud-sdk-nodejs-common), used only as an oracle here. */
function officialAuthorization(input: Tc3Input): string {
  return Sign.sign3({
    method: 'POST',
    url: `https://${input.host}/`,
    payload: Buffer.from(input.payload),
    timestamp: input.timestamp,
    service: input.service,
    secretId: input.secretId,
    secretKey: input.secretKey,
    multipart: false,
    boundary: '',
    headers: { 'Content-Type': input.contentType },
  });
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('signTc3 against the published vectors', () => {
  it('vector A (doc example, masked key): payload hash, canonical request, string to sign, signature', () => {
    const result = signTc3(VECTOR_A);
    assert.equal(sha256Hex(VECTOR_A_BODY), '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    assert.equal(result.canonicalRequest,
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n'
      + '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    assert.equal(sha256Hex(result.canonicalRequest), '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    assert.equal(result.credentialScope, '2019-02-25/cvm/tc3_request');
    assert.equal(result.stringToSign,
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    assert.equal(result.signature, '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
    assert.equal(result.authorization,
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, '
      + 'SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
  });

  it('vector A′ (EXAMPLE keys of the intl doc)', () => {
    const result = signTc3({ ...VECTOR_A, secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' });
    assert.equal(result.signature, '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  });

  it('vector B (the official Node SDK unit test, POST)', () => {
    const result = signTc3(VECTOR_B);
    assert.equal(sha256Hex(VECTOR_B.payload), '8161d71add76597e6dc0e223286ca9a96dec0b7eca6e08f9364680387415b4dc');
    assert.equal(sha256Hex(result.canonicalRequest), '11b4984250df9d76592a8eb098c42d8c757bebef390e23479ceac3a58148f4d9');
    assert.equal(result.signature, '96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3');
  });

  it('signs bytes and the same text as a string identically', () => {
    assert.equal(signTc3({ ...VECTOR_A, payload: Buffer.from(VECTOR_A_BODY) }).signature, signTc3(VECTOR_A).signature);
  });

  it('the scope date is the UTC date, also a second before and after midnight', () => {
    const midnight = Date.UTC(2026, 10, 29) / 1000;
    assert.equal(utcDate(midnight - 1), '2026-11-28');
    assert.equal(utcDate(midnight), '2026-11-29');
    assert.equal(signTc3({ ...VECTOR_B, timestamp: midnight - 1 }).credentialScope, '2026-11-28/cvm/tc3_request');
    assert.equal(signTc3({ ...VECTOR_B, timestamp: midnight }).credentialScope, '2026-11-29/cvm/tc3_request');
  });
});

describe('signTc3 against the official SDK signer', () => {
  it('the oracle itself reproduces vectors A and B', () => {
    assert.match(officialAuthorization(VECTOR_A), /Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c$/);
    assert.match(officialAuthorization(VECTOR_B), /Signature=96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3$/);
  });

  it('agrees on 40 pseudo-random requests: Chinese bodies, times around midnight UTC, SDK-style service 127', () => {
    const next = random(20261128);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const midnights = [Date.UTC(2026, 10, 29), Date.UTC(2024, 1, 29), Date.UTC(2027, 0, 1)].map((ms) => ms / 1000);
    const subjects = ['您的订单已确认', '双十一会员专享活动 🎉', 'Reset your password', '账户通知：条款更新 "quoted" \\ back'];
    for (let i = 0; i < 40; i++) {
      const body = JSON.stringify({
        FromEmailAddress: '示例商店 <noreply@mail.example.com>',
        Destination: [`user${i}@example.com`],
        Subject: pick(subjects),
        Template: { TemplateID: 21000 + i, TemplateData: JSON.stringify({ name: `张三${i}`, amount: `¥${(next() * 1000).toFixed(2)}` }) },
      });
      const input: Tc3Input = {
        secretId: `AKID${Math.floor(next() * 1e12)}`,
        secretKey: `key-${next().toString(36).slice(2)}`,
        service: pick(['ses', '127', 'cvm']),
        host: pick(['ses.tencentcloudapi.com', 'ses.intl.tencentcloudapi.com', '127.0.0.1']),
        contentType: pick(['application/json', 'application/json; charset=utf-8']),
        payload: body,
        timestamp: pick(midnights) + Math.floor((next() - 0.5) * 120),
      };
      assert.equal(signTc3(input).authorization, officialAuthorization(input), `case ${i}: ${JSON.stringify(input)}`);
    }
  });
});

describe('parseAuthorization', () => {
  it('round-trips what signTc3 produces', () => {
    const signed = signTc3({ ...VECTOR_B, secretId: 'AKIDabc123', service: '127' });
    assert.deepEqual(parseAuthorization(signed.authorization), {
      secretId: 'AKIDabc123', date: '2022-01-01', service: '127', signedHeaders: ['content-type', 'host'], signature: signed.signature,
    });
  });

  it('accepts the doc variant that also signs x-tc-action', () => {
    const header = `TC3-HMAC-SHA256 Credential=AKIDx/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${'a'.repeat(64)}`;
    assert.deepEqual(parseAuthorization(header)?.signedHeaders, ['content-type', 'host', 'x-tc-action']);
  });

  it('rejects malformed headers without throwing', () => {
    const good = signTc3(VECTOR_B).authorization;
    const malformed = [
      undefined, '', '   ', 'Bearer abc',
      good.replace('TC3-HMAC-SHA256', 'TC3-HMAC-SHA1'),
      good.replace('/tc3_request', '/tc2_request'),
      good.replace('2022-01-01', '2022-1-1'),
      good.replace(/Signature=[0-9a-f]+/, 'Signature=xyz'),
      good.replace(/Signature=([0-9a-f]+)/, (_all, hex: string) => `Signature=${hex.toUpperCase()}`),
      good.replace(/Signature=[0-9a-f]+/, `Signature=${'a'.repeat(63)}`),
      good.replace(', SignedHeaders=content-type;host', ''),
      good.replace('Credential=test-secret-id/', 'Credential=/'),
      `${good}, Extra=1`,
      good.replace('Credential=test-secret-id', 'Credential=test secret'),
    ];
    for (const header of malformed) assert.equal(parseAuthorization(header), undefined, String(header));
  });
});
