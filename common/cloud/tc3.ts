import { createHash, createHmac } from 'node:crypto';

/**
 * TC3-HMAC-SHA256, the request signature of Tencent Cloud API 3.0 (reference §5.1).
 * Pure and synchronous so that the client signs with it and the local emulator verifies with it;
 * the published vectors and the official SDK's signer pin it in test/unit/tc3.test.ts.
 */

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3Input {
  readonly secretId: string;
  readonly secretKey: string;
  /** Credential-scope service, e.g. `ses` (the official SDK takes the endpoint's first label). */
  readonly service: string;
  /** Host name as signed: without the port, as the official SDKs sign it. */
  readonly host: string;
  readonly contentType: string;
  /** The body exactly as sent. */
  readonly payload: string | Uint8Array;
  /** Unix seconds, the same value as the `X-TC-Timestamp` header. */
  readonly timestamp: number;
  readonly method?: string;
  readonly query?: string;
}

export interface Tc3Signature {
  readonly authorization: string;
  readonly signature: string;
  readonly credentialScope: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

const SIGNED_HEADERS = 'content-type;host';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

/** The UTC date of a timestamp, `YYYY-MM-DD` (the scope date must be UTC, not local). */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function signTc3(input: Tc3Input): Tc3Signature {
  const date = utcDate(input.timestamp);
  const canonicalRequest = [
    input.method ?? 'POST',
    '/',
    input.query ?? '',
    `content-type:${input.contentType.trim()}\nhost:${input.host.trim()}\n`,
    SIGNED_HEADERS,
    sha256Hex(input.payload),
  ].join('\n');
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  const authorization = `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
  return { authorization, signature, credentialScope, canonicalRequest, stringToSign };
}

export interface ParsedAuthorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses an `Authorization` header; undefined when it is not a well-formed TC3 header. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header) return undefined;
  const match = /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(header.trim());
  if (!match) return undefined;
  return {
    secretId: match[1],
    date: match[2],
    service: match[3],
    signedHeaders: match[4].split(';'),
    signature: match[5],
  };
}
