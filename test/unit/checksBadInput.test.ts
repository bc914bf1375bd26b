import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS } from '../../server/src/service/checks';
import { runChecks } from './checkHarness';

// Every registered check on input no one writes by hand: it must finish without throwing.
const codes = (run: ReturnType<typeof runChecks>) => new Set(run.all.map((d) => d.code));

describe('checks on bad input', () => {
  it('a 10 MB data file of many keys', () => {
    const entries = Array.from({ length: 200_000 }, (_, i) => `"key_${i}": "${'x'.repeat(40)}"`);
    const data = '{\n' + entries.join(',\n') + '\n}';
    assert.ok(data.length > 10_000_000);
    const run = runChecks(CHECKS, { 'welcome.ses.html': '{{key_1}} {{missing}}', 'welcome.data.json': data });
    assert.equal(run.diagnostics('welcome.data.json').filter((d) => d.code === 'unused-data-key').length, 199_999);
    assert.ok(codes(run).has('template-data-too-large'));
    assert.ok(codes(run).has('missing-variable'));
  });

  it('a 10 MB string value made to slow down the HTML search', () => {
    const run = runChecks(CHECKS, { 'welcome.ses.html': '{{a}}', 'welcome.data.json': `{"a": "${'<a'.repeat(5_000_000)}"}` });
    assert.ok(!codes(run).has('html-in-value'));
    assert.ok(codes(run).has('template-data-too-large'));
  });

  it('10 MB of garbage', () => {
    const run = runChecks(CHECKS, { 'welcome.ses.html': '{{a}}', 'welcome.data.json': '{' + '1,'.repeat(5_000_000) });
    assert.equal(run.diagnostics('welcome.data.json').filter((d) => d.code === 'invalid-data-file').length, 1);
  });

  for (const [name, data] of [
    ['arrays nested 10,000 deep', '{"a": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}'],
    ['objects nested 10,000 deep', '{"a": ' + '{"b": '.repeat(10_000) + '"x"' + '}'.repeat(10_000) + '}'],
    ['10,000 unclosed brackets', '['.repeat(10_000)],
  ] as const) {
    it(`JSON with ${name}`, () => {
      const run = runChecks(CHECKS, { 'welcome.ses.html': '{{a}}', 'welcome.data.json': data });
      const invalid = run.diagnostics('welcome.data.json').filter((d) => d.code === 'invalid-data-file');
      assert.equal(invalid.length, 1);
      assert.match(String(invalid[0].message), /nested more than 100 levels deep/);
    });
  }

  it('`__proto__`, `constructor` and `prototype` keys pollute nothing', () => {
    const run = runChecks(CHECKS, {
      'welcome.ses.html': '{{__proto__}} {{constructor}} {{hasOwnProperty}} {{toString}}',
      'welcome.data.json': '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "hasOwnProperty": 1, "prototype": "x", "__proto__": "again"}',
      'welcome.data.zh.json': '{"__proto__": "a", "constructor": "b", "hasOwnProperty": "c", "toString": "d"}',
      'ses.config.json': '{"templates": {"__proto__": {"subject": "x"}, "welcome": {"subject": "{{__proto__}} {{valueOf}}"}}}',
    });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    const messages = run.all.map((d) => `${d.code}: ${d.message}`);
    assert.ok(messages.some((m) => m.startsWith('missing-variable: `{{toString}}` is missing in: default.')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('missing-variable: `{{valueOf}}` is missing in: default, zh.')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('unused-data-key: The key `prototype`')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('complex-value: The value of `__proto__`')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('invalid-data-file: The key `__proto__` appears more than once')), messages.join('\n'));
  });

  it('a template with 100,000 variables', () => {
    const template = Array.from({ length: 100_000 }, (_, i) => `{{v${i}}}`).join(' ');
    const data = '{' + Array.from({ length: 50_000 }, (_, i) => `"v${i * 2}": "${i}"`).join(',') + '}';
    const run = runChecks(CHECKS, { 'welcome.ses.html': template, 'welcome.ses.txt': template, 'welcome.data.json': data });
    const missing = run.all.filter((d) => d.code === 'missing-variable');
    assert.equal(missing.length, 100_000); // 50,000 names in each of the two parts
  });

  it('a template with 100,000 uses of variables Tencent would not process', () => {
    const template = Array.from({ length: 100_000 }, (_, i) => `{{ v-${i} }}{{a.b}}`).join('');
    const run = runChecks(CHECKS, { 'welcome.ses.html': template, 'welcome.data.json': '{}' });
    assert.equal(run.all.filter((d) => d.code === 'tencent-dialect').length, 100_000);
    assert.equal(run.all.filter((d) => d.code === 'spaces-in-braces').length, 100_000);
  });
});
