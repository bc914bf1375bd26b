// `ses-template push|pull|status|send|blocklist` (node dist/cli.js) against the local emulator, a real
// HTTP server that verifies the TC3 signatures: every command, and the errors CI meets (bad credentials,
// a rejected template, a review that takes too long, a template with errors, nothing to push).
// Needs `npm run build` first.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator } from '../emulator';
import { reviewTemplate } from '../emulator/actions/templates';
import type { EmulatorHandle } from '../emulator/types';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const TEXT = 'Thank you for your order at the Example Shop. We are packing it now and will send the tracking number as soon as the parcel leaves our warehouse in Shenzhen. You can reply to this email with any question about your order, and our service team answers within one working day.';
const html = (greeting: string) => `<html><body>\n<p>${greeting} {{name}}, order {{order}}.</p>\n<p>${TEXT}</p>\n<p><a href="https://example.com/unsubscribe">Unsubscribe</a></p>\n</body></html>\n`;
const TEMPLATE = (greeting = 'Hello') => ({
  'order.ses.html': html(greeting),
  'order.ses.txt': `${greeting} {{name}}, order {{order}}. ${TEXT}\n`,
  'order.data.json': '{"name": "Alex", "order": "10086"}',
});
const CONFIG = '{\n  "defaults": { "from": "Shop <noreply@mail.example.com>" },\n  "templates": {\n    "order": { "subject": "Your order {{order}}" }\n  }\n}\n';

interface Run { code: number | null; stdout: string; stderr: string }
function run(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY, SES_TEMPLATE_ENDPOINT: emulator.url, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const temps: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-account-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
const config = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'ses.config.json'), 'utf8')) as { templates: Record<string, { templateId?: number; templateName?: string }> };

let emulator: EmulatorHandle;
before(async () => {
  emulator = await startEmulator({
    seed: {
      senders: [{ EmailAddress: 'noreply@mail.example.com', EmailSenderName: 'Shop' }],
      templates: [
        { TemplateID: 7, TemplateName: 'Newsletter', TemplateStatus: 0, Html: '<p>Hi {{name}}</p>', Text: 'Hi {{name}}' },
        { TemplateID: 8, TemplateName: 'Old promo', TemplateStatus: 2, Html: '<p>Sale</p>', ReviewReason: '含营销内容' },
      ],
      blocklist: [{ EmailAddress: 'bounced@example.com', BounceTime: '-1d', IspDesc: '550 mailbox unavailable' }],
    },
  });
});
after(async () => {
  await emulator.close();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ses-template push', () => {
  it('creates a new template, writes its TemplateID to ses.config.json; then nothing to push; a change updates it', async () => {
    const dir = tempDir({ ...TEMPLATE(), 'ses.config.json': CONFIG });
    const dry = await run(['push', '--dry-run'], dir);
    assert.equal(dry.code, 0, dry.stdout + dry.stderr);
    assert.match(dry.stdout, /^would create\s+order\s+order\s*$/m);
    assert.equal(config(dir).templates.order.templateId, undefined, '--dry-run writes nothing');
    assert.ok(!emulator.state.templates.some((t) => t.TemplateName === 'order'));

    const first = await run(['push'], dir);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const id = config(dir).templates.order.templateId!;
    const stored = emulator.state.templates.find((t) => t.TemplateID === id)!;
    assert.equal(stored.Html, html('Hello'), 'the exact file text');
    assert.equal(stored.TemplateStatus, 1);
    assert.match(first.stdout, new RegExp(`^created\\s+order\\s+order\\s+TemplateID ${id}`, 'm'));
    assert.ok(fs.readFileSync(path.join(dir, 'ses.config.json'), 'utf8').includes('"subject": "Your order {{order}}"'), 'the rest of the config kept');

    const again = await run(['push', '--format', 'json'], dir);
    assert.equal(again.code, 0);
    const json = JSON.parse(again.stdout) as { command: string; exitCode: number; templates: Array<{ action: string; templateId: number }>; messages: Array<{ message: string }> };
    assert.equal(json.command, 'push');
    assert.deepEqual(json.templates.map((t) => [t.action, t.templateId]), [['upToDate', id]]);
    assert.match(json.messages[0].message, /Nothing to push/);
    assert.equal(emulator.state.templates.filter((t) => t.TemplateName === 'order').length, 1);

    fs.writeFileSync(path.join(dir, 'order.ses.html'), html('Hi'));
    const update = await run(['push', '--dry-run'], dir);
    assert.match(update.stdout, new RegExp(`^would update\\s+order\\s+order\\s+TemplateID ${id}\\s+\\(html\\)$`, 'm'));
    assert.equal(stored.Html, html('Hello'));
    const updated = await run(['push'], dir);
    assert.equal(updated.code, 0, updated.stdout + updated.stderr);
    assert.equal(emulator.state.templates.find((t) => t.TemplateID === id)!.Html, html('Hi'));
  });

  it('links by name instead of creating a duplicate when ses.config.json has no TemplateID', async () => {
    const dir = tempDir({ 'Newsletter.ses.html': '<p>Hi {{name}}</p>', 'Newsletter.ses.txt': 'Hi {{name}}', 'Newsletter.data.json': '{"name": "A"}' });
    const result = await run(['push', '--glob', '**/*.ses.*'], dir);
    assert.match(result.stdout, /^up to date\s+Newsletter\s+Newsletter\s+TemplateID 7/m);
    assert.equal(config(dir).templates.Newsletter.templateId, 7);
    assert.equal(emulator.state.templates.filter((t) => t.TemplateName === 'Newsletter').length, 1);
  });

  it('refuses a template with error findings (exit 1) and pushes the others', async () => {
    const receipt = Object.fromEntries(Object.entries(TEMPLATE()).map(([name, text]) => [name.replace('order', 'receipt'), text]));
    const dir = tempDir({ ...receipt, 'broken/bad.ses.html': '<p>Hello {{name</p>', 'broken/bad.data.json': '{"name": "A"}' });
    const result = await run(['push', '--dry-run', '--format', 'github'], dir);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stdout, /^::error file=broken\/bad,title=ses-template push::not pushed: 1 error findings, e\.g\. broken\/bad\.ses\.html:1 handlebars-syntax$/m);
    assert.match(result.stdout, /^would create\s+receipt/m);
  });

  it('--wait: approved → 0, rejected with its ReviewReason → 4, still in review at the timeout → 5', async () => {
    const reviewer = (status: 0 | 2, reason?: string) => setInterval(() => {
      for (const t of emulator.state.templates) if (t.TemplateStatus === 1 && t.TemplateName.startsWith('wait-')) reviewTemplate(emulator.state, t.TemplateID, status, reason);
    }, 100);
    const approve = reviewer(0);
    const approved = await run(['push', '--wait', '--interval', '0.2', '--timeout', '30'], tempDir({ 'wait-a.ses.html': html('Hello'), 'wait-a.ses.txt': 'Hello' }));
    clearInterval(approve);
    assert.equal(approved.code, 0, approved.stdout + approved.stderr);
    assert.match(approved.stdout, /wait-a \(TemplateID \d+\) was approved\./);

    const reject = reviewer(2, '模板内容含有营销推广信息');
    const rejected = await run(['push', '--wait', '--interval', '0.2', '--timeout', '30', '--format', 'json'], tempDir({ 'wait-b.ses.html': html('Hello'), 'wait-b.ses.txt': 'Hello' }));
    clearInterval(reject);
    assert.equal(rejected.code, 4, rejected.stdout + rejected.stderr);
    const json = JSON.parse(rejected.stdout) as { exitCode: number; templates: Array<{ status: string; reviewReason: string }> };
    assert.equal(json.exitCode, 4);
    assert.deepEqual(json.templates.map((t) => [t.status, t.reviewReason]), [['rejected', '模板内容含有营销推广信息']]);

    const slow = await run(['push', '--wait', '--interval', '0.2', '--timeout', '1'], tempDir({ 'wait-c.ses.html': html('Hello'), 'wait-c.ses.txt': 'Hello' }));
    assert.equal(slow.code, 5, slow.stdout + slow.stderr);
    assert.match(slow.stdout, /wait-c \(TemplateID \d+\) is still in review after 1 seconds\./);
  });

  it('bad credentials: exit 3 with the API code, and the secret key is never printed', async () => {
    const secret = 'WrongKeyWrongKeyWrongKey12345678';
    const result = await run(['push'], tempDir(TEMPLATE()), { TENCENTCLOUD_SECRET_KEY: secret });
    assert.equal(result.code, 3);
    assert.match(result.stdout, /AuthFailure\.SignatureFailure/);
    assert.ok(!(result.stdout + result.stderr).includes(secret));
    const unknown = await run(['status', '--format', 'json'], tempDir({}), { TENCENTCLOUD_SECRET_ID: 'AKIDunknownunknownunknown0000000000', TENCENTCLOUD_SECRET_KEY: secret });
    assert.equal(unknown.code, 3);
    assert.match(unknown.stdout, /AuthFailure\.SecretIdNotFound/);
    assert.ok(!unknown.stdout.includes(secret));
  });

  it('no credentials at all: exit 3 and how to set them; the tccli file is read when the environment has none', async () => {
    const dir = tempDir({});
    const none = await run(['status'], dir, { TENCENTCLOUD_SECRET_ID: undefined, TENCENTCLOUD_SECRET_KEY: undefined });
    assert.equal(none.code, 3);
    assert.match(none.stdout, /TENCENTCLOUD_SECRET_ID/);
    fs.mkdirSync(path.join(dir, '.tccli'));
    fs.writeFileSync(path.join(dir, '.tccli', 'ci.credential'), JSON.stringify({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }));
    const tccli = await run(['status', '--profile', 'ci'], dir, { TENCENTCLOUD_SECRET_ID: undefined, TENCENTCLOUD_SECRET_KEY: undefined });
    assert.equal(tccli.code, 0, tccli.stdout);
    assert.ok(!tccli.stdout.includes(DEFAULT_SECRET_KEY));
  });
});

describe('ses-template status, pull, send, blocklist', () => {
  it('status: the review table with the rejection reason; --name filters', async () => {
    const result = await run(['status'], tempDir({}));
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /^TemplateID\s+Status\s+Name/m);
    assert.match(result.stdout, /^7\s+approved\s+Newsletter/m);
    assert.match(result.stdout, /^8\s+rejected\s+Old promo\s+\S*\s+含营销内容$/m);
    // --endpoint instead of $SES_TEMPLATE_ENDPOINT, --site picking the region
    const flagged = JSON.parse((await run(['status', '--endpoint', emulator.url, '--site', 'international', '--name', 'Old*', '--format', 'json'], tempDir({}), { SES_TEMPLATE_ENDPOINT: undefined })).stdout) as { exitCode: number };
    assert.equal(flagged.exitCode, 0);
    assert.equal(emulator.requests.at(-1)!.region, 'ap-singapore');
    const filtered = JSON.parse((await run(['status', '--name', 'Old*', '--format', 'json'], tempDir({}))).stdout) as { templates: Array<{ templateId: number }> };
    assert.deepEqual(filtered.templates.map((t) => t.templateId), [7, 8].filter((id) => id === 8));
  });

  it('pull: writes and links a template; never overwrites a differing file without --force', async () => {
    const dir = tempDir({});
    const first = await run(['pull', '--name', 'News*'], dir);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'Newsletter.ses.html'), 'utf8'), '<p>Hi {{name}}</p>');
    assert.equal(config(dir).templates.Newsletter.templateId, 7);
    assert.ok(!fs.existsSync(path.join(dir, 'Old promo.ses.html')), 'the filter left the other out');

    fs.writeFileSync(path.join(dir, 'Newsletter.ses.html'), '<p>Local edit {{name}}</p>');
    const kept = await run(['pull', '--id', '7'], dir);
    assert.equal(kept.code, 1);
    assert.match(kept.stdout, /Newsletter\.ses\.html: differs from TemplateID 7 in Tencent Cloud; not overwritten/);
    assert.equal(fs.readFileSync(path.join(dir, 'Newsletter.ses.html'), 'utf8'), '<p>Local edit {{name}}</p>');
    const forced = await run(['pull', '--id', '7', '--force'], dir);
    assert.equal(forced.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'Newsletter.ses.html'), 'utf8'), '<p>Hi {{name}}</p>');
    const none = await run(['pull', '--name', 'nothing-like-this'], dir);
    assert.equal(none.code, 1);
  });

  it('send: a test send with a data set, once; an unapproved template is refused by the API (exit 3) and not retried', async () => {
    const dir = tempDir({ ...TEMPLATE(), 'ses.config.json': CONFIG });
    assert.equal((await run(['push'], dir)).code, 0);
    const id = config(dir).templates.order.templateId!;
    const before = emulator.requests.filter((r) => r.action === 'SendEmail').length;
    const pending = await run(['send', 'order.ses.html', '--to', 'alex@example.com'], dir);
    assert.equal(pending.code, 3);
    assert.match(pending.stdout, /OperationDenied\.TemplateStatusError/);
    assert.equal(emulator.requests.filter((r) => r.action === 'SendEmail').length, before + 1, 'one attempt, no retry');
    reviewTemplate(emulator.state, id, 0);
    const sent = await run(['send', 'order.ses.html', '--to', 'alex@example.com', '--format', 'json'], dir);
    assert.equal(sent.code, 0, sent.stdout);
    const json = JSON.parse(sent.stdout) as { sent: boolean; messageId: string };
    assert.equal(json.sent, true);
    const request = emulator.requests.filter((r) => r.action === 'SendEmail').at(-1)!.body as { Subject: string; Template: { TemplateData: string } };
    assert.equal(request.Subject, 'Your order 10086');
    assert.deepEqual(JSON.parse(request.Template.TemplateData), { name: 'Alex', order: '10086' });
    const missing = await run(['send', 'order.ses.html', '--to', 'alex@example.com', '--data', 'zh'], dir);
    assert.equal(missing.code, 2);
  });

  it('blocklist check (exit 1 when blocked) and remove', async () => {
    const check = await run(['blocklist', 'check', 'bounced@example.com', 'fine@example.com'], tempDir({}));
    assert.equal(check.code, 1, check.stdout);
    assert.match(check.stdout, /^bounced@example\.com\s+blocked\s+bounced .*550 mailbox unavailable$/m);
    assert.match(check.stdout, /^fine@example\.com\s+not blocked$/m);
    const removed = await run(['blocklist', 'remove', 'bounced@example.com'], tempDir({}));
    assert.equal(removed.code, 0, removed.stdout);
    assert.equal((await run(['blocklist', 'check', 'bounced@example.com'], tempDir({}))).code, 0);
    assert.equal((await run(['blocklist', 'list'], tempDir({}))).code, 2);
  });

  it('usage errors exit 2 before any request; ses-template-check without a command still checks', async () => {
    const requests = emulator.requests.length;
    assert.equal((await run(['push', '--region', 'mars-1'], tempDir(TEMPLATE()))).code, 2);
    assert.equal((await run(['push', '--site', 'international', '--region', 'ap-guangzhou'], tempDir(TEMPLATE()))).code, 2);
    assert.equal((await run(['push'], tempDir({}))).code, 2);
    assert.equal(emulator.requests.length, requests);
    const check = await run(['check'], tempDir(TEMPLATE()));
    const alias = await run([], tempDir(TEMPLATE()));
    assert.equal(check.code, 0);
    assert.equal(alias.stdout.replace(/\d+ ms/, ''), check.stdout.replace(/\d+ ms/, ''));
  });
});
