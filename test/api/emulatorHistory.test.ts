import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../emulator';
import { signedCall } from '../emulator/signedRequest';

/**
 * The emulator's request history is bounded: `npm start` runs it for hours, and every request used to
 * be kept with its headers and body (ten 7.8 MB requests took it from 51 to 473 MB). The size is
 * measured here from the records themselves, not from the emulator's own count.
 */

let emulator: EmulatorHandle | undefined;
afterEach(() => emulator?.close());

/** What the kept records weigh, in characters of JSON: independent of the emulator's accounting. */
const weight = (handle: EmulatorHandle) => handle.requests.reduce((sum, record) => sum + JSON.stringify(record).length, 0);
const padded = (size: number) => `{"Pad":"${'x'.repeat(size - 10)}"}`;
const MB = 1024 * 1024;

describe('emulator: bounded request history', () => {
  it('never keeps the body of an unsigned or wrongly signed request', async () => {
    emulator = await startEmulator();
    const body = padded(Math.round(7.8 * MB));
    for (let i = 0; i < 10; i++) {
      const result = await signedCall(emulator.url, 'ListEmailAddress', {}, { rawBody: body, authorization: i % 2 ? null : undefined, secretKey: 'wrong' });
      assert.match(String(result.json?.Response?.Error?.Code), /^AuthFailure\./);
    }
    assert.equal(emulator.requests.length, 10, 'each request is still listed, with its headers');
    assert.ok(emulator.requests.every((record) => record.body === undefined && record.headers['x-tc-action'] === 'ListEmailAddress'));
    assert.ok(weight(emulator) < 64 * 1024, `${weight(emulator)} characters kept for 10 unsigned requests`);
    assert.ok(emulator.history().bytes < 64 * 1024);
  });

  it('keeps signed large bodies within the byte limit, dropping the oldest', async () => {
    emulator = await startEmulator();
    const body = padded(Math.round(7.8 * MB));
    for (let i = 0; i < 10; i++) {
      // Signed and read to the end; the action refuses the unknown field.
      const result = await signedCall(emulator.url, 'ListEmailAddress', {}, { rawBody: body });
      assert.equal(result.json?.Response?.Error?.Code, 'UnknownParameter');
    }
    const { requests, bytes } = emulator.history();
    assert.equal(requests, emulator.requests.length);
    assert.ok(bytes <= 16 * MB, `${bytes} bytes kept`);
    assert.ok(weight(emulator) <= 16 * MB + 64 * 1024, `${weight(emulator)} characters kept for 10 signed 7.8 MB requests`);
    assert.ok(requests >= 1 && requests <= 2, `${requests} of 10 large requests kept`);
    assert.deepEqual(emulator.requests.at(-1)?.body, JSON.parse(body), 'the newest is kept whole');
  });

  it('keeps at most the given number of requests, the latest ones, and the size the same after more', async () => {
    emulator = await startEmulator({ history: { requests: 50, bytes: 64 * 1024 } });
    const sizes: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 100; i++) await signedCall(emulator.url, 'ListBlackEmailAddress', { Limit: round * 100 + i, Offset: 0, StartDate: '2026-01-01', EndDate: '2026-01-02' });
      sizes.push(weight(emulator));
      assert.ok(emulator.history().bytes <= 64 * 1024);
    }
    assert.equal(emulator.requests.length, 50);
    assert.deepEqual(emulator.requests.map((record) => (record.body as { Limit: number }).Limit), Array.from({ length: 50 }, (_, i) => 250 + i));
    assert.equal(sizes[2], sizes[1], 'no growth between 200 and 300 requests');
  });
});
