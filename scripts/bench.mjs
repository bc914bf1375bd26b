// `npm run bench`: what validation costs, as a ratio to a bare Handlebars parse of the same text in
// the same process (so the figures compare across machines). Reports; asserts nothing.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const { parseWithoutProcessing } = require('handlebars/dist/cjs/handlebars/compiler/base');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { createLanguageService } = require(path.join(root, 'out/server/src/service/languageService.js'));
const { DEFAULT_SETTINGS } = require(path.join(root, 'out/server/src/service/settings.js'));

const service = createLanguageService();
const example = (name) => fs.readFileSync(path.join(root, 'examples', name), 'utf8');
const transactional = example('order-confirmation.ses.html');
const cases = {
  'order-confirmation.ses.html (2 KB)': transactional,
  'password-reset.ses.html (broken, 0.6 KB)': example('password-reset.ses.html'),
  'transactional ×50 (100 KB)': transactional.repeat(50),
  'transactional ×500 (1 MB)': transactional.repeat(500),
  'transactional ×500 + unclosed block at end': transactional.repeat(500) + '{{#if vip}}',
};

/** Median milliseconds of `fn` over enough runs to take about `budgetMs`. */
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

console.log('validation = parse + all checks, on a new document version each run');
console.log('baseline   = Handlebars parseWithoutProcessing of the same text (throws on broken text)\n');
console.log(`${'template'.padEnd(46)} ${'baseline ms'.padStart(12)} ${'validation ms'.padStart(14)} ${'ratio'.padStart(7)}`);
let version = 0;
for (const [name, text] of Object.entries(cases)) {
  const baseline = median(() => {
    try { parseWithoutProcessing(text); } catch { /* broken templates throw: that is the baseline's cost */ }
  });
  const validation = median(() => {
    const document = TextDocument.create('file:///bench.ses.html', 'ses-html', ++version, text);
    service.validate(document, service.parse(document), DEFAULT_SETTINGS);
  });
  console.log(`${name.padEnd(46)} ${baseline.toFixed(3).padStart(12)} ${validation.toFixed(3).padStart(14)} ${(validation / baseline).toFixed(2).padStart(7)}`);
}
