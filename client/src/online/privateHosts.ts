// Which hosts the online check does not contact without the user's consent: loopback, private,
// link-local (169.254.169.254 is the cloud metadata service), carrier-grade NAT, unique-local IPv6,
// `.local` / `.internal` names and single-label intranet names. A template is content from anyone
// (a pulled template, a colleague's branch); letting it aim requests at these is the classic SSRF
// shape. Pure: no vscode import.
import { isIP } from 'node:net';

function ipv4Private(address: string): boolean {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return false;
  const [a, b] = parts;
  return a === 0 || a === 10 || a === 127
    || (a === 169 && b === 254)
    || (a === 172 && b >= 16 && b <= 31)
    || (a === 192 && b === 168)
    || (a === 100 && b >= 64 && b <= 127)
    || a >= 224; // multicast and reserved
}

function ipv6Private(address: string): boolean {
  const a = address.toLowerCase();
  if (a === '::' || a === '::1') return true;
  // IPv4-mapped and -compatible forms: `::ffff:10.0.0.1`, `::ffff:a00:1` (new URL writes hex).
  const mapped = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return ipv4Private(mapped[1]);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (hexMapped) {
    const high = parseInt(hexMapped[1], 16);
    const low = parseInt(hexMapped[2], 16);
    return ipv4Private(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return /^f[cd][0-9a-f]{0,2}:/.test(a) || /^fe[89ab][0-9a-f]?:/.test(a);
}

/** Whether an IP address (v4 or v6, no brackets) is loopback, private, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return ipv4Private(address);
  if (kind === 6) return ipv6Private(address);
  return false;
}

/** Whether a URL's hostname (as `new URL` gives it) names a local or private host before any DNS look-up. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (host === '') return true;
  if (isIP(host)) return isPrivateAddress(host);
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.lan') || host.endsWith('.home.arpa')) return true;
  // `http://intranet/` resolves through the local search domain only.
  return !host.includes('.');
}
