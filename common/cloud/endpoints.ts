import type { SesRegion, SesSite } from './types';

/**
 * Where SES requests go (reference §1.1): the China site serves ap-guangzhou and ap-hongkong at
 * ses.tencentcloudapi.com, the international site serves ap-singapore at ses.intl.tencentcloudapi.com.
 */

const SITE_HOSTS: Readonly<Record<SesSite, string>> = {
  china: 'ses.tencentcloudapi.com',
  international: 'ses.intl.tencentcloudapi.com',
};

export function siteOfRegion(region: SesRegion): SesSite {
  return region === 'ap-singapore' ? 'international' : 'china';
}

/**
 * The endpoint setting as it may be shown (error messages, reports, logs): everything between the
 * scheme and the LAST `@` replaced by `…`. A password may hold `/`, `?`, `#` or `@` unencoded
 * (`https://u:pa/ss@gw`), and then nothing tells it from a path: any `@` is taken to end a user
 * name or password. An endpoint with an `@` in its path loses that part in messages, never a secret.
 */
export function endpointForDisplay(endpoint: string): string {
  const at = endpoint.lastIndexOf('@');
  if (at < 0) return endpoint;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(endpoint)?.[0] ?? '';
  return `${scheme}…${endpoint.slice(at)}`;
}

/**
 * The URL to POST to. An `endpoint` override (local emulator, API gateway) wins; it may omit the
 * scheme (`ses.example-proxy.com` means https). Throws an Error with a readable message when the
 * override is not an http(s) URL: the client turns that into a failure, never a crash.
 */
export function endpointUrl(options: { region: SesRegion; endpoint?: string }): URL {
  const override = options.endpoint?.trim();
  if (!override) return new URL(`https://${SITE_HOSTS[siteOfRegion(options.region)]}/`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(override) ? override : `https://${override}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`The SES endpoint "${endpointForDisplay(override)}" is not a valid URL or host name.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The SES endpoint "${endpointForDisplay(override)}" must use http or https, not ${url.protocol.replace(':', '')}.`);
  }
  if (url.username || url.password || override.includes('@')) {
    // An `@` anywhere is read as the end of a user name or password (see endpointForDisplay): a
    // password with a `/` in it (`https://u:pa/ss@gw`) would otherwise pass as a host and a path.
    // Credentials in the endpoint would be sent in clear to whatever is there, and logged.
    throw new Error('The SES endpoint must not contain a user name or password.');
  }
  return url;
}
