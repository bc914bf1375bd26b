import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { classify } from '../../client/src/online/findings';
import { runOnlineCheck } from '../../client/src/online/onlineCheck';
import { probeUrl, type ProbeOptions } from '../../client/src/online/probe';
import { extractUrls } from '../../client/src/online/urlExtraction';

/**
 * The online check against real HTTP servers on 127.0.0.1 started here, one route per behaviour.
 * `allowPrivate` is the pure API's bypass of the private-address refusal (the extension asks first).
 */

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const seen: Array<{ method: string; path: string; range?: string }> = [];
let active = 0;
let peak = 0;
/** Who closed the endless body of /no-head.png: the probe (it stopped reading) or the server's own 10-s cut. */
let endlessClosedBy: Promise<'client' | 'server'> | undefined;
/** Requests to /silent whose connection is still open (the server never answers them). */
let silentOpen = 0;

function route(req: http.IncomingMessage, res: http.ServerResponse, httpBase: string): void {
  const path = (req.url ?? '/').split('?')[0];
  seen.push({ method: req.method ?? '', path, range: req.headers.range });
  switch (path) {
    case '/logo.png': return void res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length }).end(PNG);
    case '/missing.png': return void res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
    case '/login.png': return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<form>sign in</form>');
    case '/huge.jpg':
      // Content-Length announces 5 MB; a HEAD gets no body, so nothing is sent.
      res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': 5 * 1024 * 1024 });
      return void (req.method === 'HEAD' ? res.end() : res.destroy());
    case '/no-head.png':
      if (req.method === 'HEAD') return void res.writeHead(405, { Allow: 'GET' }).end();
      // An endless body: the probe must stop reading after the headers.
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.write(Buffer.alloc(64 * 1024));
      endlessClosedBy = new Promise((resolve) => {
        const cut = setTimeout(() => { resolve('server'); res.destroy(); }, 10_000);
        cut.unref();
        res.on('close', () => { clearTimeout(cut); resolve('client'); });
      });
      return;
    case '/r1': return void res.writeHead(301, { Location: '/r2' }).end();
    case '/r2': return void res.writeHead(302, { Location: `${httpBase}/r3` }).end();
    case '/r3': return void res.writeHead(307, { Location: 'logo.png' }).end();
    case '/loop': return void res.writeHead(302, { Location: '/loop' }).end();
    case '/to-ftp': return void res.writeHead(302, { Location: 'ftp://files.example/a.png' }).end();
    case '/silent': // never answers
      silentOpen++;
      return void req.socket.once('close', () => silentOpen--);
    case '/reset': return void req.socket.destroy();
    case '/slow.png':
      active++;
      peak = Math.max(peak, active);
      return void setTimeout(() => {
        active--;
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length }).end(PNG);
      }, 40);
    default: return void res.writeHead(404).end();
  }
}

function selfSignedCertificate(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ses-online-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-days', '1',
      '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sockets = new Set<Socket>();
const track = (server: http.Server) => server.on('connection', (socket: Socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

const certificate = selfSignedCertificate();
let server: http.Server;
let tlsServer: https.Server | undefined;
let proxy: http.Server;
let base = '';
let tlsBase = '';
let proxyUrl = '';
const proxied: string[] = [];

const options = (extra: Partial<ProbeOptions> = {}): ProbeOptions => ({ timeoutMs: 3000, allowPrivate: true, env: {}, ...extra });

before(async () => {
  server = http.createServer((req, res) => route(req, res, base));
  track(server);
  base = `http://127.0.0.1:${await listen(server)}`;
  if (certificate) {
    tlsServer = https.createServer(certificate, (req, res) => {
      // https → http: the image moves to the plain server.
      res.writeHead(302, { Location: `${base}${req.url ?? '/'}` }).end();
    });
    track(tlsServer);
    tlsBase = `https://127.0.0.1:${await listen(tlsServer)}`;
  }
  // A forward proxy that alone knows the made-up host `images.test`.
  proxy = http.createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/');
    if (url.hostname !== 'images.test') return void res.writeHead(502).end();
    const upstream = http.request(`${base}${url.pathname}`, { method: req.method }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end();
  });
  track(proxy);
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});

after(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all([server, tlsServer, proxy].filter((s) => s !== undefined).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('online check against local servers', () => {
  it('a 200 image: HEAD only, with type, size and time', async () => {
    seen.length = 0;
    const r = await probeUrl(`${base}/logo.png`, options());
    assert.equal(r.status, 200);
    assert.equal(r.method, 'HEAD');
    assert.equal(r.contentType, 'image/png');
    assert.equal(r.size, PNG.length);
    assert.equal(r.finalUrl, `${base}/logo.png`);
    assert.ok(Number.isFinite(r.ms) && r.ms >= 0);
    assert.deepEqual(seen.map((s) => s.method), ['HEAD']);
    assert.deepEqual(classify(r, 'image'), []);
  });

  it('a 404 image is broken (HEAD refused, GET confirms)', async () => {
    const r = await probeUrl(`${base}/missing.png`, options());
    assert.equal(r.status, 404);
    assert.deepEqual(classify(r, 'image').map((f) => f.code), ['online-image-status']);
  });

  it('an HTML page served with 200 for an image is not an image', async () => {
    const r = await probeUrl(`${base}/login.png`, options());
    assert.equal(r.contentType, 'text/html');
    assert.deepEqual(classify(r, 'image').map((f) => f.code), ['online-image-not-image']);
  });

  it('a Content-Length over 1 MiB is too large', async () => {
    const r = await probeUrl(`${base}/huge.jpg`, options());
    assert.equal(r.size, 5 * 1024 * 1024);
    assert.deepEqual(classify(r, 'image').map((f) => f.code), ['online-image-too-large']);
  });

  it('a server that refuses HEAD (405) is asked with GET, which stops after the headers', async () => {
    seen.length = 0;
    endlessClosedBy = undefined;
    const r = await probeUrl(`${base}/no-head.png`, options());
    // The probe closed the connection itself, before the server's 10-s cut: it did not read the body.
    assert.equal(await endlessClosedBy, 'client', 'the endless body was read until the server cut it');
    assert.equal(r.method, 'GET');
    assert.equal(r.status, 200);
    assert.deepEqual(seen.map((s) => `${s.method} ${s.range ?? ''}`), ['HEAD ', 'GET bytes=0-0']);
    assert.deepEqual(classify(r, 'image'), []);
  });

  it('a redirect chain is followed by hand and every hop reported', async () => {
    const r = await probeUrl(`${base}/r1`, options());
    assert.deepEqual(r.redirects.map((h) => `${h.status} ${h.location}`), [`301 ${base}/r2`, `302 ${base}/r3`, `307 ${base}/logo.png`]);
    assert.equal(r.finalUrl, `${base}/logo.png`);
    assert.equal(r.status, 200);
    assert.deepEqual(classify(r, 'link').map((f) => `${f.code}:${f.severity}`), ['online-link-redirect:info']);
    const loop = await probeUrl(`${base}/loop`, options());
    assert.equal(loop.error?.kind, 'redirects');
    assert.equal(loop.redirects.length, 6);
    assert.deepEqual(classify(loop, 'link').map((f) => f.code), ['online-link-unreachable']);
    const ftp = await probeUrl(`${base}/to-ftp`, options());
    assert.equal(ftp.error?.kind, 'badRedirect');
  });

  it('an https image redirected to http is a downgrade', { skip: certificate ? false : 'openssl is not installed' }, async () => {
    const r = await probeUrl(`${tlsBase}/logo.png`, options({ ca: certificate!.cert }));
    assert.equal(r.status, 200);
    assert.equal(r.finalUrl, `${base}/logo.png`);
    assert.deepEqual(classify(r, 'image').map((f) => f.code), ['online-image-insecure-redirect']);
    // Without trusting the certificate it is a TLS error: unreachable.
    const untrusted = await probeUrl(`${tlsBase}/logo.png`, options());
    assert.equal(untrusted.error?.kind, 'tls');
    assert.deepEqual(classify(untrusted, 'image').map((f) => f.code), ['online-image-unreachable']);
  });

  it('a server that never answers times out', async () => {
    const r = await probeUrl(`${base}/silent`, options({ timeoutMs: 300 }));
    assert.equal(r.error?.kind, 'timeout');
    assert.deepEqual(classify(r, 'image').map((f) => f.code), ['online-image-unreachable']);
  });

  it('a connection reset is unreachable', async () => {
    const r = await probeUrl(`${base}/reset`, options());
    assert.equal(r.error?.kind, 'connection');
    assert.equal(r.error?.code, 'ECONNRESET');
  });

  it('a host that does not exist (.invalid) is a DNS failure', async () => {
    const r = await probeUrl('http://images.ses-studio.invalid/a.png', options({ timeoutMs: 8000, allowPrivate: false }));
    assert.equal(r.error?.kind, 'dns', JSON.stringify(r.error));
    assert.deepEqual(classify(r, 'link').map((f) => f.code), ['online-link-unreachable']);
  });

  it('refuses local and private hosts unless allowed, without sending anything', async () => {
    seen.length = 0;
    const r = await probeUrl(`${base}/logo.png`, options({ allowPrivate: false }));
    assert.equal(r.error?.kind, 'private');
    assert.deepEqual(seen, []);
    const metadata = await probeUrl('http://169.254.169.254/latest/meta-data/', options({ allowPrivate: false }));
    assert.equal(metadata.error?.kind, 'private');
  });

  it('goes through the http.proxy setting', async () => {
    proxied.length = 0;
    const r = await probeUrl('http://images.test/logo.png', options({ proxySetting: proxyUrl, allowPrivate: false }));
    assert.equal(r.status, 200, JSON.stringify(r));
    assert.deepEqual(proxied, ['HEAD http://images.test/logo.png']);
  });

  it('behind a proxy, resolves the name itself and refuses a private answer before the proxy sees it', async () => {
    // The proxy would resolve these names itself, so the look-up that guards direct requests never
    // runs: a public-looking name pointing at the metadata service went straight through. The name
    // server here is the test's own (no DNS in the sandbox); the proxy is a real one.
    const names: Record<string, string[]> = {
      'metadata.example.com': ['169.254.169.254'],
      'rebind.example.com': ['8.8.8.8', '10.0.0.1'],
      'nat64.example.com': ['64:ff9b::a9fe:a9fe'],
      'sixtofour.example.com': ['2002:7f00:1::'],
      'images.test': ['8.8.8.8'],
    };
    const resolve: ProbeOptions['resolve'] = async (name) => {
      const addresses = names[name];
      if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
    proxy.on('connect', (req: http.IncomingMessage, socket: Socket) => {
      proxied.push(`CONNECT ${req.url}`);
      socket.destroy();
    });
    for (const name of ['metadata.example.com', 'rebind.example.com', 'nat64.example.com', 'sixtofour.example.com']) {
      for (const scheme of ['http', 'https']) {
        proxied.length = 0;
        const r = await probeUrl(`${scheme}://${name}/latest/meta-data/`, options({ proxySetting: proxyUrl, allowPrivate: false, resolve }));
        assert.equal(r.error?.kind, 'private', `${scheme}://${name}: ${JSON.stringify(r)}`);
        assert.deepEqual(proxied, [], `${scheme}://${name} reached the proxy`);
      }
    }
    // A public answer, and a name only the proxy knows, still go through it; the user's consent too.
    for (const [name, resolver] of [['images.test', resolve], ['unknown-here.test', resolve]] as const) {
      proxied.length = 0;
      await probeUrl(`http://${name}/logo.png`, options({ proxySetting: proxyUrl, allowPrivate: false, resolve: resolver }));
      assert.equal(proxied[0], `HEAD http://${name}/logo.png`, name);
    }
    proxied.length = 0;
    await probeUrl('http://metadata.example.com/', options({ proxySetting: proxyUrl, allowPrivate: true, resolve }));
    assert.equal(proxied[0], 'HEAD http://metadata.example.com/');
  });

  it('a whole template: dedupes, at most 4 at a time, counts broken images and links', async () => {
    peak = 0;
    const slow = Array.from({ length: 10 }, (_, i) => `<img src="${base}/slow.png?${i}">`).join('');
    const { targets } = extractUrls({
      html: `${slow}<img src="${base}/logo.png"><img src="${base}/missing.png"><a href="${base}/missing.png">x</a><a href="${base}/r1">r</a><img src="${base}/logo.png">`,
      dataSets: [],
    });
    assert.equal(targets.length, 13);
    const progress: number[] = [];
    const result = await runOnlineCheck(targets, { ...options(), onProgress: (done) => progress.push(done) });
    assert.equal(peak, 4);
    assert.equal(result.checked.length, 13);
    assert.equal(result.brokenImages, 1);
    assert.equal(result.brokenLinks, 1);
    assert.deepEqual(progress, Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('cancelling stops the run', { timeout: 30_000 }, async () => {
    const { targets } = extractUrls({ html: Array.from({ length: 8 }, (_, i) => `<img src="${base}/silent?${i}">`).join(''), dataSets: [] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await runOnlineCheck(targets, { ...options({ timeoutMs: 5000 }), signal: controller.signal });
    // Nothing was waited out (a timeout would have counted as checked), and the cancel closed every
    // request it had open: the silent server sees no connection left.
    assert.equal(result.checked.length, 0);
    assert.equal(result.notChecked, 8);
    while (silentOpen > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
