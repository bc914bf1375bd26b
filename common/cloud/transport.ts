import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import * as tls from 'node:tls';

/**
 * One HTTP POST, over node:http(s), directly or through an HTTP proxy: a CONNECT tunnel for https
 * targets, an absolute-URI request for http ones. Our own ~100 lines instead of a proxy-agent
 * library or undici: see README "API client: why not the official SDK" for the sizes measured.
 * No retries here, and nothing here knows about the API: sesClient.ts does both.
 */

export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly body: string;
}

export type TransportFailureKind = 'network' | 'timeout' | 'aborted';

/** A request that produced no HTTP answer. `code` is the Node error code (ECONNREFUSED…) or ours (ProxyRefused, TooLarge). */
export class TransportError extends Error {
  constructor(readonly kind: TransportFailureKind, readonly code: string, message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface PostOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly proxy?: URL;
  /** false = accept self-signed certificates from the proxy and on the tunnelled connection (VS Code http.proxyStrictSSL). */
  readonly proxyStrictSSL?: boolean;
}

/** SES answers are small; a multi-megabyte body is not an SES answer (the API caps at 50 MB, our actions return KBs). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function postJson(target: URL, options: PostOptions): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    // One controller for timeout and caller's abort, so every socket opened below is torn down by either.
    const controller = new AbortController();
    let settled = false;
    const finish = (error: TransportError | undefined, answer?: HttpAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        controller.abort();
        reject(error);
      } else {
        resolve(answer!);
      }
    };
    const timer = setTimeout(() => finish(new TransportError('timeout', 'Timeout', `No answer from ${target.host} within ${options.timeoutMs} ms.`)), options.timeoutMs);
    const onAbort = (): void => finish(new TransportError('aborted', 'Aborted', 'The request was cancelled.'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const fail = (error: unknown, via: string): void => finish(classifyNetworkError(error, via));
    const onResponse = (response: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          finish(new TransportError('network', 'TooLarge', `The answer from ${target.host} is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; it is not an SES answer.`));
          response.destroy();
        } else {
          chunks.push(chunk);
        }
      });
      response.on('end', () => finish(undefined, {
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      }));
      response.on('error', (error) => fail(error, target.host));
      response.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), target.host));
    };
    const send = (request: http.ClientRequest, via: string): void => {
      request.on('response', onResponse);
      request.on('error', (error) => fail(error, via));
      request.end(options.body);
    };

    const headers = { ...options.headers, 'Content-Length': String(Buffer.byteLength(options.body)) };
    const strict = options.proxyStrictSSL !== false;
    const proxy = options.proxy;
    const signal = controller.signal;
    if (!proxy) {
      const module = target.protocol === 'https:' ? https : http;
      send(module.request(target, { method: 'POST', headers, signal, agent: false }), target.host);
    } else if (target.protocol === 'http:') {
      // Plain forward: the proxy gets the absolute URI and opens the connection itself.
      const module = proxy.protocol === 'https:' ? https : http;
      send(module.request({
        host: proxy.hostname, port: proxy.port || undefined, method: 'POST', path: target.href,
        headers: { ...headers, Host: target.host, ...proxyAuthorization(proxy) },
        signal, agent: false, rejectUnauthorized: strict,
      }), `proxy ${proxy.host}`);
    } else {
      openTunnel(proxy, target, strict, signal).then((socket) => {
        if (settled) return socket.destroy();
        const secure = tls.connect({ socket, servername: target.hostname, rejectUnauthorized: strict });
        secure.on('error', (error) => fail(error, target.host));
        // No `agent` at all: with one (even agent: false) Node ignores createConnection and dials the target itself.
        send(https.request(target, { method: 'POST', headers, signal, createConnection: () => secure }), target.host);
      }, (error: unknown) => finish(error instanceof TransportError ? error : classifyNetworkError(error, `proxy ${proxy.host}`)));
    }
  });
}

/** `Proxy-Authorization` from the credentials of a proxy URL (`http://user:pass@proxy:3128`). */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const user = decodeUserInfo(proxy.username);
  const password = decodeUserInfo(proxy.password);
  return { 'Proxy-Authorization': `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/**
 * A user name or password of a URL, percent-decoded; as written when it is not valid percent-encoding
 * (`50%off`): decodeURIComponent would throw "URI malformed" and fail every call.
 */
export function decodeUserInfo(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * HTTP CONNECT to the proxy; resolves with the raw socket once the proxy answered 200. Shared by the
 * API client and the online URL check (client/src/online/probe.ts).
 */
export function openTunnel(proxy: URL, target: URL, strict: boolean, signal: AbortSignal): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const authority = `${target.hostname}:${target.port || 443}`;
    const module = proxy.protocol === 'https:' ? https : http;
    const request = module.request({
      host: proxy.hostname, port: proxy.port || undefined, method: 'CONNECT', path: authority,
      headers: { Host: authority, ...proxyAuthorization(proxy) },
      signal, agent: false, rejectUnauthorized: strict,
    });
    request.on('connect', (response: http.IncomingMessage, socket: Socket) => {
      if (response.statusCode === 200) {
        resolve(socket);
      } else {
        socket.destroy();
        reject(new TransportError('network', 'ProxyRefused',
          `The proxy ${proxy.host} refused to open a tunnel to ${authority}: HTTP ${response.statusCode} ${response.statusMessage ?? ''}`.trim()));
      }
    });
    request.on('response', (response: http.IncomingMessage) => {
      // A proxy that answers CONNECT with a normal response (no upgrade) did not tunnel.
      response.resume();
      reject(new TransportError('network', 'ProxyRefused', `The proxy ${proxy.host} did not open a tunnel to ${authority}: HTTP ${response.statusCode}`));
    });
    request.on('error', reject);
    request.end();
  });
}

const NETWORK_MESSAGES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset before an answer arrived',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed while sending',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate (set http.proxyStrictSSL to false if a corporate proxy re-signs TLS)',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the TLS chain (set http.proxyStrictSSL to false if a corporate proxy re-signs TLS)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
};

export function classifyNetworkError(error: unknown, via: string): TransportError {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'NetworkError';
  if (code === 'ABORT_ERR') return new TransportError('aborted', 'Aborted', 'The request was cancelled.');
  const reason = NETWORK_MESSAGES[code] ?? (error instanceof Error ? error.message : String(error));
  return new TransportError('network', code, `Cannot reach ${via}: ${reason} (${code}).`);
}
