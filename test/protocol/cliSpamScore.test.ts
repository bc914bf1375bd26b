// `ses-template-check --spam-score` (node dist/cli.js) on fixtures with the real SpamAssassin
// (installed by test/spam/setup.sh when missing): text and JSON output, exit codes, the places to act
// on, and SpamAssassin missing from PATH. Needs `npm run build` first.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureSpamAssassin } from '../spam/install';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'spam');

function run(args: string[], env: NodeJS.ProcessEnv = process.env): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURES, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonRule { name: string; score: number; description: string; informational: boolean; location: { path: string; line: number; column: number } | null }
interface JsonOutput { networkTests: boolean; note: string; exitCode: number; templates: Array<{ name: string; score: number; required: number; spam: boolean; dataSet: string | null; rules: JsonRule[] }> }

describe('ses-template-check --spam-score', () => {
  before(() => {
    ensureSpamAssassin();
  });

  it('text: a clean template below the threshold exits 0 and says network tests were left out', () => {
    const { code, stdout, stderr } = run(['--spam-score', 'clean']);
    assert.equal(stderr, '');
    assert.equal(code, 0, stdout);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'receipt (clean/receipt.ses.html, clean/receipt.ses.txt, data set default)');
    assert.match(lines[1], /^ {2}Spam score 0\.0 of 5\.0 \(SpamAssassin \d[\d.]*, below the threshold\)$/);
    assert.ok(lines.includes('Local tests only: network tests (DNS blocklists, URI blocklists, Razor, Pyzor, DCC) were left out, and nothing was sent anywhere.'), stdout);
  });

  it('text: a spammy template exits 1, each rule with its points and description, and the file:line:column to act on', () => {
    const { code, stdout } = run(['--spam-score', 'spammy']);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /at or above the threshold: likely to be filed as spam/);
    assert.match(stdout, /^ {4}0\.5 SUBJ_ALL_CAPS +Subject is all capitals {2}spammy\/ses\.config\.json:4:27$/m);
    assert.match(stdout, /^ +\d\.\d MIME_HTML_ONLY +BODY: Message only has text\/html MIME parts {2}spammy\/offer\.ses\.html:1:1$/m);
    assert.match(stdout, /^ +\d\.\d BAD_CREDIT +BODY: Eliminate Bad Credit «Eliminate your debt» {2}spammy\/offer\.data\.json:3:13$/m);
    assert.match(stdout, /^ +-?0\.0 NO_RECEIVED +Informational: message has no Received headers \(informational\)$/m);
  });

  it('json: scores, rules, locations, networkTests false', () => {
    const { code, stdout } = run(['--spam-score', '--format', 'json', '--data', 'default', '.']);
    assert.equal(code, 1);
    const json = JSON.parse(stdout) as JsonOutput;
    assert.equal(json.networkTests, false);
    assert.equal(json.exitCode, 1);
    assert.deepEqual(json.templates.map((t) => [t.name, t.spam, t.dataSet]), [['receipt', false, 'default'], ['offer', true, 'default']]);
    const offer = json.templates[1];
    assert.ok(offer.score >= offer.required);
    const caps = offer.rules.find((r) => r.name === 'SUBJ_ALL_CAPS');
    assert.deepEqual(caps?.location && { path: caps.location.path, line: caps.location.line, column: caps.location.column }, { path: 'spammy/ses.config.json', line: 4, column: 27 });
  });

  it('Chinese messages with --locale zh-cn', () => {
    const { stdout } = run(['--spam-score', '--locale', 'zh-cn', 'clean']);
    assert.match(stdout, /垃圾邮件/);
    assert.doesNotMatch(stdout, /Local tests only/);
  });

  it('without spamassassin on PATH: how to install it, exit 2, no stack trace', () => {
    const { code, stdout, stderr } = run(['--spam-score', 'clean'], { ...process.env, PATH: path.join(FIXTURES, 'no-such-folder') });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^ses-template-check: receipt: SpamAssassin is not installed: install it with `sudo apt-get install spamassassin`/);
    assert.doesNotMatch(stderr, /\n\s+at /);
    // --spamassassin naming a program that is not there says the same, with its path.
    const missing = run(['--spam-score', '--spamassassin', '/no/such/spamassassin', 'clean']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /\/no\/such\/spamassassin could not be run/);
  });

  it('usage errors: the spam options need --spam-score; an unknown data set is named', () => {
    const stray = run(['--data', 'x', 'clean']);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /--data goes with --spam-score/);
    const unknown = run(['--spam-score', '--data', 'nope', 'clean']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /receipt has no data set "nope" \(it has: default\)/);
    const sarif = run(['--spam-score', '--format', 'sarif', 'clean']);
    assert.equal(sarif.code, 2);
  });
});
