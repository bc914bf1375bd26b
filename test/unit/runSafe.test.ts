import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSafe } from '../../server/src/runSafe';

describe('runSafe', () => {
  it('returns the handler result when it succeeds', async () => {
    const logged: string[] = [];
    const handler = runSafe({ error: (m) => logged.push(m) }, 'hover', null, (x: number) => x * 2);
    assert.equal(await handler(21), 42);
    assert.deepEqual(logged, []);
  });

  it('turns a thrown error or a rejected promise into the fallback and a log line', async () => {
    const logged: string[] = [];
    const logger = { error: (m: string) => logged.push(m) };
    const throws = runSafe(logger, 'completion', [], () => {
      throw new TypeError('boom');
    });
    const rejects = runSafe(logger, 'validation', undefined, async () => Promise.reject('bad'));
    assert.deepEqual(await throws(), []);
    assert.equal(await rejects(), undefined);
    assert.match(logged[0], /^completion failed: TypeError: boom/);
    assert.match(logged[1], /^validation failed: bad$/);
  });
});
