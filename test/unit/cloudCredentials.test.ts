import * as assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CredentialFileError, credentialsFromEnvironment, credentialsFromTccli, validateCredentials } from '../../common/cloud/credentials';

const ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3abcwxyz';
const KEY = 'Gu5t9xGARNpq86cd98joQYCN3Cozk1qA';

describe('credentials from the environment', () => {
  it('reads the SDK variables, token optional', () => {
    assert.deepEqual(credentialsFromEnvironment({ TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY }), { secretId: ID, secretKey: KEY });
    assert.deepEqual(
      credentialsFromEnvironment({ TENCENTCLOUD_SECRET_ID: ` ${ID}\n`, TENCENTCLOUD_SECRET_KEY: KEY, TENCENTCLOUD_SESSION_TOKEN: 'tok' }),
      { secretId: ID, secretKey: KEY, token: 'tok' });
  });

  it('gives nothing when a half is missing', () => {
    assert.equal(credentialsFromEnvironment({ TENCENTCLOUD_SECRET_ID: ID }), undefined);
    assert.equal(credentialsFromEnvironment({ TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: '  ' }), undefined);
    assert.equal(credentialsFromEnvironment({}), undefined);
  });
});

describe('credentials from the tccli file', () => {
  let home: string;
  const write = async (profile: string, text: string): Promise<void> => writeFile(join(home, '.tccli', `${profile}.credential`), text);
  const rejectsClearly = async (profile: string, pattern: RegExp): Promise<void> => {
    await assert.rejects(credentialsFromTccli({ home, profile }), (error: Error) => {
      assert.ok(error instanceof CredentialFileError, String(error));
      assert.match(error.message, pattern);
      assert.ok(!error.message.includes(KEY) && !error.message.includes(ID), error.message);
      return true;
    });
  };

  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'ses-tccli-'));
    await mkdir(join(home, '.tccli'));
  });
  after(async () => rm(home, { recursive: true, force: true }));

  it('reads the default profile and a named one, with token', async () => {
    await write('default', JSON.stringify({ secretId: ID, secretKey: KEY }));
    await write('work', `\uFEFF${JSON.stringify({ secretId: ID, secretKey: KEY, token: 'sts-token' }, null, 4)}`);
    const saved = process.env.TCCLI_PROFILE;
    delete process.env.TCCLI_PROFILE;
    try {
      assert.deepEqual(await credentialsFromTccli({ home }), { secretId: ID, secretKey: KEY });
    } finally {
      if (saved !== undefined) process.env.TCCLI_PROFILE = saved;
    }
    assert.deepEqual(await credentialsFromTccli({ home, profile: 'work' }), { secretId: ID, secretKey: KEY, token: 'sts-token' });
  });

  it('gives nothing when the file or the directory does not exist', async () => {
    assert.equal(await credentialsFromTccli({ home, profile: 'absent' }), undefined);
    assert.equal(await credentialsFromTccli({ home: join(home, 'nowhere') }), undefined);
  });

  it('rejects malformed files with a clear message that quotes no secret', async () => {
    await write('broken', `{"secretId": "${ID}", "secretKey": "${KEY}"`);
    await rejectsClearly('broken', /broken\.credential is not valid JSON/);
    await write('array', '[1,2]');
    await rejectsClearly('array', /does not contain a JSON object/);
    await write('nokey', JSON.stringify({ secretId: ID }));
    await rejectsClearly('nokey', /has no secretKey/);
    await write('number', JSON.stringify({ secretId: ID, secretKey: 42 }));
    await rejectsClearly('number', /secretKey that is not a string/);
    await write('role', JSON.stringify({ type: 'cvm-role' }));
    await rejectsClearly('role', /role/);
    await write('empty', '');
    await rejectsClearly('empty', /not valid JSON/);
    await rejectsClearly('../escape', /invalid profile name/);
  });
});

describe('validateCredentials', () => {
  it('accepts well-formed keys, with or without a token', () => {
    assert.equal(validateCredentials({ secretId: ID, secretKey: KEY }), undefined);
    assert.equal(validateCredentials({ secretId: ID, secretKey: KEY, token: 'a.b-c_d' }), undefined);
  });

  it('explains obvious mistakes without quoting the values', () => {
    const cases: Array<[Partial<{ secretId: string; secretKey: string; token: string }>, RegExp]> = [
      [{ secretKey: KEY }, /SecretId is empty/],
      [{ secretId: '', secretKey: KEY }, /SecretId is empty/],
      [{ secretId: '   ', secretKey: KEY }, /only spaces/],
      [{ secretId: ` ${ID}`, secretKey: KEY }, /spaces before or after/],
      [{ secretId: ID, secretKey: `${KEY}\n` }, /SecretKey has spaces before or after/],
      [{ secretId: 'AKIDz8kr bsJ5yKBZQpn74', secretKey: KEY }, /contains spaces/],
      [{ secretId: 'AKIDz8kr', secretKey: KEY }, /too short/],
      [{ secretId: 'A'.repeat(300), secretKey: KEY }, /too long/],
      [{ secretId: 'https://console.cloud.tencent.com', secretKey: KEY }, /characters a Tencent Cloud key never has/],
      [{ secretId: KEY, secretKey: ID }, /swapped/],
      [{ secretId: ID, secretKey: ID }, /same value/],
      [{ secretId: ID, secretKey: KEY, token: 'a b' }, /session token/],
    ];
    for (const [input, pattern] of cases) {
      const message = validateCredentials(input);
      assert.match(message ?? '', pattern, JSON.stringify(input));
      assert.ok(!message!.includes(ID) && !message!.includes(KEY), message);
    }
  });
});
