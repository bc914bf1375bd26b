import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify, downgraded, isBroken } from '../../client/src/online/findings';
import { mapLimited } from '../../client/src/online/limiter';
import { findingMessage, summary, type L10n } from '../../client/src/online/messages';
import { offsetToPosition } from '../../client/src/online/positions';
import { isPrivateAddress, isPrivateHost } from '../../client/src/online/privateHosts';
import type { ProbeResult } from '../../client/src/online/probe';
import { shiftSpan } from '../../client/src/online/rangeShift';

const l10n: L10n = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

const result = (fields: Partial<ProbeResult>): ProbeResult => ({ url: 'https://cdn.example/a.png', redirects: [], finalUrl: 'https://cdn.example/a.png', ms: 5, ...fields });
const codes = (r: ProbeResult, kind: 'image' | 'link') => classify(r, kind).map((f) => `${f.code}:${f.severity}`);

describe('online check: redirect messages count in the singular and plural', () => {
  it('says "once" for one redirect and "n times" for more', () => {
    const once = result({ url: 'https://a.example/', status: 200, redirects: [{ url: 'https://a.example/', status: 301, location: 'https://b.example/' }], finalUrl: 'https://b.example/' });
    const twice = result({ url: 'https://a.example/', status: 200, redirects: [{ url: 'https://a.example/', status: 301, location: 'https://b.example/' }, { url: 'https://b.example/', status: 302, location: 'https://c.example/' }], finalUrl: 'https://c.example/' });
    const message = (r: ProbeResult) => classify(r, 'link').map((f) => findingMessage(l10n, f, [], 10)).join(' | ');
    assert.match(message(once), /^Link \S+ redirects once, to \S*b\.example/);
    assert.match(message(twice), /^Link \S+ redirects 2 times, to \S*c\.example/);
  });
});

describe('online check: findings', () => {
  it('a 200 image/png of normal size is fine, as image and as link', () => {
    const ok = result({ status: 200, contentType: 'image/png', size: 20_000, method: 'HEAD' });
    assert.deepEqual(codes(ok, 'image'), []);
    assert.deepEqual(codes(ok, 'link'), []);
  });
  it('images: status, not an image, too large, unreachable', () => {
    assert.deepEqual(codes(result({ status: 404 }), 'image'), ['online-image-status:error']);
    assert.deepEqual(codes(result({ status: 503 }), 'image'), ['online-image-status:error']);
    assert.deepEqual(codes(result({ status: 429 }), 'image'), ['online-image-status:warning']);
    assert.deepEqual(codes(result({ status: 200, contentType: 'text/html' }), 'image'), ['online-image-not-image:error']);
    assert.deepEqual(codes(result({ status: 200, contentType: 'image/jpeg', size: 1024 * 1024 + 1 }), 'image'), ['online-image-too-large:warning']);
    assert.deepEqual(codes(result({ status: 200, contentType: 'image/jpeg', size: 1024 * 1024 }), 'image'), []);
    const dns = result({ error: { kind: 'dns', code: 'ENOTFOUND', message: 'x', url: 'https://cdn.example/a.png' } });
    assert.deepEqual(codes(dns, 'image'), ['online-image-unreachable:error']);
    assert.deepEqual(codes(dns, 'link'), ['online-link-unreachable:error']);
    assert.ok(classify(dns, 'image').every(isBroken));
  });
  it('links: 4xx/5xx, sign-in pages as warnings, redirect chains as information', () => {
    assert.deepEqual(codes(result({ status: 404 }), 'link'), ['online-link-status:error']);
    assert.deepEqual(codes(result({ status: 403 }), 'link'), ['online-link-status:warning']);
    assert.deepEqual(codes(result({ status: 403 }), 'image'), ['online-image-status:error']);
    const redirected = result({ status: 200, redirects: [{ url: 'https://a.example/', status: 301, location: 'https://b.example/' }], finalUrl: 'https://b.example/' });
    assert.deepEqual(codes(redirected, 'link'), ['online-link-redirect:info']);
    assert.equal(isBroken(classify(redirected, 'link')[0]), false);
  });
  it('https → http anywhere in the chain is a downgrade, http → https is not', () => {
    const down = result({
      status: 200, contentType: 'image/png',
      redirects: [{ url: 'https://cdn.example/a.png', status: 302, location: 'https://cdn2.example/a.png' }, { url: 'https://cdn2.example/a.png', status: 302, location: 'http://cdn3.example/a.png' }],
    });
    assert.equal(downgraded(down), true);
    assert.deepEqual(codes(down, 'image'), ['online-image-insecure-redirect:warning']);
    assert.deepEqual(codes(down, 'link'), ['online-link-insecure-redirect:warning']);
    const up = result({ url: 'http://a.example/', status: 200, redirects: [{ url: 'http://a.example/', status: 301, location: 'https://a.example/' }] });
    assert.equal(downgraded(up), false);
  });
  it('a private address is a warning of its own; a cancelled probe gives nothing', () => {
    assert.deepEqual(codes(result({ error: { kind: 'private', code: 'EPRIVATE', message: 'x', url: 'http://10.0.0.1/' } }), 'image'), ['online-private-address:warning']);
    assert.deepEqual(codes(result({ error: { kind: 'aborted', code: 'Aborted', message: 'x', url: 'x' } }), 'link'), []);
  });
});

describe('online check: messages', () => {
  it('names the status, the host and the data sets', () => {
    const [finding] = classify(result({ status: 404, finalUrl: 'https://img.example/a.png' }), 'image');
    assert.equal(findingMessage(l10n, finding, ['default', 'zh'], 10),
      'Image https://cdn.example/a.png answers HTTP 404 from img.example: recipients see a broken image. With data set default, zh.');
    const [slow] = classify(result({ error: { kind: 'timeout', code: 'Timeout', message: 'x', url: 'https://cdn.example/a.png' } }), 'link');
    assert.match(findingMessage(l10n, slow, [], 7), /no answer from cdn\.example within 7 s/);
    const [big] = classify(result({ status: 200, contentType: 'image/png', size: 3 * 1024 * 1024 }), 'image');
    assert.match(findingMessage(l10n, big, [], 10), /is 3\.0 MiB/);
  });
  it('sums up like "12 URLs checked: 2 broken images, 1 broken link" and says what was left out', () => {
    const base = { checked: 12, brokenImages: 2, brokenLinks: 1, warnings: 0, unresolved: 0, privateSkipped: 0, capped: 0, notChecked: 0 };
    assert.equal(summary(l10n, base), 'SES: 12 URLs checked: 2 broken images, 1 broken link.');
    assert.equal(summary(l10n, { ...base, brokenImages: 0, brokenLinks: 0 }), 'SES: 12 URLs checked: all reachable.');
    assert.equal(summary(l10n, { ...base, unresolved: 2, capped: 700, privateSkipped: 1 }),
      'SES: 12 URLs checked: 2 broken images, 1 broken link. 2 not checked: their variables have no value in any data set. 1 on local or private hosts not checked. 700 more URLs not checked: at most 300 per run.');
  });
});

describe('online check: private hosts', () => {
  it('refuses loopback, private, link-local, CGNAT, unique-local and intranet names', () => {
    for (const host of ['localhost', 'a.localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
      '[::1]', '[fd00::1]', '[fe80::1]', '[::ffff:127.0.0.1]', '[::ffff:a9fe:a9fe]', 'printer.local', 'metadata.google.internal', 'intranet', 'router.lan']) {
      assert.equal(isPrivateHost(host), true, host);
    }
    // WHATWG URL normalises odd IPv4 spellings first: 0x7f.1 and 2130706433 are 127.0.0.1.
    assert.equal(isPrivateHost(new URL('http://0x7f.1/').hostname), true);
    assert.equal(isPrivateHost(new URL('http://2130706433/').hostname), true);
  });
  it('lets public hosts through', () => {
    // Documentation ranges (2001:db8::/32, 203.0.113.0/24) are not public: see privateHosts.test.ts.
    for (const host of ['cdn.example.com', '8.8.8.8', '172.32.0.1', '[2606:4700::1111]', 'xn--fsqu00a.xn--fiqs8s', '169.255.0.1']) assert.equal(isPrivateHost(host), false, host);
    assert.equal(isPrivateAddress('1.1.1.1'), false);
    assert.equal(isPrivateAddress('not an ip'), false);
  });
});

describe('online check: concurrency limiter', () => {
  it('runs at most `limit` jobs at once and keeps the order of results', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimited([50, 10, 30, 5, 20, 1, 15], 4, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return i * 10;
    });
    assert.deepEqual(results, [0, 10, 20, 30, 40, 50, 60]);
    assert.equal(peak, 4);
  });
  it('starts nothing more once cancelled', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const results = await mapLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      if (n === 2) controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 5));
      return n;
    }, controller.signal);
    assert.deepEqual(started, [1, 2]);
    assert.deepEqual(results, [1, 2, undefined, undefined, undefined, undefined]);
    assert.deepEqual(await mapLimited([], 4, async () => 1), []);
  });
});

describe('online check: diagnostic ranges follow edits', () => {
  const span = { start: { line: 3, character: 10 }, end: { line: 3, character: 30 } };
  it('keeps a range before the edit, drops one the edit touches', () => {
    assert.equal(shiftSpan(span, { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'x' }), span);
    assert.equal(shiftSpan(span, { range: { start: { line: 3, character: 15 }, end: { line: 3, character: 16 } }, text: '' }), undefined);
    assert.equal(shiftSpan(span, { range: { start: { line: 3, character: 30 }, end: { line: 3, character: 30 } }, text: 'y' }), undefined);
  });
  it('moves a range after the edit by lines and, on the same line, by characters', () => {
    assert.deepEqual(shiftSpan(span, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'a\nb\n' }),
      { start: { line: 5, character: 10 }, end: { line: 5, character: 30 } });
    assert.deepEqual(shiftSpan(span, { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } }, text: 'abcde' }),
      { start: { line: 3, character: 13 }, end: { line: 3, character: 33 } });
    assert.deepEqual(shiftSpan(span, { range: { start: { line: 2, character: 5 }, end: { line: 3, character: 4 } }, text: '' }),
      { start: { line: 2, character: 11 }, end: { line: 2, character: 31 } });
  });
  it('offsets become VS Code positions for \\n, \\r\\n and \\r line ends', () => {
    assert.deepEqual(offsetToPosition('ab\ncd', 4), { line: 1, character: 1 });
    assert.deepEqual(offsetToPosition('ab\r\ncd', 5), { line: 1, character: 1 });
    assert.deepEqual(offsetToPosition('ab\rcd', 4), { line: 1, character: 1 });
    assert.deepEqual(offsetToPosition('ab', 99), { line: 0, character: 2 });
    assert.deepEqual(offsetToPosition('ab', Number.NaN), { line: 0, character: 0 });
  });
});
