// An API endpoint that echoes the key it was sent (sesStudio.api.endpoint or SES_TEMPLATE_ENDPOINT set
// by a workspace, a gateway that quotes the request): the SecretId (from the Authorization header) and
// the session token (X-TC-Token) come back in the error code, the message, the RequestId, a non-JSON
// body cut at 60 characters, a success's MessageId and a template name, with line breaks and bidi
// controls. Every display path must show none of it: the client's result and log lines, the
// notification / status-bar / output text (failureText), the preflight report, and the CLI's
// account commands (node dist/cli.js, so `npm run build` first).
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { SesClient } from '../../common/cloud/sesClient';
import type { ApiResult, Credentials, SesAction } from '../../common/cloud/types';
import { failureText } from '../../client/src/api/failureText';
import { evaluatePreflight } from '../../client/src/preflight/evaluate';
import { preflightMarkdown } from '../../client/src/preflight/markdown';
import type { PreflightFacts } from '../../client/src/preflight/facts';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../emulator';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const TOKEN = 'StsToken-7Hq2vXk9LmN4pR8sT1uW6yZ3aB5cD0eF2gH4jK6mN8pQ0rS2tU4vW6xY8z';
const KEY: Credentials = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, token: TOKEN };
const SECRETS = [DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, TOKEN];

/** Any 12 characters in a row of a secret: a cut through an echoed secret must not show a part of it either. */
function leaks(shown: string): string[] {
  const found: string[] = [];
  for (const secret of SECRETS) {
    for (let i = 0; i + 12 <= secret.length; i++) {
      if (shown.includes(secret.slice(i, i + 12))) {
        found.push(secret.slice(i, i + 12));
        break;
      }
    }
  }
  return found;
}
const assertClean = (shown: string, what: string) => assert.deepEqual(leaks(shown), [], `${what} shows a secret:\n${shown}`);
const assertOneLine = (shown: string, what: string) => assert.ok(!/[\n\r\u2028\u202e]/.test(shown), `${what} has a line break or bidi control: ${JSON.stringify(shown)}`);

type Mode = 'apiError' | 'http' | 'notJson' | 'success';
let mode: Mode = 'apiError';
let server: http.Server;
let endpoint = '';

/** What the endpoint was sent, echoed with a line break and a right-to-left override around it. */
function echoOf(req: http.IncomingMessage): string {
  const id = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  return `${id}\n\u202e${String(req.headers['x-tc-token'] ?? '')}`;
}

before(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const echo = echoOf(req);
      const action = String(req.headers['x-tc-action'] ?? '') as SesAction;
      const json = (status: number, response: unknown, statusText?: string) => {
        res.writeHead(status, statusText ?? http.STATUS_CODES[status], { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ Response: response }));
      };
      if (mode === 'apiError') {
        json(200, { Error: { Code: `AuthFailure.SecretIdNotFound ${echo}`, Message: `The key ${echo} was not found.\nFAKE: all is fine` }, RequestId: echo });
      } else if (mode === 'http') {
        json(502, { RequestId: echo }, `Bad Gateway ${TOKEN}`);
      } else if (mode === 'notJson') {
        // The token starts at character 30, so the first 60 characters hold half of it.
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(`<html><body>Gateway error  ${String(req.headers['x-tc-token'])}</body></html>`);
      } else {
        const data: Partial<Record<SesAction, unknown>> = {
          SendEmail: { MessageId: `msg-${echo}` },
          ListEmailAddress: { EmailSenders: [{ EmailAddress: 'noreply@mail.example.com', EmailSenderName: echo }] },
          ListEmailTemplates: { TemplatesMetadata: [{ TemplateID: 7, TemplateName: `order ${echo}`, TemplateStatus: 2, CreatedTimestamp: 1700000000, ReviewReason: `rejected ${echo}` }], TotalCount: 1 },
          ListBlackEmailAddress: { BlackList: [], TotalCount: 0 },
        };
        json(200, { ...(data[action] as object), RequestId: echo });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function call<A extends SesAction>(action: A, request: unknown): Promise<{ result: ApiResult<unknown>; log: string }> {
  const lines: string[] = [];
  const client = new SesClient({ credentials: async () => KEY, region: 'ap-guangzhou', endpoint, log: (line) => lines.push(line), retry: { attempts: 1 } });
  const result = await client.call(action, request as never);
  return { result, log: lines.join('\n') };
}

const FAILURES: ReadonlyArray<readonly [Mode, string]> = [['apiError', 'api'], ['http', 'http'], ['notJson', 'badResponse']];

describe('an endpoint that echoes the key: the client is the one boundary', () => {
  for (const [failing, kind] of FAILURES) {
    it(`a ${kind} failure: code, message, RequestId and log lines are masked, one line each`, async () => {
      mode = failing;
      const { result, log } = await call('ListEmailAddress', {});
      assert.ok(!result.ok && result.kind === kind, JSON.stringify(result));
      assertClean(JSON.stringify(result), 'the failure');
      assertClean(log, 'the log');
      if (!result.ok) {
        for (const field of [result.code, result.message, result.requestId ?? '']) assertOneLine(field, 'a failure field');
        // Still recognisable: the mask keeps the first and last 4 characters.
        if (kind === 'api') assert.match(result.requestId ?? '', /AKID…/);
      }
      assert.equal(log.split('\n').length, 1, log);
    });
  }

  it('a success: the RequestId and every string of the answer are masked', async () => {
    mode = 'success';
    for (const action of ['SendEmail', 'ListEmailTemplates', 'ListEmailAddress'] as const) {
      const { result, log } = await call(action, {});
      assert.ok(result.ok, JSON.stringify(result));
      assertClean(JSON.stringify(result), `the ${action} answer`);
      assertClean(log, 'the log');
      assertOneLine(result.requestId, 'the RequestId');
      // Template names, MessageIds, addresses: shown in trees, notifications and the CLI, so no line break or bidi control either.
      for (const value of Object.values(result.data as object).flatMap((v) => (Array.isArray(v) ? v.flatMap((e) => Object.values(e as object)) : [v]))) {
        if (typeof value === 'string') assertOneLine(value, `a string of the ${action} answer`);
      }
    }
  });
});

describe('an endpoint that echoes the key: what the user sees', () => {
  it('the notification, status-bar tooltip and output text, in English and Chinese', async () => {
    for (const [failing] of FAILURES) {
      mode = failing;
      const { result } = await call('SendEmail', {});
      assert.ok(!result.ok);
      if (result.ok) continue;
      for (const bundle of [{}, JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'))]) {
        l10n.config({ contents: bundle });
        const text = failureText(l10n, result, endpoint);
        assertClean(text, `failureText (${failing})`);
        assertOneLine(text, 'failureText');
      }
      l10n.config({ contents: {} });
    }
  });

  it('the preflight report', async () => {
    for (const [failing] of FAILURES) {
      mode = failing;
      const probe = (await call('ListEmailAddress', {})).result as ApiResult<never>;
      mode = 'success';
      const good = (await call('ListEmailAddress', {})).result as ApiResult<never>;
      const facts = (credentialsProbe: ApiResult<never>): PreflightFacts => ({
        target: endpoint,
        credentials: { source: 'environment', probe: credentialsProbe },
        sender: { configured: 'noreply@mail.example.com', chosen: 'noreply@mail.example.com', identities: probe, identity: probe },
        recipients: { typed: 'you@example.com', blocklist: probe },
        template: { name: 'order', configKey: 'order', hasConfig: true, templateId: 7, localErrors: [], remote: probe },
      });
      // The key probe failing (step 1), and passing with every later call failing.
      for (const report of [evaluatePreflight(l10n, facts(probe)), evaluatePreflight(l10n, facts(good))]) {
        assertClean(preflightMarkdown(l10n, report), `the preflight report (${failing})`);
      }
    }
  });

  it('the CLI account commands, in every format', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-hostile-'));
    try {
      fs.writeFileSync(path.join(dir, 'ses.config.json'), '{"templates": {"order": {"templateId": 7}}}');
      for (const failing of ['apiError', 'http', 'notJson', 'success'] as const) {
        mode = failing;
        for (const [args, formats] of [[['status'], ['text', 'json', 'github']], [['blocklist', 'check', 'you@example.com'], ['text']]]) {
          for (const format of formats) {
            const out = await runCli([...args, '--format', format], dir);
            assertClean(out, `ses-template ${args.join(' ')} --format ${format} (${failing})`);
            // A failure is one line; a success's own strings (template names) reach the terminal without bidi or ANSI controls too.
            assert.ok(!out.includes('\u202e'), `a bidi override reached the terminal: ${out}`);
          }
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function runCli(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN: TOKEN, SES_TEMPLATE_ENDPOINT: endpoint },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('close', (code) => resolve(`${out}\n(exit ${code})`));
  });
}
