// `ses-template check --fix` as CI and pre-commit hooks run it: node dist/cli.js on files in a
// temporary folder. The fixed files then pass; a second run changes nothing; --dry-run writes nothing
// and prints a diff that `git apply` turns into exactly what --fix writes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-fix-'));
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
const read = (dir: string) => Object.fromEntries(fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

const TEXT = 'Thank you for your order at the Example Shop. We are packing it now and will send the tracking number as soon as the parcel leaves our warehouse in Shenzhen. You can reply to this email with any question about your order, and our service team answers within one working day. ';
const FLAWED: Record<string, string> = {
  'order.ses.html': `<html lang="en"><head><title>Your order</title></head><body>\n<p>Hello {{ name }}, your order {{order}} ships {{ date}}.</p>\n<!-- ses-disable-next-line link-insecure, image-svg -->\n<p>${TEXT}</p>\n<p><a href="https://example.com/unsubscribe">Unsubscribe</a></p>\n</body></html>\n`,
  'order.ses.txt': `Hello {{name}}, your order {{order}} ships {{date}}. ${TEXT}\n`,
  'order.data.json': '{\n  "name": "Alex",\n  "order": 10086,\n  "date": "2026-01-01",\n  "legacy": "x"\n}\n',
  'order.data.zh.json': '{"name": "小明", "order": true, "date": "明天"}',
};
const FIXED_HTML = `<html lang="en"><head><title>Your order</title></head><body>\n<p>Hello {{name}}, your order {{order}} ships {{date}}.</p>\n<p>${TEXT}</p>\n<p><a href="https://example.com/unsubscribe">Unsubscribe</a></p>\n</body></html>\n`;

describe('ses-template check --fix', () => {
  it('the flawed template has findings that --fix can fix', () => {
    const { stdout } = run(['--severity-threshold', 'info'], tempDir(FLAWED));
    for (const code of ['spaces-in-braces', 'unused-suppression', 'non-string-value', 'unused-data-key']) assert.match(stdout, new RegExp(` ${code} `), code);
  });

  it('fixes what needs no human choice, says what it changed; the fixed files pass; a second run changes nothing', () => {
    const dir = tempDir(FLAWED);
    const first = run(['--fix', '--severity-threshold', 'info'], dir);
    assert.equal(first.stderr, '');
    assert.ok(first.stdout.includes('order.ses.html:2:10 fixed spaces-in-braces Write {{name}}'), first.stdout);
    assert.ok(first.stdout.includes('order.data.json:3:12 fixed non-string-value Convert the value to the string "10086"'), first.stdout);
    assert.match(first.stdout, /^6 fixes made in 3 files\.$/m);
    const files = read(dir);
    assert.equal(files['order.ses.html'], FIXED_HTML);
    assert.equal(files['order.data.json'], '{\n  "name": "Alex",\n  "order": "10086",\n  "date": "2026-01-01",\n  "legacy": "x"\n}\n', 'the unused key stays without --fix-unused');
    assert.equal(files['order.data.zh.json'], '{"name": "小明", "order": "true", "date": "明天"}');
    assert.equal(files['order.ses.txt'], FLAWED['order.ses.txt']);
    // What remains is the unused key only, which --fix leaves: the exit code says so at threshold warning.
    assert.match(first.stdout, /order\.data\.json:5:3 warning unused-data-key/);
    assert.equal(first.code, 1);

    const second = run(['--fix', '--severity-threshold', 'info'], dir);
    assert.match(second.stdout, /^Nothing to fix\.$/m);
    assert.deepEqual(read(dir), files, 'a second --fix changes nothing');

    const unused = run(['--fix-unused'], dir);
    assert.ok(unused.stdout.includes('order.data.json:5:3 fixed unused-data-key Remove the unused key "legacy"'), unused.stdout);
    assert.equal(read(dir)['order.data.json'], '{\n  "name": "Alex",\n  "order": "10086",\n  "date": "2026-01-01"\n}\n');
    const check = run(['--severity-threshold', 'info'], dir);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /^No problems/);
    assert.deepEqual(run(['--fix-unused'], dir).stdout.split('\n')[0], 'Nothing to fix.');
  });

  it('--dry-run writes nothing and prints a diff that git apply turns into what --fix writes', () => {
    const dry = tempDir(FLAWED);
    const { stdout, stderr, code } = run(['--fix', '--dry-run', '--severity-threshold', 'info'], dry);
    assert.deepEqual(read(dry), FLAWED, 'nothing written');
    assert.match(stdout, /^--- a\/order\.data\.json\n\+\+\+ b\/order\.data\.json\n@@ /);
    assert.match(stderr, /order\.ses\.html:2:10 would fix spaces-in-braces Write \{\{name\}\}/);
    assert.match(stderr, /6 fixes in 3 files would be made \(--dry-run: nothing written\)\./);
    assert.equal(code, 1, 'the exit code of the files as they would be: the unused key remains');
    fs.writeFileSync(path.join(dry, 'fix.patch'), stdout);
    const applied = spawnSync('git', ['apply', 'fix.patch'], { cwd: dry, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    fs.rmSync(path.join(dry, 'fix.patch'));
    const real = tempDir(FLAWED);
    run(['--fix'], real);
    assert.deepEqual(read(dry), read(real));
  });

  it('--format json adds the fixes (and the diff with --dry-run)', () => {
    const dir = tempDir(FLAWED);
    const out = JSON.parse(run(['--fix', '--dry-run', '--format', 'json'], dir).stdout) as { fixes: Array<{ path: string; code: string; title: string }>; diff: string; findings: Array<{ code: string }> };
    assert.equal(out.fixes.length, 6);
    assert.ok(out.fixes.every((f) => typeof f.path === 'string' && typeof f.title === 'string'));
    assert.match(out.diff, /^--- a\/order\.data\.json/);
    assert.ok(!out.findings.some((f) => f.code === 'spaces-in-braces'), 'findings are those left after the fix');
  });

  it('keeps a byte order mark, and never writes through a symbolic link', () => {
    const dir = tempDir({ ...FLAWED, 'order.data.json': '\ufeff{"name": "A", "order": 1, "date": "d", "legacy": "x"}' });
    // A link that stays inside the folder checked is read, but --fix does not write through it.
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.writeFileSync(path.join(dir, 'shared', 'zh.json'), '{"name": "B", "order": 2, "date": "d"}');
    fs.rmSync(path.join(dir, 'order.data.zh.json'));
    fs.symlinkSync(path.join(dir, 'shared', 'zh.json'), path.join(dir, 'order.data.zh.json'));
    const { code, stderr } = run(['--fix'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'order.data.json'), 'utf8'), '\ufeff{"name": "A", "order": "1", "date": "d", "legacy": "x"}');
    assert.equal(fs.readFileSync(path.join(dir, 'shared', 'zh.json'), 'utf8'), '{"name": "B", "order": 2, "date": "d"}');
    assert.match(stderr, /order\.data\.zh\.json: a symbolic link: not fixed/);
    assert.equal(code, 2);
  });

  it('neither reads nor fixes a data set linked to a file outside the folder checked', () => {
    const dir = tempDir({ ...FLAWED });
    const outside = tempDir({ 'shared.data.json': '{"name": "B", "order": 2, "date": "d"}' });
    fs.rmSync(path.join(dir, 'order.data.zh.json'));
    fs.symlinkSync(path.join(outside, 'shared.data.json'), path.join(dir, 'order.data.zh.json'));
    const { stderr } = run(['--fix'], dir);
    assert.equal(fs.readFileSync(path.join(outside, 'shared.data.json'), 'utf8'), '{"name": "B", "order": 2, "date": "d"}');
    assert.match(stderr, /1 file links outside the folders checked and was not read: order\.data\.zh\.json/);
  });

  it('inlines the CSS of a <style> that the target clients strip (--clients), with the editor\'s inliner; the fixed file passes; a second run changes nothing', () => {
    const styled = `<html lang="en"><head><title>Your order</title><style>.note { color: #333333; } .big { font-size: 18px; }</style></head><body>\n<p class="note big">Hello {{name}}.</p>\n<p>${TEXT}</p>\n<p><a href="https://example.com/unsubscribe">Unsubscribe</a></p>\n</body></html>\n`;
    const dir = tempDir({ 'order.ses.html': styled, 'order.ses.txt': `Hello {{name}}. ${TEXT}\n`, 'order.data.json': '{"name": "Alex"}\n' });
    const clients = ['--clients', 'gmail-mobile-webmail'];
    const before = run([...clients, '--severity-threshold', 'info'], dir);
    assert.match(before.stdout, /\d warning client-support /, before.stdout);
    assert.match(before.stdout, /`<style>` is not supported in Gmail \(Mobile webmail\)/);
    const first = run(['--fix', ...clients, '--severity-threshold', 'info'], dir);
    assert.equal(first.stderr, '');
    assert.ok(first.stdout.includes('order.ses.html:1:48 fixed client-support Inline the <style> rules'), first.stdout);
    const fixed = read(dir)['order.ses.html'];
    assert.ok(!fixed.includes('<style'), fixed);
    assert.ok(fixed.includes('<p class="note big" style="color: #333333; font-size: 18px;">Hello {{name}}.</p>'), fixed);
    assert.doesNotMatch(first.stdout, /\d (error|warning|info|hint) client-support /, 'the fixed file passes the check');
    const second = run(['--fix', ...clients, '--severity-threshold', 'info'], dir);
    assert.equal(second.stdout.split('\n')[0], 'Nothing to fix.');
    assert.equal(read(dir)['order.ses.html'], fixed);
    // Without --clients (the default clients keep <style>): nothing to inline.
    const plain = tempDir({ 'order.ses.html': styled, 'order.ses.txt': `Hello {{name}}. ${TEXT}\n`, 'order.data.json': '{"name": "Alex"}\n' });
    assert.equal(run(['--fix'], plain).stdout.split('\n')[0], 'Nothing to fix.');
    assert.equal(read(plain)['order.ses.html'], styled);
  });

  it('--dry-run without --fix is a usage error', () => {
    const { code, stderr } = run(['--dry-run'], tempDir({}));
    assert.equal(code, 2);
    assert.match(stderr, /--dry-run goes with --fix/);
  });
});
