// `npm run bench`: performance figures, as ratios to a baseline run in the same process where
// one exists (so they compare across machines). Reports; asserts nothing.
//   1. validation (parse + every check, with a data set) ÷ bare Handlebars parse of the same text
//   2. hover and completion latency over real LSP (node dist/server.js --stdio)
//   3. 2,000 templates with data sets opened at once: time to complete diagnostics, server RSS
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
const out = (file) => require(path.join(root, 'out', file));
const { createLanguageService } = out('server/src/service/languageService.js');
const { DEFAULT_SETTINGS } = out('server/src/service/settings.js');
const { assembleProject } = out('server/src/service/project/assemble.js');
const { caches } = out('test/unit/projects.js');
const { stdioClient } = out('test/protocol/testClient.js');

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

function median(fn, budgetMs = 400) {
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

console.log('1. Validation (parse + checks, template and data set) ÷ Handlebars parseWithoutProcessing of the same text');
console.log(`${'template'.padEnd(26)} ${'baseline ms'.padStart(12)} ${'template checks'.padStart(16)} ${'ratio'.padStart(6)} ${'all checks'.padStart(11)} ${'ratio'.padStart(6)}`);
let version = 0;
// The last row adds one Handlebars comment, which takes validation off the plain-substitution path
// (server/src/service/simpleTemplateParser.ts) and through Handlebars' parser, as any syntax beyond
// `{{name}}` does.
for (const [name, bytes, variables, prefix] of [['5 KB, 10 variables', 5_000, 10], ['200 KB, 500 variables', 200_000, 500], ['2 MB, 500 variables', 2_000_000 - 10_000, 500],
  ['200 KB + {{!-- comment --}}', 200_000, 500, '{{!-- layout v2 --}}']]) {
  const { html, data } = generate(bytes, variables, prefix);
  const baseline = median(() => parseWithoutProcessing(html));
  const validate = (svc) => median(() => {
    version++;
    const part = TextDocument.create('file:///b/t.ses.html', 'ses-html', version, html);
    const set = TextDocument.create('file:///b/t.data.json', 'json', version, data);
    const project = assembleProject({ template: { folder: 'file:///b/', name: 't' }, parts: [{ document: part, kind: 'html' }], dataSets: [{ document: set, set: 'default' }] }, 'tencent', caches);
    svc.validate(project, DEFAULT_SETTINGS);
  });
  const some = validate(templateService);
  const all = validate(service);
  console.log(`${name.padEnd(26)} ${baseline.toFixed(2).padStart(12)} ${some.toFixed(2).padStart(16)} ${(some / baseline).toFixed(2).padStart(6)} ${all.toFixed(2).padStart(11)} ${(all / baseline).toFixed(2).padStart(6)}`);
}

// 2 and 3 run the built server as the extension starts it (with SERVER_NODE_FLAGS, see common/nodeFlags.ts).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-bench-'));
const uriOf = (file) => pathToFileURL(path.join(dir, file)).toString();
try {
  // BENCH_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server.
  const { client, child, exited } = stdioClient((process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean));
  await client.initialize('en', pathToFileURL(dir).toString());
  const { html, data } = generate(5_000, 10);
  fs.writeFileSync(path.join(dir, 'lat.data.json'), data);
  await client.open(uriOf('lat.ses.html'), html);
  const offset = html.indexOf('{{var_3}}') + 4;
  const before = html.slice(0, offset);
  const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
  console.log('\n2. Request latency over LSP (5 KB template, 10 variables), 300 requests each');
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

  console.log('\n3. 2,000 templates (5 KB, 10 variables) with data sets, all opened at once');
  const count = Number(process.env.BENCH_TEMPLATES ?? 2_000);
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `t${i}.data.json`), data);
  const start = performance.now();
  const waits = [];
  for (let i = 0; i < count; i++) {
    const uri = uriOf(`t${i}.ses.html`);
    waits.push(client.nextDiagnostics((p) => p.uri === uri && p.version === 1, 120_000));
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ses-html', version: 1, text: html } });
  }
  await Promise.all(waits);
  const elapsed = performance.now() - start;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  console.log(`time to complete diagnostics: ${(elapsed / 1000).toFixed(2)} s; server RSS: ${rss.toFixed(0)} MB`);
  await client.shutdown();
  await exited;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
