// The pure parts of ses-template-check: globs, arguments, settings files, exit codes and output formats.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { loadServerL10n } from '../../server/src/serverL10n';
import { describe, it } from 'node:test';
import { parseCliArgs } from '../../server/src/cli/args';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import { formatJson } from '../../server/src/cli/formats/json';
import { formatSarif } from '../../server/src/cli/formats/sarif';
import { formatText } from '../../server/src/cli/formats/text';
import { compileGlob } from '../../server/src/cli/glob';
import { displayPath } from '../../server/src/cli/runChecks';
import { exitCodeOf, type CliFinding, type RunReport } from '../../server/src/cli/report';
import { mergeLayers, readSettingsText, sectionOf, templateGlobsOf } from '../../server/src/cli/settingsFile';
import { CHECKS } from '../../server/src/service/checks';
import { normaliseSettings } from '../../server/src/service/settings';

const finding = (over: Partial<CliFinding> = {}): CliFinding => ({
  path: 'a.ses.html', line: 2, column: 3, endLine: 2, endColumn: 5, severity: 'error', code: 'handlebars-syntax', message: 'm', ...over,
});
const report = (findings: CliFinding[], over: Partial<RunReport> = {}): RunReport => ({
  findings, fileErrors: [], warnings: [], templates: 1, files: 1, durationMs: 5, ...over,
});

describe('ses-template-check: globs', () => {
  const cases: Array<[string, string, boolean]> = [
    ['**/*.ses.html', 'welcome.ses.html', true],
    ['**/*.ses.html', 'a/b/welcome.ses.html', true],
    ['**/*.ses.html', 'welcome.ses.txt', false],
    ['**/legacy/*.html', 'legacy/win-back.html', true],
    ['**/legacy/*.html', 'x/legacy/win-back.html', true],
    ['**/legacy/*.html', 'legacy/old/win-back.html', false],
    ['emails/**', 'emails/a/b.html', true],
    ['emails/*.{html,txt}', 'emails/a.txt', true],
    ['emails/*.{html,txt}', 'emails/a.json', false],
    ['mail/?.txt', 'mail/a.txt', true],
    ['mail/?.txt', 'mail/ab.txt', false],
    ['mail/[ab].txt', 'mail/b.txt', true],
    ['mail/[!ab].txt', 'mail/b.txt', false],
    ['a.b(c)+$.html', 'a.b(c)+$.html', true],
    ['a.b.html', 'aXb.html', false],
  ];
  for (const [glob, file, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${file}`, () => assert.equal(compileGlob(glob).test(file), expected));
  }
  it('never throws on odd patterns', () => {
    for (const glob of ['{', '}', '[', '[]', '\\', '(', '**', '{a,{b', '[z-a]']) assert.doesNotThrow(() => compileGlob(glob).test('x'));
  });
});

describe('ses-template-check: arguments', () => {
  it('defaults: the current folder, text, threshold error, workspace settings on', () => {
    const parsed = parseCliArgs([]);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.options, { paths: ['.'], format: 'text', threshold: 'error', config: undefined, globs: undefined, workspaceSettings: true, locale: 'en', help: false, version: false, fix: false, fixUnused: false, dryRun: false, showValues: false });
  });
  it('reads every option', () => {
    const parsed = parseCliArgs(['-f', 'sarif', '--severity-threshold=warning', '--config', 'ci.json', '--glob', 'a/*.html', '--glob', 'b/*.txt', '--no-workspace-settings', '--locale', 'zh-cn', '--fix-unused', '--dry-run', 'x', 'y']);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.options, { paths: ['x', 'y'], format: 'sarif', threshold: 'warning', config: 'ci.json', globs: ['a/*.html', 'b/*.txt'], workspaceSettings: false, locale: 'zh-cn', help: false, version: false, fix: true, fixUnused: true, dryRun: true, showValues: false });
  });
  it('rejects bad values and unknown options with a message', () => {
    for (const argv of [['--format', 'xml'], ['--severity-threshold', 'fatal'], ['--nope'], ['--format'], ['--glob', ' '], ['--config', '']]) {
      const parsed = parseCliArgs(argv);
      assert.equal(parsed.ok, false, argv.join(' '));
      if (!parsed.ok) assert.ok(parsed.message.length > 0);
    }
  });
});

describe('ses-template-check: settings files', () => {
  it('reads VS Code settings.json (comments, trailing commas, dotted and nested keys) into the server\'s settings', () => {
    const read = readSettingsText('{\n // c\n "sesStudio.checks.no-data-set": "off",\n "sesStudio.checks": { "variable-name": "error" },\n "sesStudio.dialect": "handlebars",\n "sesStudio.advertisingWords": ["618"],\n "sesStudio.templateGlobs": ["mail/*.txt"],\n "editor.tabSize": 2,\n}');
    assert.ok(read.ok);
    assert.deepEqual(read.warnings, []);
    assert.deepEqual(normaliseSettings(sectionOf(read.layer)), { checks: { 'no-data-set': 'off', 'variable-name': 'error' }, dialect: 'handlebars', advertisingWords: ['618'] });
    assert.deepEqual(templateGlobsOf(read.layer), ['mail/*.txt']);
  });
  it('warns of unknown checks and bad values, and ignores them', () => {
    const read = readSettingsText('{"sesStudio.checks.nope": "off", "sesStudio.checks.no-data-set": "loud", "sesStudio.dialect": 3, "sesStudio.templateGlobs": "x"}');
    assert.ok(read.ok);
    assert.deepEqual(read.layer, {});
    assert.equal(read.warnings.length, 4);
    assert.match(read.warnings[0], /sesStudio\.checks\.nope: there is no check with this id/);
  });
  it('refuses what is not a JSON object, never throwing', () => {
    for (const text of ['', '[]', '"x"', '{"a": ', '['.repeat(50_000), '\0\0']) {
      const read = readSettingsText(text);
      assert.equal(read.ok, false, JSON.stringify(text.slice(0, 10)));
    }
  });
  it('later layers win key by key', () => {
    const merged = mergeLayers([{ 'checks.a': 'off', dialect: 'handlebars' }, { 'checks.a': 'error' }]);
    assert.deepEqual(merged, { 'checks.a': 'error', dialect: 'handlebars' });
  });
});

describe('ses-template-check: exit codes and formats', () => {
  it('exit code: 2 for unread paths, 1 at or above the threshold, else 0', () => {
    assert.equal(exitCodeOf(report([finding({ severity: 'warning' })]), 'error'), 0);
    assert.equal(exitCodeOf(report([finding({ severity: 'warning' })]), 'warning'), 1);
    assert.equal(exitCodeOf(report([finding({ severity: 'error' })]), 'warning'), 1);
    assert.equal(exitCodeOf(report([finding({ severity: 'hint' })]), 'info'), 0);
    assert.equal(exitCodeOf(report([finding({ severity: 'hint' })]), 'hint'), 1);
    assert.equal(exitCodeOf(report([]), 'hint'), 0);
    assert.equal(exitCodeOf(report([], { fileErrors: [{ path: 'x', message: 'm' }] }), 'error'), 2);
  });
  it('text: one line per finding, a blank line between files, the summary', () => {
    const text = formatText(report([finding(), finding({ line: 4 }), finding({ path: 'b.ses.txt', severity: 'info', code: 'no-data-set' })]));
    assert.equal(text, 'a.ses.html:2:3 error handlebars-syntax m\na.ses.html:4:3 error handlebars-syntax m\n\nb.ses.txt:2:3 info no-data-set m\n\n2 errors, 0 warnings, 1 info, 0 hints in 2 of 1 file (1 template checked in 5 ms).\n');
    assert.equal(formatText(report([])), 'No problems in 1 file (1 template checked in 5 ms).\n');
  });

  it('text: plural rules in English, the same file counts as JSON (with findings, checked)', () => {
    const many = report([finding(), finding({ severity: 'warning' }), finding({ path: 'b.ses.txt', severity: 'warning' })], { templates: 3, files: 7, fileErrors: [{ path: 'x', message: 'm' }] });
    assert.match(formatText(many), /^1 error, 2 warnings, 0 infos, 0 hints in 2 of 7 files \(3 templates checked in 5 ms\)\. 1 path could not be read\.$/m);
    const json = JSON.parse(formatJson(many, 1, '0.1.0')) as { summary: { files: number; filesWithFindings: number } };
    assert.deepEqual([json.summary.filesWithFindings, json.summary.files], [2, 7]);
  });

  it('text: Chinese with full-width punctuation', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    try {
      const many = report([finding(), finding({ severity: 'info' })], { templates: 2, files: 3 });
      assert.match(formatText(many), /^3 个文件中有 1 个存在问题：1 个错误、0 个警告、1 条信息、0 条提示（已检查 2 个模板，用时 5 毫秒）。$/m);
      assert.match(formatText(report([])), /^1 个文件，没有问题（已检查 1 个模板，用时 5 毫秒）。$/m);
    } finally {
      l10n.config({ contents: {} });
    }
  });
  it('github: escapes what would end or alter a workflow command', () => {
    assert.equal(escapeData('50% off\r\nnext'), '50%25 off%0D%0Anext');
    assert.equal(escapeProperty('a:b,c'), 'a%3Ab%2Cc');
    const out = formatGithub(report([finding({ path: 'x,y.ses.html', message: 'line1\n::error::injected', severity: 'hint' })]));
    assert.equal(out.split('\n')[0], '::notice file=x%2Cy.ses.html,line=2,col=3,endLine=2,endColumn=5,title=handlebars-syntax::line1%0A::error::injected');
  });
  it('json: stable keys and null docUrl when a check has no page', () => {
    const json = JSON.parse(formatJson(report([finding()]), 1, '1.2.3'));
    assert.deepEqual(json.findings[0], { path: 'a.ses.html', line: 2, column: 3, endLine: 2, endColumn: 5, severity: 'error', code: 'handlebars-syntax', message: 'm', docUrl: null });
    assert.deepEqual(json.tool, { name: 'ses-template-check', version: '1.2.3' });
  });
  it('sarif: a rule for every check and for unknown codes, results pointing at them, absolute paths as file URIs', () => {
    const sarif = JSON.parse(formatSarif(report([finding(), finding({ code: 'made-up', path: '/abs/x y.ses.html', severity: 'info' })]), {
      checks: CHECKS.map((c) => c.meta), descriptions: { 'handlebars-syntax': 'Severity of syntax errors: an unclosed tag.' }, srcRoot: 'file:///w/', toolVersion: 'dev', exitCode: 1,
    }));
    const rules = sarif.runs[0].tool.driver.rules;
    assert.equal(rules.length, CHECKS.length + 1);
    const [first, second] = sarif.runs[0].results;
    assert.equal(rules[first.ruleIndex].id, 'handlebars-syntax');
    assert.equal(rules[first.ruleIndex].shortDescription.text, 'Severity of syntax errors');
    assert.equal(rules[second.ruleIndex].id, 'made-up');
    assert.equal(second.level, 'note');
    assert.deepEqual(second.locations[0].physicalLocation.artifactLocation, { uri: 'file:///abs/x%20y.ses.html' });
  });
});

describe('ses-template-check: display paths', () => {
  // displayPath takes a shortcut for files plainly inside the current folder: it must say what
  // path.relative says for every shape of path, shortcut or not.
  const expected = (file: string, cwd: string) => {
    const relative = path.relative(cwd, file);
    if (relative === '') return '.';
    if (relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/');
    return relative.split(path.sep).join('/');
  };
  it('equals the path relative to the current folder, or the absolute path outside it', { skip: path.sep !== '/' }, () => {
    const cases: Array<[string, string]> = [
      ['/w/p/a.ses.html', '/w/p'], ['/w/p/sub/dir/a.ses.html', '/w/p'], ['/w/p', '/w/p'], ['/w/pq/a.ses.html', '/w/p'],
      ['/w/a.ses.html', '/w/p'], ['/w/p/../q/a.ses.html', '/w/p'], ['/w/p/./a.ses.html', '/w/p'], ['/w/p//a.ses.html', '/w/p'],
      ['/w/p/a/', '/w/p'], ['/w/p/..a.ses.html', '/w/p'], ['/w/p/.a/b.ses.html', '/w/p'], ['/w/p/a/..', '/w/p'],
      ['/w/p/a.ses.html', '/w/p/'], ['/w/p/a.ses.html', '/w/./p'], ['/a.ses.html', '/'], ['/w/p/订单.ses.html', '/w/p'],
    ];
    for (const [file, cwd] of cases) assert.equal(displayPath(file, cwd), expected(file, cwd), `${file} from ${cwd}`);
  });
});
