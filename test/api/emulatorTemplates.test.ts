import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../emulator';
import { MAX_TEMPLATES, MAX_TEMPLATE_CONTENT_BYTES, reviewTemplate } from '../emulator/actions/templates';
import { signedCall } from '../emulator/signedRequest';
import { examplesSeed, FIXED_NOW_MS, FIXED_NOW_SECONDS } from '../emulator/testClock';

/** The emulator's template actions (Create/Update/DeleteEmailTemplate) and review transitions, over signed HTTP. */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let emulator: EmulatorHandle;
beforeEach(async () => {
  emulator = await startEmulator({ seed: examplesSeed(), now: () => FIXED_NOW_MS });
});
afterEach(() => emulator.close());

async function call(action: string, params: unknown) {
  const result = await signedCall(emulator.url, action, params, { timestamp: FIXED_NOW_SECONDS });
  assert.equal(result.status, 200, result.text);
  const response = result.json?.Response;
  assert.ok(response, `no Response envelope: ${result.text}`);
  return response;
}

async function expectOk(action: string, params: unknown) {
  const response = await call(action, params);
  assert.equal(response.Error, undefined, JSON.stringify(response.Error));
  return response;
}

async function expectError(action: string, params: unknown, code: string) {
  const response = await call(action, params);
  assert.equal(response.Error?.Code, code, JSON.stringify(response));
  assert.ok(response.Error?.Message);
  return response;
}

async function listed(id: number) {
  const response = await expectOk('ListEmailTemplates', { Limit: 100, Offset: 0 });
  return (response.TemplatesMetadata as Array<Record<string, unknown>>).find((t) => t.TemplateID === id);
}

const CHINESE_HTML = '<p>你好 {{name}}，欢迎！</p>\r\n<p>第二行</p>\r\n';

describe('CreateEmailTemplate', () => {
  it('stores the decoded content exactly (UTF-8, CRLF), answers a new TemplateID, and the template is pending review', async () => {
    const before = emulator.state.templates.length;
    const response = await expectOk('CreateEmailTemplate', { TemplateName: '欢迎邮件', TemplateContent: { Html: b64(CHINESE_HTML), Text: b64('Hi {{name}}\n') } });
    const id = response.TemplateID as number;
    assert.ok(Number.isInteger(id) && id > 21004, `new id ${id}`);
    assert.equal(emulator.state.templates.length, before + 1);
    const got = await expectOk('GetEmailTemplate', { TemplateID: id });
    assert.equal(got.TemplateStatus, 1);
    assert.equal(got.TemplateName, '欢迎邮件');
    const content = got.TemplateContent as { Html: string; Text: string };
    assert.equal(Buffer.from(content.Html, 'base64').toString('utf8'), CHINESE_HTML);
    assert.equal(Buffer.from(content.Text, 'base64').toString('utf8'), 'Hi {{name}}\n');
    const meta = await listed(id);
    assert.equal(meta?.TemplateStatus, 1);
    assert.equal(meta?.CreatedTimestamp, FIXED_NOW_SECONDS);
  });

  it('a text-only template has no Html', async () => {
    const { TemplateID } = await expectOk('CreateEmailTemplate', { TemplateName: 'text-only', TemplateContent: { Text: b64('plain') } });
    const got = await expectOk('GetEmailTemplate', { TemplateID });
    assert.deepEqual(Object.keys(got.TemplateContent as object), ['Text']);
  });

  it('refuses bad base64, invalid UTF-8 and empty content with the documented codes', async () => {
    await expectError('CreateEmailTemplate', { TemplateName: 'x', TemplateContent: { Html: 'not base64!' } }, 'InvalidParameterValue.TemplateContentIsWrong');
    await expectError('CreateEmailTemplate', { TemplateName: 'x', TemplateContent: { Html: 'abc' } }, 'InvalidParameterValue.TemplateContentIsWrong');
    await expectError('CreateEmailTemplate', { TemplateName: 'x', TemplateContent: { Text: Buffer.from([0xff, 0xfe, 0x41]).toString('base64') } }, 'InvalidParameterValue.TemplateContentIsWrong');
    await expectError('CreateEmailTemplate', { TemplateName: 'x', TemplateContent: {} }, 'InvalidParameterValue.TemplateContentIsNULL');
    await expectError('CreateEmailTemplate', { TemplateName: 'x', TemplateContent: { Html: '', Text: '' } }, 'InvalidParameterValue.TemplateContentIsNULL');
    await expectError('CreateEmailTemplate', { TemplateName: 'x' }, 'MissingParameter');
    await expectError('CreateEmailTemplate', { TemplateName: 'x', TemplateContent: { Html: b64('a'), Css: 'x' } }, 'UnknownParameter');
    assert.equal(emulator.state.templates.length, 4, 'nothing was created');
  });

  it('refuses illegal names: empty, control characters, over 128 characters', async () => {
    const content = { Text: b64('hello') };
    await expectError('CreateEmailTemplate', { TemplateName: '  ', TemplateContent: content }, 'InvalidParameterValue.TemplateNameIllegal');
    await expectError('CreateEmailTemplate', { TemplateName: 'a\u0001b', TemplateContent: content }, 'InvalidParameterValue.TemplateNameIllegal');
    await expectError('CreateEmailTemplate', { TemplateName: 'n'.repeat(129), TemplateContent: content }, 'InvalidParameterValue.TemplateNameIllegal');
    await expectOk('CreateEmailTemplate', { TemplateName: '名'.repeat(128), TemplateContent: content });
  });

  it('refuses content over the size limit: FailedOperation.TemplateContentToolarge', async () => {
    const big = 'x'.repeat(MAX_TEMPLATE_CONTENT_BYTES - 2);
    await expectError('CreateEmailTemplate', { TemplateName: 'big', TemplateContent: { Html: b64(big), Text: b64('abc') } }, 'FailedOperation.TemplateContentToolarge');
    await expectOk('CreateEmailTemplate', { TemplateName: 'big', TemplateContent: { Html: b64(big), Text: b64('ab') } });
  });

  it('refuses a template beyond the account limit: FailedOperation.ExceedTemplateLimit', async () => {
    for (let i = emulator.state.templates.length; i < MAX_TEMPLATES; i++) {
      await expectOk('CreateEmailTemplate', { TemplateName: `t${i}`, TemplateContent: { Text: b64('x') } });
    }
    await expectError('CreateEmailTemplate', { TemplateName: 'one too many', TemplateContent: { Text: b64('x') } }, 'FailedOperation.ExceedTemplateLimit');
    assert.equal(emulator.state.templates.length, MAX_TEMPLATES);
  });
});

describe('UpdateEmailTemplate', () => {
  it('replaces name and content of an approved template and sends it back to review', async () => {
    assert.equal((await listed(21001))?.TemplateStatus, 0);
    await expectOk('UpdateEmailTemplate', { TemplateID: 21001, TemplateName: 'order-confirmation-v2', TemplateContent: { Text: b64('新内容 {{order_id}}\r\n') } });
    const got = await expectOk('GetEmailTemplate', { TemplateID: 21001 });
    assert.equal(got.TemplateStatus, 1);
    assert.equal(got.TemplateName, 'order-confirmation-v2');
    assert.deepEqual(got.TemplateContent, { Text: b64('新内容 {{order_id}}\r\n') }, 'a part left out is dropped');
    assert.equal((await listed(21001))?.ReviewReason, '');
  });

  it('answers the documented codes: unknown id, empty or illegal name, bad or empty content', async () => {
    const content = { Text: b64('x') };
    await expectError('UpdateEmailTemplate', { TemplateID: 99999, TemplateName: 'x', TemplateContent: content }, 'InvalidParameterValue.TemplateNotExist');
    await expectError('UpdateEmailTemplate', { TemplateID: 21001, TemplateName: '', TemplateContent: content }, 'InvalidParameterValue.TemplateNameIsNULL');
    await expectError('UpdateEmailTemplate', { TemplateID: 21001, TemplateName: 'a\nb', TemplateContent: content }, 'InvalidParameterValue.TemplateNameIllegal');
    await expectError('UpdateEmailTemplate', { TemplateID: 21001, TemplateName: 'x', TemplateContent: { Html: '%%%%' } }, 'InvalidParameterValue.TemplateContentIsWrong');
    await expectError('UpdateEmailTemplate', { TemplateID: 21001, TemplateName: 'x', TemplateContent: {} }, 'InvalidParameterValue.TemplateContentIsNULL');
    await expectError('UpdateEmailTemplate', { TemplateID: 21001, TemplateName: 'x' }, 'MissingParameter');
    await expectError('UpdateEmailTemplate', { TemplateID: '21001', TemplateName: 'x', TemplateContent: content }, 'InvalidParameter');
    assert.equal((await listed(21001))?.TemplateStatus, 0, 'a refused update changes nothing');
  });
});

describe('DeleteEmailTemplate', () => {
  it('deletes a template; a second delete or a Get is TemplateNotExist', async () => {
    await expectOk('DeleteEmailTemplate', { TemplateID: 21004 });
    assert.equal(await listed(21004), undefined);
    await expectError('DeleteEmailTemplate', { TemplateID: 21004 }, 'InvalidParameterValue.TemplateNotExist');
    await expectError('GetEmailTemplate', { TemplateID: 21004 }, 'InvalidParameterValue.TemplateNotExist');
    await expectError('DeleteEmailTemplate', {}, 'MissingParameter');
  });
});

describe('review transitions (reviewTemplate, the reviewers\' stand-in)', () => {
  it('pending → approved makes the template sendable; pending → rejected carries the ReviewReason', async () => {
    const { TemplateID } = await expectOk('CreateEmailTemplate', { TemplateName: 'reviewed', TemplateContent: { Text: b64('Hello {{name}}') } });
    const send = { FromEmailAddress: 'noreply@mail.example.com', Destination: ['alex@example.com'], Subject: 'Hi', Template: { TemplateID, TemplateData: '{"name":"A"}' }, TriggerType: 1 };
    await expectError('SendEmail', send, 'OperationDenied.TemplateStatusError');
    assert.equal(reviewTemplate(emulator.state, TemplateID as number, 0), true);
    const approved = await listed(TemplateID as number);
    assert.equal(approved?.TemplateStatus, 0);
    assert.equal(approved?.ReviewReason, '通过');
    await expectOk('SendEmail', send);

    await expectOk('UpdateEmailTemplate', { TemplateID, TemplateName: 'reviewed', TemplateContent: { Text: b64('Buy now {{name}}') } });
    assert.equal((await listed(TemplateID as number))?.TemplateStatus, 1, 'an update re-enters review');
    await expectError('SendEmail', send, 'OperationDenied.TemplateStatusError');
    reviewTemplate(emulator.state, TemplateID as number, 2, '禁止发送未经收件人许可的电子邮件。');
    const rejected = await listed(TemplateID as number);
    assert.equal(rejected?.TemplateStatus, 2);
    assert.equal(rejected?.ReviewReason, '禁止发送未经收件人许可的电子邮件。');
    assert.equal(reviewTemplate(emulator.state, 424242, 0), false);
  });
});

describe('autoApproveAfterSeconds (the demo of npm start)', () => {
  it('approves a template submitted during the run once the delay has passed, and leaves seeded pending ones alone', async () => {
    let nowMs = FIXED_NOW_MS;
    const demo = await startEmulator({ seed: { ...examplesSeed(), autoApproveAfterSeconds: 60 }, now: () => nowMs });
    try {
      const at = (ms: number) => ({ timestamp: Math.floor(ms / 1000) });
      const status = async (id: number) => {
        const result = await signedCall(demo.url, 'GetEmailTemplate', { TemplateID: id }, at(nowMs));
        return result.json?.Response?.TemplateStatus;
      };
      const created = await signedCall(demo.url, 'CreateEmailTemplate', { TemplateName: 'demo', TemplateContent: { Html: b64('<p>{{a}}</p>') } }, at(nowMs));
      const id = created.json?.Response?.TemplateID as number;
      const seededPending = demo.state.templates.find((t) => t.TemplateStatus === 1 && t.SubmittedTimestamp === undefined)?.TemplateID;
      assert.ok(seededPending, 'the examples seed has a pending template');
      nowMs += 59_000;
      assert.equal(await status(id), 1, 'still pending before the delay');
      nowMs += 1_000;
      assert.equal(await status(id), 0, 'approved after 60 s');
      assert.equal(await status(seededPending), 1, 'a seeded pending template is not reviewed automatically');
      await signedCall(demo.url, 'UpdateEmailTemplate', { TemplateID: id, TemplateName: 'demo', TemplateContent: { Html: b64('<p>{{b}}</p>') } }, at(nowMs));
      assert.equal(await status(id), 1, 'an update goes back to review');
    } finally {
      await demo.close();
    }
  });
});
