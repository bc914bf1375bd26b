import { signTc3 } from '../../common/cloud/tc3';
import { SES_API_VERSION } from '../../common/cloud/types';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from './server';

/**
 * A hand-made signed call to the emulator, for tests that need to bend one thing at a time (a stale
 * timestamp, a wrong key, a missing header, a raw body). Not the extension's client.
 */

export interface SignedCallOptions {
  secretId?: string;
  secretKey?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  region?: string | null;
  version?: string | null;
  action?: string | null;
  contentType?: string;
  /** Credential-scope service; default `ses`. */
  service?: string;
  /** Replaces the computed Authorization; null omits it. */
  authorization?: string | null;
  /** Body bytes as sent instead of JSON.stringify(params). */
  rawBody?: string | Buffer;
  token?: string;
  /** Signs this body but sends `rawBody`/params: for tampering tests. */
  signedBody?: string;
  signal?: AbortSignal;
}

export interface SignedCallResult {
  status: number;
  text: string;
  /** Parsed JSON, or undefined when the body was not JSON. */
  json: { Response?: Record<string, unknown> & { RequestId?: string; Error?: { Code: string; Message: string } } } | undefined;
}

export async function signedCall(baseUrl: string, action: string, params: unknown, options: SignedCallOptions = {}): Promise<SignedCallResult> {
  const url = new URL(baseUrl);
  const body = options.rawBody ?? JSON.stringify(params);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = options.contentType ?? 'application/json';
  const signature = signTc3({
    secretId: options.secretId ?? DEFAULT_SECRET_ID,
    secretKey: options.secretKey ?? DEFAULT_SECRET_KEY,
    service: options.service ?? 'ses',
    host: url.hostname,
    contentType,
    payload: options.signedBody ?? body,
    timestamp,
  });
  const headers: Record<string, string> = { 'Content-Type': contentType, 'X-TC-Timestamp': String(timestamp) };
  const optional: [string, string | null | undefined, string][] = [
    ['X-TC-Action', options.action, action],
    ['X-TC-Version', options.version, SES_API_VERSION],
    ['X-TC-Region', options.region, 'ap-guangzhou'],
    ['Authorization', options.authorization, signature.authorization],
  ];
  for (const [name, override, fallback] of optional) {
    const value = override === undefined ? fallback : override;
    if (value !== null) headers[name] = value;
  }
  if (options.token) headers['X-TC-Token'] = options.token;
  const response = await fetch(url, { method: 'POST', headers, body, signal: options.signal });
  const text = await response.text();
  let json: SignedCallResult['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}
