// Wall time and peak memory of the CLI on many templates (docs/cli.md "Speed"):
//   npm run build && npm run compile-tests && node scripts/cli-timing.mjs
// `check` on 2,000 templates (the corpus copied into 2,000 folders) and `push --dry-run` on 200
// templates against the emulator (100 linked to seeded templates, 100 new). Prints medians of 3 runs:
// wall time, CPU time (user + system: on a shared machine the wall time is mostly waiting for a core)
// and peak RSS, each reported by the CLI process itself.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const ROOT = path.join(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const require = createRequire(import.meta.url);
const { startEmulator, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } = require(path.join(ROOT, 'out', 'test', 'emulator', 'index.js'));

const corpus = path.join(ROOT, 'test', 'fixtures', 'corpus');
const names = [...new Set(fs.readdirSync(corpus).filter((f) => f.endsWith('.ses.html')).map((f) => f.slice(0, -'.ses.html'.length)))];
const filesOf = (name) => fs.readdirSync(corpus).filter((f) => f.startsWith(name + '.'));

/** `count` templates, each in its own folder, cycling through the corpus. */
function workspace(count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-timing-'));
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length];
    const folder = path.join(dir, `t${String(i).padStart(4, '0')}`);
    fs.mkdirSync(folder);
    for (const file of filesOf(name)) fs.copyFileSync(path.join(corpus, file), path.join(folder, file.replace(name, `${name}-${i}`)));
  }
  return dir;
}

// Peak RSS of the child, reported by itself on exit.
const hook = path.join(os.tmpdir(), 'ses-timing-rss.cjs');
fs.writeFileSync(hook, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nmaxRSS ' + u.maxRSS + ' cpu ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n");

function run(args, cwd, env = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', hook, CLI, ...args], { cwd, env: { ...process.env, ...env } });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => {
      const [, rssKb, cpuUs] = /maxRSS (\d+) cpu (\d+)/.exec(stderr) ?? [];
      resolve({ code, ms: performance.now() - started, rssMb: Number(rssKb) / 1024, cpuMs: Number(cpuUs) / 1000, stdout });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function measure(label, args, cwd, env) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await run(args, cwd, env));
  console.log(`${label}: ${Math.round(median(runs.map((r) => r.ms)))} ms wall, ${Math.round(median(runs.map((r) => r.cpuMs)))} ms CPU, ${Math.round(median(runs.map((r) => r.rssMb)))} MB peak RSS (exit ${runs[0].code})`);
  return runs[0];
}

const big = workspace(2000);
const first = await measure('check, 2,000 templates', ['--format', 'json'], big);
const summary = JSON.parse(first.stdout).summary;
console.log(`  ${summary.templates} templates, ${summary.files} files, ${summary.errors} errors, ${summary.warnings} warnings`);
fs.rmSync(big, { recursive: true, force: true });

const pushDir = workspace(200);
const seeded = [];
let config = { templates: {} };
for (let i = 0; i < 100; i++) {
  const name = `${names[i % names.length]}-${i}`;
  const folder = `t${String(i).padStart(4, '0')}`;
  seeded.push({ TemplateID: i + 1, TemplateName: name, TemplateStatus: 0, Html: i % 2 ? '<p>old</p>' : fs.readFileSync(path.join(pushDir, folder, `${name}.ses.html`), 'utf8') });
  config.templates[`${folder}/${name}`] = { templateId: i + 1 };
}
fs.writeFileSync(path.join(pushDir, 'ses.config.json'), JSON.stringify(config, null, 2));
const emulator = await startEmulator({ seed: { templates: seeded } });
const env = { TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY, SES_TEMPLATE_ENDPOINT: emulator.url };
const push = await measure('push --dry-run, 200 templates against the emulator', ['push', '--dry-run', '--format', 'json'], pushDir, env);
const plan = JSON.parse(push.stdout).templates.reduce((counts, t) => ({ ...counts, [t.action]: (counts[t.action] ?? 0) + 1 }), {});
console.log(`  plan: ${JSON.stringify(plan)}; ${emulator.requests.length / 3} requests per run`);
await emulator.close();
fs.rmSync(pushDir, { recursive: true, force: true });
