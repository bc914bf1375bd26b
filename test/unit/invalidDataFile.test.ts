import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { invalidDataFile } from '../../server/src/service/checks/invalidDataFile';
import { MAX_SYNTAX_PROBLEMS } from '../../server/src/service/project/dataFile';
import { loadServerL10n } from '../../server/src/serverL10n';
import { assertMarkedRanges, runChecks } from './checkHarness';

const PART = { 'welcome.ses.html': '{{name}}' };

describe('invalid-data-file check', () => {
  afterEach(() => l10n.config({ contents: {} }));

  const cases: Array<[string, string, RegExp]> = [
    ['a missing comma', '{"a": "1"\n «"b"»: "2"}', /not valid JSON: a comma is expected between two entries\. Tencent SES refuses TemplateData that is not JSON\./],
    ['a trailing comma', '{"a": "1",«}»', /a trailing comma is not allowed/],
    ['an unquoted key', '{«name»: "x"}', /unexpected character \(keys and strings need double quotes\)/],
    ['a single-quoted string', '{"a": «\'x\'»}', /unexpected character/],
    ['a comment', '{«// note»\n"a": "1"}', /comments are not allowed in JSON/],
    ['a missing colon', '{"a" «"1"»}', /a colon is expected after the key/],
    ['a missing value', '{"a": «}»', /a value is expected here/],
    ['an unclosed object', '{"a": "1"«»', /the object is not closed: `\}` is missing/],
    ['an unterminated string', '{"a": «"abc»', /the string is not closed with a double quote/],
    ['text after the object', '{"a": "1"} «x»', /unexpected character/],
    ['a second value after the object', '{"a": "1"} «{»}', /nothing may follow the end of the object/],
    ['an array instead of an object', '«["a", "b"]»', /TemplateData must be a JSON object such as `\{"name": "Alice"\}`, not a JSON `array`\./],
    ['a string instead of an object', '«"hello"»', /not a JSON `string`/],
    ['a duplicate key, at the second occurrence', '{"a": "1", «"a"»: "2"}', /The key `a` appears more than once/],
    ['an empty file', '«»', /This data set is empty/],
    ['a file of whitespace', '«»  \n ', /This data set is empty/],
    ['values nested deeper than the parser handles', '{"a": ' + '['.repeat(99) + '«[»' + ']'.repeat(100) + '}', /nested more than 100 levels deep/],
  ];
  for (const [name, marked, message] of cases) {
    it(`reports ${name} at the exact position`, () => {
      const run = runChecks([invalidDataFile], { ...PART, 'welcome.data.json': marked });
      assertMarkedRanges(run);
      const [first] = run.diagnostics('welcome.data.json');
      assert.match(String(first.message), message);
      assert.equal(first.code, 'invalid-data-file');
      assert.equal(first.severity, DiagnosticSeverity.Error);
    });
  }

  it('checks every data set, and only data sets', () => {
    const run = runChecks([invalidDataFile], { 'welcome.ses.html': '{{«»', 'welcome.data.json': '{"a": "1"}', 'welcome.data.zh.json': '«[]»' });
    assert.equal(run.all.length, 1);
    assert.equal(run.diagnostics('welcome.data.zh.json').length, 1);
  });

  it('accepts valid data sets', () => {
    for (const text of ['{}', '{"a": "1"}', '\uFEFF{"a": "1"}', ' {\n  "a": "x",\n  "b": 1,\n  "c": {"d": [1, 2]}\n}\n', '{"__proto__": {"polluted": true}}']) {
      assert.deepEqual(runChecks([invalidDataFile], { ...PART, 'welcome.data.json': text }).all, [], text);
    }
  });

  it('reports the first syntax error of a file of garbage, and the parse keeps at most a few', () => {
    const run = runChecks([invalidDataFile], { ...PART, 'welcome.data.json': '{' + '1,'.repeat(100_000) });
    assert.equal(run.all.length, 1);
    assert.ok(run.project.dataSets[0].data.problems.length <= MAX_SYNTAX_PROBLEMS);
  });

  it('reports a duplicate key besides a syntax error', () => {
    const run = runChecks([invalidDataFile], { ...PART, 'welcome.data.json': '{"a": "1", «"a"»: "2" «"b"»: "3"}' });
    assertMarkedRanges(run);
  });

  it('speaks Simplified Chinese with the zh-cn bundle', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    const [syntax] = runChecks([invalidDataFile], { ...PART, 'welcome.data.json': '{"a": "1",}' }).all;
    assert.equal(syntax.message, '此数据集不是有效的 JSON：不允许末尾多余的逗号。腾讯云 SES 拒绝不是 JSON 格式的 TemplateData。');
    const [notObject] = runChecks([invalidDataFile], { ...PART, 'welcome.data.json': '[]' }).all;
    assert.equal(notObject.message, 'TemplateData 必须是 JSON 对象（例如 `{"name": "Alice"}`），而不是 JSON `array`。');
  });
});
