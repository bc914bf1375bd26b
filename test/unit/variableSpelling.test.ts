import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { spacesInBraces } from '../../server/src/service/checks/spacesInBraces';
import { variableName } from '../../server/src/service/checks/variableName';
import { assertMarkedRanges, runChecks } from './checkHarness';

describe('variable-name check', () => {
  const cases: Array<[string, string, RegExp?]> = [
    ['a hyphen', 'Hi {{«first-name»}}', /The variable `\{\{first-name\}\}` has a name with characters other than ASCII letters, digits and underscores, or starts with a digit\. How Tencent SES handles such names is undocumented: rename it to match `\[A-Za-z_\]\[A-Za-z0-9_\]\*`\./],
    ['a leading digit', '{{«1st»}}'],
    ['Chinese characters', '{{«姓名»}}'],
    ['every use, not only the first', '{{«a-b»}} {{«a-b»}}'],
    ['a dollar sign', '{{«price$»}}'],
    ['a bracketed name with a space', '{{[«first name»]}}'],
  ];
  for (const [name, template, message] of cases) {
    it(`reports ${name}`, () => {
      const run = runChecks([variableName], { 'welcome.ses.html': template, 'welcome.data.json': '{}' });
      assertMarkedRanges(run);
      for (const d of run.all) {
        assert.equal(d.code, 'variable-name');
        assert.equal(d.severity, DiagnosticSeverity.Warning);
      }
      if (message) assert.match(String(run.all[0].message), message);
    });
  }

  it('reports names in the subject', () => {
    const run = runChecks([variableName], { 'welcome.ses.html': '{{ok}}', 'ses.config.json': '{"templates": {"welcome": {"subject": "Hi {{«user-name»}}"}}}' });
    assertMarkedRanges(run);
  });

  it('accepts names of letters, digits and underscores', () => {
    const run = runChecks([variableName], { 'welcome.ses.html': '{{name}} {{_x}} {{A1_b2}} {{__proto__}} {{constructor}}' });
    assert.deepEqual(run.all, []);
  });

  it('is quiet in the handlebars dialect, where Tencent never sees the names', () => {
    assert.deepEqual(runChecks([variableName], { 'welcome.ses.html': '{{first-name}}' }, { dialect: 'handlebars' }).all, []);
  });
});

describe('spaces-in-braces check', () => {
  const cases: Array<[string, string, RegExp?]> = [
    ['spaces on both sides, over the whole tag', 'Hi «{{ name }}»!', /Spaces inside the braces of `\{\{ name \}\}`: Tencent SES documents variables as `\{\{name\}\}`, and how it handles spaces is undocumented\. Write `\{\{name\}\}`\./],
    ['a space after the opening braces', '«{{ name}}»'],
    ['a space before the closing braces', '«{{name }}»'],
    ['a tab and a line break', '«{{\tname\n}}»'],
    ['every such tag', '«{{ a }}» {{a}} «{{ b}}»'],
  ];
  for (const [name, template, message] of cases) {
    it(`reports ${name}`, () => {
      const run = runChecks([spacesInBraces], { 'welcome.ses.txt': template });
      assertMarkedRanges(run);
      for (const d of run.all) {
        assert.equal(d.code, 'spaces-in-braces');
        assert.equal(d.severity, DiagnosticSeverity.Warning);
      }
      if (message) assert.match(String(run.all[0].message), message);
    });
  }

  it('reports spaces in the subject', () => {
    const run = runChecks([spacesInBraces], { 'welcome.ses.html': '{{ok}}', 'ses.config.json': '{"templates": {"welcome": {"subject": "Hi «{{ name }}»"}}}' });
    assertMarkedRanges(run);
  });

  it('is quiet for plain tags, constructs that are not variables, and the handlebars dialect', () => {
    assert.deepEqual(runChecks([spacesInBraces], { 'welcome.ses.html': '{{name}} {{#if x }}{{/if}} {{ a.b }} {{!-- x --}}' }).all, []);
    assert.deepEqual(runChecks([spacesInBraces], { 'welcome.ses.html': '{{ name }}' }, { dialect: 'handlebars' }).all, []);
  });
});
