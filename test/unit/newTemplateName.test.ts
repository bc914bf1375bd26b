import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { configTemplateKeys, newConfigText, newEntryEdits } from '../../client/src/newTemplate/configEntry';
import { MAX_NEW_NAME, newTemplateNameProblem, suggestName } from '../../client/src/newTemplate/templateName';

const none = { files: [], configKeys: [] };
const entry = { subject: 'Your code {{code}}', triggerType: 'transactional' } as const;

describe('New Template: the name', () => {
  it('accepts safe file names, Chinese included', () => {
    for (const name of ['welcome', 'order-receipt_2', '验证码', 'A1']) assert.equal(newTemplateNameProblem(name, none), undefined, name);
  });

  it('refuses empty, long, unsafe and reserved names', () => {
    assert.equal(newTemplateNameProblem('', none), 'empty');
    assert.equal(newTemplateNameProblem('   ', none), 'empty');
    assert.equal(newTemplateNameProblem('a'.repeat(MAX_NEW_NAME + 1), none), 'tooLong');
    for (const name of ['a/b', '../x', 'a.data', 'x.ses', ' lead', 'tail ', '-dash', 'a:b', 'a*b', 'new\u0000line', 'emoji😀']) assert.equal(newTemplateNameProblem(name, none), 'characters', JSON.stringify(name));
    assert.equal(newTemplateNameProblem('CON', none), 'reserved');
    assert.equal(newTemplateNameProblem('lpt1', none), 'reserved');
  });

  it('refuses a name whose files or config entry exist, in any letter case', () => {
    assert.equal(newTemplateNameProblem('welcome', { files: ['welcome.ses.html'], configKeys: [] }), 'exists');
    assert.equal(newTemplateNameProblem('Welcome', { files: ['welcome.data.json'], configKeys: [] }), 'exists');
    assert.equal(newTemplateNameProblem('welcome', { files: ['welcome.data.zh.json'], configKeys: [] }), 'exists');
    assert.equal(newTemplateNameProblem('welcome', { files: [], configKeys: ['welcome'] }), 'exists');
    assert.equal(newTemplateNameProblem('welcome', { files: [], configKeys: ['welcome.ses.html'] }), 'exists');
    assert.equal(newTemplateNameProblem('welcome', { files: ['welcome-back.ses.html', 'welcome.png'], configKeys: ['welcome-back'] }), undefined);
  });

  it('suggests the first free name', () => {
    assert.equal(suggestName('welcome', none), 'welcome');
    assert.equal(suggestName('welcome', { files: ['welcome.ses.html', 'welcome-2.ses.txt'], configKeys: ['welcome-3'] }), 'welcome-4');
  });
});

describe('New Template: the ses.config.json entry', () => {
  it('adds the entry and keeps comments, formatting and the other entries', () => {
    const text = '{\n    // shared settings\n    "defaults": { "from": "a@example.com" },\n    "templates": {\n        "welcome": { "subject": "Hi" } // first\n    }\n}\n';
    const result = applyEdits(text, newEntryEdits(text, 'code', entry)!);
    assert.match(result, /\/\/ shared settings/);
    assert.match(result, /"welcome": \{ "subject": "Hi" \}, \/\/ first/);
    // In the style of the entry before it: one line, same indentation.
    assert.match(result, /\/\/ first\n {8}"code": \{ "subject": "Your code \{\{code\}\}", "triggerType": "transactional" \}\n {4}\}/);
    const multiLine = '{\n  "templates": {\n    "a": {\n      "subject": "x"\n    }\n  }\n}\n';
    assert.equal(applyEdits(multiLine, newEntryEdits(multiLine, 'code', entry)!), '{\n  "templates": {\n    "a": {\n      "subject": "x"\n    },\n    "code": {\n      "subject": "Your code {{code}}",\n      "triggerType": "transactional"\n    }\n  }\n}\n');
    const awkward = { subject: 'a","b\\ {{x}}', triggerType: 'marketing' } as const;
    assert.deepEqual(JSON.parse(applyEdits(text.replace(/\/\/.*\n/g, '\n'), newEntryEdits(text.replace(/\/\/.*\n/g, '\n'), 'k', awkward)!)).templates.k, awkward);
    assert.deepEqual(configTemplateKeys(result), ['welcome', 'code']);
  });

  it('creates "templates" when missing, and fills a blank file', () => {
    assert.deepEqual(JSON.parse(applyEdits('{ "defaults": {} }', newEntryEdits('{ "defaults": {} }', 'code', entry)!)), { defaults: {}, templates: { code: entry } });
    assert.deepEqual(JSON.parse(applyEdits('  \n', newEntryEdits('  \n', 'emails/code', entry)!)), { templates: { 'emails/code': entry } });
    assert.deepEqual(JSON.parse(newConfigText('code', entry)), { templates: { code: entry } });
  });

  it('never replaces an entry, and leaves files that are not config objects alone', () => {
    assert.equal(newEntryEdits('{ "templates": { "code": { "templateId": 5 } } }', 'code', entry), undefined);
    assert.equal(newEntryEdits('{ "templates": { "code.ses.html": {} } }', 'code', entry), undefined);
    for (const bad of ['[]', '{ "templates": [] }', '{ "templates": ', 'null', '"x"', '['.repeat(100_000)]) assert.equal(newEntryEdits(bad, 'code', entry), undefined, bad.slice(0, 20));
    assert.deepEqual(configTemplateKeys('{ broken'), []);
    assert.deepEqual(configTemplateKeys('['.repeat(100_000)), []);
  });
});
