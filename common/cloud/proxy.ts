/**
 * Which proxy, if any, a request goes through. The VS Code `http.proxy` setting wins; without it the
 * usual environment variables apply (both cases, unlike the official SDK, which reads only lowercase
 * `http_proxy`, reference §7.3), filtered by NO_PROXY. Loopback is never proxied: a local emulator
 * must keep working behind a corporate proxy.
 */

export interface ProxyChoice {
  readonly proxy: URL;
  /** Where the choice came from, for the log line (never the URL itself: it may hold a password). */
  readonly source: 'setting' | 'environment';
}

export function resolveProxy(target: URL, setting: string | undefined, env: NodeJS.ProcessEnv = process.env): ProxyChoice | undefined {
  if (isLoopback(target.hostname)) return undefined;
  const configured = setting?.trim();
  const fromEnv = target.protocol === 'https:'
    ? env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY
    : env.http_proxy || env.HTTP_PROXY;
  const raw = configured || fromEnv?.trim();
  if (!raw) return undefined;
  if (isExcluded(target, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  return { proxy: parseProxyUrl(raw), source: configured ? 'setting' : 'environment' };
}

/** `proxy.corp:3128` means `http://proxy.corp:3128`. Throws a readable Error (without the password) if unusable. */
export function parseProxyUrl(raw: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error('The proxy setting is not a valid URL (expected http://host:port).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The proxy must be an http or https proxy; ${url.protocol.replace(':', '')} proxies are not supported.`);
  }
  return url;
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** NO_PROXY as curl reads it: comma/space separated hosts, `.suffix` or `suffix` for subdomains, optional `:port`, `*` for all. */
export function isExcluded(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const portMatch = /^(.*):(\d+)$/.exec(entry);
    if (portMatch && !entry.includes(']') && entry.split(':').length === 2) {
      if (portMatch[2] !== port) continue;
      entry = portMatch[1];
    }
    entry = entry.replace(/^\*?\./, '.').replace(/^\[|\]$/g, '');
    const bare = entry.startsWith('.') ? entry.slice(1) : entry;
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}
