// Fetches one URL the way the online check needs it: HEAD, falling back to GET when the server
// refuses HEAD; only the status line and headers are read (a GET is aborted as soon as its headers
// arrive); redirects are followed by hand, at most 5, so that every hop is reported. Directly or
// through VS Code's proxy (common/cloud/proxy.ts chooses it). No vscode import: the API tests run
// it against local servers.
import { isIP, type LookupFunction } from 'node:net';
import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { resolveProxy } from '#common/cloud/proxy';
import { classifyNetworkError, openTunnel, proxyAuthorization } from '#common/cloud/transport';
import { isPrivateAddress, isPrivateHost } from './privateHosts';

export const MAX_REDIRECTS = 5;

export interface ProbeOptions {
  /** For the whole URL, every hop included. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** VS Code's `http.proxy` (empty: the environment's proxy variables, see cloud/proxy.ts). */
  readonly proxySetting?: string;
  readonly proxyStrictSSL?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Contact loopback, private and link-local hosts too (after the user agreed, or in tests). */
  readonly allowPrivate: boolean;
  /** Extra trusted certificates (tests: a self-signed local server). */
  readonly ca?: string;
  /** `Accept` header: images ask for images. */
  readonly accept?: string;
  /** Name look-up (default: the system's, as `dns.lookup`). Tests: a name server of their own. */
  readonly resolve?: Resolve;
}

/** All the addresses of a host name, as `dns.lookup(name, { all: true })` gives them. */
export type Resolve = (hostname: string, family?: number) => Promise<readonly dns.LookupAddress[]>;

const systemResolve: Resolve = (hostname, family) => dns.promises.lookup(hostname, { all: true, ...(family ? { family } : {}) });

export interface Hop {
  readonly url: string;
  readonly status: number;
  readonly location?: string;
}

export type ProbeErrorKind = 'dns' | 'connection' | 'tls' | 'timeout' | 'aborted' | 'private' | 'redirects' | 'badRedirect';

export interface ProbeError {
  readonly kind: ProbeErrorKind;
  /** Node's error code (ENOTFOUND, ECONNRESET, CERT_HAS_EXPIRED…) or ours. */
  readonly code: string;
  readonly message: string;
  /** The URL whose request failed (a redirect target, when it was one). */
  readonly url: string;
}

export interface ProbeResult {
  readonly url: string;
  /** Redirects followed, in order: each hop's URL, status and Location. */
  readonly redirects: readonly Hop[];
  readonly finalUrl: string;
  /** The method that gave the final answer: HEAD, or GET after a refused HEAD. */
  readonly method?: 'HEAD' | 'GET';
  readonly status?: number;
  readonly contentType?: string;
  /** Content-Length in bytes, when the server sent one. */
  readonly size?: number;
  readonly ms: number;
  readonly error?: ProbeError;
}

const USER_AGENT = 'Mozilla/5.0 (compatible; SES-Template-Studio-URL-check; +https://marketplace.visualstudio.com/)';
const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
}

class PrivateAddressError extends Error {
  readonly code = 'EPRIVATE';
}

/** DNS look-up that refuses private answers: a public name may resolve to 10.x or 169.254.169.254. */
function guardedLookup(resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (options as dns.LookupOptions).family as number | undefined).then((list) => {
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad) return (callback as (e: Error) => void)(new PrivateAddressError(`${hostname} resolves to the private address ${bad.address}`));
      if (list.length === 0) return (callback as (e: Error) => void)(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
      if ((options as dns.LookupOptions).all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, [...list]);
      (callback as (e: null, a: string, f: number) => void)(null, list[0].address, list[0].family);
    }, (error: Error) => (callback as (e: Error) => void)(error));
  };
}

/**
 * Behind a proxy the proxy resolves the name, so the look-up above never runs: resolve it here first
 * and refuse a private answer. A name this machine cannot resolve goes to the proxy as before (in
 * many companies only the proxy resolves outside names); what the proxy then reaches is its own
 * policy. Gives up with the probe's signal, so a slow resolver cannot outlast the timeout.
 */
function refusePrivateBehindProxy(hostname: string, resolve: Resolve, signal: AbortSignal): Promise<void> {
  return new Promise<void>((accept, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    resolve(hostname).then((list) => {
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad) reject(new PrivateAddressError(`${hostname} resolves to the private address ${bad.address}`));
      else accept();
    }, () => accept()).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function errorOf(error: unknown, url: string, host: string): ProbeError {
  if (error instanceof PrivateAddressError) return { kind: 'private', code: 'EPRIVATE', message: error.message, url };
  const classified = classifyNetworkError(error, host);
  const code = classified.code;
  if (classified.kind === 'aborted') return { kind: 'aborted', code, message: classified.message, url };
  const kind: ProbeErrorKind = code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' ? 'dns'
    : code === 'ETIMEDOUT' ? 'timeout'
      : TLS_CODES.test(code) ? 'tls' : 'connection';
  return { kind, code, message: classified.message, url };
}

/** One request; resolves with the status and headers and drops the body (a GET is cut off right there). */
function requestOnce(target: URL, method: 'HEAD' | 'GET', options: ProbeOptions, signal: AbortSignal): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const headers = {
      'User-Agent': USER_AGENT,
      Accept: options.accept ?? '*/*',
      // Ask for no more than the first byte: servers that honour it answer 206 and send one byte.
      ...(method === 'GET' ? { Range: 'bytes=0-0' } : {}),
    };
    const strict = options.proxyStrictSSL !== false;
    const onResponse = (response: http.IncomingMessage) => {
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
      response.destroy();
    };
    const send = (request: http.ClientRequest) => {
      request.on('response', onResponse);
      request.on('error', reject);
      request.end();
    };
    let choice;
    try {
      choice = resolveProxy(target, options.proxySetting, options.env);
    } catch (error) {
      return reject(error);
    }
    const proxy = choice?.proxy;
    const tlsOptions = { rejectUnauthorized: strict, ...(options.ca ? { ca: options.ca } : {}) };
    const lookUp = options.resolve ?? systemResolve;
    if (!proxy) {
      const lookup = options.allowPrivate ? undefined : guardedLookup(lookUp);
      const module = target.protocol === 'https:' ? https : http;
      send(module.request(target, { method, headers, signal, agent: false, ...(lookup ? { lookup } : {}), ...tlsOptions }));
      return;
    }
    const checked = options.allowPrivate || isIP(target.hostname.replace(/^\[|\]$/g, '')) ? Promise.resolve() : refusePrivateBehindProxy(target.hostname, lookUp, signal);
    checked.then(() => {
      if (target.protocol === 'http:') {
        const module = proxy.protocol === 'https:' ? https : http;
        send(module.request({ host: proxy.hostname, port: proxy.port || undefined, method, path: target.href, headers: { ...headers, Host: target.host, ...proxyAuthorization(proxy) }, signal, agent: false, rejectUnauthorized: strict }));
      } else {
        openTunnel(proxy, target, strict, signal).then((socket) => {
          const secure = tls.connect({ socket, servername: target.hostname, ...tlsOptions });
          secure.on('error', reject);
          send(https.request(target, { method, headers, signal, createConnection: () => secure }));
        }, reject);
      }
    }, reject);
  });
}

/** A HEAD answer that does not tell: the server refuses or mishandles HEAD, so GET decides. */
const headRefused = (status: number) => status >= 400; // 405/501 mostly, but also CDNs that answer HEAD with 403/404

/**
 * Probes `url`: never throws, every failure is in `error`. A redirect to a private host is not
 * followed unless `allowPrivate` (a public URL must not bounce the check into the intranet).
 */
export async function probeUrl(url: string, options: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const redirects: Hop[] = [];
  let current = url;
  const done = (rest: Partial<ProbeResult>): ProbeResult => ({ url, redirects, finalUrl: current, ms: Date.now() - started, ...rest });
  try {
    for (;;) {
      let target: URL;
      try {
        target = new URL(current);
      } catch {
        return done({ error: { kind: 'badRedirect', code: 'BadUrl', message: `Not a URL: ${current}`, url: current } });
      }
      if (!options.allowPrivate && isPrivateHost(target.hostname)) {
        return done({ error: { kind: 'private', code: 'EPRIVATE', message: `${target.hostname} is a local or private host`, url: current } });
      }
      let answer: Answer;
      let method: 'HEAD' | 'GET' = 'HEAD';
      try {
        answer = await requestOnce(target, 'HEAD', options, controller.signal);
        if (headRefused(answer.status)) {
          method = 'GET';
          answer = await requestOnce(target, 'GET', options, controller.signal);
        }
      } catch (error) {
        if (controller.signal.aborted) {
          const cancelled = options.signal?.aborted === true;
          return done({
            error: cancelled
              ? { kind: 'aborted', code: 'Aborted', message: 'The check was cancelled.', url: current }
              : { kind: 'timeout', code: 'Timeout', message: `No answer from ${target.host} within ${options.timeoutMs} ms.`, url: current },
          });
        }
        return done({ error: errorOf(error, current, target.host) });
      }
      const location = answer.headers.location;
      if (answer.status >= 300 && answer.status < 400 && typeof location === 'string' && location !== '') {
        let next: URL;
        try {
          next = new URL(location, target);
        } catch {
          redirects.push({ url: current, status: answer.status, location });
          return done({ error: { kind: 'badRedirect', code: 'BadLocation', message: `Redirect to an invalid URL: ${location}`, url: current } });
        }
        redirects.push({ url: current, status: answer.status, location: next.href });
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return done({ error: { kind: 'badRedirect', code: 'BadLocation', message: `Redirect to a non-web URL: ${next.protocol}`, url: current } });
        }
        if (redirects.length > MAX_REDIRECTS) {
          return done({ error: { kind: 'redirects', code: 'TooManyRedirects', message: `More than ${MAX_REDIRECTS} redirects.`, url: current } });
        }
        current = next.href;
        continue;
      }
      const type = answer.headers['content-type'];
      const length = Number(answer.status === 206 ? undefined : answer.headers['content-length']);
      // A 206 to our Range request gives the full size in Content-Range: `bytes 0-0/123456`.
      const range = /\/(\d+)\s*$/.exec(String(answer.headers['content-range'] ?? ''));
      const size = answer.status === 206 ? (range ? Number(range[1]) : undefined) : Number.isFinite(length) && length >= 0 ? length : undefined;
      return done({
        method,
        status: answer.status,
        ...(type ? { contentType: type.split(';')[0].trim().toLowerCase() } : {}),
        ...(size !== undefined ? { size } : {}),
      });
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
