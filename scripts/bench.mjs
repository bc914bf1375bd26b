// `npm run bench`: performance figures, as ratios to a baseline run in the same process where
// one exists (so they compare across machines), repeated, with the median and the spread (min–max)
// of the runs. Reports; asserts nothing.
//   1. validation (parse + every check, with a data set) ÷ bare Handlebars parse of the same text
//   2. hover and completion latency over real LSP (node dist/server.js --stdio)
//   3. 2,000 templates with data sets opened at once: time to complete diagnostics, server CPU, RSS
//   4. `ses-template check` on 2,000 templates on disk: wall time, CPU, peak RSS; ÷ a child that
//      only reads the same files and parses each template with Handlebars
//   5. `ses-template push --dry-run` on 200 templates against the local API emulator (test/emulator)
// Each section prints the machine's load average before it: the machine may be shared, and wall
// times grow with its load (CPU times much less).
// Environment: BENCH_ONLY=1,3,4 (sections), BENCH_RUNS (runs of 3–5, default 3; section 1 takes
// 2 × BENCH_RUNS + 1 rounds), BENCH_TEMPLATES (default 2000), BENCH_PUSH_TEMPLATES (default 200),
// BENCH_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' (profiles the server of section 3).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const { parseWithoutProcessing } = require('handlebars/dist/cjs/handlebars/compiler/base');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { PublishDiagnosticsNotification } = require('vscode-languageserver-protocol');
const out = (file) => require(path.join(root, 'out', file));
const { createLanguageService } = out('server/src/service/languageService.js');
const { DEFAULT_SETTINGS } = out('server/src/service/settings.js');
const { assembleProject } = out('server/src/service/project/assemble.js');
const { caches } = out('test/unit/projects.js');
const { stdioClient } = out('test/protocol/testClient.js');
const { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator } = out('test/emulator/index.js');

const CLI = path.join(root, 'dist', 'cli.js');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const ONLY = new Set((process.env.BENCH_ONLY ?? '1,2,3,4,5').split(',').map((s) => s.trim()));

const { CHECKS } = out('server/src/service/checks/index.js');
const service = createLanguageService();
// The TemplateData / template-syntax checks (issue 4) alone, to show what the deliverability checks add.
const TEMPLATE_CHECKS = new Set(['handlebars-syntax', 'too-large-to-check', 'tencent-dialect', 'missing-variable', 'unused-data-key',
  'invalid-data-file', 'complex-value', 'html-in-value', 'non-string-value', 'template-data-too-large', 'variable-name',
  'spaces-in-braces', 'no-data-set']);
const templateService = createLanguageService(CHECKS.filter((c) => TEMPLATE_CHECKS.has(c.meta.id)));

/** An HTML email of about `bytes` using `variables` distinct variables, and its data set. */
function generate(bytes, variables, prefix = '') {
  const names = Array.from({ length: variables }, (_, i) => `var_${i}`);
  let html = prefix + '<!DOCTYPE html><html><body><table role="presentation" width="600">\n';
  for (let i = 0; html.length < bytes; i++) {
    // An image and a link per row, the link with a variable: the image and link checks see every row.
    const name = names[i % variables];
    html += `<tr><td style="padding:8px;font-family:Arial"><img src="https://static.example.com/items/${i}.png" alt="Item ${i}" width="64" height="64"> Dear {{${name}}}, your order ships soon. Item ${i} is on its way to you. <a href="https://shop.example.com/orders/{{${name}}}">Track item ${i}</a></td></tr>\n`;
  }
  html += '</table></body></html>\n';
  const data = JSON.stringify(Object.fromEntries(names.map((n, i) => [n, `value ${i}`])), null, 2);
  return { html, data };
}

/** Median time of `fn` over repeated calls for about `budgetMs` (at least 5 calls). */
function median(fn, budgetMs = 150) {
  const times = [];
  const until = performance.now() + budgetMs;
  do {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  } while (performance.now() < until || times.length < 5);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** `median [min–max]` of a list of figures, each with `digits` decimals. */
function spread(values, digits = 2) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)];
  return sorted.length === 1 ? mid.toFixed(digits) : `${mid.toFixed(digits)} [${sorted[0].toFixed(digits)}–${sorted[sorted.length - 1].toFixed(digits)}]`;
}
const mid = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

const load = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism?.() ?? os.cpus().length} cores`;

console.log(`SES Template Studio bench, ${new Date().toISOString()}, Node ${process.version}; figures: median [min–max] of ${RUNS} run(s) unless said`);

if (ONLY.has('1')) {
  const rounds = 2 * RUNS + 1;
  console.log(`\n1. Validation (parse + checks, template and data set) ÷ Handlebars parseWithoutProcessing of the same text; ${load()}`);
  console.log(`   ${rounds} rounds, each the median of repeated calls of the baseline and both validations in turn, so load changes hit all three`);
  console.log(`${'template'.padEnd(28)} ${'baseline ms'.padStart(12)} ${'template checks ÷ baseline'.padStart(28)} ${'all checks ms'.padStart(14)} ${'all checks ÷ baseline'.padStart(24)}`);
  let version = 0;
  // The last row adds one Handlebars comment, which takes validation off the plain-substitution path
  // (server/src/service/simpleTemplateParser.ts) and through Handlebars' parser, as any syntax beyond
  // `{{name}}` does.
  for (const [name, bytes, variables, prefix] of [['5 KB, 10 variables', 5_000, 10], ['200 KB, 500 variables', 200_000, 500], ['2 MB, 500 variables', 2_000_000 - 10_000, 500],
    ['200 KB + {{!-- comment --}}', 200_000, 500, '{{!-- layout v2 --}}']]) {
    const { html, data } = generate(bytes, variables, prefix);
    const validate = (svc) => {
      version++;
      const part = TextDocument.create('file:///b/t.ses.html', 'ses-html', version, html);
      const set = TextDocument.create('file:///b/t.data.json', 'json', version, data);
      const project = assembleProject({ template: { folder: 'file:///b/', name: 't' }, parts: [{ document: part, kind: 'html' }], dataSets: [{ document: set, set: 'default' }] }, 'tencent', caches);
      svc.validate(project, DEFAULT_SETTINGS);
    };
    const baselines = [];
    const some = [];
    const all = [];
    const budget = bytes > 1_000_000 ? 600 : 150;
    for (let round = 0; round < rounds; round++) {
      const baseline = median(() => parseWithoutProcessing(html), budget);
      baselines.push(baseline);
      some.push(median(() => validate(templateService), budget) / baseline);
      const allMs = median(() => validate(service), budget);
      all.push({ ms: allMs, ratio: allMs / baseline });
    }
    console.log(`${name.padEnd(28)} ${mid(baselines).toFixed(2).padStart(12)} ${spread(some).padStart(28)} ${mid(all.map((a) => a.ms)).toFixed(2).padStart(14)} ${spread(all.map((a) => a.ratio)).padStart(24)}`);
  }
}

/** RSS and peak RSS (VmHWM) of a running process, in MB. */
function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) of a running process so far, in seconds. */
function cpuOf(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // Fields 14 and 15 of proc(5) (utime, stime), counted from the state field (3) here.
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}

const tempDirs = [];
const tempDir = (prefix) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};

try {
  // 2 and 3 run the built server as the extension starts it (with SERVER_NODE_FLAGS, see common/nodeFlags.ts).
  const serverArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  if (ONLY.has('2')) {
    const dir = tempDir('ses-bench-');
    const uriOf = (file) => pathToFileURL(path.join(dir, file)).toString();
    const { client, exited } = stdioClient();
    await client.initialize('en', pathToFileURL(dir).toString());
    const { html, data } = generate(5_000, 10);
    fs.writeFileSync(path.join(dir, 'lat.data.json'), data);
    await client.open(uriOf('lat.ses.html'), html);
    const offset = html.indexOf('{{var_3}}') + 4;
    const before = html.slice(0, offset);
    const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
    console.log(`\n2. Request latency over LSP (5 KB template, 10 variables), 300 requests each; ${load()}`);
    for (const method of ['textDocument/hover', 'textDocument/completion']) {
      const times = [];
      for (let i = 0; i < 300; i++) {
        const start = performance.now();
        await client.connection.sendRequest(method, { textDocument: { uri: uriOf('lat.ses.html') }, position });
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(`${method.padEnd(26)} p50 ${percentile(times, 0.5).toFixed(2)} ms   p95 ${percentile(times, 0.95).toFixed(2)} ms`);
    }
    await client.shutdown();
    await exited;
  }

  const count = Number(process.env.BENCH_TEMPLATES ?? 2_000);
  if (ONLY.has('3')) {
    console.log(`\n3. ${count.toLocaleString('en')} templates (5 KB, 10 variables) with data sets on disk, all opened at once; ${load()}`);
    console.log('   time: first didOpen sent → last diagnostics received; CPU: the server\'s, over that time; a fresh server each run');
    const { html, data } = generate(5_000, 10);
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const dir = tempDir('ses-bench-');
      const uriOf = (file) => pathToFileURL(path.join(dir, file)).toString();
      for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `t${i}.data.json`), data);
      const { client, child, exited } = stdioClient(run === 0 ? serverArgs : []);
      await client.initialize('en', pathToFileURL(dir).toString());
      // One lookup per notification (TestClient's waiters are scanned in turn: 2,000 of them would
      // make the bench's own client the slow part).
      const waiting = new Map();
      let done;
      const finished = new Promise((resolve) => (done = resolve));
      for (let i = 0; i < count; i++) waiting.set(uriOf(`t${i}.ses.html`), true);
      client.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.version === 1 && waiting.delete(params.uri) && waiting.size === 0) done();
      });
      const cpuBefore = cpuOf(child.pid);
      const start = performance.now();
      for (let i = 0; i < count; i++) {
        void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(`t${i}.ses.html`), languageId: 'ses-html', version: 1, text: html } });
      }
      await finished;
      const elapsed = (performance.now() - start) / 1000;
      const cpu = cpuOf(child.pid) - cpuBefore;
      const memory = memoryOf(child.pid);
      runs.push({ elapsed, cpu, ...memory });
      await client.shutdown();
      await exited;
    }
    console.log(`time to complete diagnostics: ${spread(runs.map((r) => r.elapsed))} s; server CPU ${spread(runs.map((r) => r.cpu))} s; server RSS at the end ${spread(runs.map((r) => r.rss), 0)} MB, peak ${spread(runs.map((r) => r.peak), 0)} MB`);
    console.log('goal: ≤ 3 s, ≤ 200 MB');
  }

  /** Runs node with `args`; wall time, CPU time and peak RSS of the child (read by a preloaded hook at its exit). */
  const usageHook = path.join(tempDir('ses-bench-hook-'), 'usage.cjs');
  fs.writeFileSync(usageHook, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, peak: u.maxRSS / 1024 })); });\n");
  const timed = (args, options = {}) => new Promise((resolve, reject) => {
    const usageFile = path.join(path.dirname(usageHook), `usage-${process.hrtime.bigint()}.json`);
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', usageHook, ...args], { ...options, env: { ...process.env, ...options.env, BENCH_USAGE_FILE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - start) / 1000;
      try {
        resolve({ code, wall, ...JSON.parse(fs.readFileSync(usageFile, 'utf8')), stdout, stderr });
      } catch (error) {
        reject(new Error(`${args.join(' ')}: no usage (${error.message}); exit ${code}; ${stderr.slice(0, 500)}`));
      }
    });
  });
  /** A child that only reads every file under `dir` and parses each template with Handlebars: the floor of a check. */
  const baselineScript = path.join(path.dirname(usageHook), 'readAndParse.cjs');
  fs.writeFileSync(baselineScript, `const fs = require('fs'); const path = require('path');
const { parseWithoutProcessing } = require(${JSON.stringify(require.resolve('handlebars/dist/cjs/handlebars/compiler/base'))});
const dir = process.argv[2]; let n = 0;
for (const name of fs.readdirSync(dir)) { const text = fs.readFileSync(path.join(dir, name), 'utf8'); if (name.endsWith('.ses.html')) { parseWithoutProcessing(text); n++; } }
process.stdout.write(n + ' templates\\n');
`);

  if (ONLY.has('4')) {
    console.log(`\n4. ses-template check on ${count.toLocaleString('en')} templates (5 KB, 10 variables, each with a data set) in one folder; ${load()}`);
    console.log('   baseline: a Node process that reads the same files and parses each template with Handlebars; runs alternate');
    const { html, data } = generate(5_000, 10);
    const dir = tempDir('ses-bench-check-');
    for (let i = 0; i < count; i++) {
      fs.writeFileSync(path.join(dir, `t${i}.ses.html`), html);
      fs.writeFileSync(path.join(dir, `t${i}.data.json`), data);
    }
    const checks = [];
    const baselines = [];
    for (let run = 0; run < RUNS; run++) {
      baselines.push(await timed([baselineScript, dir]));
      const check = await timed([CLI, 'check', '--format', 'json', '.'], { cwd: dir });
      const checked = JSON.parse(check.stdout).summary.templates;
      if (checked !== count) throw new Error(`check saw ${checked} templates, not ${count}`);
      checks.push(check);
    }
    console.log(`check: ${spread(checks.map((c) => c.wall))} s wall, ${spread(checks.map((c) => c.cpu))} s CPU, peak RSS ${spread(checks.map((c) => c.peak), 0)} MB (exit code ${checks[0].code})`);
    console.log(`baseline: ${spread(baselines.map((c) => c.wall))} s wall, ${spread(baselines.map((c) => c.cpu))} s CPU, peak RSS ${spread(baselines.map((c) => c.peak), 0)} MB`);
    console.log(`check ÷ baseline (wall, per run): ${spread(checks.map((c, i) => c.wall / baselines[i].wall))}`);
    console.log('goal: ≤ 2 s, ≤ 200 MB');
  }

  if (ONLY.has('5')) {
    const pushCount = Number(process.env.BENCH_PUSH_TEMPLATES ?? 200);
    console.log(`\n5. ses-template push --dry-run on ${pushCount} templates against the local API emulator (signed HTTP, 127.0.0.1); ${load()}`);
    console.log(`   all ${pushCount} in Tencent Cloud already (linked in ses.config.json), half of them changed locally: one ListEmailTemplates page per 100 and one GetEmailTemplate each`);
    console.log('   baseline: ses-template check on the same folder; runs alternate');
    const { html, data } = generate(5_000, 10);
    const text = 'Your order ships soon. '.repeat(20);
    const dir = tempDir('ses-bench-push-');
    const templates = {};
    const seed = [];
    for (let i = 0; i < pushCount; i++) {
      fs.writeFileSync(path.join(dir, `t${i}.ses.html`), html);
      fs.writeFileSync(path.join(dir, `t${i}.ses.txt`), text);
      fs.writeFileSync(path.join(dir, `t${i}.data.json`), data);
      templates[`t${i}`] = { templateId: 1000 + i, subject: 'Your order {{var_0}}' };
      seed.push({ TemplateID: 1000 + i, TemplateName: `t${i}`, TemplateStatus: 0, Html: i % 2 === 0 ? html : html.replace('Dear', 'Hello'), Text: text });
    }
    fs.writeFileSync(path.join(dir, 'ses.config.json'), JSON.stringify({ defaults: { from: 'Shop <noreply@mail.example.com>' }, templates }, null, 2));
    const emulator = await startEmulator({ history: { requests: 1_000_000, bytes: 1e9 }, seed: { senders: [{ EmailAddress: 'noreply@mail.example.com' }], templates: seed } });
    try {
      const env = { TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY, SES_TEMPLATE_ENDPOINT: emulator.url, HOME: dir };
      const pushes = [];
      const checks = [];
      for (let run = 0; run < RUNS; run++) {
        checks.push(await timed([CLI, 'check', '--format', 'json', '.'], { cwd: dir }));
        const requestsBefore = emulator.history().requests;
        const push = await timed([CLI, 'push', '--dry-run', '--format', 'json', '.'], { cwd: dir, env });
        const plan = JSON.parse(push.stdout);
        const actions = {};
        for (const t of plan.templates ?? []) actions[t.action] = (actions[t.action] ?? 0) + 1;
        if (push.code !== 0 || actions.update !== pushCount / 2 || actions.upToDate !== pushCount / 2) {
          throw new Error(`push --dry-run: exit ${push.code}, plan ${JSON.stringify(actions)}; ${push.stderr.slice(0, 500)}`);
        }
        push.requests = emulator.history().requests - requestsBefore;
        pushes.push(push);
      }
      console.log(`push --dry-run: ${spread(pushes.map((c) => c.wall))} s wall, ${spread(pushes.map((c) => c.cpu))} s CPU, peak RSS ${spread(pushes.map((c) => c.peak), 0)} MB; ${pushes[0].requests} API requests; plan: ${pushCount / 2} would update, ${pushCount / 2} up to date`);
      console.log(`check (same folder): ${spread(checks.map((c) => c.wall))} s wall, ${spread(checks.map((c) => c.cpu))} s CPU`);
      console.log(`push --dry-run ÷ check (wall, per run): ${spread(pushes.map((c, i) => c.wall / checks[i].wall))}`);
    } finally {
      await emulator.close();
    }
  }
  console.log(`\nend: ${load()}`);
} finally {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}
