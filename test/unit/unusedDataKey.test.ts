import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { unusedDataKey } from '../../server/src/service/checks/unusedDataKey';
import { assertMarkedRanges, runChecks } from './checkHarness';

describe('unused-data-key check', () => {
  const cases: Array<[string, Record<string, string>, RegExp?]> = [
    ['a key no part uses, at the key with its quotes', {
      'welcome.ses.html': '{{name}}',
      'welcome.data.json': '{\n  "name": "Alice",\n  «"coupon"»: "X1"\n}',
    }, /The key `coupon` is not used: no part of the template `welcome` and not its subject contains `\{\{coupon\}\}`\./],
    ['in every data set', {
      'welcome.ses.txt': '{{name}}',
      'welcome.data.json': '{"name": "a", «"old"»: "b"}',
      'welcome.data.zh.json': '{«"old"»: "b", "name": "c", «"zh_only"»: "d"}',
    }],
    ['keys used only by the subject are used', {
      'welcome.ses.html': '{{name}}',
      'welcome.data.json': '{"name": "a", "code": "1", «"x"»: "2"}',
      'ses.config.json': '{"templates": {"welcome": {"subject": "Your code {{code}}"}}}',
    }],
    ['`__proto__` and `constructor` keys', {
      'welcome.ses.html': '{{name}}',
      'welcome.data.json': '{"name": "a", «"__proto__"»: "x", «"constructor"»: "y"}',
    }],
    ['a key of a duplicate-key file once (the first occurrence)', {
      'welcome.ses.html': '{{name}}',
      'welcome.data.json': '{"name": "a", «"x"»: "1", "x": "2"}',
    }],
  ];
  it('is quiet for a key read by a block in the tencent dialect: tencent-dialect reports the block, once', () => {
    assert.deepEqual(runChecks([unusedDataKey], { 'welcome.ses.html': '{{#if vip}}VIP{{/if}} {{#each items}}{{title}}{{/each}} {{name}}', 'welcome.data.json': '{"vip": "yes", "items": "x", "name": "a"}' }).all, []);
  });

  for (const [name, files, message] of cases) {
    it(`reports ${name}`, () => {
      const run = runChecks([unusedDataKey], files);
      assertMarkedRanges(run);
      for (const d of run.all) {
        assert.equal(d.code, 'unused-data-key');
        assert.equal(d.severity, DiagnosticSeverity.Warning);
      }
      if (message) assert.match(String(run.all[0].message), message);
    });
  }

  it('understands each/with scopes in the handlebars dialect', () => {
    const run = runChecks([unusedDataKey], {
      'welcome.ses.html': '{{#each items}}{{title}}{{/each}} {{#with user}}{{name}}{{/with}}',
      'welcome.data.json': '{"items": [], "user": {}, «"title"»: "t", «"name"»: "n"}',
    }, { dialect: 'handlebars' });
    assertMarkedRanges(run);
  });

  const quiet: Array<[string, Record<string, string>]> = [
    ['every key used', { 'welcome.ses.html': '{{a}}', 'welcome.ses.txt': '{{b}}', 'welcome.data.json': '{"a": "1", "b": "2"}' }],
    ['an orphan data file (no part)', { 'welcome.data.json': '{"a": "1"}' }],
    ['a template part with a syntax error: its variables are unknown', { 'welcome.ses.html': '{{a}} {{#if b}}', 'welcome.data.json': '{"a": "1", "c": "2"}' }],
    ['a subject with a syntax error', { 'welcome.ses.html': '{{a}}', 'welcome.data.json': '{"a": "1", "c": "2"}', 'ses.config.json': '{"templates": {"welcome": {"subject": "{{c"}}}' }],
    ['an empty object', { 'welcome.ses.html': 'Hello', 'welcome.data.json': '{}' }],
  ];
  for (const [name, files] of quiet) {
    it(`is quiet for ${name}`, () => assert.deepEqual(runChecks([unusedDataKey], files).all, []));
  }
});
