import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointUrl, siteOfRegion } from '../../common/cloud/endpoints';
import { maskSecret, redact } from '../../common/cloud/redact';
import { isExcluded, isLoopback, parseProxyUrl, resolveProxy } from '../../common/cloud/proxy';

describe('cloud endpoints', () => {
  it('maps regions to sites', () => {
    assert.equal(siteOfRegion('ap-guangzhou'), 'china');
    assert.equal(siteOfRegion('ap-hongkong'), 'china');
    assert.equal(siteOfRegion('ap-singapore'), 'international');
  });

  it('uses the site host by default', () => {
    assert.equal(endpointUrl({ region: 'ap-guangzhou' }).href, 'https://ses.tencentcloudapi.com/');
    assert.equal(endpointUrl({ region: 'ap-hongkong', endpoint: '  ' }).href, 'https://ses.tencentcloudapi.com/');
    assert.equal(endpointUrl({ region: 'ap-singapore' }).href, 'https://ses.intl.tencentcloudapi.com/');
  });

  it('lets an override win, with or without a scheme', () => {
    assert.equal(endpointUrl({ region: 'ap-singapore', endpoint: 'http://127.0.0.1:8081' }).href, 'http://127.0.0.1:8081/');
    assert.equal(endpointUrl({ region: 'ap-guangzhou', endpoint: 'ses.example-proxy.com' }).href, 'https://ses.example-proxy.com/');
  });

  it('rejects unusable overrides with a readable message', () => {
    assert.throws(() => endpointUrl({ region: 'ap-guangzhou', endpoint: 'ftp://x.example' }), /must use http or https/);
    assert.throws(() => endpointUrl({ region: 'ap-guangzhou', endpoint: 'http://[bad' }), /not a valid URL/);
    assert.throws(() => endpointUrl({ region: 'ap-guangzhou', endpoint: 'https://user:pw@x.example' }), /user name or password/);
  });
});

describe('cloud redact', () => {
  it('masks long secrets to first and last 4 and short ones fully', () => {
    assert.equal(maskSecret('AKIDz8krbsJ5yKBZQpn74WFkmLPx3abcwxyz'), 'AKID…wxyz');
    assert.equal(maskSecret('short-secret'), '****');
    assert.equal(maskSecret(''), '****');
  });

  it('replaces every occurrence of every secret, longest first', () => {
    const id = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3abcwxyz';
    const key = 'Gu5t9xGARNpq86cd98joQYCN3Cozk1qA';
    const text = `id=${id} key=${key} again ${key} token=${id}EXTRA`;
    const out = redact(text, [key, id, `${id}EXTRA`]);
    assert.ok(!out.includes(id) && !out.includes(key), out);
    assert.match(out, /id=AKID…wxyz key=Gu5t…k1qA again Gu5t…k1qA token=AKID…XTRA/);
  });

  it('removes the signature of a TC3 Authorization header', () => {
    const header = `TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3abcwxyz/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${'ab'.repeat(32)}`;
    const out = redact(header, ['AKIDz8krbsJ5yKBZQpn74WFkmLPx3abcwxyz']);
    assert.equal(out, 'TC3-HMAC-SHA256 Credential=AKID…wxyz/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=…');
  });

  it('ignores empty and tiny secrets instead of mangling the text', () => {
    assert.equal(redact('a plain line', ['', ' ', 'a']), 'a plain line');
  });
});

describe('cloud proxy choice', () => {
  const https = new URL('https://ses.tencentcloudapi.com/');
  const http = new URL('http://emulator.test:8081/');

  it('prefers the setting, then the environment in either case', () => {
    assert.equal(resolveProxy(https, 'http://setting:1', { HTTPS_PROXY: 'http://env:2' })?.proxy.host, 'setting:1');
    assert.equal(resolveProxy(https, 'http://setting:1', {})?.source, 'setting');
    assert.equal(resolveProxy(https, '', { HTTPS_PROXY: 'http://env:2' })?.proxy.host, 'env:2');
    assert.equal(resolveProxy(https, undefined, { https_proxy: 'env:3' })?.proxy.href, 'http://env:3/');
    assert.equal(resolveProxy(https, undefined, { HTTP_PROXY: 'http://env:4' })?.source, 'environment');
    assert.equal(resolveProxy(http, undefined, { HTTPS_PROXY: 'http://env:2' }), undefined, 'https_proxy is not for http targets');
    assert.equal(resolveProxy(http, undefined, { http_proxy: 'http://env:5' })?.proxy.host, 'env:5');
    assert.equal(resolveProxy(https, undefined, {}), undefined);
  });

  it('never proxies loopback', () => {
    for (const target of ['http://127.0.0.1:9/', 'http://localhost:9/', 'http://[::1]:9/', 'http://a.localhost/']) {
      assert.equal(resolveProxy(new URL(target), 'http://setting:1', {}), undefined, target);
    }
    assert.ok(isLoopback('127.1.2.3'));
    assert.ok(!isLoopback('127.example.com'));
  });

  it('honours NO_PROXY entries like curl', () => {
    assert.ok(isExcluded(https, 'ses.tencentcloudapi.com'));
    assert.ok(isExcluded(https, 'foo, .tencentcloudapi.com'));
    assert.ok(isExcluded(https, 'tencentcloudapi.com'));
    assert.ok(isExcluded(https, '*.tencentcloudapi.com'));
    assert.ok(isExcluded(https, '*'));
    assert.ok(isExcluded(https, 'ses.tencentcloudapi.com:443'));
    assert.ok(!isExcluded(https, 'ses.tencentcloudapi.com:80'));
    assert.ok(!isExcluded(https, 'cloudapi.com.cn,apitencentcloudapi.com'));
    assert.equal(resolveProxy(https, 'http://setting:1', { NO_PROXY: '.tencentcloudapi.com' }), undefined);
    assert.equal(resolveProxy(https, undefined, { https_proxy: 'http://p:1', no_proxy: 'tencentcloudapi.com' }), undefined);
  });

  it('rejects an unusable proxy without echoing its password', () => {
    assert.throws(() => parseProxyUrl('socks5://user:hunter2@p:1'), (error: Error) => /not supported/.test(error.message) && !error.message.includes('hunter2'));
    assert.throws(() => parseProxyUrl('http://user:hunter2@[bad'), (error: Error) => /not a valid URL/.test(error.message) && !error.message.includes('hunter2'));
  });
});
