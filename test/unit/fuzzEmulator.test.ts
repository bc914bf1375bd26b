import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../emulator';
import { signedCall } from '../emulator/signedRequest';
import { examplesSeed } from '../emulator/testClock';

// The emulator as a server under hostile clients: every field of every action with every JSON type,
// and raw sockets with garbage, half-sent requests, oversized and malformed chunked bodies. It must
// answer each request with an API error (never InternalError, which means a handler threw), never
// hang on one connection, and keep serving.

const WRONG: unknown[] = [null, 0, -1, 1.5, 1e308, -0, true, '', 'x', '\u0000', '\ud800', 'x'.repeat(100_000), [], [1], ['a', 2], {}, { a: 1 }, { __proto__: 1 }];
const B64 = Buffer.from('<p>{{name}}</p>').toString('base64');
/** A valid request per action; each field is then replaced by each WRONG value (nested fields too). */
const VALID: Record<string, Record<string, unknown>> = {
  SendEmail: { FromEmailAddress: 'noreply@mail.example.com', Destination: ['a@example.com'], Subject: 'Hi', Template: { TemplateID: 21001, TemplateData: '{"name":"x","orderId":"1","total":"2"}' }, TriggerType: 1, Unsubscribe: '0' },
  ListEmailAddress: {},
  ListBlackEmailAddress: { StartDate: '2026-11-01', EndDate: '2026-11-28', Limit: 10, Offset: 0, EmailAddress: 'a@example.com', TaskID: '1' },
  DeleteBlackList: { EmailAddressList: ['bounced@example.com'] },
  GetSendEmailStatus: { RequestDate: '2026-11-28', Offset: 0, Limit: 10, MessageId: 'x', ToEmailAddress: 'a@example.com' },
  ListEmailTemplates: { Limit: 10, Offset: 0 },
  GetEmailTemplate: { TemplateID: 21001 },
  CreateEmailTemplate: { TemplateName: 'fuzz', TemplateContent: { Html: B64, Text: B64 } },
  UpdateEmailTemplate: { TemplateID: 21001, TemplateName: 'fuzz', TemplateContent: { Html: B64 } },
  DeleteEmailTemplate: { TemplateID: 21002 },
  ListEmailIdentities: { TagList: [], Limit: 10, Offset: 0 },
  GetEmailIdentity: { EmailIdentity: 'mail.example.com' },
};

function variants(valid: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  const result: Array<[string, Record<string, unknown>]> = [];
  for (const [field, value] of Object.entries(valid)) {
    for (const wrong of WRONG) result.push([`${field}=${JSON.stringify(wrong)?.slice(0, 20)}`, { ...valid, [field]: wrong }]);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const inner of Object.keys(value)) {
        for (const wrong of WRONG) result.push([`${field}.${inner}=${JSON.stringify(wrong)?.slice(0, 20)}`, { ...valid, [field]: { ...value, [inner]: wrong } }]);
      }
    }
  }
  result.push(['__proto__ key', JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(valid).slice(1)}`.replace(',}', '}'))]);
  return result;
}

/** Sends raw bytes and resolves with whatever comes back before the server closes or `ms` pass. */
function raw(port: number, chunks: Array<string | Buffer>, ms = 2_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const done = () => { clearTimeout(timer); socket.destroy(); resolve(answer); };
    const timer = setTimeout(done, ms);
    socket.on('data', (data) => (answer += data.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => { for (const chunk of chunks) socket.write(chunk); });
  });
}

describe('emulator under hostile clients', () => {
  let emulator: EmulatorHandle;
  before(async () => {
    emulator = await startEmulator({ seed: examplesSeed() });
  });
  after(() => emulator.close());

  const alive = async () => {
    const result = await signedCall(emulator.url, 'ListEmailAddress', {});
    assert.ok(Array.isArray(result.json?.Response?.EmailSenders), `not serving: ${result.text.slice(0, 200)}`);
  };

  for (const [action, valid] of Object.entries(VALID)) {
    it(`${action}: every field of every JSON type gets an API error or a result, never InternalError`, async () => {
      for (const [name, params] of variants(valid)) {
        const result = await signedCall(emulator.url, action, params);
        assert.equal(result.status, 200, `${action} ${name}: HTTP ${result.status}`);
        const response = result.json?.Response;
        assert.ok(response && typeof response.RequestId === 'string', `${action} ${name}: ${result.text.slice(0, 200)}`);
        assert.notEqual(response.Error?.Code, 'InternalError', `${action} ${name}: a handler threw`);
      }
      // Top-level bodies that are no object.
      for (const body of ['null', '[]', '1', '"x"', '', '{', '\u0000', '{"a":' .repeat(100_000)]) {
        const result = await signedCall(emulator.url, action, undefined, { rawBody: body });
        assert.match(String(result.json?.Response?.Error?.Code), /^InvalidParameter/, `${action} body ${JSON.stringify(body.slice(0, 20))}`);
      }
    });
  }

  it('SendEmail: TemplateData lacking `constructor` or `toString` is refused, not found on Object.prototype', async () => {
    const created = await signedCall(emulator.url, 'CreateEmailTemplate', { TemplateName: 'proto', TemplateContent: { Text: Buffer.from('{{constructor}} {{toString}}').toString('base64') } });
    const id = created.json?.Response?.TemplateID as number;
    const template = emulator.state.templates.find((t) => t.TemplateID === id);
    assert.ok(template);
    template.TemplateStatus = 0; // approved
    const result = await signedCall(emulator.url, 'SendEmail', { ...VALID.SendEmail, Template: { TemplateID: id, TemplateData: '{}' } });
    assert.equal(result.json?.Response?.Error?.Code, 'InvalidParameterValue.TemplateNotMatchData');
    assert.match(String(result.json?.Response?.Error?.Message), /constructor.*toString/);
  });

  it('answers garbage on a raw socket with 400 and stays up', async () => {
    for (const garbage of ['\u0000\u0001\u0002\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n', 'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab', Buffer.alloc(70_000, 0x41)]) {
      const answer = await raw(emulator.port, [garbage]);
      assert.match(answer, /^HTTP\/1\.1 (400|413|431|505)/, JSON.stringify(String(garbage).slice(0, 30)));
    }
    await alive();
  });

  it('keeps serving while a slowloris connection dribbles headers', async () => {
    const socket = net.connect(emulator.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST / HTTP/1.1\r\nHost: x\r\n');
    const dribble = setInterval(() => socket.write('X-A: b\r\n'), 20);
    try {
      await alive();
      await alive();
    } finally {
      clearInterval(dribble);
      socket.destroy();
    }
  });

  it('answers RequestSizeLimitExceeded to a 100 MB body before it is sent', async () => {
    const headers = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-TC-Action: ListEmailAddress\r\nX-TC-Version: 2020-10-02\r\n';
    // Announced by Content-Length: the answer comes after the first megabyte, not after 100.
    const answer = await raw(emulator.port, [`${headers}Content-Length: ${100 * 1024 * 1024}\r\n\r\n`, Buffer.alloc(1024 * 1024, 0x20)], 3_000);
    assert.match(answer, /RequestSizeLimitExceeded/, answer.slice(0, 300));
    // Chunked, without a length, stopping after 10 MB without its last chunk: the 2 MB beyond the limit
    // are read and dropped, and the answer comes once the body stalls.
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const chunks: Array<string | Buffer> = [`${headers}Transfer-Encoding: chunked\r\n\r\n`];
    for (let i = 0; i < 10; i++) chunks.push(`${chunk.length.toString(16)}\r\n`, chunk, '\r\n');
    const chunked = await raw(emulator.port, chunks, 5_000);
    assert.match(chunked, /RequestSizeLimitExceeded/, chunked.slice(0, 300));
    await alive();
  });

  it('survives malformed chunked encoding', async () => {
    const start = 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n';
    for (const body of ['zz\r\nab\r\n0\r\n\r\n', 'ffffffffffffffff\r\nab', '5\r\nab\r\n0\r\n\r\n', '2;ext="\u0000"\r\nab\r\n0\r\n\r\n', '-1\r\n']) {
      const answer = await raw(emulator.port, [start, body], 1_000);
      assert.doesNotMatch(answer, /InternalError/);
    }
    await alive();
  });
});
