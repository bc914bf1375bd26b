import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { complexValue } from '../../server/src/service/checks/complexValue';
import { htmlInValue } from '../../server/src/service/checks/htmlInValue';
import { nonStringValue } from '../../server/src/service/checks/nonStringValue';
import { templateDataTooLarge } from '../../server/src/service/checks/templateDataTooLarge';
import type { Check } from '../../server/src/service/checks/types';
import { loadServerL10n } from '../../server/src/serverL10n';
import { assertMarkedRanges, runChecks } from './checkHarness';

const PART = { 'welcome.ses.html': '{{a}}' };

interface Case {
  readonly name: string;
  /** The data file, with «» around each expected diagnostic. */
  readonly data: string;
  readonly message?: RegExp;
}

function table(check: Check, severity: DiagnosticSeverity, cases: readonly Case[]): void {
  for (const { name, data, message } of cases) {
    it(`${name}`, () => {
      const run = runChecks([check], { ...PART, 'welcome.data.json': data });
      assertMarkedRanges(run);
      for (const d of run.all) {
        assert.equal(d.code, check.meta.id);
        assert.equal(d.severity, severity);
      }
      if (message) assert.match(String(run.all[0].message), message);
    });
  }
}

describe('complex-value check', () => {
  table(complexValue, DiagnosticSeverity.Error, [
    { name: 'reports an object at the value', data: '{"a": «{"b": "c"}»}', message: /The value of `a` is a JSON `object`\. Tencent SES refuses complex values/ },
    { name: 'reports an array at the value', data: '{"a": "x", "list": «[1, 2]»}', message: /JSON `array`/ },
    { name: 'reports an empty object and array', data: '{"a": «{}», "b": «[]»}' },
    { name: 'reports a nested object once, at the top-level value', data: '{"a": «{"b": {"c": {"d": []}}}»}' },
    { name: 'is quiet for strings and scalars', data: '{"a": "{not json}", "b": 1, "c": null, "d": "[1]"}' },
  ]);
});

describe('html-in-value check', () => {
  table(htmlInValue, DiagnosticSeverity.Error, [
    { name: 'reports a tag', data: '{"a": «"Hello <b>Alice</b>"»}', message: /The value of `a` contains HTML markup \(`<b>`\)\. Tencent SES refuses TemplateData with HTML tags/ },
    { name: 'reports a closing tag, a self-closing tag and attributes', data: '{"a": «"x</p>"», "b": «"<br/>"», "c": «"<a href=\\"https://example.com\\">go</a>"»}' },
    { name: 'reports an HTML comment', data: '{"a": «"x <!-- y -->"»}' },
    { name: 'reports escaped markup too (it is markup once decoded)', data: '{"a": «"\\u003cb\\u003e"»}' },
    { name: 'is quiet for text with angle brackets that is not markup', data: '{"a": "1 < 2 and 3 > 2", "b": "a <= b", "c": "<3", "d": "x <@y>"}' },
    { name: 'is quiet for markup in keys and non-strings', data: '{"<b>": "x", "a": ["<b>"]}' },
  ]);
});

describe('non-string-value check', () => {
  table(nonStringValue, DiagnosticSeverity.Warning, [
    { name: 'reports a number with the quoted form', data: '{"a": «42»}', message: /The value of `a` is a JSON `number`, but Tencent SES documents and shows only string values in TemplateData\. Quote it: `"42"`\./ },
    { name: 'reports a boolean', data: '{"a": «true»}', message: /`boolean`.*Quote it: `"true"`/ },
    { name: 'reports null', data: '{"a": «null»}', message: /`null`.*Quote it: `"null"`/ },
    { name: 'keeps the number as written', data: '{"a": «1.50e2»}', message: /Quote it: `"1\.50e2"`/ },
    { name: 'reports each value', data: '{"a": «1», "b": "2", "c": «false»}' },
    { name: 'is quiet for strings, objects and arrays', data: '{"a": "1", "b": {"c": 1}, "d": [1]}' },
  ]);
});

describe('template-data-too-large check', () => {
  const big = (bytes: number) => '"' + 'x'.repeat(bytes - 8) + '"'; // {"a":"…"} is 8 bytes plus the x's
  table(templateDataTooLarge, DiagnosticSeverity.Warning, [
    { name: 'reports 801 bytes at the opening brace, with the size', data: `«{»"a": ${big(801)}}`, message: /This TemplateData is 801 bytes as compact JSON, more than the 800 bytes Tencent SES documents/ },
    { name: 'is quiet at exactly 800 bytes', data: `{"a": ${big(800)}}` },
    { name: 'measures compactly: whitespace does not count', data: `{\n    "a":     ${big(800)}\n}\n` },
    { name: 'measures UTF-8 bytes, not characters', data: `\n  «{»"a": "${'邮'.repeat(300)}"}`, message: /908 bytes/ },
    { name: 'measures escapes as Tencent receives them', data: `{"a": "${'\\n'.repeat(396)}"}` },
  ]);

  it('checks each data set on its own', () => {
    const run = runChecks([templateDataTooLarge], { ...PART, 'welcome.data.json': '{"a": "1"}', 'welcome.data.zh.json': `«{»"a": ${big(900)}}` });
    assertMarkedRanges(run);
  });
});

describe('data value checks in Chinese', () => {
  afterEach(() => l10n.config({ contents: {} }));
  it('speaks Simplified Chinese with the zh-cn bundle', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    const run = runChecks([complexValue, htmlInValue, nonStringValue], { ...PART, 'welcome.data.json': '{"a": [], "b": "<i>x</i>", "c": 7}' });
    assert.deepEqual(run.all.map((d) => d.message), [
      '`a` 的值是 JSON `array`。腾讯云 SES 拒绝 TemplateData 中的复杂类型值：请改用字符串，或每个值使用一个键。',
      '`b` 的值包含 HTML 标记（`<i>`）。腾讯云 SES 拒绝包含 HTML 标签的 TemplateData：请把标记放在模板中，值中只保留文本。',
      '`c` 的值是 JSON `number`，但腾讯云 SES 的文档和示例中 TemplateData 的值都是字符串。请加上引号：`"7"`。',
    ]);
  });
});
