import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { invalidConfig } from '../../server/src/service/checks/invalidConfig';
import { missingUnsubscribe } from '../../server/src/service/checks/missingUnsubscribe';
import { DEFAULT_KEYS, ENUMS, TEMPLATE_KEYS, TOP_KEYS } from '../../server/src/service/project/sesConfigProblems';
import { loadServerL10n } from '../../server/src/serverL10n';
import { assertMarkedRanges, messageOf, runChecks } from './checkHarness';

const PART = { 'welcome.ses.html': '<p>Hi {{name}}</p>', 'welcome.data.json': '{"name": "A"}' };
const run = (config: string) => runChecks([invalidConfig], { ...PART, 'ses.config.json': config });

describe('invalid-config check', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('a syntax error: at its position, with line and column, as an error', () => {
    const result = run('{\n  "templates": {\n    "welcome": {"subject": "Hi"}\n    «"other"»: {}\n  }\n}');
    assertMarkedRanges(result);
    assert.equal(result.all[0].severity, DiagnosticSeverity.Error);
    assert.match(messageOf(result.all[0]), /ses\.config\.json is not valid JSON \(a comma is missing at line 4, column 5\), so it is ignored/);
  });

  it('entries written without "templates": did you mean `templates`?', () => {
    const result = run('{«"welcome"»: {"subject": "Welcome, {{name}}", "triggerType": "marketing"}}');
    assertMarkedRanges(result);
    assert.match(messageOf(result.all[0]), /Unknown key `welcome` in ses\.config\.json, ignored\. Did you mean `templates`\? Template entries go inside it: `\{"templates": \{"welcome": \{…\}\}\}`/);
  });

  it('a misspelt key: the closest known key; an unrelated one: the known keys', () => {
    const result = run('{«"template"»: {}, «"author"»: "me", "defaults": {«"trigger"»: "marketing"}, "templates": {"welcome": {«"subjet"»: "x"}}}');
    assertMarkedRanges(result);
    const text = result.all.map(messageOf).join('\n');
    assert.match(text, /Unknown key `template` in ses\.config\.json, ignored\. Did you mean `templates`\?/);
    assert.match(text, /Unknown key `author` in ses\.config\.json, ignored\. The file knows `defaults`, `templates`, `\$schema`\./);
    assert.match(text, /Unknown key `subjet` in `templates\.welcome`, ignored\. Did you mean `subject`\?/);
  });

  it('a value outside the enum: the allowed values, and the intended one when only the case differs', () => {
    const result = run('{"defaults": {"region": «"ap-beijing"»}, "templates": {"welcome": {"triggerType": «"Marketing"», "unsubscribe": «2», "templateId": «"12"»}}}');
    assertMarkedRanges(result);
    const text = result.all.map(messageOf).join('\n');
    assert.match(text, /`Marketing` is not a value of `triggerType`, so it is ignored\. Did you mean `marketing`\? Allowed values: `transactional`, `marketing`\./);
    assert.match(text, /`ap-beijing` is not a value of `region`, so it is ignored\. Allowed values: `ap-guangzhou`, `ap-hongkong`, `ap-singapore`\./);
    assert.match(text, /`unsubscribe` must be a string in quotes/);
    assert.match(text, /`templateId` must be a whole number/);
  });

  it('a wrong trigger type is not applied: the finding says so, and the marketing rules stay off', () => {
    const files = { ...PART, 'ses.config.json': '{"templates": {"welcome": {"triggerType": "Marketing"}}}' };
    assert.deepEqual(runChecks([missingUnsubscribe], files).all, []);
    assert.equal(runChecks([invalidConfig], files).all.length, 1);
  });

  it('is quiet for a valid file, comments and trailing commas included', () => {
    assert.deepEqual(run('{"$schema": "./s.json", "defaults": {"region": "ap-hongkong", "from": "A <a@b.cn>", "triggerType": "transactional", "unsubscribe": "1"},\n // note\n "templates": {"welcome": {"subject": "Hi", "templateId": 12, "templateName": "w", "triggerType": "marketing",},},}').all, []);
  });

  it('never throws on odd files', () => {
    for (const text of ['', '[]', '"x"', 'null', '{"templates": []}', '{"templates": {"a": 1}}', '{"defaults": 3}', '{', '{"templates": {"welcome": {"triggerType": 1}}}', '\u0000']) run(text);
  });

  it('speaks Simplified Chinese with the zh-cn bundle', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    const text = [run('{"welcome": {"subject": "x"}}'), run('{"templates": {"welcome": {"triggerType": "Marketing"}}}'), run('{"templates": {} "x": 1}')].flatMap((r) => r.all).map(messageOf);
    assert.deepEqual(text, [
      'ses.config.json 中的未知键 `welcome` 被忽略。您是否想写 `templates`？模板条目应放在其中：`{"templates": {"welcome": {…}}}`。',
      '`Marketing` 不是 `triggerType` 的有效值，因此被忽略。您是否想写 `marketing`？允许的值：`transactional`、`marketing`。',
      'ses.config.json 不是有效的 JSON（第 1 行第 18 列：缺少逗号），因此整个文件被忽略：不检查任何主题，也不应用任何触发类型。请修正语法。',
    ]);
  });

  it('knows the keys and values of schemas/ses.config.schema.json', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'ses.config.schema.json'), 'utf8')) as {
      properties: Record<string, { properties?: Record<string, { enum?: string[] }>; additionalProperties?: { properties: Record<string, { enum?: string[] }> } }>;
    };
    assert.deepEqual([...TOP_KEYS].sort(), Object.keys(schema.properties).sort());
    assert.deepEqual([...DEFAULT_KEYS].sort(), Object.keys(schema.properties.defaults.properties!).sort());
    const entry = schema.properties.templates.additionalProperties!.properties;
    assert.deepEqual([...TEMPLATE_KEYS].sort(), Object.keys(entry).sort());
    for (const [key, spec] of Object.entries(entry)) if (spec.enum) assert.deepEqual(ENUMS[key], spec.enum, key);
  });
});
