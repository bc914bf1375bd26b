import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../emulator';
import { signedCall } from '../emulator/signedRequest';

/** Injected faults: latency, HTTP status, API error, malformed JSON, connection reset. */

let emulator: EmulatorHandle;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(() => emulator.close());

const list = (options: { signal?: AbortSignal } = {}) => signedCall(emulator.url, 'ListEmailAddress', {}, options);
const isOk = (result: Awaited<ReturnType<typeof list>>) => result.status === 200 && result.json?.Response?.Error === undefined && Array.isArray(result.json?.Response?.EmailSenders);

describe('emulator: faults', () => {
  it('latency delays the answer, which is otherwise normal', async () => {
    emulator.inject({ kind: 'latency', ms: 1_000 });
    const started = Date.now();
    assert.ok(isOk(await list()));
    const first = Date.now() - started;
    assert.ok(first >= 990, `took ${first} ms`); // a lower bound: load only adds time
    const again = Date.now();
    assert.ok(isOk(await list()));
    // Relative, not a limit: the second call is not delayed like the first.
    assert.ok(Date.now() - again < first, 'applies once by default');
  });

  it('latency lets a client time out', async () => {
    emulator.inject({ kind: 'latency', ms: 1000 });
    await assert.rejects(list({ signal: AbortSignal.timeout(100) }), { name: 'TimeoutError' });
  });

  it('status answers with that HTTP status and a non-JSON body, `times` times, then recovers', async () => {
    emulator.inject({ kind: 'status', status: 502, times: 2 });
    for (let i = 0; i < 2; i++) {
      const result = await list();
      assert.equal(result.status, 502);
      assert.equal(result.json, undefined);
    }
    assert.ok(isOk(await list()));
    assert.deepEqual(emulator.requests.map((r) => r.resultCode), ['http:502', 'http:502', 'OK']);
  });

  it('a fault scoped to an action leaves other actions alone', async () => {
    emulator.inject({ kind: 'status', status: 503, action: 'SendEmail' });
    assert.ok(isOk(await list()));
    const send = await signedCall(emulator.url, 'SendEmail', {});
    assert.equal(send.status, 503);
  });

  it('apiError answers HTTP 200 with Response.Error and a RequestId (e.g. RequestLimitExceeded)', async () => {
    emulator.inject({ kind: 'apiError', code: 'RequestLimitExceeded' });
    emulator.inject({ kind: 'apiError', code: 'InternalError', message: 'custom text' });
    const first = await list();
    assert.equal(first.status, 200);
    assert.equal(first.json?.Response?.Error?.Code, 'RequestLimitExceeded');
    assert.equal(first.json?.Response?.Error?.Message, 'The number of requests exceeds the frequency limit.');
    assert.match(String(first.json?.Response?.RequestId), /^[0-9a-f-]{36}$/);
    assert.equal((await list()).json?.Response?.Error?.Message, 'custom text');
    assert.ok(isOk(await list()));
  });

  it('malformedJson answers HTTP 200 application/json that does not parse', async () => {
    emulator.inject({ kind: 'malformedJson' });
    const result = await list();
    assert.equal(result.status, 200);
    assert.equal(result.json, undefined);
    assert.throws(() => JSON.parse(result.text));
  });

  it('reset destroys the connection without an answer', async () => {
    emulator.inject({ kind: 'reset' });
    await assert.rejects(list(), (error: Error) => error instanceof TypeError && /fetch failed/.test(error.message));
    assert.ok(isOk(await list()));
    assert.equal(emulator.requests[0].resultCode, 'fault:reset');
  });

  it('latency combines with another fault: a slow 502', async () => {
    emulator.inject({ kind: 'latency', ms: 200 });
    emulator.inject({ kind: 'status', status: 502 });
    const started = Date.now();
    assert.equal((await list()).status, 502);
    assert.ok(Date.now() - started >= 190);
  });

  it('clearFaults drops pending faults', async () => {
    emulator.inject({ kind: 'reset', times: 5 });
    emulator.clearFaults();
    assert.ok(isOk(await list()));
  });

  it('refuses nonsense faults', () => {
    assert.throws(() => emulator.inject({ kind: 'status', status: 42 }));
    assert.throws(() => emulator.inject({ kind: 'latency', ms: -1 }));
    assert.throws(() => emulator.inject({ kind: 'reset', times: 0 }));
  });
});
