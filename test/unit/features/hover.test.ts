import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/service/features';
import { loadServerL10n } from '../../../server/src/serverL10n';
import { marked } from './fixtures';

const L10N_DIR = path.join(__dirname, '..', '..', '..', '..', 'l10n');

function hoverAt(files: Record<string, string>, base?: Record<string, string>) {
  const fixture = marked(files, { base });
  const result = hover(fixture.project, fixture.uri, fixture.position);
  return { result, text: (result?.contents as MarkupContent | undefined)?.value ?? '', fixture };
}

describe('hover', () => {
  afterEach(() => l10n.config({ contents: {} }));

  const cases: Array<{ name: string; files: Record<string, string>; range: string; has: RegExp[]; hasNot?: RegExp[] }> = [
    {
      name: 'a use in the html part: values in each set and where it is used',
      files: { 'welcome.ses.html': '<p>Hello {{«na‸me»}}, your code is {{code}}.</p>' },
      range: 'welcome.ses.html',
      has: [/Template variable `\{\{name\}\}`/, /- \*\*default\*\*: Alex/, /- \*\*zh\*\*: 小明/, /Used in: welcome\.ses\.html, welcome\.ses\.txt, subject/],
      hasNot: [/Missing in/],
    },
    {
      name: 'a use missing in one data set',
      files: { 'welcome.ses.html': '<p>Hello {{name}}, your code is {{‸«code»}}.</p>' },
      range: 'welcome.ses.html',
      has: [/- \*\*default\*\*: `1234`/, /Missing in: zh/, /Used in: welcome\.ses\.html$/],
    },
    {
      name: 'the braces of a tag count as the use',
      files: { 'welcome.ses.txt': 'Hello ‸{{«name»}}' },
      range: 'welcome.ses.txt',
      has: [/Used in: welcome\.ses\.html, welcome\.ses\.txt, subject/],
    },
    {
      name: 'a use in the subject',
      files: { 'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{«nam‸e»}} {{name}}"}}}' },
      range: 'ses.config.json',
      has: [/Used in: welcome\.ses\.html, welcome\.ses\.txt, subject \(2\)/],
    },
    {
      name: 'a data key: where it is used',
      files: { 'welcome.data.zh.json': '{\n  «"na‸me"»: "小明"\n}\n' },
      range: 'welcome.data.zh.json',
      has: [/Used in: welcome\.ses\.html, welcome\.ses\.txt, subject/],
    },
    {
      name: 'an unused data key',
      files: { 'welcome.data.json': '{\n  "name": "Alex",\n  "code": 1234,\n  «"un‸used"»: "x"\n}\n' },
      range: 'welcome.data.json',
      has: [/Missing in: zh/, /Not used in any part or the subject\./],
    },
    {
      name: 'values with Markdown characters are shown as text',
      files: { 'welcome.data.json': '{"name": "<b>*A*</b>", "code": ""}', 'welcome.ses.txt': '{{«na‸me»}}' },
      range: 'welcome.ses.txt',
      has: [/- \*\*default\*\*: \\<b\\>\\\*A\\\*\\<\/b\\>/],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { result, text, fixture } = hoverAt(c.files);
      assert.ok(result, 'expected a hover');
      assert.deepEqual(result.range, fixture.ranges(c.range)[0]);
      for (const pattern of c.has) assert.match(text, pattern);
      for (const pattern of c.hasNot ?? []) assert.doesNotMatch(text, pattern);
    });
  }

  it('says when the template has no data set', () => {
    const { text } = hoverAt({ 'welcome.ses.html': 'Hi {{na‸me}}' }, {});
    assert.match(text, /This template has no data set: create `welcome\.data\.json` beside it\./);
  });

  const none: Array<[string, Record<string, string>]> = [
    ['text outside tags', { 'welcome.ses.html': '<p>He‸llo {{name}}</p>' }],
    ['a data value', { 'welcome.data.zh.json': '{\n  "name": "小‸明"\n}\n' }],
    ['ses.config.json outside the subject', { 'ses.config.json': '{"temp‸lates":{"welcome":{"subject":"Hi {{name}}"}}}' }],
  ];
  for (const [name, files] of none) {
    it(`shows nothing on ${name}`, () => assert.equal(hoverAt(files).result, null));
  }

  it('speaks Simplified Chinese', () => {
    const contents = loadServerL10n('zh-cn', L10N_DIR);
    assert.ok(contents);
    l10n.config({ contents });
    const { text } = hoverAt({ 'welcome.ses.html': '<p>{{name}} {{co‸de}}</p>' });
    assert.match(text, /模板变量 `\{\{code\}\}`/);
    assert.match(text, /以下数据集缺少此变量：zh/);
    assert.match(text, /使用位置：welcome\.ses\.html/);
    const subject = hoverAt({ 'welcome.ses.html': '<p>{{na‸me}}</p>' }).text;
    assert.match(subject, /使用位置：welcome\.ses\.html, welcome\.ses\.txt, 主题/);
  });
});
