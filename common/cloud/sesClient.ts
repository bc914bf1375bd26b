import { endpointUrl } from './endpoints';
import { parseProxyUrl, resolveProxy, type ProxyChoice } from './proxy';
import { redact, redactStrings, showableStrings, shownText } from './redact';
import { responseShapeProblem } from './responseShape';
import { backoffDelay, isRetryable } from './retryPolicy';
import { signTc3 } from './tc3';
import { decodeUserInfo, postJson, TransportError, type HttpAnswer } from './transport';
import { validateCredentials } from './credentials';
import {
  RETRYABLE_ACTIONS, SES_API_VERSION, SES_SERVICE,
  type ApiFailure, type ApiFailureKind, type ApiResult, type Credentials, type DeleteBlackListRequest, type DeleteBlackListResponse,
  type ErrorExplanation, type GetSendEmailStatusRequest, type GetSendEmailStatusResponse, type ListBlackEmailAddressRequest,
  type ListBlackEmailAddressResponse, type ListEmailAddressResponse, type SendEmailRequest, type SendEmailResponse,
  type SesAction, type SesActions, type SesRegion,
} from './types';

/**
 * The SES API client: signs (TC3, tc3.ts), sends (transport.ts), maps every outcome to an ApiResult
 * and retries what is safe to retry. It never throws for a failed call and never imports vscode, so
 * tests and scripts run it in plain node against the emulator.
 */

export interface SesClientOptions {
  /** Asked on every call: the user may change or remove the key between calls. */
  credentials: () => Promise<Credentials | undefined>;
  region: SesRegion;
  /** Override of the endpoint (local emulator, API gateway), e.g. `http://127.0.0.1:8081`. */
  endpoint?: string;
  /** Per attempt. Default 15000. */
  timeoutMs?: number;
  /** VS Code `http.proxy`; '' or undefined = use HTTPS_PROXY/HTTP_PROXY (any case) and NO_PROXY. Never used for loopback. */
  proxy?: string;
  /** VS Code `http.proxyStrictSSL`; false accepts re-signed TLS through a proxy. */
  proxyStrictSSL?: boolean;
  /** X-TC-Language: the language of Error.Message. */
  language?: 'zh-CN' | 'en-US';
  /** One line per attempt, credentials masked. */
  log?: (line: string) => void;
  retry?: { attempts?: number; baseDelayMs?: number };
  /** Knowledge-base lookup attached to `api` failures as `explanation` (never asked about local codes). */
  explain?: (code: string) => Promise<ErrorExplanation | undefined>;
  /** How long a failure waits for `explain` (a request to the language server, which may be busy or gone). Default 3000. */
  explainTimeoutMs?: number;
  /** Clock in ms, for the signing timestamp. */
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_BASE_DELAY_MS = 500;
const DEFAULT_EXPLAIN_TIMEOUT_MS = 3_000;
const CONTENT_TYPE = 'application/json';
/** Tencent's codes and RequestIds are under 80 characters, its messages under a few hundred. */
const MAX_ID_LENGTH = 128;
const MAX_MESSAGE_LENGTH = 1000;

type Outcome<T> = { ok: true; data: T; requestId: string } | Omit<ApiFailure, 'attempts' | 'action' | 'ok'> & { ok: false };

export class SesClient {
  constructor(private readonly options: SesClientOptions) {}

  async call<A extends SesAction>(action: A, request: SesActions[A]['request'], signal?: AbortSignal): Promise<ApiResult<SesActions[A]['response']>> {
    const credentials = await this.readCredentials();
    if ('problem' in credentials) {
      return this.failed(action, { ok: false, kind: 'credentials', code: credentials.code, message: credentials.problem }, 0, []);
    }
    const secrets = secretsOf(credentials.value, this.options.proxy);
    // Settings can hold anything: a NaN attempt count must not loop forever, nor a NaN delay spin.
    const maxAttempts = RETRYABLE_ACTIONS.has(action) ? Math.max(1, Math.floor(finiteOr(this.options.retry?.attempts, DEFAULT_ATTEMPTS))) : 1;
    const baseDelayMs = Math.max(0, finiteOr(this.options.retry?.baseDelayMs, DEFAULT_BASE_DELAY_MS));
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const outcome = await this.attempt(action, request, credentials.value, secrets, signal);
      this.log(secrets, action, attempt, maxAttempts, outcome, Date.now() - started);
      if (outcome.ok) {
        // What the endpoint sent is shown (a MessageId, the RequestId, template names): never with our key in it.
        // and no control or bidi character in them (a U+202E in a template name, an ANSI escape in a review reason).
        const data = showableStrings(redactStrings(outcome.data, secrets)) as SesActions[A]['response'];
        return { ok: true, action, data, requestId: shownText(outcome.requestId, secrets, MAX_ID_LENGTH), attempts: attempt };
      }
      if (attempt >= maxAttempts || !isRetryable(action, outcome) || signal?.aborted) {
        return this.failed(action, outcome, attempt, secrets, signal);
      }
      if (!(await sleep(backoffDelay(attempt, baseDelayMs), signal))) {
        return this.failed(action, { ok: false, kind: 'network', code: 'Aborted', message: 'The request was cancelled.' }, attempt, secrets);
      }
    }
  }

  /** Never retried: if an attempt's answer is lost, the email may still have been sent. */
  sendEmail(request: SendEmailRequest, signal?: AbortSignal): Promise<ApiResult<SendEmailResponse>> {
    return this.call('SendEmail', request, signal);
  }

  listEmailAddress(signal?: AbortSignal): Promise<ApiResult<ListEmailAddressResponse>> {
    return this.call('ListEmailAddress', {}, signal);
  }

  listBlackEmailAddress(request: ListBlackEmailAddressRequest, signal?: AbortSignal): Promise<ApiResult<ListBlackEmailAddressResponse>> {
    return this.call('ListBlackEmailAddress', request, signal);
  }

  deleteBlackList(request: DeleteBlackListRequest, signal?: AbortSignal): Promise<ApiResult<DeleteBlackListResponse>> {
    return this.call('DeleteBlackList', request, signal);
  }

  getSendEmailStatus(request: GetSendEmailStatusRequest, signal?: AbortSignal): Promise<ApiResult<GetSendEmailStatusResponse>> {
    return this.call('GetSendEmailStatus', request, signal);
  }

  private async readCredentials(): Promise<{ value: Credentials } | { problem: string; code: string }> {
    let value: Credentials | undefined;
    try {
      value = await this.options.credentials();
    } catch (error) {
      // The provider's own message (e.g. CredentialFileError) names the file and problem, never a value; still redacted below.
      return { problem: `The credentials could not be read: ${error instanceof Error ? error.message : String(error)}`, code: 'Credentials.Unreadable' };
    }
    if (!value) return { problem: 'No Tencent Cloud API key is set: nothing was sent.', code: 'Credentials.Missing' };
    const problem = validateCredentials(value);
    if (problem) return { problem: `The Tencent Cloud API key is malformed: ${problem} Nothing was sent.`, code: 'Credentials.Malformed' };
    return { value };
  }

  private async attempt(action: SesAction, request: unknown, credentials: Credentials, secrets: readonly string[], signal?: AbortSignal): Promise<Outcome<unknown>> {
    let url: URL;
    let proxy: ProxyChoice | undefined;
    try {
      url = endpointUrl(this.options);
    } catch (error) {
      return { ok: false, kind: 'network', code: 'InvalidEndpoint', message: (error as Error).message };
    }
    try {
      proxy = resolveProxy(url, this.options.proxy);
    } catch (error) {
      return { ok: false, kind: 'network', code: 'InvalidProxy', message: (error as Error).message };
    }
    let body: string;
    try {
      body = JSON.stringify(request ?? {});
    } catch {
      return { ok: false, kind: 'badResponse', code: 'InvalidRequest', message: `The ${action} request cannot be encoded as JSON.` };
    }
    const timestamp = Math.floor((this.options.now ?? Date.now)() / 1000);
    const { authorization } = signTc3({
      secretId: credentials.secretId, secretKey: credentials.secretKey, service: SES_SERVICE,
      host: url.hostname, contentType: CONTENT_TYPE, payload: body, timestamp,
    });
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPE,
      'X-TC-Action': action,
      'X-TC-Version': SES_API_VERSION,
      'X-TC-Timestamp': String(timestamp),
      'X-TC-Region': this.options.region,
      Authorization: authorization,
    };
    if (credentials.token) headers['X-TC-Token'] = credentials.token;
    if (this.options.language) headers['X-TC-Language'] = this.options.language;
    let answer: HttpAnswer;
    try {
      answer = await postJson(url, {
        headers, body, signal, proxy: proxy?.proxy,
        timeoutMs: finiteOr(this.options.timeoutMs, DEFAULT_TIMEOUT_MS, 1), proxyStrictSSL: this.options.proxyStrictSSL,
      });
    } catch (error) {
      if (error instanceof TransportError) {
        return { ok: false, kind: error.kind === 'aborted' ? 'network' : error.kind, code: error.code, message: redact(error.message, secrets) };
      }
      return { ok: false, kind: 'network', code: 'NetworkError', message: redact(String(error), secrets) };
    }
    return interpretAnswer(action, url, answer, secrets);
  }

  private async failed(action: SesAction, outcome: Outcome<unknown> & { ok: false }, attempts: number, secrets: readonly string[], signal?: AbortSignal): Promise<ApiFailure> {
    // The one boundary every display path goes through (notifications, the status bar, the preflight
    // report, the CLI, logs): the code, message and RequestId come from the endpoint, which may echo
    // the key, a token or a proxy password in any of them, or send lines and bidi controls.
    const failure: ApiFailure = {
      ...outcome, ok: false, action, attempts,
      code: shownText(outcome.code, secrets, MAX_ID_LENGTH),
      message: shownText(outcome.message, secrets, MAX_MESSAGE_LENGTH),
      ...(outcome.requestId !== undefined ? { requestId: shownText(outcome.requestId, secrets, MAX_ID_LENGTH) } : {}),
    };
    // Only API codes are in the knowledge base; a local code (HTTP.503, ECONNRESET) would only find a wrong match.
    if (!this.options.explain || failure.kind !== 'api') return failure;
    try {
      // Bounded: a busy, stalled or stopped language server must not hold the failure (and the UI waiting on it) back.
      const explanation = await withinTime(this.options.explain(failure.code),
        Math.max(0, finiteOr(this.options.explainTimeoutMs, DEFAULT_EXPLAIN_TIMEOUT_MS)), signal);
      return explanation ? { ...failure, explanation } : failure;
    } catch {
      // A knowledge base that fails must not turn an API failure into a crash or hide the original error.
      return failure;
    }
  }

  private log(secrets: readonly string[], action: SesAction, attempt: number, maxAttempts: number, outcome: Outcome<unknown>, ms: number): void {
    if (!this.options.log) return;
    const result = outcome.ok ? 'ok' : `${outcome.kind} ${outcome.code}${outcome.httpStatus ? ` (HTTP ${outcome.httpStatus})` : ''}`;
    const requestId = outcome.requestId ? ` RequestId ${outcome.requestId}` : '';
    const line = `${action} ${this.options.region} attempt ${attempt}/${maxAttempts}: ${result} in ${ms} ms${requestId}`;
    try {
      this.options.log(shownText(line, secrets, MAX_MESSAGE_LENGTH));
    } catch {
      // A broken logger must not break the call.
    }
  }
}

function finiteOr(value: number | undefined, fallback: number, min = 0): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
}

function secretsOf(credentials: Credentials, proxy: string | undefined): string[] {
  const secrets = [credentials.secretId, credentials.secretKey, credentials.token ?? ''];
  // A proxy URL may carry user:password (with or without a scheme); those never appear in our
  // messages either: as written, percent-decoded, and in the Basic form a gateway may echo.
  for (const raw of [proxy, process.env.https_proxy, process.env.HTTPS_PROXY, process.env.http_proxy, process.env.HTTP_PROXY]) {
    const text = raw?.trim() ?? '';
    if (!text.includes('@')) continue;
    let url: URL;
    try {
      url = parseProxyUrl(text);
    } catch {
      continue;
    }
    if (!url.password && !url.username) continue;
    const user = decodeUserInfo(url.username);
    const password = decodeUserInfo(url.password);
    const basic = Buffer.from(`${user}:${password}`).toString('base64');
    secrets.push(`${url.username}:${url.password}`, url.password, password, basic);
  }
  return secrets;
}

/** Maps an HTTP answer to the documented envelope (reference §1.3): 200 + Response + RequestId, Error iff failed. */
export function interpretAnswer(action: SesAction, url: URL, answer: HttpAnswer, secrets: readonly string[] = []): Outcome<unknown> {
  const envelope = parseEnvelope(answer.body);
  if (answer.status !== 200) {
    return {
      ok: false, kind: 'http', code: `HTTP.${answer.status}`, httpStatus: answer.status, requestId: envelope?.requestId,
      message: `${url.host} answered HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}: the request did not reach the SES API.`,
    };
  }
  const bad = (problem: string): Outcome<unknown> => ({
    ok: false, kind: 'badResponse' satisfies ApiFailureKind, code: 'BadResponse', httpStatus: 200, requestId: envelope?.requestId,
    message: `${url.host} answered ${action} with something that is not an SES answer: ${problem}.`,
  });
  // Masked before it is cut: a cut through an echoed key would leave its first part unrecognised.
  if (envelope === undefined) return bad(`the body is not JSON (starts with ${JSON.stringify(redact(answer.body, secrets).slice(0, 60))})`);
  if (!envelope.response) return bad('there is no Response object');
  const response = envelope.response;
  if (response.Error !== undefined) {
    const error = response.Error as { Code?: unknown; Message?: unknown } | null;
    if (typeof error?.Code !== 'string' || error.Code === '') return bad('Response.Error has no Code');
    return {
      ok: false, kind: 'api', code: error.Code, httpStatus: 200, requestId: envelope.requestId,
      message: typeof error.Message === 'string' && error.Message !== '' ? error.Message : error.Code,
    };
  }
  if (!envelope.requestId) return bad('Response has no RequestId');
  const problem = responseShapeProblem(action, response);
  if (problem) return bad(`Response ${problem}`);
  const data = { ...response };
  delete data.RequestId;
  return { ok: true, data, requestId: envelope.requestId };
}

function parseEnvelope(body: string): { response?: Record<string, unknown>; requestId?: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const response = (parsed as { Response?: unknown } | null)?.Response;
  if (typeof response !== 'object' || response === null || Array.isArray(response)) return {};
  const requestId = (response as { RequestId?: unknown }).RequestId;
  return { response: response as Record<string, unknown>, requestId: typeof requestId === 'string' && requestId !== '' ? requestId : undefined };
}

/** Resolves true after `ms`, false as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = (): void => { clearTimeout(timer); resolve(false); };
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(true); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `promise`'s value, or undefined once `ms` have passed or `signal` is aborted, whichever comes first; the timer is always cleared. */
function withinTime<T>(promise: Promise<T>, ms: number, signal?: AbortSignal): Promise<T | undefined> {
  if (signal?.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const done = (): void => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); };
    const onAbort = (): void => { done(); resolve(undefined); };
    const timer = setTimeout(onAbort, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => { done(); resolve(value); }, (error: unknown) => { done(); reject(error); });
  });
}
