import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changedParts, configKey, configTemplateName, decodeContent, decodeTemplateContent, encodeContent, encodeTemplateContent,
  fileBaseName, linkedTemplates, partFileName, pushDecision, statusKind, templateNameProblem, withTemplateId,
} from '../../common/cloud/templateSync';

describe('template content encoding (base64 of UTF-8)', () => {
  const samples = ['', 'Hello {{name}}', '你好，{{name}}！欢迎光临 🎉', 'line 1\r\nline 2\r\n', 'mixed\nends\r\n\r', '\ufeffBOM first', 'ü'.repeat(1000)];

  it('round-trips every sample exactly, CRLF and a BOM included', () => {
    for (const text of samples) assert.equal(decodeContent(encodeContent(text)), text, JSON.stringify(text));
  });

  it('encodes UTF-8 bytes, as Tencent decodes them (the documented example)', () => {
    assert.equal(encodeContent('<html>this is a example {{code}}</html>'), 'PGh0bWw+dGhpcyBpcyBhIGV4YW1wbGUge3tjb2RlfX08L2h0bWw+');
    assert.equal(encodeContent('你'), Buffer.from([0xe4, 0xbd, 0xa0]).toString('base64'));
  });

  it('refuses what is not base64 of UTF-8 instead of guessing', () => {
    for (const bad of ['abc', 'not base64!', '####', Buffer.from([0xff, 0xfe]).toString('base64'), 'PGh0bWw+=x==']) {
      assert.equal(decodeContent(bad), undefined, bad);
    }
    assert.equal(decodeContent('PGh0\nbWw+'), '<html>', 'line-wrapped base64 is still base64');
  });

  it('TemplateContent has only the parts that exist; decoding names a bad field', () => {
    assert.deepEqual(encodeTemplateContent({ text: 'a' }), { Text: 'YQ==' });
    assert.deepEqual(encodeTemplateContent({ html: '', text: 'a' }), { Html: '', Text: 'YQ==' });
    assert.deepEqual(decodeTemplateContent({ Html: encodeContent('<p>中</p>') }), { parts: { html: '<p>中</p>' } });
    assert.deepEqual(decodeTemplateContent({ Html: 'YQ==', Text: '!!' }), { badField: 'Text' });
    assert.deepEqual(decodeTemplateContent(undefined), { parts: {} });
  });
});

describe('push and pull decisions', () => {
  it('no remote template: create', () => {
    assert.deepEqual(pushDecision({ html: 'a' }, 'welcome'), { kind: 'create' });
  });

  it('same content and name: up to date, nothing to send', () => {
    assert.deepEqual(pushDecision({ html: 'a', text: 'b' }, 'welcome', { parts: { html: 'a', text: 'b' }, name: 'welcome' }), { kind: 'upToDate' });
  });

  it('a changed part, a part only on one side, a changed line ending or a new name: update', () => {
    assert.deepEqual(pushDecision({ html: 'a', text: 'b' }, 'w', { parts: { html: 'a', text: 'c' }, name: 'w' }), { kind: 'update', changed: ['text'], renamed: false });
    assert.deepEqual(pushDecision({ html: 'a', text: 'b' }, 'w', { parts: { html: 'a' }, name: 'w' }), { kind: 'update', changed: ['text'], renamed: false });
    assert.deepEqual(pushDecision({ html: 'a\r\n' }, 'w', { parts: { html: 'a\n' }, name: 'w' }), { kind: 'update', changed: ['html'], renamed: false });
    assert.deepEqual(pushDecision({ html: 'a' }, 'w2', { parts: { html: 'a' }, name: 'w' }), { kind: 'update', changed: [], renamed: true });
    assert.deepEqual(changedParts({ html: 'x' }, { text: 'x' }), ['html', 'text']);
  });
});

describe('names', () => {
  it('template names: empty, too long, control characters', () => {
    assert.equal(templateNameProblem('welcome'), undefined);
    assert.equal(templateNameProblem('欢迎邮件 v2'), undefined);
    assert.equal(templateNameProblem('  '), 'empty');
    assert.equal(templateNameProblem('名'.repeat(128)), undefined);
    assert.equal(templateNameProblem('名'.repeat(129)), 'tooLong');
    assert.equal(templateNameProblem('a\tb'), 'control');
  });

  it('file names from remote names keep letters and drop what file systems refuse', () => {
    assert.equal(fileBaseName('order-confirmation', 1), 'order-confirmation');
    assert.equal(fileBaseName('模板名称', 1), '模板名称');
    assert.equal(fileBaseName('a/b:c*d?', 1), 'a-b-c-d-');
    assert.equal(fileBaseName('../../etc/passwd', 7), 'etc-passwd');
    assert.equal(fileBaseName(' trailing dots... ', 1), 'trailing dots');
    assert.equal(fileBaseName('///', 42), 'template-42');
    assert.equal(fileBaseName('welcome.ses', 1), 'welcome');
    assert.equal(partFileName('welcome', 'html'), 'welcome.ses.html');
    assert.equal(partFileName('welcome', 'text'), 'welcome.ses.txt');
  });

  it('status words by TemplateStatus', () => {
    assert.deepEqual([0, 1, 2, 3, undefined, '0'].map(statusKind), ['approved', 'pending', 'rejected', 'unavailable', 'unavailable', 'unavailable']);
  });

  it('config keys: the folder relative to the config, then the name', () => {
    assert.equal(configKey('/w', '/w', 'welcome'), 'welcome');
    assert.equal(configKey('/w/', '/w/legacy', 'win-back'), 'legacy/win-back');
    assert.equal(configKey('/w', '/other', 'x'), undefined);
    assert.equal(configKey('/w', '/wx', 'x'), undefined);
  });
});

describe('ses.config.json edits', () => {
  const config = `{
    // shared with the team
    "defaults": { "region": "ap-guangzhou" },
    "templates": {
        "welcome": { "subject": "Hi" },
        "order-confirmation.ses.html": { "templateId": 21001 }
    }
}
`;

  it('adds templateId to an existing entry, keeping comments and the file\'s indentation', () => {
    const next = withTemplateId(config, 'welcome', 30001) as string;
    assert.match(next, /\/\/ shared with the team/);
    assert.match(next, /"welcome": \{\s*"subject": "Hi",\s*"templateId": 30001\s*\}/);
    assert.deepEqual(linkedTemplates(next), [{ key: 'welcome', templateId: 30001 }, { key: 'order-confirmation', templateId: 21001 }]);
  });

  it('replaces an existing id, also under a key written with the extension', () => {
    const next = withTemplateId(config, 'order-confirmation', 5) as string;
    assert.match(next, /"order-confirmation.ses.html": \{ "templateId": 5 \}/);
    assert.doesNotMatch(next, /"order-confirmation":/);
  });

  it('creates the entry, and `templates`, when missing; an empty file becomes a config', () => {
    assert.deepEqual(linkedTemplates(withTemplateId(config, 'emails/new', 9) as string).at(-1), { key: 'emails/new', templateId: 9 });
    const bare = withTemplateId('{ "defaults": {} }', 'welcome', 3) as string;
    assert.deepEqual(JSON.parse(bare), { defaults: {}, templates: { welcome: { templateId: 3 } } });
    assert.deepEqual(JSON.parse(withTemplateId('', 'welcome', 3) as string), { templates: { welcome: { templateId: 3 } } });
  });

  it('keeps CRLF line endings', () => {
    const next = withTemplateId('{\r\n  "templates": {}\r\n}\r\n', 'welcome', 3) as string;
    assert.doesNotMatch(next.replace(/\r\n/g, ''), /\n/);
  });

  it('refuses to rewrite what is not a JSON object, or a templates/entry of the wrong type', () => {
    assert.equal(withTemplateId('{ "templates": ', 'w', 1), undefined);
    assert.equal(withTemplateId('[]', 'w', 1), undefined);
    assert.equal(withTemplateId('{ "templates": [] }', 'w', 1), undefined);
    assert.equal(withTemplateId('{ "templates": { "w": 3 } }', 'w', 1), undefined);
  });

  it('reads templateName and the linked templates, ignoring bad ids', () => {
    const text = '{ "templates": { "a": { "templateId": 1, "templateName": "Welcome mail" }, "b": { "templateId": -1 }, "c": { "templateId": "2" }, "d": 4 } }';
    assert.equal(configTemplateName(text, 'a'), 'Welcome mail');
    assert.equal(configTemplateName(text, 'b'), undefined);
    assert.equal(configTemplateName('not json', 'a'), undefined);
    assert.deepEqual(linkedTemplates(text), [{ key: 'a', templateId: 1 }]);
    assert.deepEqual(linkedTemplates('garbage'), []);
  });
});
