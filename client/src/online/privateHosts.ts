// Which hosts the online check does not contact without the user's consent: every address that is
// not globally reachable (loopback, private, link-local — 169.254.169.254 is the cloud metadata
// service —, carrier-grade NAT, unique-local, site-local, multicast, documentation, benchmarking,
// reserved), an IPv4 address of those kinds however IPv6 embeds it (IPv4-mapped, IPv4-compatible,
// SIIT, NAT64, 6to4, Teredo), and `.local` / `.internal` names and single-label intranet names. A
// template is content from anyone (a pulled template, a colleague's branch); letting it aim
// requests at these is the classic SSRF shape. Pure: no vscode import.
//
// A small table of the IANA special-purpose registries rather than a library: ipaddr.js names the
// ranges but leaves the embedded IPv4 of 6to4, NAT64 and Teredo to the caller, which is the part
// that matters here; the tables are short and tested entry by entry.
import { isIP } from 'node:net';

type Bytes = readonly number[];

/** IPv4 ranges that are not globally reachable (IANA IPv4 Special-Purpose Address Registry), plus multicast and 240/4. */
const IPV4_NOT_PUBLIC: ReadonlyArray<readonly [Bytes, number]> = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local, cloud metadata
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24], // IETF protocol assignments (192.0.0.170 NAT64 discovery…)
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // former 6to4 relay anycast
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 3], // multicast 224/4, reserved 240/4, broadcast
];

function ipv4Bytes(address: string): number[] | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p))) return undefined;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function inPrefix(value: Bytes, prefix: Bytes, bits: number, unit: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= unit) {
    const mask = bits >= unit ? (1 << unit) - 1 : ((1 << unit) - 1) & ~((1 << (unit - bits)) - 1);
    if ((value[i] & mask) !== (prefix[i] & mask)) return false;
  }
  return true;
}

function ipv4NotPublic(bytes: Bytes): boolean {
  return IPV4_NOT_PUBLIC.some(([prefix, bits]) => inPrefix(bytes, prefix, bits, 8));
}

/** The eight 16-bit groups of an IPv6 address (already valid by `isIP`), a dotted IPv4 tail and a zone included. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Bytes(tail);
    if (!v4) return undefined;
    text = `${text.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const groups = halves.length === 2 ? [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest] : head;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

const v4At = (groups: Bytes, at: number, xor = 0): number[] => {
  const high = groups[at] ^ xor;
  const low = groups[at + 1] ^ xor;
  return [high >> 8, high & 255, low >> 8, low & 255];
};

/**
 * IPv6 ranges, first match wins: `true`/`false` decides, a function decides by the IPv4 address the
 * range embeds. Anything that matches none is outside 2000::/3, the only global unicast space: not public.
 */
const IPV6_RULES: ReadonlyArray<readonly [Bytes, number, boolean | ((groups: Bytes) => boolean)]> = [
  [[0, 0, 0, 0, 0, 0, 0, 0], 128, true], // unspecified
  [[0, 0, 0, 0, 0, 0, 0, 1], 128, true], // loopback
  [[0, 0, 0, 0, 0, 0xffff, 0, 0], 96, (g) => ipv4NotPublic(v4At(g, 6))], // IPv4-mapped ::ffff:a.b.c.d
  [[0, 0, 0, 0, 0, 0, 0, 0], 96, (g) => ipv4NotPublic(v4At(g, 6))], // IPv4-compatible ::a.b.c.d (deprecated)
  [[0, 0, 0, 0, 0xffff, 0, 0, 0], 96, (g) => ipv4NotPublic(v4At(g, 6))], // SIIT IPv4-translated ::ffff:0:a.b.c.d
  [[0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96, (g) => ipv4NotPublic(v4At(g, 6))], // NAT64 well-known prefix
  [[0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48, true], // NAT64 local use: the operator's own network
  [[0x100, 0, 0, 0, 0, 0, 0, 0], 64, true], // discard-only
  // Teredo 2001:0::/32: the server's IPv4 in groups 2–3, the client's in 6–7 with every bit inverted.
  [[0x2001, 0, 0, 0, 0, 0, 0, 0], 32, (g) => ipv4NotPublic(v4At(g, 2)) || ipv4NotPublic(v4At(g, 6, 0xffff))],
  [[0x2001, 0x2, 0, 0, 0, 0, 0, 0], 48, true], // benchmarking
  [[0x2001, 0x10, 0, 0, 0, 0, 0, 0], 28, true], // ORCHID
  [[0x2001, 0x20, 0, 0, 0, 0, 0, 0], 28, true], // ORCHIDv2
  [[0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32, true], // documentation
  [[0x2002, 0, 0, 0, 0, 0, 0, 0], 16, (g) => ipv4NotPublic(v4At(g, 1))], // 6to4: the IPv4 in groups 1–2
  [[0x3fff, 0, 0, 0, 0, 0, 0, 0], 20, true], // documentation (RFC 9637)
  [[0x5f00, 0, 0, 0, 0, 0, 0, 0], 16, true], // SRv6 SIDs
  [[0x2000, 0, 0, 0, 0, 0, 0, 0], 3, false], // global unicast
  // Everything else: unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8, unassigned.
];

function ipv6NotPublic(groups: Bytes): boolean {
  for (const [prefix, bits, verdict] of IPV6_RULES) {
    if (inPrefix(groups, prefix, bits, 16)) return typeof verdict === 'function' ? verdict(groups) : verdict;
  }
  return true;
}

/** Whether an IP address (v4 or v6, no brackets, an IPv6 zone allowed) is not a public, globally reachable one. */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) {
    const bytes = ipv4Bytes(address);
    return bytes === undefined || ipv4NotPublic(bytes);
  }
  if (kind === 6) {
    const groups = ipv6Groups(address);
    return groups === undefined || ipv6NotPublic(groups);
  }
  return false;
}

/** Whether a URL's hostname (as `new URL` gives it) names a local or private host before any DNS look-up. */
export function isPrivateHost(hostname: string): boolean {
  const host = canonicalHost(hostname).replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (host === '') return true;
  if (isIP(host)) return isPrivateAddress(host);
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.lan') || host.endsWith('.home.arpa')) return true;
  // `http://intranet/` resolves through the local search domain only.
  return !host.includes('.');
}

/**
 * A host name as a URL parser reads it, so a caller passing the raw text (`0x7f.1`, `127.1`,
 * `0177.0.0.1`, full-width digits, an unbracketed IPv6 address) gets the same verdict as for
 * `new URL(...).hostname` (`127.0.0.1`); text no URL accepts is judged as written.
 */
function canonicalHost(hostname: string): string {
  const bare = hostname.trim();
  const bracketed = bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare;
  try {
    return new URL(`http://${bracketed}/`).hostname || bare;
  } catch {
    return bare;
  }
}
