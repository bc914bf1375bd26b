import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { CHECKS } from '../../server/src/service/checks';
import { foreignPlaceholder } from '../../server/src/service/checks/foreignPlaceholder';
import { codeActions } from '../../server/src/service/features';
import { findForeignPlaceholders } from '../../server/src/service/project/foreignPlaceholders';
import { loadServerL10n } from '../../server/src/serverL10n';
import { assertMarkedRanges, messageOf, runChecks } from './checkHarness';
import { projectFromFiles } from './projects';

const DATA = { 'welcome.data.json': '{"name": "Ada"}' };

describe('foreign-placeholder check', () => {
  afterEach(() => l10n.config({ contents: {} }));

  // Each marked tag must be reported, and nothing else.
  const reported: Array<[string, string]> = [
    ['Mailchimp merge tags and conditionals', '<p>Hi «*|FNAME|*», «*|IF:VIP|*»gold«*|END:IF|*»</p>'],
    ['Mailchimp tags in attributes', '<a href="«*|UNSUB|*»">Unsubscribe</a> <img src="a.png" alt="«*|MC:SUBJECT|*»">'],
    ['the visible preview text between Mailchimp comments', '<!--*|IF:MC_PREVIEW_TEXT|*--><span>«*|MC_PREVIEW_TEXT|*»</span><!--*|END:IF|*-->'],
    ['Jinja and Liquid statements', '«{% if user.vip %}»Gold«{% endif %}» «{%- for item in items -%}»'],
    ['ERB, EJS and ASP tags', '<p>«<%= name %>» «<% if vip %>»x«<% end %>» «<%- @user %>»</p>'],
    ['SendGrid legacy and sender tags', '«<%body%>» «[Sender_Name]», «[Sender_City]» «[Unsubscribe]»'],
    ['Blade output', '<p>{{name}} «{!! $greeting !!}»</p>'],
    ['FreeMarker and template-literal placeholders', '<p>«${user.name}» «${total}»</p>'],
    ['Smarty placeholders', '<p>«{$name}» «{$user.email}»</p>'],
    ['Mailgun variables', '<p>«%recipient.first_name%»</p><a href="«%unsubscribe_url%»">x</a>'],
    ['Marketing Cloud tags', '<p>«%%FirstName%%» «%%=v(@name)=%%»</p>'],
    ['tags inside Outlook conditional comments, which Outlook shows', '<!--[if mso]><p>«*|FNAME|*»</p><![endif]-->'],
  ];
  for (const [name, template] of reported) {
    it(`reports ${name}`, () => {
      const run = runChecks([foreignPlaceholder], { 'welcome.ses.html': template, ...DATA });
      assertMarkedRanges(run);
      for (const d of run.all) {
        assert.equal(d.code, 'foreign-placeholder');
        assert.equal(d.severity, DiagnosticSeverity.Warning);
      }
    });
  }

  it('reports in the text part and the subject, in both dialects', () => {
    for (const dialect of ['tencent', 'handlebars'] as const) {
      assertMarkedRanges(runChecks([foreignPlaceholder], { 'welcome.ses.txt': 'Hi «*|FNAME|*»', ...DATA }, { dialect }));
      assertMarkedRanges(runChecks([foreignPlaceholder], { 'welcome.ses.html': '<p>{{name}}</p>', ...DATA, 'ses.config.json': '{"templates": {"welcome": {"subject": "Hi «${name}»"}}}' }, { dialect }));
    }
  });

  it('says what the tag is and what to write instead', () => {
    const [simple, logic] = runChecks([foreignPlaceholder], { 'welcome.ses.html': '<p>*|FNAME|* {% if vip %}</p>', ...DATA }).all.map(messageOf);
    assert.equal(simple, '`*|FNAME|*` is a Mailchimp merge tag: Tencent SES fills only `{{name}}` variables, so the recipient would read it as written. Write `{{FNAME}}` and give `FNAME` a value in the data sets.');
    assert.equal(logic, '`{% if vip %}` is a Jinja, Liquid, Twig or Django tag: Tencent SES fills only `{{name}}` variables and has no logic or built-in tags, so the recipient would read it as written. Replace it with a variable, or with text computed before sending.');
  });

  it('speaks Simplified Chinese with the zh-cn bundle', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    const [message] = runChecks([foreignPlaceholder], { 'welcome.ses.html': '<p>${name}</p>', ...DATA }).all.map(messageOf);
    assert.equal(message, '`${name}` 是 FreeMarker、Velocity 或 JavaScript 占位符：腾讯云 SES 只替换 `{{name}}` 形式的变量，收件人会看到它的原文。请改写为 `{{name}}`，并在数据集中为 `name` 提供值。');
  });

  // Text a careful email developer writes on purpose: no finding.
  const quiet: Array<[string, string]> = [
    ['plain variables and Handlebars blocks', '<p>{{name}} {{{raw}}} {{#if a}}x{{/if}}</p>'],
    ['percentages, prices and asterisks', '<p>50% off, 20% more. Only $5 {for members}. *Terms apply* | see below* a|b</p>'],
    ['author notes in HTML comments', '<!-- was *|FNAME|* in Mailchimp; {% raw %} --><p>{{name}}</p>'],
    ['square brackets that are not SendGrid tags', '<p>[1] See note. [Company Name] [sender_name] [Unsubscribe](https://example.com/u)</p>'],
    ['CSS and a lone opener', '<style>p{color:red}</style><p>a <% b, ${ c, {% d, *| e, {!! f</p>'],
    ['a Mailchimp opener with no closer on the line', '<p>*|FNAME\n|*</p>'],
  ];
  for (const [name, template] of quiet) {
    it(`is quiet for ${name}`, () => {
      assert.deepEqual(runChecks([foreignPlaceholder], { 'welcome.ses.html': template, ...DATA }).all.map(messageOf), []);
    });
  }

  it('finds each tag once, from any start, within the given range', () => {
    const text = 'x *|A|* ${b} {$c}';
    assert.deepEqual(findForeignPlaceholders(text).map((t) => [t.language, text.slice(t.start, t.end), t.name]), [
      ['mailchimp', '*|A|*', 'A'],
      ['dollar-brace', '${b}', 'b'],
      ['smarty', '{$c}', 'c'],
    ]);
    assert.deepEqual(findForeignPlaceholders(text, 8, 12).map((t) => text.slice(t.start, t.end)), ['${b}']);
    assert.deepEqual(findForeignPlaceholders(text, 0, 6), [], 'a tag that ends past the range is not in it');
  });
});

describe('code actions: foreign-placeholder', () => {
  function actionsAt(template: string, tag: string) {
    const { project } = projectFromFiles({ 'welcome.ses.html': template, ...DATA });
    const part = project.parts[0];
    const start = template.indexOf(tag);
    const range = { start: part.document.positionAt(start), end: part.document.positionAt(start + tag.length) };
    const diagnostic: Diagnostic = { range, code: 'foreign-placeholder', source: 'SES', message: 'x', severity: DiagnosticSeverity.Warning };
    return codeActions(project, part.uri, range, { diagnostics: [diagnostic] });
  }

  it('rewrites a plain placeholder as {{name}}', () => {
    for (const [tag, plain] of [['*|FNAME|*', '{{FNAME}}'], ['<%= name %>', '{{name}}'], ['{!! $greeting !!}', '{{greeting}}'], ['${total}', '{{total}}'], ['{$name}', '{{name}}'], ['%recipient.first_name%', '{{first_name}}'], ['%%FirstName%%', '{{FirstName}}']]) {
      const actions = actionsAt(`<p>Hi ${tag}!</p>`, tag);
      assert.deepEqual(actions.map((a) => a.title), [`Write ${plain}`], tag);
      const edit = Object.values(actions[0].edit!.changes!)[0][0];
      assert.equal(edit.newText, plain);
      assert.equal(actions[0].isPreferred, true);
    }
  });

  it('offers nothing for logic and built-in tags, which need a human', () => {
    for (const tag of ['{% if vip %}', '*|IF:VIP|*', '<% end %>', '[Sender_Name]', '${user.name}']) assert.deepEqual(actionsAt(`<p>${tag}</p>`, tag), [], tag);
  });
});

describe('the URL checks and foreign placeholders', () => {
  it('leave a link or image whose URL starts with another language\'s tag to foreign-placeholder, and check the rest', () => {
    const urlChecks = CHECKS.filter((c) => /^(link-|image-(relative|insecure|malformed)|foreign)/.test(c.meta.id));
    // Without the rule, link-malformed and image-relative-url called these relative as well.
    assertMarkedRanges(runChecks(urlChecks, { 'welcome.ses.html': '<a href="«*|UNSUB|*»">Unsubscribe</a> <img src="«${logo}»" alt="Logo" width="10" height="10">', ...DATA }));
    // A tag later in the URL leaves its scheme known: the http link is still reported.
    const later = runChecks(urlChecks, { 'welcome.ses.html': '<a href="http://a.example/?u=*|UNIQID|*">x</a>', ...DATA });
    assert.deepEqual(later.all.map((d) => d.code).sort(), ['foreign-placeholder', 'link-insecure']);
  });
});
