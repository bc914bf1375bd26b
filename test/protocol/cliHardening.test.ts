// `node dist/cli.js` on hostile file trees (issue 11): links out of the checked folders, FIFOs and
// devices as --config or as files, file names that are not UTF-8, a deleted working folder.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-cli-hard-'));
  temps.push(dir);
  return dir;
}
after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

const SECRET = 'AKIDsuperSecretValue1234567890';

describe('ses-template-check on hostile file trees', () => {
  it('does not read a data set linked to a file outside the folders checked, and says so in one warning', () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.json'), JSON.stringify({ link: `http://x.example/?k=${SECRET}`, name: `<b>${SECRET}</b>`, n: 12345 }));
    const repo = tempDir();
    fs.writeFileSync(path.join(repo, 'welcome.ses.html'), '<p>Hi {{name}} <a href="{{link}}">go</a> {{n}}</p>');
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(repo, 'welcome.data.json'));
    for (const format of ['text', 'json', 'github', 'sarif']) {
      const { stdout, stderr } = run(['--format', format, '.'], repo);
      assert.ok(!(stdout + stderr).includes(SECRET), `${format}: ${stdout}${stderr}`);
      assert.match(stdout + stderr, /1 file links outside the folders checked and was not read: welcome\.data\.json/, format);
    }
    // Named explicitly, the link is refused too; the template beside it is still checked.
    const explicit = run(['welcome.data.json', 'welcome.ses.html'], repo);
    assert.ok(!(explicit.stdout + explicit.stderr).includes(SECRET));
    assert.match(explicit.stderr, /links? outside the folders checked/);
  });

  it('file names with ANSI escapes, bidi overrides and line breaks: every one checked, none written raw to the terminal or CI log', () => {
    const repo = tempDir();
    const names = ['esc\u001b[2K\u001b[31mred', 'bidi\u202Etxt', 'nl\nfake.ses.html:1:1 error forged', 'cr\rline', 'c1\u009bx'];
    for (const name of names) fs.writeFileSync(path.join(repo, `${name}.ses.html`), '<p>Hello {{name}}</p>');
    // eslint-disable-next-line no-control-regex -- the characters looked for
    const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    const text = run(['--format', 'text', '.'], repo);
    assert.doesNotMatch(text.stdout + text.stderr, raw);
    assert.match(text.stdout, new RegExp(`${names.length} templates checked`));
    assert.ok(!text.stdout.split('\n').some((line) => line.startsWith('fake.ses.html')), text.stdout);
    assert.ok(!text.stdout.includes('\r'), 'no carriage return from a file name');
    const github = run(['--format', 'github', '.'], repo);
    assert.doesNotMatch(github.stdout + github.stderr, raw);
    assert.ok(github.stdout.split('\n').filter((line) => line !== '').every((line) => line.startsWith('::') || /templates? checked/.test(line)), github.stdout);
    // JSON keeps the real names: `\uXXXX` inside a JSON string is the same character.
    const json = run(['--format', 'json', '.'], repo);
    assert.doesNotMatch(json.stdout, raw);
    const paths = new Set((JSON.parse(json.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path));
    for (const name of names) assert.ok(paths.has(`${name}.ses.html`), `${JSON.stringify(name)} in ${JSON.stringify([...paths])}`);
  });

  it('reads a link that stays inside the folders checked', () => {
    const repo = tempDir();
    fs.mkdirSync(path.join(repo, 'shared'));
    fs.writeFileSync(path.join(repo, 'shared', 'data.json'), '{ "name": "Ann" }');
    fs.writeFileSync(path.join(repo, 'welcome.ses.html'), '<p>Hi {{name}}</p>');
    fs.symlinkSync(path.join(repo, 'shared', 'data.json'), path.join(repo, 'welcome.data.json'));
    const { stdout, stderr } = run(['.'], repo);
    assert.doesNotMatch(stdout + stderr, /outside the folders checked|missing-variable/);
  });

  it('refuses a FIFO or a device as --config at once (exit 2), as for .vscode/settings.json', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.ses.html'), '<p>x</p>');
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    for (const config of [path.join(dir, 'fifo'), '/dev/zero']) {
      const { code, stderr, ms } = run(['--config', config, '.'], dir);
      assert.equal(code, 2, stderr);
      assert.match(stderr, /not a regular file/);
      assert.ok(ms < 15_000, `${ms} ms`);
    }
  });

  it('names a folder given as --config as a folder (exit 2), not as a pipe or device', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.ses.html'), '<p>x</p>');
    fs.mkdirSync(path.join(dir, 'settings'));
    const { code, stderr } = run(['--config', 'settings', '.'], dir);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /--config settings: a folder, not a file; not read/);
    assert.doesNotMatch(stderr, /pipe|device|socket/);
  });

  it('reports a FIFO named on the command line instead of skipping it (exit 2)', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.ses.html')]);
    const { code, stderr } = run(['pipe.ses.html'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /pipe\.ses\.html: not a regular file/);
  });

  it('checks a file whose name is not UTF-8 (caf\\xe9.ses.html), in a folder and named explicitly', () => {
    const dir = tempDir();
    const name = Buffer.concat([Buffer.from(dir + path.sep), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('.ses.html')]);
    fs.writeFileSync(name, '<p>{{#if x}}</p>');
    const walked = run(['.'], dir);
    assert.equal(walked.code, 1, walked.stdout + walked.stderr);
    assert.match(walked.stdout, /caf\ufffd\.ses\.html:1:4 error handlebars-syntax/);
    // Named by a shell, which passes the bytes (Node decodes the 0xE9 into U+FFFD).
    const result = spawnSync('sh', ['-c', `exec "${process.execPath}" "${CLI}" "$(printf 'caf\\351.ses.html')"`], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /handlebars-syntax/);
  });

  it('says in one line that the working folder was deleted, without a stack trace (exit 2)', () => {
    const dir = tempDir();
    const gone = path.join(dir, 'gone');
    fs.mkdirSync(gone);
    // A shell that enters the folder, removes it, then runs the CLI from there.
    const result = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${CLI}" .`], { encoding: 'utf8' });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /current folder no longer exists/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
