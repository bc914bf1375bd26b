// `node dist/cli.js` (ses-template-check) as CI runs it: a child process on fixtures, its output
// and its exit code. Needs `npm run build` first (npm test builds before the protocol tests).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CHECKS, docUrlOf } from '../../server/src/service/checks';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
const EXAMPLES = path.join(ROOT, 'examples');

function run(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-cli-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

const PASSWORD_RESET = 'password-reset.ses.html:9:71 error handlebars-syntax This `{{` is never closed: add `}}` after the variable name.';
const WELCOME_COUPON = 'welcome.ses.html:9:73 error missing-variable `{{coupon}}` is missing in: default. Add the key `coupon` to these data sets, so that every send fills it.';

interface JsonOutput {
  version: number;
  tool: { name: string; version: string };
  summary: Record<'templates' | 'files' | 'errors' | 'warnings' | 'infos' | 'hints' | 'unreadable' | 'durationMs' | 'exitCode', number>;
  findings: Array<{ path: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string; docUrl: string | null }>;
  fileErrors: Array<{ path: string; message: string }>;
  warnings: string[];
}

describe('ses-template-check (node dist/cli.js)', () => {
  it('finds the known problems of examples/: the unclosed tag of password-reset, the coupon missing from welcome\'s default data set, the custom-glob template', () => {
    const { code, stdout, stderr } = run([], EXAMPLES);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const lines = stdout.split('\n');
    assert.ok(lines.includes(PASSWORD_RESET), stdout);
    assert.ok(lines.includes(WELCOME_COUPON), stdout);
    // legacy/win-back.html is a template only through examples/.vscode/settings.json's templateGlobs
    assert.ok(lines.includes('legacy/win-back.html:10:3 error handlebars-syntax The block `{{#if}}` is never closed: add `{{/if}}` where it should end.'), stdout);
    // grouped by file: a blank line before each new file, the summary last
    assert.match(lines.at(-2)!, /^6 errors, 11 warnings, 4 infos, 0 hints in 9 of \d+ files \(7 templates checked in \d+ ms\)\.$/);
    assert.equal(lines.at(-3), '');
    const files = lines.filter((l) => l.includes(':')).map((l) => l.slice(0, l.indexOf(':')));
    assert.deepEqual(files, [...files].sort(), 'sorted by path');
  });

  it('paths are relative to the current folder, and a single file checks its template only', () => {
    const { code, stdout } = run(['examples/password-reset.ses.html']);
    assert.equal(code, 1);
    assert.ok(stdout.split('\n').includes('examples/' + PASSWORD_RESET), stdout);
    assert.doesNotMatch(stdout, /welcome/);
    assert.match(stdout, /\(1 template checked in \d+ ms\)/);
  });

  it('a clean template: exit 0 and only the summary', () => {
    const { code, stdout, stderr } = run([path.join(FIXTURES, 'clean')]);
    assert.equal(stderr, '');
    assert.match(stdout, /^No problems in \d+ files? \(1 template checked in \d+ ms\)\.\n$/);
    assert.equal(code, 0);
  });

  it('--format json: the documented shape, with the findings and the exit code', () => {
    const { code, stdout } = run(['--format', 'json'], EXAMPLES);
    assert.equal(code, 1);
    const output = JSON.parse(stdout) as JsonOutput;
    assert.deepEqual(Object.keys(output), ['version', 'tool', 'summary', 'findings', 'fileErrors', 'warnings']);
    assert.equal(output.version, 1);
    assert.equal(output.tool.name, 'ses-template-check');
    assert.deepEqual(Object.keys(output.summary), ['templates', 'files', 'filesWithFindings', 'errors', 'warnings', 'infos', 'hints', 'unreadable', 'durationMs', 'exitCode']);
    assert.deepEqual({ ...output.summary, durationMs: 0 }, { templates: 7, files: 17, filesWithFindings: 9, errors: 6, warnings: 11, infos: 4, hints: 0, unreadable: 0, durationMs: 0, exitCode: 1 });
    const coupon = output.findings.find((f) => f.path === 'welcome.ses.html' && f.code === 'missing-variable');
    assert.deepEqual(coupon, {
      path: 'welcome.ses.html', line: 9, column: 73, endLine: 9, endColumn: 79, severity: 'error', code: 'missing-variable',
      message: '`{{coupon}}` is missing in: default. Add the key `coupon` to these data sets, so that every send fills it.',
      docUrl: docUrlOf(CHECKS.find((c) => c.meta.id === 'missing-variable')!.meta),
    });
    for (const f of output.findings) {
      assert.deepEqual(Object.keys(f), ['path', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'docUrl']);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity));
    }
    assert.deepEqual(output.fileErrors, []);
  });

  it('--format sarif: SARIF 2.1.0 with every check as a rule (help URI: the Tencent page) and located results', () => {
    const { code, stdout } = run(['--format', 'sarif'], EXAMPLES);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const { driver } = sarif.runs[0].tool;
    assert.equal(driver.name, 'ses-template-check');
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), CHECKS.map((c) => c.meta.id));
    const rule = driver.rules.find((r: { id: string }) => r.id === 'missing-variable');
    assert.equal(rule.helpUri, docUrlOf(CHECKS.find((c) => c.meta.id === 'missing-variable')!.meta));
    assert.match(rule.fullDescription.text, /missing from one or more data sets/);
    assert.equal(rule.defaultConfiguration.level, 'error');
    const results = sarif.runs[0].results as Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }> }>;
    assert.equal(results.length, 21);
    for (const result of results) {
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    }
    const reset = results.find((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'password-reset.ses.html' && r.ruleId === 'handlebars-syntax');
    assert.deepEqual(reset?.locations[0].physicalLocation.region, { startLine: 9, startColumn: 71, endLine: 9, endColumn: 78 });
    assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file://' + EXAMPLES + '/');
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
  });

  it('--format github: workflow commands, info as notices, then the summary', () => {
    const { code, stdout } = run(['--format', 'github'], EXAMPLES);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(lines.includes('::error file=password-reset.ses.html,line=9,col=71,endLine=9,endColumn=78,title=handlebars-syntax::This `{{` is never closed: add `}}` after the variable name.'), stdout);
    assert.ok(lines.some((l) => l.startsWith('::notice file=account-notice.ses.txt,line=1,col=1,') && l.includes('title=no-data-set::')), stdout);
    assert.ok(lines.some((l) => l.startsWith('::warning file=welcome.data.json,line=4,col=3,')), stdout);
    assert.ok(lines.slice(0, -1).every((l) => /^::(error|warning|notice) file=[^:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\n]+$/.test(l)), stdout);
    assert.match(lines.at(-1)!, /^6 errors, /);
  });

  it('--locale zh-cn: messages and summary in Chinese, from the l10n bundle beside dist/', () => {
    const { code, stdout } = run(['--locale', 'zh-cn', 'password-reset.ses.html'], EXAMPLES);
    assert.equal(code, 1);
    assert.match(stdout, /^password-reset\.ses\.html:9:71 error handlebars-syntax 此处的 `\{\{` 没有闭合/m);
    // Full-width punctuation, and no English plural endings.
    assert.match(stdout, /^\d+ 个文件中有 1 个存在问题：1 个错误、\d+ 个警告、\d+ 条信息、0 条提示（已检查 1 个模板，用时 \d+ 毫秒）。$/m);
  });

  it('--config turns a check off (VS Code settings shape), over the workspace settings; a bad config is a usage error', () => {
    const dir = tempDir({ 'ci.json': '{\n  // CI only\n  "sesStudio.checks.handlebars-syntax": "off",\n  "sesStudio.checks.no-such-check": "off"\n}\n' });
    const { code, stdout, stderr } = run(['--config', path.join(dir, 'ci.json'), 'password-reset.ses.html'], EXAMPLES);
    assert.doesNotMatch(stdout, /handlebars-syntax/);
    assert.match(stdout, /too-little-text/);
    assert.equal(code, 0, 'no error left');
    assert.match(stderr, /sesStudio\.checks\.no-such-check: there is no check with this id; ignored/);

    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "sesStudio.dialect": ');
    const bad = run(['--config', path.join(dir, 'bad.json')], EXAMPLES);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--config .*bad\.json: not valid JSON \(ValueExpected on line 1\)/);
    assert.equal(bad.stdout, '');
    const missing = run(['--config', path.join(dir, 'none.json')], EXAMPLES);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /none\.json: no such file or folder/);
  });

  it('honours the workspace\'s .vscode/settings.json (a check off, templateGlobs), unless --no-workspace-settings', () => {
    const folder = path.join(FIXTURES, 'settings');
    const withSettings = run([folder]);
    assert.equal(withSettings.code, 1);
    assert.doesNotMatch(withSettings.stdout, /spaces-in-braces/);
    assert.match(withSettings.stdout, /^test\/fixtures\/cli\/settings\/mail\/notice\.txt:1:6 error handlebars-syntax /m);

    const without = run(['--no-workspace-settings', folder]);
    assert.equal(without.code, 0);
    assert.match(without.stdout, /^test\/fixtures\/cli\/settings\/greeting\.ses\.txt:1:4 warning spaces-in-braces /m);
    assert.doesNotMatch(without.stdout, /notice\.txt/);

    // --glob replaces the setting's templateGlobs
    const glob = run(['--glob', 'nothing/*.txt', folder]);
    assert.doesNotMatch(glob.stdout, /notice\.txt/);
    assert.equal(glob.code, 0);
  });

  it('honours suppression comments in HTML parts', () => {
    const { code, stdout } = run([path.join(FIXTURES, 'suppressed')]);
    assert.equal(code, 0);
    const findings = stdout.split('\n').filter((l) => l.includes(' image-missing-alt '));
    assert.deepEqual(findings.map((l) => l.split(' ')[0]), ['test/fixtures/cli/suppressed/banner.ses.html:9:2']);
    assert.doesNotMatch(stdout, /unused-suppression/);
  });

  it('--severity-threshold decides the exit code; a bad value is a usage error', () => {
    const folder = path.join(FIXTURES, 'suppressed'); // one info finding
    assert.equal(run([folder]).code, 0);
    assert.equal(run(['--severity-threshold', 'warning', folder]).code, 0);
    assert.equal(run(['--severity-threshold', 'info', folder]).code, 1);
    assert.equal(run(['--severity-threshold', 'hint', folder]).code, 1);
    assert.equal(run(['--severity-threshold', 'hint', path.join(FIXTURES, 'clean')]).code, 0);
    const bad = run(['--severity-threshold', 'fatal', folder]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--severity-threshold must be one of error, warning, info, hint, not "fatal"/);
    const unknown = run(['--colour', folder]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--colour'[\s\S]*--help/);
  });

  it('an unreadable path: reported, exit 2, and the other paths are still checked', () => {
    const { code, stdout, stderr } = run(['no/such/folder', 'examples/password-reset.ses.html']);
    assert.equal(code, 2);
    assert.equal(stderr, 'ses-template-check: no/such/folder: no such file or folder\n');
    assert.ok(stdout.includes('examples/' + PASSWORD_RESET), stdout);
    assert.match(stdout, /1 path could not be read\.\n$/);
    const json = JSON.parse(run(['--format', 'json', 'no/such/folder']).stdout) as JsonOutput;
    assert.deepEqual(json.fileErrors, [{ path: 'no/such/folder', message: 'no such file or folder' }]);
    assert.equal(json.summary.exitCode, 2);
  });

  it('a file that cannot be read is reported and the run goes on', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
    const dir = tempDir({ 'locked.ses.html': '<p>{{a}}</p>', 'open.ses.txt': 'Hi {{name' });
    fs.chmodSync(path.join(dir, 'locked.ses.html'), 0o000);
    const { code, stdout, stderr } = run([dir]);
    assert.equal(code, 2);
    assert.match(stderr, /locked\.ses\.html: permission denied/);
    assert.match(stdout, /open\.ses\.txt:1:4 error handlebars-syntax/);
  });

  it('reports a binary file and a file too large to read, like the editor', () => {
    const dir = tempDir({
      'logo.ses.html': Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01, 0xff, 0xfe, 0x3c]),
      'huge.ses.txt': 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    const { code, stdout } = run(['--format', 'json', dir]);
    const output = JSON.parse(stdout) as JsonOutput;
    const summary = output.findings.map((f) => `${path.basename(f.path)}:${f.line}:${f.column} ${f.severity} ${f.code}`);
    assert.ok(summary.includes('logo.ses.html:1:4 error handlebars-syntax'), summary.join('\n'));
    assert.match(output.findings.find((f) => f.path.endsWith('logo.ses.html') && f.code === 'handlebars-syntax')!.message, /binary data \(a NUL character\)/);
    assert.ok(summary.includes('huge.ses.txt:1:1 info too-large-to-check'), summary.join('\n'));
    assert.equal(code, 1);
  });

  it('file names with %, #, ?, spaces and Chinese: each template checked once, a symbolic link loop not followed', () => {
    const dir = tempDir({
      'a%20b#1?.ses.txt': 'Hi {{name',
      '子/欢迎 信.ses.txt': 'Hi {{x}}',
      '子/欢迎 信.data.json': '{ "x": "1" }',
      'ses.config.json': '{ "templates": { "子/欢迎 信": { "subject": "Hi {{who}}" } } }',
    });
    fs.symlinkSync('..', path.join(dir, '子', 'loop'));
    const { code, stdout } = run(['--format', 'json', dir]);
    const output = JSON.parse(stdout) as JsonOutput;
    const lines = output.findings.map((f) => `${path.relative(dir, f.path)}:${f.line}:${f.column} ${f.code}`);
    // The subject of the template in 子/ is found (its folder URI is encoded, the config key is not).
    assert.deepEqual(lines.filter((l) => !l.includes('too-little-text') && !l.includes('no-data-set')).sort(),
      ['a%20b#1?.ses.txt:1:4 handlebars-syntax', 'ses.config.json:1:47 missing-variable']);
    assert.equal(lines.filter((l) => l.startsWith('子/欢迎 信.ses.txt') && l.includes('too-little-text')).length, 1, lines.join('\n'));
    assert.equal(output.summary.templates, 2);
    assert.equal(code, 1);
  });

  it('a .vscode/settings.json that is a FIFO is skipped with a warning, not read forever', (t) => {
    const dir = tempDir({ 'welcome.ses.txt': 'Hi {{name}}', 'welcome.data.json': '{ "name": "A" }' });
    fs.mkdirSync(path.join(dir, '.vscode'));
    const fifo = spawnSync('mkfifo', [path.join(dir, '.vscode', 'settings.json')]);
    if (fifo.status !== 0) return t.skip('mkfifo is not available');
    const result = spawnSync(process.execPath, [CLI, dir], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.error, undefined, 'the CLI finished');
    assert.match(result.stderr + result.stdout, /settings\.json: not a regular file of a sensible size; its settings are not used/);
  });

  it('a file named with an extension of another template language is checked as HTML; a named JSON that is no data set is an error', () => {
    const dir = tempDir({ 'welcome.tpl': '<p>Hi {{name}</p>', 'mail.blade.php': '<img src="logo.png">', 'notes.json': '{}' });
    const tpl = run(['welcome.tpl', 'mail.blade.php', '--no-workspace-settings'], dir);
    assert.equal(tpl.code, 1, tpl.stdout);
    assert.match(tpl.stdout, /^welcome\.tpl:1:\d+ error handlebars-syntax /m);
    assert.match(tpl.stdout, /^mail\.blade\.php:1:\d+ error image-relative-url /m);
    assert.match(tpl.stdout, /\(2 templates checked in \d+ ms\)/);
    const json = run(['notes.json', '--no-workspace-settings'], dir);
    assert.equal(json.code, 2);
    assert.match(json.stdout + json.stderr, /notes\.json: not a template part, data set \(name\.data\.json\) or ses\.config\.json/);
  });

  it('a template named alone whose data set has a finding: the data set counts as a file checked, the same in text and JSON', () => {
    const dir = tempDir({ 't.ses.html': '<p>Hi {{name}}</p>', 't.ses.txt': 'Hi {{name}}', 't.data.json': '{"name": "A", "unused": "x"}' });
    const text = run(['t.ses.html', '--no-workspace-settings'], dir);
    assert.match(text.stdout, /^t\.data\.json:1:\d+ warning unused-data-key /m);
    // never "in 2 of 1 file": the files with findings are among the files checked
    const summary = /in (\d+) of (\d+) files?/.exec(text.stdout);
    assert.ok(summary, text.stdout);
    assert.ok(Number(summary[1]) <= Number(summary[2]), text.stdout);
    const json = JSON.parse(run(['t.ses.html', '--no-workspace-settings', '--format', 'json'], dir).stdout) as { summary: { files: number; filesWithFindings: number } };
    assert.deepEqual([json.summary.filesWithFindings, json.summary.files], [Number(summary[1]), Number(summary[2])]);
  });

  it('a broken ses.config.json is an error on the file, in English and Chinese (exit 1)', () => {
    const dir = tempDir({
      'welcome.ses.html': '<p>Hi {{name}}</p>', 'welcome.ses.txt': 'Hi {{name}}', 'welcome.data.json': '{"name": "A"}',
      'ses.config.json': '{\n  "welcome": { "subject": "Hi", "triggerType": "Marketing" }\n}\n',
    });
    const en = run([dir, '--no-workspace-settings'], dir);
    assert.equal(en.code, 1, en.stdout + en.stderr);
    assert.match(en.stdout, /ses\.config\.json:2:3 error invalid-config Unknown key `welcome` in ses\.config\.json, ignored\. Did you mean `templates`\?/);
    fs.writeFileSync(path.join(dir, 'ses.config.json'), '{ "templates": { "welcome": { "triggerType": "Marketing" } }');
    const zh = run([dir, '--no-workspace-settings', '--locale', 'zh-cn'], dir);
    assert.equal(zh.code, 1);
    assert.match(zh.stdout, /ses\.config\.json:1:\d+ error invalid-config ses\.config\.json 不是有效的 JSON（第 1 行第 \d+ 列：缺少右花括号）/);
  });

  it('--help and --version', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: ses-template-check \[options\] \[paths…\]/);
    assert.match(help.stdout, /--severity-threshold/);
    assert.match(run(['--help', '--locale', 'zh-cn']).stdout, /^用法：/);
    const version = run(['--version']);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('checks 2,000 templates in one folder (time reported, not asserted)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) {
      files[`t${i}.ses.html`] = `<p>Hello {{name}}, your order {{order_id}} ships today from Example Shop.</p>\n<img src="https://shop.example.com/${i}.png">\n`;
      files[`t${i}.ses.txt`] = `Hello {{name}}, your order {{order_id}} ships today.\n`;
      files[`t${i}.data.json`] = `{ "name": "Alex", "order_id": "${i}" }\n`;
    }
    const dir = tempDir(files);
    const started = performance.now();
    const { code, stdout } = run(['--format', 'json', dir]);
    const wall = Math.round(performance.now() - started);
    const output = JSON.parse(stdout) as JsonOutput;
    assert.equal(output.summary.templates, 2000);
    assert.equal(output.summary.files, 6000);
    assert.equal(output.findings.filter((f) => f.code === 'image-missing-alt').length, 2000);
    assert.equal(code, 0);
    console.log(`2,000 templates: ${output.summary.durationMs} ms checking, ${wall} ms wall clock for the process`);
  });
});
