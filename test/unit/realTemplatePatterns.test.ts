import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CHECKS } from '../../server/src/service/checks';
import { complexValue } from '../../server/src/service/checks/complexValue';
import { missingVariable } from '../../server/src/service/checks/missingVariable';
import { nonStringValue } from '../../server/src/service/checks/nonStringValue';
import { templateDataTooLarge } from '../../server/src/service/checks/templateDataTooLarge';
import { tencentDialect } from '../../server/src/service/checks/tencentDialect';
import { unusedDataKey } from '../../server/src/service/checks/unusedDataKey';
import { variableInComment } from '../../server/src/service/checks/variableInComment';
import { variableName } from '../../server/src/service/checks/variableName';
import { assertMarkedRanges, messageOf, runChecks } from './checkHarness';
import { loadServerL10n } from '../../server/src/serverL10n';
import * as path from 'node:path';

// Patterns of false findings seen on real public templates (issue 12), each with a true case beside it.
describe('real-template patterns: placeholders in HTML comments', () => {
  it('missing-variable and variable-name leave out authoring notes in comments; true uses are still reported', () => {
    const files = {
      'welcome.ses.html': '<!-- {{Campaign-Name}} by {{author}} -->\n<p>Hi {{«name»}}</p>\n<!-- footer: {{legal}} -->',
      'welcome.data.json': '{"first": "A"}',
    };
    const run = runChecks([missingVariable, variableName], files);
    assertMarkedRanges(run);
    assert.equal(run.all[0].code, 'missing-variable');
  });

  it('variables inside Outlook conditional comments are real variables (Outlook renders that HTML)', () => {
    const run = runChecks([missingVariable], {
      'welcome.ses.html': '<!--[if mso]><v:roundrect href="{{«cta_url»}}"><![endif]-->\n<!--[if !mso]><!--><a href="{{cta_url}}">Go</a><!--<![endif]-->',
      'welcome.data.json': '{"x": "1"}',
    });
    assertMarkedRanges(run);
  });

  it('variable-in-comment: one info per part at the first placeholder in a comment, naming them all', () => {
    const run = runChecks([variableInComment], {
      'welcome.ses.html': '<!-- {{«Campaign-Name»}} --><p>{{name}}</p><!-- {{author}} {{Campaign-Name}} -->',
      'welcome.ses.txt': 'Hi {{name}} <!-- {{not_html}} -->',
      'welcome.data.json': '{"name": "A"}',
    });
    assertMarkedRanges(run);
    assert.equal(run.all.length, 1);
    assert.equal(run.all[0].severity, DiagnosticSeverity.Information);
    assert.match(messageOf(run.all[0]), /placeholders inside HTML comments \(`\{\{Campaign-Name\}\}`, `\{\{author\}\}`\)\. Whether Tencent SES fills placeholders inside comments is undocumented/);
  });

  it('variable-in-comment is quiet without comment placeholders, in conditional comments, and in the handlebars dialect', () => {
    assert.deepEqual(runChecks([variableInComment], { 'welcome.ses.html': '<!-- note --><p>{{name}}</p>' }).all, []);
    assert.deepEqual(runChecks([variableInComment], { 'welcome.ses.html': '<!--[if mso]><a href="{{u}}">x</a><![endif]-->' }).all, []);
    assert.deepEqual(runChecks([variableInComment], { 'welcome.ses.html': '<!-- {{a}} -->' }, { dialect: 'handlebars' }).all, []);
  });

  it('a key used only inside a comment is not unused', () => {
    assert.deepEqual(runChecks([unusedDataKey], { 'welcome.ses.html': '<!-- {{ref}} --><p>{{name}}</p>', 'welcome.data.json': '{"name": "a", "ref": "b"}' }).all, []);
  });
});

describe('real-template patterns: the handlebars dialect', () => {
  const hbs = { dialect: 'handlebars' as const };

  it('a key used only as a section {{#key}}…{{/key}} is used', () => {
    const run = runChecks([unusedDataKey], {
      'welcome.ses.html': '{{#items}}<li>{{title}}</li>{{/items}}{{^promo}}none{{/promo}}',
      'welcome.data.json': '{"items": [{"title": "a"}], "promo": false, «"old"»: "x"}',
    }, hbs);
    assertMarkedRanges(run);
  });

  it('an {{#if flag}} / {{#unless}} / section flag left out of a data set is not missing; a value read elsewhere still is', () => {
    const run = runChecks([missingVariable], {
      'welcome.ses.html': '{{#if vip}}VIP{{/if}}{{#unless trial}}paid{{/unless}}{{#banner}}b{{/banner}}\n{{#if coupon}}Use {{«coupon»}}{{/if}} {{«name»}}',
      'welcome.data.json': '{"x": "1"}',
    }, hbs);
    assertMarkedRanges(run);
  });

  it('in the tencent dialect the same flags are still reported', () => {
    const run = runChecks([missingVariable], { 'welcome.ses.html': '{{#if vip}}VIP{{/if}} {{«name»}}', 'welcome.data.json': '{"x": "1"}' });
    assertMarkedRanges(run);
  });

  it("TemplateData's rules (complex-value, non-string-value, template-data-too-large) apply only in the tencent dialect", () => {
    const files = {
      'welcome.ses.html': '{{#each items}}{{this}}{{/each}}{{#if vip}}v{{/if}}{{n}}{{big}}',
      'welcome.data.json': JSON.stringify({ items: ['a'], vip: true, n: 3, big: 'x'.repeat(900) }),
    };
    assert.deepEqual(runChecks([complexValue, nonStringValue, templateDataTooLarge], files, hbs).all, []);
    const codes = runChecks([complexValue, nonStringValue, templateDataTooLarge], files).all.map((d) => d.code).sort();
    assert.deepEqual(codes, ['complex-value', 'non-string-value', 'non-string-value', 'template-data-too-large']);
  });
});

describe('real-template patterns: Handlebars escapes in the tencent dialect', () => {
  it('reports \\{{x}}: Tencent has no escape syntax', () => {
    const run = runChecks([tencentDialect], { 'welcome.ses.html': '<p>Write «\\{{ name }}» in your template, hi {{name}}</p>' });
    assertMarkedRanges(run);
    assert.match(messageOf(run.all[0]), /Tencent SES has no escape syntax: in `\\\{\{ name \}\}` the backslash would be sent as written/);
    assert.equal(run.all[0].severity, DiagnosticSeverity.Error);
  });

  it('in the subject too, and not in the handlebars dialect', () => {
    assertMarkedRanges(runChecks([tencentDialect], { 'welcome.ses.html': 'x', 'ses.config.json': '{"templates": {"welcome": {"subject": "Hi \\«\\{{name}}»"}}}' }));
    assert.deepEqual(runChecks([tencentDialect], { 'welcome.ses.html': '\\{{name}}' }, { dialect: 'handlebars' }).all, []);
  });

  it('has a Chinese text', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    try {
      const run = runChecks([tencentDialect, variableInComment], { 'welcome.ses.html': '\\{{a}} <!-- {{b}} -->' });
      const text = run.all.map(messageOf).join('\n');
      assert.match(text, /腾讯云 SES 没有转义语法/);
      assert.match(text, /HTML 注释中含有占位符（`\{\{b\}\}`）/);
    } finally {
      l10n.config({ contents: {} });
    }
  });

  it('every check is registered once', () => assert.equal(new Set(CHECKS.map((c) => c.meta.id)).size, CHECKS.length));
});
