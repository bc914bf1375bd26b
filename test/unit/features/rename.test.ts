import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRefusal, prepareRename, rename } from '../../../server/src/service/features';
import { applyWorkspaceEdit, marked, WELCOME } from './fixtures';

describe('prepareRename', () => {
  const accepted: Array<[string, Record<string, string>, string]> = [
    ['a use in a part', { 'welcome.ses.html': '<p>{{«na‸me»}}</p>' }, 'welcome.ses.html'],
    ['a use in the subject', { 'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{«name»‸}}"}}}' }, 'ses.config.json'],
    ['a data key (inside its quotes)', { 'welcome.data.json': '{"«na‸me»": "Alex"}' }, 'welcome.data.json'],
    ['a data key written with escapes (quotes and all)', { 'welcome.data.json': '{«"na\\u006de‸"»: "Alex"}' }, 'welcome.data.json'],
  ];
  for (const [name, files, path] of accepted) {
    it(`accepts ${name}`, () => {
      const fixture = marked(files);
      const result = prepareRename(fixture.project, fixture.uri, fixture.position);
      assert.deepEqual(result, { range: fixture.ranges(path)[0], placeholder: 'name' });
    });
  }

  const refused: Array<[string, Record<string, string>]> = [
    ['plain text', { 'welcome.ses.html': '<p>He‸llo {{name}}</p>' }],
    ['an html tag name', { 'welcome.ses.html': '<‸p>{{name}}</p>' }],
    ['a data value', { 'welcome.data.json': '{"name": "Al‸ex"}' }],
    ['a block helper (handlebars dialect)', { 'welcome.ses.html': '{{#i‸f name}}x{{/if}}' }],
    ['ses.config.json outside the subject', { 'ses.config.json': '{"templates":{"wel‸come":{"subject":"Hi {{name}}"}}}' }],
  ];
  for (const [name, files] of refused) {
    it(`refuses ${name} with a message`, () => {
      const fixture = marked(files, { dialect: 'handlebars' });
      const result = prepareRename(fixture.project, fixture.uri, fixture.position);
      assert.ok(isRefusal(result));
      assert.equal(result.refused, 'Only template variables and data keys can be renamed.');
    });
  }
});

describe('rename', () => {
  const expected: Record<string, string> = {
    'welcome.ses.html': '<p>Hello {{fullName}}, your code is {{code}}.</p>',
    'welcome.ses.txt': 'Hello {{fullName}}',
    'welcome.data.json': '{\n  "fullName": "Alex",\n  "code": 1234,\n  "unused": "x"\n}\n',
    'welcome.data.zh.json': '{\n  "fullName": "小明"\n}\n',
    'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{fullName}}"}}}',
  };
  const from: Array<[string, Record<string, string>]> = [
    ['a use in the html part', { 'welcome.ses.html': '<p>Hello {{na‸me}}, your code is {{code}}.</p>' }],
    ['a use in the text part', { 'welcome.ses.txt': 'Hello {{‸name}}' }],
    ['the subject', { 'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{name‸}}"}}}' }],
    ['a key in the default data set', { 'welcome.data.json': '{\n  "n‸ame": "Alex",\n  "code": 1234,\n  "unused": "x"\n}\n' }],
    ['a key in another data set', { 'welcome.data.zh.json': '{\n  ‸"name": "小明"\n}\n' }],
  ];
  for (const [name, files] of from) {
    it(`from ${name}: one edit touching every part, the subject and every data set`, () => {
      const fixture = marked(files);
      const edit = rename(fixture.project, fixture.uri, fixture.position, 'fullName');
      assert.ok(!isRefusal(edit));
      const after = applyWorkspaceEdit(edit, fixture.text);
      assert.deepEqual(after, expected);
      for (const path of ['welcome.data.json', 'welcome.data.zh.json', 'ses.config.json']) JSON.parse(after[path]);
    });
  }

  it('renames a handlebars path by its head only', () => {
    const fixture = marked({ 'welcome.ses.html': '{{#if us‸er}}{{user.name}}{{/if}}', 'welcome.data.json': '{"user": {"name": "A"}}' }, { base: {}, dialect: 'handlebars' });
    const edit = rename(fixture.project, fixture.uri, fixture.position, 'member');
    assert.ok(!isRefusal(edit));
    assert.deepEqual(applyWorkspaceEdit(edit, fixture.text), {
      'welcome.ses.html': '{{#if member}}{{member.name}}{{/if}}',
      'welcome.data.json': '{"member": {"name": "A"}}',
    });
  });

  it('renames a key that no part uses', () => {
    const fixture = marked({ 'welcome.data.json': WELCOME['welcome.data.json'].replace('"unused"', '"un‸used"') });
    const edit = rename(fixture.project, fixture.uri, fixture.position, 'spare');
    assert.ok(!isRefusal(edit));
    assert.deepEqual(Object.keys(edit.changes ?? {}), ['file:///w/welcome.data.json']);
  });

  const refused: Array<[string, string, RegExp]> = [
    ['an empty name', '', /"" is not a valid variable name/],
    ['a name with a space', 'full name', /"full name" is not a valid variable name: use letters, digits and underscores/],
    ['a name starting with a digit', '1st', /"1st" is not a valid variable name/],
    ['a path', 'user.name', /not a valid variable name/],
    ['braces', '{{x}}', /not a valid variable name/],
    ['a key that a data set already has', 'code', /Data set default already has a key "code"\./],
  ];
  for (const [name, newName, message] of refused) {
    it(`refuses ${name}`, () => {
      const fixture = marked({ 'welcome.ses.txt': 'Hello {{na‸me}}' });
      const result = rename(fixture.project, fixture.uri, fixture.position, newName);
      assert.ok(isRefusal(result));
      assert.match(result.refused, message);
    });
  }

  it('gives an empty edit when the name does not change', () => {
    const fixture = marked({ 'welcome.ses.txt': 'Hello {{na‸me}}' });
    assert.deepEqual(rename(fixture.project, fixture.uri, fixture.position, 'name'), { changes: {} });
  });
});
