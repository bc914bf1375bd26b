import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it, afterEach } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { handlebarsSyntax } from '../../server/src/service/checks/handlebarsSyntax';
import { tooLargeToCheck } from '../../server/src/service/checks/tooLargeToCheck';
import { createLanguageService } from '../../server/src/service/languageService';
import { assembleProject } from '../../server/src/service/project/assemble';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../server/src/service/settings';
import { MAX_ANALYSED_LENGTH } from '../../server/src/service/templateParser';
import { loadServerL10n } from '../../server/src/serverL10n';
import { fixture } from './markers';
import { caches } from './projects';

// Only the checks under test, so that other checks (the Tencent dialect) do not add findings.
const service = createLanguageService([handlebarsSyntax, tooLargeToCheck]);

function validate(document: TextDocument, settings = DEFAULT_SETTINGS) {
  const template = { folder: 'file:///w/', name: 'welcome' };
  const project = assembleProject({ template, parts: [{ document, kind: 'html' }], dataSets: [] }, settings.dialect, caches);
  return service.validate(project, settings).get(document.uri) ?? [];
}
const L10N_DIR = path.join(__dirname, '..', '..', '..', 'l10n');

function diagnose(marked: string, settings = DEFAULT_SETTINGS) {
  const { document, ranges } = fixture(marked);
  return { diagnostics: validate(document, settings), ranges };
}

describe('handlebars-syntax check', () => {
  afterEach(() => l10n.config({ contents: {} }));

  const errors: Array<[string, string, RegExp]> = [
    ['unclosed {{ at end of file', 'Hello «{{name»', /This `\{\{` is never closed: add `\}\}` after the variable name\./],
    ['unclosed {{ before more lines', '<p>Hi «{{first_name»</p>\n<p>Bye</p>', /`\{\{` is never closed/],
    ['unclosed {{ followed by another tag', 'Hi «{{» name and {{other}}', /`\{\{` is never closed/],
    ['unterminated block', '<p>a</p>\n«{{#if vip}}»\n<p>b</p>', /The block `\{\{#if\}\}` is never closed: add `\{\{\/if\}\}`/],
    ['unterminated each inside a closed if', '{{#if a}}{{#each items}}«{{/if}}»', /`\{\{\/if\}\}` does not match the block `\{\{#each\}\}` opened on line 1: close that block with `\{\{\/each\}\}` first\./],
    ['mismatched close', '{{#if x}}\nb «{{/each}}»', /`\{\{\/each\}\}` does not match the block `\{\{#if\}\}` opened on line 1: close that block with `\{\{\/if\}\}` first\./],
    ['stray close', 'x\n  «{{/if}}»', /`\{\{\/if\}\}` closes a block that was never opened/],
    ['unclosed comment', 'a «{{!--» x }}', /comment is never closed/],
    ['else outside a block', '«{{else}}»', /Template syntax error: `\{\{else\}\}` is not valid here\./],
    ['missing hash value', '{{a b=«}}»', /Template syntax error: `\}\}` is not valid here\./],
    ['unclosed raw block', '«{{{{raw}}}}» {{x}}', /The block `\{\{#raw\}\}` is never closed/],
  ];
  for (const [name, marked, message] of errors) {
    it(`reports ${name} at the right range`, () => {
      const { diagnostics, ranges } = diagnose(marked);
      assert.ok(diagnostics.length >= 1, 'expected a diagnostic');
      const first = diagnostics[0];
      assert.deepEqual(first.range, ranges[0]);
      assert.match(String(first.message), message);
      assert.equal(first.code, 'handlebars-syntax');
      assert.equal(first.source, 'SES');
      assert.equal(first.severity, DiagnosticSeverity.Error);
    });
  }

  it('reports every block left open, not only the innermost', () => {
    const { diagnostics, ranges } = diagnose('«{{#if a}}» x «{{#each b}}» y');
    assert.deepEqual(diagnostics.map((d) => d.range), ranges);
  });

  const valid = [
    '',
    'Hello {{name}}, your code is {{code}}.',
    '<p>{{#if vip}}VIP{{else}}Member{{/if}}</p>',
    '{{#each items as |item|}}{{item.name}}{{/each}}',
    '{{!-- a comment with }} inside --}} {{! short }}',
    '\\{{not a tag}} literal braces',
    '{{{{raw}}}} {{ anything {{{{/raw}}}}',
    '{{{unescaped}}} and {{> partial}}',
    'text with a single { brace } and }} closers',
  ];
  for (const text of valid) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      assert.deepEqual(diagnose(text).diagnostics, []);
    });
  }

  it('reports binary content once, at the first NUL character', () => {
    const { diagnostics, ranges } = diagnose('PNG«\0»\u0001\u0002{{x}}\0');
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range, ranges[0]);
    assert.match(String(diagnostics[0].message), /binary data/);
  });

  it('does not analyse a file above the size limit, and says so once', () => {
    const text = '{{#if x}}' + 'a'.repeat(MAX_ANALYSED_LENGTH);
    const document = TextDocument.create('file:///w/huge.ses.html', 'ses-html', 1, text);
    const diagnostics = validate(document);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'too-large-to-check');
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(String(diagnostics[0].message), /2\.0 million characters/);
  });

  it('uses the severity from sesStudio.checks, and none when off', () => {
    const warning = diagnose('Hello «{{name»', normaliseSettings({ checks: { 'handlebars-syntax': 'warning' } }));
    assert.equal(warning.diagnostics[0].severity, DiagnosticSeverity.Warning);
    const off = diagnose('Hello {{name', normaliseSettings({ checks: { 'handlebars-syntax': 'off' } }));
    assert.deepEqual(off.diagnostics, []);
  });

  it('ignores invalid severities in settings', () => {
    const { diagnostics } = diagnose('Hello {{name', normaliseSettings({ checks: { 'handlebars-syntax': 'loud' }, extra: 1 }));
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.deepEqual(normaliseSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(normaliseSettings({ checks: [1, 2] }), DEFAULT_SETTINGS);
  });

  it('speaks Simplified Chinese with the zh-cn bundle', () => {
    const contents = loadServerL10n('zh-cn', L10N_DIR);
    assert.ok(contents, 'zh-cn bundle found');
    l10n.config({ contents });
    const unclosed = diagnose('Hello «{{name»').diagnostics[0];
    assert.equal(unclosed.message, '此处的 `{{` 没有闭合：请在变量名后添加 `}}`。');
    const block = diagnose('{{#if x}}\nb {{/each}}').diagnostics[0];
    assert.equal(block.message, '`{{/each}}` 与第 1 行开始的块 `{{#if}}` 不匹配：请先用 `{{/if}}` 结束该块。');
  });

  it('falls back to English for a locale without a bundle', () => {
    assert.equal(loadServerL10n('fr', L10N_DIR), undefined);
    assert.ok(loadServerL10n('zh-CN', L10N_DIR), 'locale match ignores case');
  });
});
