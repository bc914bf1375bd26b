import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/service/features';
import { applyTextEdits, marked, pathOf } from './fixtures';

function complete(files: Record<string, string>, options: Parameters<typeof marked>[1] = {}) {
  const fixture = marked(files, options);
  const list = completion(fixture.project, fixture.uri, fixture.position);
  const apply = (label: string) => {
    const item = list?.items.find((i) => i.label === label);
    assert.ok(item, `no item ${label} in ${list?.items.map((i) => i.label).join(', ')}`);
    return applyTextEdits(fixture.text(pathOf(fixture.uri)), [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
  };
  return { list, labels: list?.items.map((i) => i.label).sort(), apply, item: (label: string) => list?.items.find((i) => i.label === label) as CompletionItem };
}

describe('completion of variable names in parts and the subject', () => {
  const cases: Array<{ name: string; files: Record<string, string>; pick: string; result: string; path?: string }> = [
    { name: 'html: after {{, closing the tag', files: { 'welcome.ses.html': '<p>{{name}} {{‸</p>' }, pick: 'code', result: '<p>{{name}} {{code}}</p>' },
    { name: 'html: auto-closed braces are kept', files: { 'welcome.ses.html': '<p>{{name}} {{‸}}</p>' }, pick: 'code', result: '<p>{{name}} {{code}}</p>' },
    { name: 'html: a partial name is replaced', files: { 'welcome.ses.html': '<p>{{name}} {{co‸</p>' }, pick: 'code', result: '<p>{{name}} {{code}}</p>' },
    { name: 'html: the whole name around the cursor is replaced', files: { 'welcome.ses.html': '<p>{{na‸me}} {{code}}</p>' }, pick: 'unused', result: '<p>{{unused}} {{code}}</p>' },
    { name: 'html: inside an attribute value', files: { 'welcome.ses.html': '<a href="https://x/?c={{‸">{{name}}{{code}}</a>' }, pick: 'code', result: '<a href="https://x/?c={{code}}">{{name}}{{code}}</a>' },
    { name: 'html: triple braces close with three', files: { 'welcome.ses.html': '{{name}}{{code}}{{{‸' }, pick: 'unused', result: '{{name}}{{code}}{{{unused}}}' },
    { name: 'html: before a closing tilde', files: { 'welcome.ses.html': '{{name}}{{code}}{{‸~}}' }, pick: 'unused', result: '{{name}}{{code}}{{unused~}}' },
    { name: 'text part', files: { 'welcome.ses.txt': 'Hi {{‸\nBye' }, pick: 'name', result: 'Hi {{name}}\nBye' },
    { name: 'subject in ses.config.json', files: { 'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{‸"}}}' }, pick: 'code', result: '{"templates":{"welcome":{"subject":"Hi {{code}}"}}}' },
    { name: 'subject with a partial name', files: { 'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{na‸ and {{code}}"}}}' }, pick: 'name', result: '{"templates":{"welcome":{"subject":"Hi {{name}} and {{code}}"}}}' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { apply } = complete(c.files);
      assert.equal(apply(c.pick), c.result);
    });
  }

  it('offers every data key of every set and the names used elsewhere, but not the name being typed', () => {
    const { labels } = complete({ 'welcome.ses.txt': 'Hello {{name}} {{extra}} {{typ‸}}', 'welcome.data.zh.json': '{"name": "小明", "zhOnly": "仅"}' });
    assert.deepEqual(labels, ['code', 'extra', 'name', 'unused', 'zhOnly']);
  });

  it('offers the names of the closed tags of a part that does not parse while a tag is typed', () => {
    const { labels } = complete({ 'welcome.ses.txt': 'Hello {{name}} {{extra}} {{{raw}}} {{‸', 'welcome.ses.html': '' });
    assert.deepEqual(labels, ['code', 'extra', 'name', 'raw', 'unused']);
  });

  it('shows the sample value of each data set, and where it is missing', () => {
    const { item } = complete({ 'welcome.ses.html': '{{‸' });
    assert.equal(item('name').detail, 'default: Alex · zh: 小明');
    assert.equal(item('code').detail, 'default: 1234 · missing in: zh');
    assert.match((item('name').documentation as { value: string }).value, /Used in: welcome\.ses\.txt, subject/);
  });

  const none: Array<[string, Record<string, string>]> = [
    ['outside a tag', { 'welcome.ses.html': '<p>Hello ‸</p>' }],
    ['after a single brace', { 'welcome.ses.html': '<p>{‸</p>' }],
    ['after a closed tag', { 'welcome.ses.html': '<p>{{name}}‸</p>' }],
    ['in a block opener (tencent dialect)', { 'welcome.ses.html': '{{#if ‸' }],
    ['in a path', { 'welcome.ses.html': '{{user.‸' }],
    ['in ses.config.json outside the subject', { 'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{name}}", "from": "{{‸"}}}' }],
  ];
  for (const [name, files] of none) {
    it(`offers nothing ${name}`, () => assert.equal(complete(files).list, null));
  }

  it('completes after a block opener in the handlebars dialect', () => {
    const { apply } = complete({ 'welcome.ses.html': '{{#if ‸}}x{{/if}}' }, { dialect: 'handlebars' });
    assert.equal(apply('code'), '{{#if code}}x{{/if}}');
  });
});

describe('completion of missing keys in a data file', () => {
  const cases: Array<{ name: string; data: string; result: string; labels?: string[] }> = [
    { name: 'on an empty line after the last key', data: '{\n  "name": "小明",\n  ‸\n}', result: '{\n  "name": "小明",\n  "code": ""\n}' },
    { name: 'in an empty object', data: '{‸}', result: '{"code": ""}', labels: ['code', 'name'] },
    { name: 'in a key being typed (with the auto-closed quote)', data: '{\n  "name": "小明",\n  "co‸"\n}', result: '{\n  "name": "小明",\n  "code": ""\n}' },
    { name: 'before another key, adding the comma', data: '{\n  ‸\n  "name": "小明"\n}', result: '{\n  "code": "",\n  "name": "小明"\n}' },
    { name: 'after a value with no comma yet, adding it', data: '{\n  "name": "小明"\n  ‸\n}', result: '{\n  "name": "小明",\n  "code": ""\n}' },
    { name: 'renaming a key that has a value keeps the value', data: '{\n  "name": "小明",\n  "x‸": "1"\n}', result: '{\n  "name": "小明",\n  "code": "1"\n}' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { labels, apply } = complete({ 'welcome.data.zh.json': c.data });
      assert.deepEqual(labels, c.labels ?? ['code']);
      const result = apply('code');
      assert.equal(result, c.result);
      JSON.parse(result);
    });
  }

  it('offers every variable of the template the set lacks', () => {
    const { labels } = complete({ 'welcome.ses.txt': 'Hello {{name}} {{extra}}', 'welcome.data.zh.json': '{\n  ‸\n}' });
    assert.deepEqual(labels, ['code', 'extra', 'name']);
  });

  const none: Array<[string, string]> = [
    ['at a value', '{\n  "name": ‸"小明"\n}'],
    ['inside a nested object', '{\n  "name": {‸}\n}'],
    ['in a file that is not an object', '[‸]'],
  ];
  for (const [name, data] of none) {
    it(`offers nothing ${name}`, () => assert.equal(complete({ 'welcome.data.zh.json': data }).list, null));
  }
});

describe('completion details', () => {
  it('shows an empty sample value as "" rather than nothing', () => {
    const { item } = complete({ 'welcome.ses.html': '<p>{{‸</p>', 'welcome.data.json': '{ "coupon": "" }', 'welcome.data.zh.json': '{ "coupon": "WELCOME10" }' });
    assert.equal(item('coupon').detail, 'default: "" · zh: WELCOME10');
  });
});
