import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { tencentDialect } from '../../server/src/service/checks/tencentDialect';
import { loadServerL10n } from '../../server/src/serverL10n';
import { assertMarkedRanges, runChecks } from './checkHarness';

const SETTING = /set `sesStudio\.dialect` to `"handlebars"`\./;

describe('tencent-dialect check', () => {
  afterEach(() => l10n.config({ contents: {} }));

  const cases: Array<[string, string, RegExp]> = [
    ['a block, at its opening tag', '<p>«{{#if vip}}»\nVIP\n{{/if}}</p>', /Tencent SES substitutes only plain `\{\{name\}\}` variables and does not process blocks such as `\{\{#if vip\}\}`: the tags would be sent as written, or the template refused\. If you render templates yourself before sending, set `sesStudio\.dialect` to `"handlebars"`\./],
    ['an each block', '«{{#each items}}»{{/each}}', /blocks such as `\{\{#each items\}\}`/],
    ['an inverted block', '«{{^if vip}}»x{{/if}}', /blocks such as `\{\{\^if vip\}\}`/],
    ['a raw block', '«{{{{raw}}}}» x {{{{/raw}}}}', /blocks such as `\{\{\{\{raw\}\}\}\}`/],
    ['a partial', 'a «{{> footer}}» b', /has no partials or decorators such as `\{\{> footer\}\}`/],
    ['a block partial, at its opening tag', '«{{#> layout}}»x{{/layout}}', /partials or decorators/],
    ['a helper with arguments', '«{{format date "YYYY"}}»', /has no helpers or literals such as `\{\{format date "YYYY"\}\}`.*Compute the value into the TemplateData instead/],
    ['a literal', '«{{"text"}}»', /helpers or literals/],
    ['a subexpression', '«{{x (y z)}}»', /helpers or literals/],
    ['triple braces', '«{{{html}}}»', /does not process triple braces such as `\{\{\{html\}\}\}`; it also refuses HTML in values/],
    ['an ampersand tag', '«{{& html}}»', /triple braces/],
    ['a dotted path', '«{{user.name}}»', /from a flat TemplateData object, not paths such as `\{\{user\.name\}\}`\. Use a top-level key instead/],
    ['a parent path', '«{{../name}}»', /paths such as `\{\{\.\.\/name\}\}`/],
    ['a data variable', '«{{@index}}»', /paths such as `\{\{@index\}\}`/],
    ['whitespace control', '«{{~name}}» and «{{name~}}»', /does not process whitespace control `~` in `\{\{~name\}\}`: remove the tildes/],
    ['a short comment', 'a «{{! note }}» b', /does not process template comments such as `\{\{! note \}\}`: it would be sent as written, or the template refused\. Remove it/],
    ['a long comment over lines', '«{{!-- a\n  b --}}»', /template comments/],
  ];
  for (const [name, template, message] of cases) {
    it(`reports ${name}`, () => {
      const run = runChecks([tencentDialect], { 'welcome.ses.html': template });
      assertMarkedRanges(run);
      for (const d of run.all) {
        assert.equal(d.code, 'tencent-dialect');
        assert.equal(d.severity, DiagnosticSeverity.Error);
        assert.match(String(d.message), SETTING);
      }
      assert.match(String(run.all[0].message), message);
    });
  }

  const elses: Array<[string, string]> = [
    ['an else', '«{{#if a}}»x«{{else}}»y{{/if}}'],
    ['an else with tildes', '«{{#if a}}»x«{{~else~}}»  y{{/if}}'],
    ['a caret else', '«{{#each a}}»x«{{^}}»none{{/each}}'],
    ['an empty else (Handlebars gives it no location)', '«{{#if a}}»«{{else}}»{{/if}}'],
    ['an else after an empty block', '«{{#if a}}»«{{else}}»y{{/if}}'],
    ['an else on its own line', '«{{#if a}}»\n  «{{else}}»\n  {{/if}}'],
    ['an else-if chain: each link is a block, the last else an else', '«{{#if a}}»x«{{else if b}}»y«{{else}}»z{{/if}}'],
  ];
  for (const [name, template] of elses) {
    it(`reports ${name} at the tag`, () => {
      const run = runChecks([tencentDialect], { 'welcome.ses.html': template });
      assertMarkedRanges(run);
      const elseTags = run.all.filter((d) => /does not process `\{\{(~?else~?|\^)\}\}`/.test(String(d.message)));
      assert.equal(elseTags.length, 1, run.all.map((d) => d.message).join('\n'));
    });
  }

  it('reports constructs inside blocks too', () => {
    const run = runChecks([tencentDialect], { 'welcome.ses.html': '«{{#if a}}»«{{> p}}» {{ok}} «{{x.y}}»{{/if}}' });
    assertMarkedRanges(run);
  });

  it('reports constructs in the subject, in ses.config.json', () => {
    const run = runChecks([tencentDialect], {
      'welcome.ses.html': '{{name}}',
      'ses.config.json': '{"templates": {"welcome": {"subject": "«{{#if vip}}»VIP«{{else}}»Hi{{/if}} «{{user.name}}»"}}}',
    });
    assertMarkedRanges(run);
  });

  it('is quiet for plain variables and text', () => {
    assert.deepEqual(runChecks([tencentDialect], { 'welcome.ses.html': '<p style="a{b}">Hi {{name}}, {{ spaced }}</p>' }).all, []);
  });

  it('is quiet in the handlebars dialect', () => {
    const run = runChecks([tencentDialect], { 'welcome.ses.html': '{{#if a}}{{> p}}{{else}}{{{x}}} {{a.b}} {{~c~}} {{! d }}{{/if}}' }, { dialect: 'handlebars' });
    assert.deepEqual(run.all, []);
  });

  it('speaks Simplified Chinese with the zh-cn bundle', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    const [block] = runChecks([tencentDialect], { 'welcome.ses.html': '{{#if vip}}x{{/if}}' }).all;
    assert.equal(block.message, '腾讯云 SES 只替换普通的 `{{name}}` 变量，不处理 `{{#if vip}}` 这样的块：这些标签会被原样发送，或者模板被拒绝。如果在发送前自行渲染模板，请将 `sesStudio.dialect` 设为 `"handlebars"`。');
  });
});
