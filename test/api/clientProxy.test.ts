import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as tls from 'node:tls';
import { SesClient, type SesClientOptions } from '../../common/cloud/sesClient';
import type { ApiResult } from '../../common/cloud/types';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorHandle } from '../emulator';

/**
 * The client through a real forward proxy started here: absolute-URI forwarding for http endpoints,
 * CONNECT tunnels for https ones. The proxy alone resolves the made-up hosts `emulator.test` and
 * `ses.test`, so a call that succeeds with them must have gone through it.
 */

const PROXY_PASSWORD = 'pr0xy-Passw0rd-secret';

interface SeenByProxy { method: string; target: string; authorization?: string }

interface TestProxy { url: string; seen: SeenByProxy[]; close(): Promise<void> }

/** `routes` maps host:port as the client names it to the real 127.0.0.1 port. */
async function startProxy(routes: Map<string, number>, options: { refuseConnect?: number } = {}): Promise<TestProxy> {
  const seen: SeenByProxy[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', target: req.url ?? '', authorization: req.headers['proxy-authorization'] });
    const url = new URL(req.url ?? '/');
    const port = routes.get(url.host);
    if (!port) {
      res.writeHead(502).end('unknown host');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: url.pathname + url.search, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '', authorization: req.headers['proxy-authorization'] });
    const port = routes.get(req.url ?? '');
    if (options.refuseConnect || !port) {
      socket.end(`HTTP/1.1 ${options.refuseConnect ?? 502} Refused\r\n\r\n`);
      return;
    }
    const upstream = net.connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A self-signed certificate for `ses.test`, made at test time so no private key lives in the repository. */
function selfSignedCertificate(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ses-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=ses.test', '-days', '1',
      '-addext', 'subjectAltName=DNS:ses.test'], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const shown: string[] = [];
let emulator: EmulatorHandle;
let proxy: TestProxy;
let tlsServer: tls.Server | undefined;
let tlsPort = 0;
const certificate = selfSignedCertificate();

function client(options: Partial<SesClientOptions>): SesClient {
  return new SesClient({
    credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
    region: 'ap-guangzhou',
    retry: { attempts: 1 },
    timeoutMs: 5000,
    log: (line) => shown.push(line),
    ...options,
  });
}

function check<T>(result: ApiResult<T>): ApiResult<T> {
  if (!result.ok) shown.push(result.message);
  return result;
}

/** Runs `body` with the proxy variables set as given and all others removed, restoring them after. */
async function withEnvironment<T>(values: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
  const saved = new Map(names.map((name) => [name, process.env[name]]));
  for (const name of names) delete process.env[name];
  Object.assign(process.env, values);
  try {
    return await body();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('SesClient through a proxy', () => {
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    if (certificate) {
      // TLS in front of the emulator, as the real endpoint is https.
      tlsServer = tls.createServer(certificate, (socket) => {
        const upstream = net.connect(emulator.port, '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      });
      await new Promise<void>((resolve) => tlsServer!.listen(0, '127.0.0.1', resolve));
      tlsPort = (tlsServer.address() as net.AddressInfo).port;
    }
    proxy = await startProxy(new Map([[`emulator.test:${emulator.port}`, emulator.port], ['ses.test:443', tlsPort]]));
  });
  after(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => (tlsServer ? tlsServer.close(() => resolve()) : resolve()));
    await emulator.close();
  });

  it('forwards an http endpoint through the proxy named in the setting', async () => {
    const start = proxy.seen.length;
    const result = check(await client({ endpoint: `http://emulator.test:${emulator.port}`, proxy: proxy.url }).listEmailAddress());
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(proxy.seen.slice(start).map((s) => `${s.method} ${s.target}`), [`POST http://emulator.test:${emulator.port}/`]);
    assert.equal(emulator.requests.at(-1)?.resultCode, 'OK', 'signature valid for host emulator.test');
  });

  it('uses HTTP_PROXY from the environment when there is no setting, and honours NO_PROXY', async () => {
    const endpoint = `http://emulator.test:${emulator.port}`;
    const start = proxy.seen.length;
    const viaEnv = await withEnvironment({ HTTP_PROXY: proxy.url }, async () => check(await client({ endpoint, proxy: '' }).listEmailAddress()));
    assert.ok(viaEnv.ok, JSON.stringify(viaEnv));
    assert.equal(proxy.seen.length - start, 1);
    const excluded = await withEnvironment({ http_proxy: proxy.url, no_proxy: '.test' }, async () => check(await client({ endpoint, timeoutMs: 3000 }).listEmailAddress()));
    assert.equal(excluded.ok, false, 'without the proxy emulator.test does not resolve');
    assert.equal(proxy.seen.length - start, 1, 'the proxy saw nothing');
  });

  it('never proxies 127.0.0.1, even with a proxy set', async () => {
    const start = proxy.seen.length;
    const result = await withEnvironment({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }, async () =>
      check(await client({ endpoint: emulator.url, proxy: proxy.url }).listEmailAddress()));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(proxy.seen.length, start);
  });

  it('tunnels an https endpoint with CONNECT and sends proxy credentials, never showing them', { skip: !certificate && 'openssl not available' }, async () => {
    const start = proxy.seen.length;
    const withAuth = proxy.url.replace('http://', `http://ses-user:${PROXY_PASSWORD}@`);
    const result = check(await client({ endpoint: 'https://ses.test', proxy: withAuth, proxyStrictSSL: false }).listEmailAddress());
    assert.ok(result.ok, JSON.stringify(result));
    const seen = proxy.seen.slice(start);
    assert.deepEqual(seen.map((s) => `${s.method} ${s.target}`), ['CONNECT ses.test:443']);
    assert.equal(seen[0].authorization, `Basic ${Buffer.from(`ses-user:${PROXY_PASSWORD}`).toString('base64')}`);
  });

  it('verifies the tunnelled certificate unless proxyStrictSSL is false', { skip: !certificate && 'openssl not available' }, async () => {
    const result = check(await client({ endpoint: 'https://ses.test', proxy: proxy.url }).listEmailAddress());
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.kind, 'network');
      assert.equal(result.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      assert.match(result.message, /proxyStrictSSL/);
    }
  });

  it('reports a refused tunnel and an unreachable proxy clearly', async () => {
    const refusing = await startProxy(new Map(), { refuseConnect: 407 });
    try {
      const withAuth = refusing.url.replace('http://', `http://ses-user:${PROXY_PASSWORD}@`);
      const refused = check(await client({ proxy: withAuth }).listEmailAddress());
      assert.equal(refused.ok, false);
      if (!refused.ok) {
        assert.equal(refused.kind, 'network');
        assert.equal(refused.code, 'ProxyRefused');
        assert.match(refused.message, /refused to open a tunnel to ses\.tencentcloudapi\.com:443: HTTP 407/);
      }
      assert.deepEqual(refusing.seen.map((s) => `${s.method} ${s.target}`), ['CONNECT ses.tencentcloudapi.com:443']);
    } finally {
      await refusing.close();
    }
    const unreachable = check(await client({ proxy: `http://ses-user:${PROXY_PASSWORD}@127.0.0.1:1` }).listEmailAddress());
    assert.equal(unreachable.ok, false);
    if (!unreachable.ok) {
      assert.equal(unreachable.kind, 'network');
      assert.match(unreachable.message, /Cannot reach proxy 127\.0\.0\.1:1: connection refused/);
    }
    const invalid = check(await client({ proxy: 'socks5://127.0.0.1:1080' }).listEmailAddress());
    assert.equal(invalid.ok, false);
    if (!invalid.ok) assert.equal(invalid.code, 'InvalidProxy');
  });

  it('never shows the proxy password or a credential', () => {
    assert.ok(shown.length >= 8, `captured ${shown.length} lines`);
    for (const line of shown) {
      for (const secret of [PROXY_PASSWORD, DEFAULT_SECRET_KEY, DEFAULT_SECRET_ID]) assert.ok(!line.includes(secret), line);
    }
  });
});
