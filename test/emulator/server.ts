import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAuthorization } from '../../common/cloud/tc3';
import { SES_API_VERSION } from '../../common/cloud/types';
import { ACTIONS } from './actions';
import { ApiError, defaultMessage } from './apiError';
import { FaultQueue, type OutcomeFault } from './faultQueue';
import { stateFromSeed } from './seedState';
import { settleReviews } from './actions/templates';
import type { EmulatorHandle, EmulatorOptions, ReceivedRequest } from './types';
import { verifySignature } from './verifySignature';

/**
 * The HTTP side of the emulator: POST / with a JSON body, answered like the real endpoint — HTTP 200
 * with `{"Response":{…,"RequestId"}}` for success and for API errors alike (reference §1.2, §1.3).
 */

/** Documented demo credentials; obviously not a real key. */
export const DEFAULT_SECRET_ID = 'AKIDsesStudioEmulator00000000000000';
export const DEFAULT_SECRET_KEY = 'sesStudioEmulatorDemoKey000000000';

/** Tencent Cloud API request packets are limited to 8 MB. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const SES_REGIONS = new Set(['ap-guangzhou', 'ap-hongkong', 'ap-singapore']);

interface Outcome {
  readonly code: string;
  readonly requestId?: string;
}

function headerText(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** First four and last four characters only: enough to tell keys apart in a log, useless to an attacker. */
export function maskSecretId(secretId: string | undefined): string {
  if (!secretId) return '-';
  return secretId.length <= 8 ? '****' : `${secretId.slice(0, 4)}…${secretId.slice(-4)}`;
}

/**
 * A body over the limit is still read and thrown away up to this size before the answer, so the
 * client, still sending, is not reset under its last bytes (it would see EPIPE or ECONNRESET instead of
 * RequestSizeLimitExceeded). Beyond it, the answer goes out at once and the connection is closed.
 */
const DRAIN_MAX_BYTES = 2 * MAX_BODY_BYTES;
/** A client that stops sending while its oversized body is drained (a chunked body never ended) still gets its answer. */
const DRAIN_IDLE_MS = 1_000;

/** The history kept in `requests`, oldest first dropped: enough for tests, never unbounded (`npm start` runs for hours). */
const HISTORY_MAX_REQUESTS = 500;
const HISTORY_MAX_BYTES = 16 * 1024 * 1024;

interface ReadBody {
  readonly body: Buffer;
  readonly oversized: boolean;
  /** An oversized body was read to its end (the connection can carry the answer and stay open). */
  readonly drained: boolean;
}

/**
 * Reads the body, keeping at most MAX_BODY_BYTES. A larger one is discarded as it arrives; the promise
 * resolves when it has ended (drained, up to DRAIN_MAX_BYTES), or at once when it is announced or grows
 * beyond that, or when it stalls for DRAIN_IDLE_MS: the caller then answers RequestSizeLimitExceeded
 * and closes the connection instead of waiting for, say, 100 MB to arrive.
 */
function readBody(req: http.IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const announced = Number(req.headers['content-length']);
    if (announced > DRAIN_MAX_BYTES) {
      resolve({ body: Buffer.alloc(0), oversized: true, drained: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let idle: NodeJS.Timeout | undefined;
    const tooLarge = (): ReadBody => ({ body: Buffer.alloc(0), oversized: true, drained: false });
    const finish = (result: ReadBody) => {
      clearTimeout(idle);
      req.off('data', onData);
      req.off('end', onEnd);
      if (!result.drained && result.oversized) req.pause();
      resolve(result);
    };
    const oversized = () => size > MAX_BODY_BYTES || announced > MAX_BODY_BYTES;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (!oversized()) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0; // never kept: only its size matters now
      if (size > DRAIN_MAX_BYTES) {
        finish(tooLarge());
        return;
      }
      clearTimeout(idle);
      idle = setTimeout(() => finish(tooLarge()), DRAIN_IDLE_MS);
    };
    const onEnd = () => finish(oversized()
      ? { body: Buffer.alloc(0), oversized: true, drained: true }
      : { body: Buffer.concat(chunks), oversized: false, drained: false });
    if (oversized()) idle = setTimeout(() => finish(tooLarge()), DRAIN_IDLE_MS);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** Bytes a record holds: its header text and, when kept, its body. */
function recordBytes(headers: Record<string, string>, body: Buffer | undefined): number {
  let bytes = body?.length ?? 0;
  for (const [name, value] of Object.entries(headers)) bytes += name.length + value.length;
  return bytes;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const now = options.now ?? Date.now;
  const nowSeconds = () => Math.floor(now() / 1000);
  const credentials = new Map([[options.secretId ?? DEFAULT_SECRET_ID, options.secretKey ?? DEFAULT_SECRET_KEY]]);
  const state = stateFromSeed(options.seed, nowSeconds());
  const faults = new FaultQueue();
  const requests: ReceivedRequest[] = [];
  const historyLimit = { requests: options.history?.requests ?? HISTORY_MAX_REQUESTS, bytes: options.history?.bytes ?? HISTORY_MAX_BYTES };
  /** Bytes of each record in `requests`, same order. */
  const recordSizes: number[] = [];
  let historyBytes = 0;

  /** Keeps the record, dropping the oldest ones beyond the count or byte limit (the newest is always kept). */
  function remember(record: ReceivedRequest, bytes: number): void {
    requests.push(record);
    recordSizes.push(bytes);
    historyBytes += bytes;
    let drop = 0;
    while (requests.length - drop > 1 && (requests.length - drop > historyLimit.requests || historyBytes > historyLimit.bytes)) {
      historyBytes -= recordSizes[drop];
      drop++;
    }
    if (drop) {
      requests.splice(0, drop);
      recordSizes.splice(0, drop);
    }
  }

  function respond(res: http.ServerResponse, req: http.IncomingMessage, response: Record<string, unknown>): void {
    const traceId = headerText(req, 'x-tc-traceid');
    res.writeHead(200, { 'Content-Type': 'application/json', ...(traceId ? { 'X-TC-TraceId': traceId } : {}) });
    res.end(JSON.stringify({ Response: response }));
  }

  function applyFault(fault: OutcomeFault, req: http.IncomingMessage, res: http.ServerResponse): Outcome {
    switch (fault.kind) {
      case 'reset':
        req.socket.destroy();
        return { code: 'fault:reset' };
      case 'status':
        res.writeHead(fault.status, { 'Content-Type': 'text/html' });
        res.end(`<html><body><h1>${fault.status} ${http.STATUS_CODES[fault.status] ?? ''}</h1></body></html>`);
        return { code: `http:${fault.status}` };
      case 'malformedJson':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(`{"Response":{"RequestId":"${randomUUID()}","MessageId":`);
        return { code: 'fault:malformedJson' };
      case 'apiError': {
        const requestId = randomUUID();
        respond(res, req, { Error: { Code: fault.code, Message: fault.message ?? defaultMessage(fault.code) }, RequestId: requestId });
        return { code: fault.code, requestId };
      }
    }
  }

  /** Everything between the transport and the action handler; throws ApiError on the first problem. */
  function callAction(req: http.IncomingMessage, body: Buffer, oversized: boolean, signature: ApiError | undefined): Record<string, unknown> {
    if (req.method !== 'POST') {
      throw new ApiError(req.method === 'GET' ? 'UnsupportedOperation' : 'UnsupportedProtocol', 'The emulator accepts POST with a JSON body only.');
    }
    if (oversized) throw new ApiError('RequestSizeLimitExceeded');
    const action = headerText(req, 'x-tc-action');
    const version = headerText(req, 'x-tc-version');
    if (!action) throw new ApiError('MissingParameter', 'The request is missing a required parameter `Action`.');
    if (!version) throw new ApiError('MissingParameter', 'The request is missing a required parameter `Version`.');
    const handler = ACTIONS.get(action);
    if (!handler) throw new ApiError('InvalidAction', `The action \`${action}\` does not exist.`);
    if (version !== SES_API_VERSION) throw new ApiError('NoSuchVersion', `The version \`${version}\` of ses does not exist.`);

    if (signature) throw signature;

    const region = headerText(req, 'x-tc-region');
    if (!region) throw new ApiError('MissingParameter', 'The request is missing a required parameter `Region`.');
    if (!SES_REGIONS.has(region)) throw new ApiError('UnsupportedRegion', `ses does not support the region \`${region}\`.`);
    if (!/^application\/json\b/i.test(headerText(req, 'content-type') ?? '')) {
      throw new ApiError('InvalidParameter', 'The emulator accepts Content-Type: application/json only.');
    }
    const params = parseJson(body);
    if (!params || typeof params !== 'object' || Array.isArray(params)) throw new ApiError('InvalidParameter', 'The request body must be a JSON object.');
    settleReviews(state, nowSeconds());
    return handler(params as Record<string, unknown>, { state, nowSeconds: nowSeconds() });
  }

  function signatureProblem(req: http.IncomingMessage, body: Buffer): ApiError | undefined {
    try {
      verifySignature({ headers: req.headers, body }, credentials, nowSeconds());
      return undefined;
    } catch (error) {
      return error instanceof ApiError ? error : new ApiError('AuthFailure.SignatureFailure');
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const receivedAt = now();
    const action = headerText(req, 'x-tc-action') ?? '';
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const { body, oversized, drained } = await readBody(req);
    // Not read to its end, the rest of an oversized body would be taken for the next request.
    if (oversized && !drained) {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.socket.destroySoon());
    }
    // Checked once, here: an unsigned (or wrongly signed) request's body is never kept, only its headers.
    const signature = req.method === 'POST' && !oversized ? signatureProblem(req, body) : undefined;
    const signed = req.method === 'POST' && !oversized && signature === undefined;
    const record: ReceivedRequest = {
      action, region: headerText(req, 'x-tc-region'), headers, body: signed ? parseJson(body) : undefined, resultCode: '', receivedAt,
    };
    remember(record, recordBytes(headers, signed ? body : undefined));

    let outcome: Outcome;
    const { latency, outcome: fault } = faults.take(action);
    if (latency) await sleep(latency.ms);
    if (fault) {
      outcome = applyFault(fault, req, res);
    } else {
      const requestId = randomUUID();
      try {
        respond(res, req, { ...callAction(req, body, oversized, signature), RequestId: requestId });
        outcome = { code: 'OK', requestId };
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError('InternalError');
        respond(res, req, { Error: { Code: apiError.code, Message: apiError.message }, RequestId: requestId });
        outcome = { code: apiError.code, requestId };
      }
    }
    record.resultCode = outcome.code;
    record.requestId = outcome.requestId;
    options.log?.(`${action || '-'} ${maskSecretId(parseAuthorization(headerText(req, 'authorization'))?.secretId)} ${outcome.code}`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      // Only a broken connection gets here (readBody failed); there is nobody left to answer.
      req.socket.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    state,
    requests,
    history: () => ({ requests: requests.length, bytes: historyBytes }),
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
