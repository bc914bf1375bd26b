import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDaysToBounceTime, BLOCKLIST_DAYS, blocklistWindow } from '../../common/cloud/blocklist';
import { backoffDelay, isRetryable } from '../../common/cloud/retryPolicy';
import { interpretAnswer } from '../../common/cloud/sesClient';
import type { SesAction } from '../../common/cloud/types';

describe('retry policy', () => {
  it('retries idempotent actions on throttling, 5xx, network and timeout only', () => {
    const retryable: SesAction[] = ['ListEmailAddress', 'ListBlackEmailAddress', 'GetSendEmailStatus', 'DeleteBlackList'];
    for (const action of retryable) {
      assert.ok(isRetryable(action, { kind: 'api', code: 'RequestLimitExceeded' }), action);
      assert.ok(isRetryable(action, { kind: 'api', code: 'RequestLimitExceeded.UinLimitExceeded' }));
      assert.ok(isRetryable(action, { kind: 'http', code: 'HTTP.503', httpStatus: 503 }));
      assert.ok(isRetryable(action, { kind: 'http', code: 'HTTP.500', httpStatus: 500 }));
      assert.ok(isRetryable(action, { kind: 'network', code: 'ECONNRESET' }));
      assert.ok(isRetryable(action, { kind: 'timeout', code: 'Timeout' }));
      assert.ok(!isRetryable(action, { kind: 'api', code: 'AuthFailure.SignatureFailure' }));
      assert.ok(!isRetryable(action, { kind: 'api', code: 'RequestLimitExceededButNot' }));
      assert.ok(!isRetryable(action, { kind: 'http', code: 'HTTP.404', httpStatus: 404 }));
      assert.ok(!isRetryable(action, { kind: 'badResponse', code: 'BadResponse' }));
      assert.ok(!isRetryable(action, { kind: 'credentials', code: 'Credentials.Missing' }));
      assert.ok(!isRetryable(action, { kind: 'network', code: 'Aborted' }));
      assert.ok(!isRetryable(action, { kind: 'network', code: 'InvalidEndpoint' }));
    }
  });

  it('never retries SendEmail', () => {
    for (const failure of [{ kind: 'api', code: 'RequestLimitExceeded' }, { kind: 'http', code: 'HTTP.503', httpStatus: 503 }, { kind: 'network', code: 'ECONNRESET' }, { kind: 'timeout', code: 'Timeout' }] as const) {
      assert.ok(!isRetryable('SendEmail', failure), failure.code);
    }
  });

  it('backs off exponentially with jitter in the upper half', () => {
    assert.equal(backoffDelay(1, 500, () => 0), 250);
    assert.equal(backoffDelay(1, 500, () => 1), 500);
    assert.equal(backoffDelay(2, 500, () => 0), 500);
    assert.equal(backoffDelay(3, 500, () => 1), 2000);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelay(2, 100);
      assert.ok(delay >= 100 && delay <= 200, String(delay));
    }
  });
});

describe('blocklist dates', () => {
  it('covers the last 14 days in Beijing dates', () => {
    assert.equal(BLOCKLIST_DAYS, 14);
    // 2026-03-10 17:00 UTC is already 2026-03-11 01:00 in Beijing.
    assert.deepEqual(blocklistWindow(new Date('2026-03-10T17:00:00Z')), { StartDate: '2026-02-25', EndDate: '2026-03-11' });
    assert.deepEqual(blocklistWindow(new Date('2026-03-10T08:00:00Z')), { StartDate: '2026-02-24', EndDate: '2026-03-10' });
    assert.deepEqual(blocklistWindow(new Date('2026-01-05T00:00:00Z'), 7), { StartDate: '2025-12-29', EndDate: '2026-01-05' });
    assert.deepEqual(blocklistWindow(new Date('2026-01-05T00:00:00Z'), Number.NaN), { StartDate: '2025-12-22', EndDate: '2026-01-05' });
  });

  it('adds days to a BounceTime across months and leap days, and refuses other formats', () => {
    assert.equal(addDaysToBounceTime('2024-02-20 23:59:59', 14), '2024-03-05 23:59:59');
    assert.equal(addDaysToBounceTime('2025-12-25 08:00:00', 14), '2026-01-08 08:00:00');
    assert.equal(addDaysToBounceTime('yesterday', 14), undefined);
    assert.equal(addDaysToBounceTime('', 14), undefined);
  });
});

describe('answer interpretation', () => {
  const url = new URL('https://ses.tencentcloudapi.com/');
  const answer = (body: string, status = 200) => interpretAnswer('ListEmailAddress', url, { status, statusText: status === 200 ? 'OK' : 'Bad Gateway', body });

  it('unwraps a success and drops RequestId from the data', () => {
    const outcome = answer('{"Response":{"EmailSenders":[{"EmailAddress":"a@b.c"}],"RequestId":"r-1"}}');
    assert.deepEqual(outcome, { ok: true, data: { EmailSenders: [{ EmailAddress: 'a@b.c' }] }, requestId: 'r-1' });
  });

  it('maps the error envelope to an api failure', () => {
    const outcome = answer('{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"bad sig"},"RequestId":"r-2"}}');
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome, { ok: false, kind: 'api', code: 'AuthFailure.SignatureFailure', httpStatus: 200, requestId: 'r-2', message: 'bad sig' });
  });

  it('maps non-200 to http, whatever the body', () => {
    const outcome = answer('<html>gateway</html>', 502);
    assert.equal(outcome.ok, false);
    if (!outcome.ok) {
      assert.equal(outcome.kind, 'http');
      assert.equal(outcome.httpStatus, 502);
      assert.match(outcome.message, /HTTP 502 Bad Gateway/);
    }
  });

  it('maps every garbage 200 to badResponse with a reason', () => {
    const garbage: Array<[string, RegExp]> = [
      ['', /not JSON/],
      ['<html>', /not JSON/],
      ['null', /no Response object/],
      ['[]', /no Response object/],
      ['{"Response":"x"}', /no Response object/],
      ['{"Response":{}}', /no RequestId/],
      ['{"Response":{"EmailSenders":[]}}', /no RequestId/],
      ['{"Response":{"Error":{},"RequestId":"r"}}', /Error has no Code/],
      ['{"Response":{"Error":null,"RequestId":"r"}}', /Error has no Code/],
      ['{"Response":{"RequestId":"r"}}', /has no EmailSenders/],
      ['{"Response":{"EmailSenders":{},"RequestId":"r"}}', /EmailSenders that is not a list/],
      ['{"Response":{"EmailSenders":[null],"RequestId":"r"}}', /sender without EmailAddress/],
    ];
    for (const [body, reason] of garbage) {
      const outcome = answer(body);
      assert.equal(outcome.ok, false, body);
      if (!outcome.ok) {
        assert.equal(outcome.kind, 'badResponse', body);
        assert.match(outcome.message, reason, body);
      }
    }
  });
});
