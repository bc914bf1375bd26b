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
 * Reads the body, at most MAX_BODY_BYTES. A larger one (announced by Content-Length, or chunked and
 * growing past the limit) resolves as oversized at once: the caller answers RequestSizeLimitExceeded
 * and closes the connection instead of waiting for, say, 100 MB to arrive.
 */
function readBody(req: http.IncomingMessage): Promise<{ body: Buffer; oversized: boolean }> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
      resolve({ body: Buffer.alloc(0), oversized: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve({ body: Buffer.alloc(0), oversized: true });
    };
    req.on('data', onData);
    req.on('end', () => resolve({ body: Buffer.concat(chunks), oversized: false }));
    req.on('error', reject);
  });
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
  function callAction(req: http.IncomingMessage, body: Buffer, oversized: boolean): Record<string, unknown> {
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

    verifySignature({ headers: req.headers, body }, credentials, nowSeconds());

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

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const receivedAt = now();
    const action = headerText(req, 'x-tc-action') ?? '';
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const { body, oversized } = await readBody(req);
    // The rest of an oversized body is never read: the connection cannot carry another request.
    if (oversized) {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.socket.destroySoon());
    }
    const record: ReceivedRequest = {
      action, region: headerText(req, 'x-tc-region'), headers, body: oversized ? undefined : parseJson(body), resultCode: '', receivedAt,
    };
    requests.push(record);

    let outcome: Outcome;
    const { latency, outcome: fault } = faults.take(action);
    if (latency) await sleep(latency.ms);
    if (fault) {
      outcome = applyFault(fault, req, res);
    } else {
      const requestId = randomUUID();
      try {
        respond(res, req, { ...callAction(req, body, oversized), RequestId: requestId });
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
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
