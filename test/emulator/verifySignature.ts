import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { parseAuthorization, signTc3, utcDate } from '../../common/cloud/tc3';
import { ApiError } from './apiError';

/**
 * Verifies a TC3-HMAC-SHA256 request the way the service does, with the same tc3.ts the client signs
 * with. Two quirks of the official Node SDK are honoured (reference §5.1, §7.3): the host is signed
 * without its port, and the credential-scope service is the endpoint's first label (`127` for
 * 127.0.0.1), so the service is taken from the scope the request declares rather than forced to `ses`.
 * An X-TC-Token (STS session token) is accepted as is.
 */

/** The service allows five minutes of clock difference either way. */
const MAX_SKEW_SECONDS = 300;

export interface SignedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function hostWithoutPort(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** Returns the SecretId that signed the request, or throws the documented AuthFailure code. */
export function verifySignature(request: SignedRequest, credentials: ReadonlyMap<string, string>, nowSeconds: number): string {
  const authorization = header(request.headers, 'authorization');
  if (!authorization) throw new ApiError('AuthFailure.SignatureFailure', 'The request has no Authorization header.');
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw new ApiError('AuthFailure.InvalidAuthorization');
  // The official SDKs sign exactly these two headers; other header sets are not emulated.
  if (parsed.signedHeaders.join(';') !== 'content-type;host') {
    throw new ApiError('AuthFailure.SignatureFailure', 'The emulator verifies only SignedHeaders=content-type;host.');
  }

  const timestampText = header(request.headers, 'x-tc-timestamp');
  if (timestampText === undefined) throw new ApiError('MissingParameter', 'The request is missing a required parameter `Timestamp`.');
  if (!/^\d{1,12}$/.test(timestampText)) throw new ApiError('InvalidParameter', 'The parameter `Timestamp` must be unix seconds.');
  const timestamp = Number(timestampText);

  const secretKey = credentials.get(parsed.secretId);
  if (secretKey === undefined) throw new ApiError('AuthFailure.SecretIdNotFound');
  if (Math.abs(nowSeconds - timestamp) > MAX_SKEW_SECONDS) throw new ApiError('AuthFailure.SignatureExpire');
  if (parsed.date !== utcDate(timestamp)) {
    throw new ApiError('AuthFailure.SignatureFailure', 'The credential scope date must be the UTC date of X-TC-Timestamp.');
  }

  const host = hostWithoutPort(header(request.headers, 'host'));
  const contentType = header(request.headers, 'content-type');
  if (host === undefined || contentType === undefined) throw new ApiError('AuthFailure.SignatureFailure', 'Host and Content-Type are signed and must be sent.');
  const expected = signTc3({ secretId: parsed.secretId, secretKey, service: parsed.service, host, contentType, payload: request.body, timestamp });
  if (!timingSafeEqual(Buffer.from(expected.signature, 'hex'), Buffer.from(parsed.signature, 'hex'))) {
    throw new ApiError('AuthFailure.SignatureFailure');
  }
  return parsed.secretId;
}
