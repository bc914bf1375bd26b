// The CLI as users get it: packages/cli packed and installed on its own (no VS Code, no extension
// bundle), the documented GitHub Actions workflow's steps run here as a script against the emulator
// (a push to main: check, push, wait for review, commit the TemplateIDs; a pull request with an
// error), and the pre-commit hook example refusing a broken template. Needs `npm run build` first.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator } from '../emulator';
import type { EmulatorHandle } from '../emulator/types';

const ROOT = path.join(__dirname, '..', '..', '..');
const PACKAGE = path.join(ROOT, 'packages', 'cli');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const TEXT = 'Thank you for your order at the Example Shop. We are packing it now and will send the tracking number as soon as the parcel leaves our warehouse in Shenzhen. You can reply to this email with any question about your order, and our service team answers within one working day.';
const GOOD = {
  'mail/order.ses.html': `<html lang="en"><head><title>Your order</title></head><body>\n<p>Hello {{name}}, order {{order}}.</p>\n<p>${TEXT}</p>\n<p><a href="https://example.com/unsubscribe">Unsubscribe</a></p>\n</body></html>\n`,
  'mail/order.ses.txt': `Hello {{name}}, order {{order}}. ${TEXT}\n`,
  'mail/order.data.json': '{"name": "Alex", "order": "10086"}\n',
  'ses.config.json': '{\n  "templates": {\n    "mail/order": { "subject": "Your order {{order}}" }\n  }\n}\n',
};

const temps: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-package-'));
  temps.push(dir);
  return dir;
};
function write(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}
function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** Async, so the in-process emulator can answer while the child runs. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // GitHub runs `run:` steps with `bash -e {0}`.
    const child = spawn('bash', ['-e', '-c', script], { cwd, env });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The steps of the workflow file: `run` scripts with their `if`, `uses` steps marked. Enough YAML for this file. */
function workflowSteps(text: string): Array<{ name: string; uses?: string; if?: string; run?: string }> {
  const lines = text.split('\n');
  const steps: Array<{ name: string; uses?: string; if?: string; run?: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const start = /^(\s*)- (name|uses): (.*)$/.exec(lines[i]);
    if (start) steps.push(start[2] === 'name' ? { name: start[3] } : { name: start[3], uses: start[3] });
    const step = steps.at(-1);
    if (!step) continue;
    const field = /^\s+(if|run): (.*)$/.exec(lines[i]);
    if (field?.[1] === 'if') step.if = field[2];
    if (field?.[1] === 'run') {
      if (field[2] !== '|') step.run = field[2];
      else {
        const indent = /^\s*/.exec(lines[i + 1])![0].length;
        const body: string[] = [];
        while (i + 1 < lines.length && (lines[i + 1].trim() === '' || /^\s*/.exec(lines[i + 1])![0].length >= indent)) body.push(lines[++i].slice(indent));
        step.run = body.join('\n');
      }
    }
  }
  return steps;
}

let emulator: EmulatorHandle;
let tarball: string;
let installed: string;
before(async () => {
  emulator = await startEmulator({ seed: { autoApproveAfterSeconds: 1 } });
  const packed = sh('npm', ['pack', '--json', '--pack-destination', tempDir()], PACKAGE);
  assert.equal(packed.code, 0, packed.stderr);
  const info = (JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>)[0];
  tarball = path.join(temps.at(-1)!, info.filename);
  assert.deepEqual(info.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'dist/inlineCss.js', 'l10n/bundle.l10n.zh-cn.json', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json']);
  installed = tempDir();
  fs.writeFileSync(path.join(installed, 'package.json'), '{ "private": true }\n');
  const install = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], installed);
  assert.equal(install.code, 0, install.stderr);
});
after(async () => {
  await emulator.close();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the ses-template-check package', () => {
  it('installs alone (no dependency, no VS Code) and runs as ses-template-check and ses-template', () => {
    assert.deepEqual(fs.readdirSync(path.join(installed, 'node_modules')).filter((n) => !n.startsWith('.')), ['ses-template-check']);
    const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string; dependencies?: unknown };
    assert.equal(manifest.version, VERSION, 'the package has the extension\'s version');
    assert.equal(manifest.dependencies, undefined);
    assert.doesNotMatch(fs.readFileSync(path.join(installed, 'node_modules/ses-template-check/dist/cli.js'), 'utf8'), /require\("vscode"\)/);
    assert.equal(sh('npx', ['--no-install', 'ses-template-check', '--version'], installed).stdout, `${VERSION}\n`);
    write(installed, GOOD);
    const check = sh('npx', ['--no-install', 'ses-template', 'check', 'mail'], installed);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /^No problems in 3 files \(1 template checked/);
    write(installed, { 'bad/x.ses.html': '<p>{{name</p>' });
    const zh = sh('npx', ['--no-install', 'ses-template-check', '--locale', 'zh-cn', 'bad'], installed);
    assert.equal(zh.code, 1);
    assert.match(zh.stdout, /[\u4e00-\u9fff]/, 'the Chinese messages ship with the package');
  });

  it('inlines a stripped <style> with --fix from its own dist/inlineCss.js', () => {
    write(installed, { 'styled/s.ses.html': '<p class="a">Hi {{name}}</p><style>.a { color: #333333; }</style>', 'styled/s.data.json': '{"name": "Alex"}\n' });
    const fixed = sh('npx', ['--no-install', 'ses-template-check', '--fix', '--clients', 'gmail-mobile-webmail', 'styled'], installed);
    assert.match(fixed.stdout, /fixed client-support Inline the <style> rules/, fixed.stdout + fixed.stderr);
    assert.match(fs.readFileSync(path.join(installed, 'styled/s.ses.html'), 'utf8'), /<p class="a" style="color: #333333;">Hi \{\{name\}\}<\/p>/);
  });
});

describe('docs/ci/github-actions.yml, its steps run against the emulator', () => {
  const steps = workflowSteps(fs.readFileSync(path.join(ROOT, 'docs', 'ci', 'github-actions.yml'), 'utf8'));

  function repository(files: Record<string, string>): string {
    const origin = tempDir();
    sh('git', ['init', '-q', '--bare', '-b', 'main', origin], origin);
    const work = tempDir();
    sh('git', ['clone', '-q', origin, work], work);
    write(work, { ...files, '.gitignore': 'node_modules/\npackage.json\npackage-lock.json\n' });
    const commit = sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'templates', '--no-verify', '--allow-empty'], work);
    sh('git', ['add', '-A'], work);
    sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'templates'], work);
    assert.equal(sh('git', ['push', '-q', 'origin', 'main'], work).code, 0, commit.stderr);
    return work;
  }

  async function runSteps(work: string, event: 'push' | 'pull_request'): Promise<Array<{ name: string; code: number | null; output: string }>> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: work, npm_config_offline: 'true', npm_config_update_notifier: 'false',
      // The job's env: the repository secrets, and the region as written in the workflow.
      TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY, SES_TEMPLATE_REGION: 'ap-guangzhou',
      // What this test changes: the package from the tarball, the emulator, a short review.
      SES_TEMPLATE_PACKAGE: tarball, SES_TEMPLATE_ENDPOINT: emulator.url, SES_REVIEW_TIMEOUT: '30', SES_REVIEW_INTERVAL: '0.5',
    };
    const results: Array<{ name: string; code: number | null; output: string }> = [];
    for (const step of steps) {
      if (step.uses || !step.run) continue; // checkout and setup-node: the test is already there
      if (step.if && !(step.if === "github.event_name == 'push'" && event === 'push')) {
        if (step.if !== "github.event_name == 'push'") assert.fail(`a condition this test does not know: ${step.if}`);
        continue;
      }
      const result = await bash(step.run, work, env);
      results.push({ name: step.name, ...result });
      if (result.code !== 0) break;
    }
    return results;
  }

  it('has the steps this test runs', () => {
    assert.deepEqual(steps.filter((s) => s.run).map((s) => s.name), ['Install the CLI', 'Check the templates', 'Push changed templates and wait for review', 'Commit new TemplateIDs']);
  });

  it('a push to main: checks, pushes, waits until approved, commits the new TemplateID', async () => {
    const work = repository(GOOD);
    const results = await runSteps(work, 'push');
    for (const r of results) assert.equal(r.code, 0, `${r.name}: ${r.output}`);
    assert.equal(results.length, 4);
    assert.match(results[2].output, /::notice title=ses-template push::order \(TemplateID (\d+)\) was approved\./);
    const id = (JSON.parse(fs.readFileSync(path.join(work, 'ses.config.json'), 'utf8')) as { templates: Record<string, { templateId: number }> }).templates['mail/order'].templateId;
    assert.equal(emulator.state.templates.find((t) => t.TemplateID === id)?.TemplateStatus, 0);
    const log = sh('git', ['log', '--format=%s', 'origin/main'], work).stdout;
    assert.match(log, /^SES: TemplateIDs of newly pushed templates$/m, 'committed and pushed');
    // The next run has nothing to push and nothing to commit.
    const again = await runSteps(work, 'push');
    assert.ok(again.every((r) => r.code === 0));
    assert.match(again[2].output, /Nothing to push/);
    assert.equal(sh('git', ['log', '--format=%s', 'origin/main'], work).stdout, log);
  });

  it('a pull request with a broken template: the check step fails with an annotation on the file', async () => {
    const work = repository({ ...GOOD, 'mail/order.ses.html': '<p>Hello {{name</p>' });
    const results = await runSteps(work, 'pull_request');
    assert.equal(results.at(-1)!.name, 'Check the templates');
    assert.equal(results.at(-1)!.code, 1);
    assert.match(results.at(-1)!.output, /^::error file=mail\/order\.ses\.html,line=1,col=\d+,endLine=\d+,endColumn=\d+,title=handlebars-syntax::/m);
  });
});

describe('docs/ci/pre-commit', () => {
  it('lets a clean template in and stops a broken one', () => {
    const repo = tempDir();
    sh('git', ['init', '-q', repo], repo);
    fs.symlinkSync(path.join(installed, 'node_modules'), path.join(repo, 'node_modules'));
    fs.copyFileSync(path.join(ROOT, 'docs', 'ci', 'pre-commit'), path.join(repo, '.git', 'hooks', 'pre-commit'));
    fs.chmodSync(path.join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
    write(repo, { ...GOOD, '.gitignore': 'node_modules\n' });
    const commit = () => sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'x'], repo);
    sh('git', ['add', '-A'], repo);
    const good = commit();
    assert.equal(good.code, 0, good.stdout + good.stderr);
    write(repo, { 'mail/order.ses.html': '<p>Hello {{name</p>' });
    sh('git', ['add', '-A'], repo);
    const bad = commit();
    assert.notEqual(bad.code, 0);
    assert.match(bad.stdout + bad.stderr, /mail\/order\.ses\.html:1:\d+ error handlebars-syntax/);
    assert.match(bad.stderr, /ses-template check --fix/);
    assert.equal(sh('git', ['log', '--oneline'], repo).stdout.trim().split('\n').length, 1, 'the broken template was not committed');
    // A commit touching no template does not run the checks.
    write(repo, { 'README.md': 'x' });
    sh('git', ['reset', '-q'], repo);
    sh('git', ['add', 'README.md'], repo);
    assert.equal(commit().code, 0);
  });
});
