import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { SesClient } from '../../common/cloud/sesClient';
import { decodeTemplateContent, encodeTemplateContent, listAllTemplates, pushDecision } from '../../common/cloud/templateSync';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorHandle } from '../emulator';
import { reviewTemplate } from '../emulator/actions/templates';
import { examplesSeed } from '../emulator/testClock';

/** The extension's client and the templateSync helpers against the emulator: what push and pull do on the wire. */

let emulator: EmulatorHandle;
const logged: string[] = [];

function client(): SesClient {
  return new SesClient({
    credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
    region: 'ap-guangzhou',
    endpoint: emulator.url,
    language: 'en-US',
    retry: { baseDelayMs: 10 },
    log: (line) => logged.push(line),
  });
}

beforeEach(async () => {
  emulator = await startEmulator({ seed: examplesSeed() });
});
afterEach(() => emulator.close());

const LOCAL = { html: '<p>你好 {{first_name}}</p>\r\n', text: 'Hi {{first_name}}\r\n' };

describe('push and pull through SesClient', () => {
  it('create → the emulator holds exactly the local text, pending; get → decodes to the same parts; then up to date', async () => {
    const ses = client();
    const created = await ses.call('CreateEmailTemplate', { TemplateName: 'welcome', TemplateContent: encodeTemplateContent(LOCAL) });
    assert.ok(created.ok, JSON.stringify(created));
    const stored = emulator.state.templates.find((t) => t.TemplateID === created.data.TemplateID);
    assert.equal(stored?.Html, LOCAL.html);
    assert.equal(stored?.Text, LOCAL.text);
    assert.equal(stored?.TemplateStatus, 1);

    const got = await ses.call('GetEmailTemplate', { TemplateID: created.data.TemplateID });
    assert.ok(got.ok);
    const decoded = decodeTemplateContent(got.data.TemplateContent);
    assert.ok('parts' in decoded);
    assert.deepEqual(decoded.parts, LOCAL);
    assert.deepEqual(pushDecision(LOCAL, 'welcome', { parts: decoded.parts, name: got.data.TemplateName }), { kind: 'upToDate' });
  });

  it('update after a console edit: the decision names the changed part, the update re-enters review', async () => {
    const ses = client();
    reviewTemplate(emulator.state, 21003, 0);
    const got = await ses.call('GetEmailTemplate', { TemplateID: 21003 });
    assert.ok(got.ok);
    const decoded = decodeTemplateContent(got.data.TemplateContent);
    assert.ok('parts' in decoded);
    const local = { ...decoded.parts, text: `${decoded.parts.text}P.S. new line\n` };
    assert.deepEqual(pushDecision(local, got.data.TemplateName, { parts: decoded.parts, name: got.data.TemplateName }), { kind: 'update', changed: ['text'], renamed: false });
    const updated = await ses.call('UpdateEmailTemplate', { TemplateID: 21003, TemplateName: got.data.TemplateName, TemplateContent: encodeTemplateContent(local) });
    assert.ok(updated.ok, JSON.stringify(updated));
    assert.equal(emulator.state.templates.find((t) => t.TemplateID === 21003)?.TemplateStatus, 1);
    assert.equal(emulator.state.templates.find((t) => t.TemplateID === 21003)?.Text, local.text);
  });

  it('a refused update is a failure with the documented code, not a crash', async () => {
    const result = await client().call('UpdateEmailTemplate', { TemplateID: 99999, TemplateName: 'x', TemplateContent: encodeTemplateContent({ text: 'x' }) });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'InvalidParameterValue.TemplateNotExist');
  });
});

describe('retries', () => {
  it('CreateEmailTemplate is never retried (a retry could create the template twice)', async () => {
    emulator.inject({ kind: 'status', status: 503, action: 'CreateEmailTemplate' });
    const result = await client().call('CreateEmailTemplate', { TemplateName: 'once', TemplateContent: encodeTemplateContent({ text: 'x' }) });
    assert.equal(result.ok, false);
    assert.equal(result.attempts, 1);
    assert.equal(emulator.requests.filter((r) => r.action === 'CreateEmailTemplate').length, 1);
  });

  it('UpdateEmailTemplate is retried after a 503 (repeating it leaves the same state)', async () => {
    emulator.inject({ kind: 'status', status: 503, action: 'UpdateEmailTemplate' });
    const result = await client().call('UpdateEmailTemplate', { TemplateID: 21001, TemplateName: 'order-confirmation', TemplateContent: encodeTemplateContent({ text: 'y' }) });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.attempts, 2);
  });
});

describe('listAllTemplates', () => {
  it('pages through ListEmailTemplates (100 per page) until TotalCount', async () => {
    const ses = client();
    for (let i = 0; i < 96; i++) {
      const created = await ses.call('CreateEmailTemplate', { TemplateName: `t${i}`, TemplateContent: encodeTemplateContent({ text: `${i}` }) });
      assert.ok(created.ok);
    }
    // 4 seeded + 96 = 100: exactly one full page, then an empty one.
    let all = await listAllTemplates(ses);
    assert.ok(all.ok);
    assert.equal(all.templates.length, 100);
    emulator.state.templates.push({ ...emulator.state.templates[0], TemplateID: 50000, TemplateName: 'extra' });
    all = await listAllTemplates(ses);
    assert.ok(all.ok);
    assert.equal(all.templates.length, 101);
    assert.equal(new Set(all.templates.map((t) => t.TemplateID)).size, 101);
    const pages = emulator.requests.filter((r) => r.action === 'ListEmailTemplates').slice(-2).map((r) => r.body);
    assert.deepEqual(pages, [{ Limit: 100, Offset: 0 }, { Limit: 100, Offset: 100 }]);
  });

  it('the first failure ends the listing', async () => {
    emulator.inject({ kind: 'apiError', code: 'AuthFailure.SecretIdNotFound', action: 'ListEmailTemplates' });
    const all = await listAllTemplates(client());
    assert.equal(all.ok, false);
    assert.equal(!all.ok && all.failure.code, 'AuthFailure.SecretIdNotFound');
  });

  it('logs no credential', () => {
    for (const line of logged) assert.ok(!line.includes(DEFAULT_SECRET_KEY) && !line.includes(DEFAULT_SECRET_ID), line);
  });
});
