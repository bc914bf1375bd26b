import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { missingVariable } from '../../server/src/service/checks/missingVariable';
import { loadServerL10n } from '../../server/src/serverL10n';
import { assertMarkedRanges, runChecks } from './checkHarness';

const CONFIG = (subject: string) => JSON.stringify({ templates: { welcome: { subject } } });

describe('missing-variable check', () => {
  afterEach(() => l10n.config({ contents: {} }));

  const cases: Array<[string, Record<string, string>, RegExp?]> = [
    ['a variable missing from the only data set', {
      'welcome.ses.html': '<p>Hi {{«name»}}, {{code}}</p>',
      'welcome.data.json': '{"code": "1234"}',
    }, /`\{\{name\}\}` is missing in: default\. Add the key `name`/],
    ['once per variable per document, at the first use', {
      'welcome.ses.html': '{{«name»}} {{name}}\n{{name}}',
      'welcome.ses.txt': 'Hello {{«name»}} and {{name}}',
      'welcome.data.json': '{}',
    }],
    ['naming every data set that lacks it, default first', {
      'welcome.ses.html': '{{«name»}} {{code}} {{«city»}}',
      'welcome.data.json': '{"code": "1"}',
      'welcome.data.zh.json': '{"code": "1", "city": "北京"}',
      'welcome.data.en.json': '{"code": "1"}',
    }, /missing in: default, en, zh\./],
    ['a variable of the subject, in ses.config.json', {
      'welcome.ses.html': '{{code}}',
      'welcome.data.json': '{"code": "1"}',
      'ses.config.json': '{"templates": {"welcome": {"subject": "Hi {{«name»}}, {{code}}"}}}',
    }],
    ['a variable used in the subject and a part: once in each', {
      'welcome.ses.html': '{{«name»}}',
      'welcome.data.json': '{}',
      'ses.config.json': '{"templates": {"welcome": {"subject": "{{«name»}}"}}}',
    }],
    ['`__proto__` and `constructor` are ordinary keys', {
      'welcome.ses.html': '{{__proto__}} {{constructor}} {{«toString»}}',
      'welcome.data.json': '{"__proto__": "a", "constructor": "b"}',
    }],
    ['in the handlebars dialect, a path reads its head key', {
      'welcome.ses.html': '{{#each items}}{{title}}{{/each}} {{«user».name}} {{@root.code}}',
      'welcome.data.json': '{"items": [], "code": "1"}',
    }],
  ];
  for (const [name, files, message] of cases) {
    it(`reports ${name}`, () => {
      const run = runChecks([missingVariable], files, { dialect: name.includes('handlebars dialect') ? 'handlebars' : 'tencent' });
      assertMarkedRanges(run);
      for (const d of run.all) {
        assert.equal(d.code, 'missing-variable');
        assert.equal(d.severity, DiagnosticSeverity.Error);
      }
      if (message) assert.match(String(run.all[0].message), message);
    });
  }

  const quiet: Array<[string, Record<string, string>]> = [
    ['every variable present in every data set', { 'welcome.ses.html': '{{a}} {{b}}', 'welcome.data.json': '{"a": "1", "b": ""}', 'welcome.data.zh.json': '{"b": "2", "a": "1"}' }],
    ['no data set at all (no-data-set says so)', { 'welcome.ses.html': '{{a}}', 'ses.config.json': CONFIG('{{b}}') }],
    ['a data set that is not valid JSON yet (invalid-data-file says so)', { 'welcome.ses.html': '{{a}}', 'welcome.data.json': '{"b": ' }],
    ['a data set that is an array', { 'welcome.ses.html': '{{a}}', 'welcome.data.json': '["a"]' }],
    ['a tencent-dialect construct: not a variable', { 'welcome.ses.html': '{{#if a}}{{/if}} {{user.name}} {{{html}}}', 'welcome.data.json': '{}' }],
    ['a template with a syntax error (no variables known)', { 'welcome.ses.html': '{{a}} {{b', 'welcome.data.json': '{}' }],
  ];
  for (const [name, files] of quiet) {
    it(`is quiet for ${name}`, () => assert.deepEqual(runChecks([missingVariable], files).all, []));
  }

  it('checks the remaining data sets when one is broken', () => {
    const run = runChecks([missingVariable], { 'welcome.ses.html': '{{«a»}}', 'welcome.data.json': '{"a": ', 'welcome.data.zh.json': '{}' });
    assertMarkedRanges(run);
    assert.match(String(run.all[0].message), /missing in: zh\./);
  });

  it('can be turned off or downgraded', () => {
    const files = { 'welcome.ses.html': '{{a}}', 'welcome.data.json': '{}' };
    assert.deepEqual(runChecks([missingVariable], files, { settings: { checks: { 'missing-variable': 'off' } } }).all, []);
    assert.equal(runChecks([missingVariable], files, { settings: { checks: { 'missing-variable': 'hint' } } }).all[0].severity, DiagnosticSeverity.Hint);
  });

  it('speaks Simplified Chinese with the zh-cn bundle', () => {
    const contents = loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'));
    assert.ok(contents);
    l10n.config({ contents });
    const run = runChecks([missingVariable], { 'welcome.ses.html': '{{name}}', 'welcome.data.json': '{}', 'welcome.data.zh.json': '{}' });
    assert.equal(run.all[0].message, '`{{name}}` 在以下数据集中缺失：default、zh。请在这些数据集中添加键 `name`，使每次发送都能填入它。');
  });
});
