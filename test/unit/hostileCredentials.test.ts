import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CredentialFileError, credentialsFromTccli } from '../../common/cloud/credentials';
import { endpointForDisplay, endpointUrl } from '../../common/cloud/endpoints';
import { SesClient } from '../../common/cloud/sesClient';
import { proxyAuthorization } from '../../common/cloud/transport';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../emulator';

// Credentials that reach a message or a log line by a side door: a password in
// `sesStudio.api.endpoint` (shown as "<endpoint> could not be reached" by every command and the
// preflight report), a proxy password written without a scheme (`user:pass@proxy:3128`, which the
// masking did not recognise) or echoed back by a gateway in its Basic form, and a proxy password
// with a bare `%` (decodeURIComponent threw "URI malformed" for every call).

const PASSWORD = 'hunter2-Endp0int-secret';
const PROXY_PASSWORD = 'Pr0xy-pass-50%off';

describe('credentials in sesStudio.api.endpoint', () => {
  const endpoints = [
    `https://admin:${PASSWORD}@gw.example.com`,
    `ftp://admin:${PASSWORD}@gw.example.com`,
    `https://admin:${PASSWORD}@[bad`,
    `admin:${PASSWORD}@gw.example.com`,
    `https://${PASSWORD}@gw.example.com/path`,
    // A password may hold `/`, `?`, `#` and `@` unencoded: the userinfo then looks like a path.
    `https://admin:pa/ss-${PASSWORD}@gw.example.com`,
    `https://admin:pa?ss-${PASSWORD}@gw.example.com`,
    `https://admin:pa#ss-${PASSWORD}@gw.example.com`,
    `https://admin:pa@ss-${PASSWORD}@gw.example.com`,
    `https://pa/${PASSWORD}@gw.example.com/ses`,
    `admin:${PASSWORD}/x?y#z@gw.example.com`,
  ];
  for (const endpoint of endpoints) {
    it(`never shows the password of ${endpoint.replace(PASSWORD, '<password>')}`, () => {
      assert.ok(!endpointForDisplay(endpoint).includes(PASSWORD), endpointForDisplay(endpoint));
      assert.throws(() => endpointUrl({ region: 'ap-guangzhou', endpoint }), (error: Error) => !error.message.includes(PASSWORD) && error.message.length > 0);
    });
  }

  it('keeps an endpoint without credentials as written', () => {
    assert.equal(endpointForDisplay('http://127.0.0.1:8081'), 'http://127.0.0.1:8081');
    assert.equal(endpointForDisplay('https://gw.example.com/ses'), 'https://gw.example.com/ses');
  });

  it('takes any @ to end a user name or password: an @ in the path is hidden, never a password shown', () => {
    // Nothing tells `https://pa/ss@gw` (a password with a slash) from a host `pa` with a path.
    assert.equal(endpointForDisplay('gw.example.com/ses?a=b@c'), '…@c');
    assert.equal(endpointForDisplay('https://admin:pa/ss@gw.example.com/ses'), 'https://…@gw.example.com/ses');
  });

  it('a call with such an endpoint fails with a message and log lines free of the password', async () => {
    const lines: string[] = [];
    const client = new SesClient({
      credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
      region: 'ap-guangzhou', endpoint: `https://admin:${PASSWORD}@127.0.0.1:1`, log: (line) => lines.push(line),
    });
    const result = await client.call('ListEmailAddress', {});
    assert.equal(result.ok, false);
    assert.ok(!JSON.stringify(result).includes(PASSWORD) && !lines.join('\n').includes(PASSWORD), JSON.stringify(result));
  });
});

describe('proxy passwords against a gateway that echoes the request', () => {
  let gateway: http.Server;
  let port: number;
  before(async () => {
    // A forward proxy for http targets that answers 200 with the request headers it received: what a
    // misconfigured gateway or debug proxy does. The client must not repeat any of it unmasked.
    gateway = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`Proxy-Authorization: ${req.headers['proxy-authorization'] ?? '-'} decoded ${Buffer.from(String(req.headers['proxy-authorization'] ?? '').slice(6), 'base64').toString()}`);
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    port = (gateway.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

  for (const [name, proxy] of [
    ['with a scheme', `http://proxyuser:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:PORT`],
    ['without a scheme', `proxyuser:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:PORT`],
    ['with a bare % in the password', `http://proxyuser:${PROXY_PASSWORD}@127.0.0.1:PORT`],
  ] as const) {
    it(`masks the proxy password ${name}, in every form the gateway echoes`, async () => {
      const lines: string[] = [];
      const client = new SesClient({
        credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
        // Not loopback, so the proxy is used; only the gateway ever sees the made-up host.
        region: 'ap-guangzhou', endpoint: 'http://ses.example.test', proxy: proxy.replace('PORT', String(port)), log: (line) => lines.push(line),
      });
      const result = await client.call('ListEmailAddress', {});
      assert.equal(result.ok, false);
      const shown = JSON.stringify(result) + lines.join('\n');
      assert.ok(!result.ok && result.kind === 'badResponse', `the call reached the gateway: ${shown}`);
      for (const secret of [PROXY_PASSWORD, encodeURIComponent(PROXY_PASSWORD), Buffer.from(`proxyuser:${PROXY_PASSWORD}`).toString('base64').slice(0, 24)]) {
        assert.ok(!shown.includes(secret), `${secret} shown: ${shown}`);
      }
    });
  }

  it('sends a password with a bare % as typed instead of failing every call', () => {
    const header = proxyAuthorization(new URL(`http://u:${PROXY_PASSWORD}@proxy.example:3128`))['Proxy-Authorization'];
    assert.equal(Buffer.from(header.slice('Basic '.length), 'base64').toString(), `u:${PROXY_PASSWORD}`);
  });
});

describe('a tccli credential file that is no file', () => {
  // Found: a FIFO (or a profile linked to /dev/zero) was read forever, so every API command hung
  // while resolving the key.
  let home: string;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-tccli-'));
    fs.mkdirSync(path.join(home, '.tccli'));
    execFileSync('mkfifo', [path.join(home, '.tccli', 'fifo.credential')]);
    fs.symlinkSync('/dev/zero', path.join(home, '.tccli', 'zero.credential'));
    fs.mkdirSync(path.join(home, '.tccli', 'dir.credential'));
    fs.writeFileSync(path.join(home, '.tccli', 'big.credential'), `{"secretId":"${'A'.repeat(200_000)}"}`);
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  for (const [profile, message] of [['fifo', /not a regular file/], ['zero', /not a regular file/], ['dir', /not a regular file|cannot be read/], ['big', /too large/]] as const) {
    // A FIFO read hangs forever (nobody writes): the test's timeout is a hang guard, generous enough
    // for a loaded machine; no duration is asserted.
    it(`refuses the ${profile} profile without reading it, with a message and no value`, { timeout: 60_000 }, async () => {
      await assert.rejects(credentialsFromTccli({ home, profile }), (error: Error) => error instanceof CredentialFileError && message.test(error.message) && !error.message.includes('AAAA'));
    });
  }
});
