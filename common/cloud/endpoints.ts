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
 * The endpoint setting as it may be shown (error messages, reports, logs): a user name or password
 * written into it (`https://user:pass@gw`) replaced by `…`. Everything else as written.
 */
export function endpointForDisplay(endpoint: string): string {
  // Userinfo ends at the last `@` before the path; with or without a scheme.
  return endpoint.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i, '$1…@');
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
  if (url.username || url.password) {
    // Credentials in the endpoint would be sent in clear to whatever is there, and logged.
    throw new Error('The SES endpoint must not contain a user name or password.');
  }
  return url;
}
