import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrivateAddress, isPrivateHost } from '../../client/src/online/privateHosts';

// The online check's SSRF guard, range by range: for each range, its first and last address and one
// inside are not public, and the addresses just outside it are (when they are global unicast). IPv6
// addresses are written as `new URL` gives them (compressed hex) and as a resolver may (dotted tail).

/** [range, not-public samples, public neighbours] */
const IPV4: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
  ['0.0.0.0/8', ['0.0.0.0', '0.255.255.255'], ['1.0.0.1']],
  ['10.0.0.0/8', ['10.0.0.0', '10.1.2.3', '10.255.255.255'], ['9.255.255.255', '11.0.0.0']],
  ['100.64.0.0/10', ['100.64.0.0', '100.127.255.255'], ['100.63.255.255', '100.128.0.0']],
  ['127.0.0.0/8', ['127.0.0.1', '127.255.255.254'], ['126.255.255.255', '128.0.0.0']],
  ['169.254.0.0/16', ['169.254.0.0', '169.254.169.254'], ['169.253.255.255', '169.255.0.0']],
  ['172.16.0.0/12', ['172.16.0.0', '172.31.255.255'], ['172.15.255.255', '172.32.0.0']],
  ['192.0.0.0/24', ['192.0.0.0', '192.0.0.170'], ['191.255.255.255', '192.0.1.0']],
  ['192.0.2.0/24', ['192.0.2.1'], ['192.0.3.0']],
  ['192.88.99.0/24', ['192.88.99.1'], ['192.88.98.255', '192.88.100.0']],
  ['192.168.0.0/16', ['192.168.0.0', '192.168.255.255'], ['192.167.255.255', '192.169.0.0']],
  ['198.18.0.0/15', ['198.18.0.0', '198.19.255.255'], ['198.17.255.255', '198.20.0.0']],
  ['198.51.100.0/24', ['198.51.100.7'], ['198.51.101.0']],
  ['203.0.113.0/24', ['203.0.113.9'], ['203.0.112.255', '203.0.114.0']],
  ['224.0.0.0/4 and 240.0.0.0/4', ['224.0.0.1', '239.255.255.255', '240.0.0.1', '255.255.255.255'], ['223.255.255.255']],
];

const IPV6: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
  ['unspecified and loopback', ['::', '::1', '0:0:0:0:0:0:0:1'], []],
  ['IPv4-mapped', ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '::ffff:10.0.0.1', '::ffff:c0a8:101'], ['::ffff:808:808', '::ffff:8.8.8.8']],
  ['IPv4-compatible', ['::7f00:1', '::127.0.0.1', '::a00:1', '::a9fe:a9fe', '::2'], ['::808:808']],
  ['SIIT IPv4-translated', ['::ffff:0:7f00:1', '::ffff:0:10.0.0.1'], ['::ffff:0:808:808']],
  ['NAT64 64:ff9b::/96', ['64:ff9b::a9fe:a9fe', '64:ff9b::7f00:1', '64:ff9b::10.0.0.1', '64:ff9b::c0a8:1'], ['64:ff9b::808:808', '64:ff9b::1.1.1.1']],
  ['NAT64 local use 64:ff9b:1::/48', ['64:ff9b:1::', '64:ff9b:1::808:808', '64:ff9b:1:ffff:ffff:ffff:ffff:ffff'], []],
  ['6to4 2002::/16', ['2002:7f00:1::', '2002:a9fe:a9fe::1', '2002:a00:1::', '2002:c0a8:101::'], ['2002:808:808::1']],
  // Teredo: server 65.54.227.120 (public), client 127.0.0.1 obfuscated = 0x80ff:0xfffe; and a private server.
  ['Teredo 2001::/32', ['2001:0:4136:e378:8000:63bf:80ff:fffe', '2001:0:a00:1::', '2001:0:4136:e378::ffff:ffff'], ['2001:0:4136:e378:8000:63bf:f7f7:f7f7']],
  ['discard-only 100::/64', ['100::', '100::ffff:ffff:ffff:ffff'], []],
  ['benchmarking 2001:2::/48', ['2001:2::1'], []],
  ['ORCHID 2001:10::/28 and 2001:20::/28', ['2001:10::1', '2001:1f::1', '2001:20::1', '2001:2f::1'], ['2001:30::1']],
  ['documentation 2001:db8::/32 and 3fff::/20', ['2001:db8::1', '2001:db8:ffff::1', '3fff::1', '3fff:fff::1'], ['2001:db9::1', '3fff:1000::1']],
  ['SRv6 SIDs 5f00::/16', ['5f00::1'], []],
  ['unique-local fc00::/7', ['fc00::1', 'fd00::1', 'fdff:ffff::1'], []],
  ['link-local fe80::/10', ['fe80::1', 'fe80::1%eth0', 'febf::1'], []],
  ['site-local fec0::/10', ['fec0::1', 'feff::1'], []],
  ['multicast ff00::/8', ['ff02::1', 'ff0e::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], []],
  ['unassigned, outside 2000::/3', ['1::', '4000::1', 'e000::1', '1fff:ffff::1'], []],
  ['global unicast 2000::/3', [], ['2000::1', '2400:cb00::1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '3ffe::1']],
];

describe('online check: private addresses, range by range', () => {
  for (const [range, inside, outside] of [...IPV4, ...IPV6]) {
    it(range, () => {
      for (const address of inside) {
        assert.equal(isPrivateAddress(address), true, `${address} is in ${range}`);
        const host = address.includes(':') ? `[${address.replace(/%.*/, '')}]` : address;
        // The same through a URL, as the online check reads it: new URL rewrites dotted tails as hex.
        assert.equal(isPrivateHost(new URL(`http://${host}/`).hostname), true, `${host} via new URL`);
      }
      for (const address of outside) assert.equal(isPrivateAddress(address), false, `${address} is public`);
    });
  }

  it('the review\'s addresses', () => {
    for (const host of ['[::7f00:1]', '[64:ff9b::a9fe:a9fe]', '[2002:7f00:1::]', '[fec0::1]', '[::ffff:7f00:1]']) {
      assert.equal(isPrivateHost(new URL(`http://${host}/`).hostname), true, host);
    }
  });

  it('names and odd spellings', () => {
    for (const name of ['localhost', 'a.localhost', 'printer.local', 'metadata.google.internal', 'intranet', 'router.lan', 'nas.home.arpa', '']) {
      assert.equal(isPrivateHost(name), true, name);
    }
    for (const url of ['http://0x7f.1/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://[0:0:0:0:0:ffff:127.0.0.1]/']) {
      assert.equal(isPrivateHost(new URL(url).hostname), true, url);
    }
    for (const name of ['cdn.example.com', 'xn--fsqu00a.xn--fiqs8s', '8.8.8.8', '[2606:4700::1111]']) assert.equal(isPrivateHost(name), false, name);
    // The raw text, not parsed by a URL first: the same verdict as its parsed form (issue 11, item 7 siblings).
    for (const raw of ['0x7f.1', '127.1', '0177.0.0.1', '127.000.000.001', '0x7F.0X0.0.01', '10.1', '192.168.1', '0x0a.0.0.1',
      '\uff11\uff12\uff17.\uff10.\uff10.\uff11', '127\u30020\u30020\u30021', '::7f00:1', '64:ff9b:1::a00:1', 'fe80::1', 'fc00::1', ' 127.0.0.1 ']) {
      assert.equal(isPrivateHost(raw), true, raw);
    }
    for (const raw of ['8.8.8.8', '0x8.0x8.0x8.0x8', '2606:4700::1111', 'cdn.example.com']) assert.equal(isPrivateHost(raw), false, raw);
    assert.equal(isPrivateAddress('not an ip'), false);
    assert.equal(isPrivateAddress('1.2.3'), false);
  });
});
