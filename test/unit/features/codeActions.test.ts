import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/service/features';
import { loadServerL10n } from '../../../server/src/serverL10n';
import { applyWorkspaceEdit, marked, pathOf } from './fixtures';

const L10N_DIR = path.join(__dirname, '..', '..', '..', '..', 'l10n');

/**
 * The code actions for one diagnostic with `code` at the « » range of the file holding the cursor
 * (the cursor only says which file), and the files each action's edit gives.
 */
function actionsFor(code: string | undefined, files: Record<string, string>, options: { base?: Record<string, string>; only?: string[] } = {}) {
  const fixture = marked(files, { base: options.base });
  const range = fixture.ranges(pathOf(fixture.uri))[0] ?? { start: fixture.position, end: fixture.position };
  const diagnostics: Diagnostic[] = code ? [{ range, code, source: 'SES', message: 'whatever the check says', severity: DiagnosticSeverity.Warning }] : [];
  const actions = codeActions(fixture.project, fixture.uri, range, { diagnostics, only: options.only });
  const result = (action: CodeAction) => applyWorkspaceEdit(action.edit!, fixture.text);
  const byTitle = (title: string) => {
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `no action "${title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
    return action;
  };
  return { actions, titles: actions.map((a) => a.title), result, byTitle, diagnostics };
}

describe('code actions: missing-variable', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('adds the key to the one data set that lacks it', () => {
    const { titles, byTitle, result, diagnostics } = actionsFor('missing-variable', { 'welcome.ses.html': '<p>Hello {{name}}, your code is ‸{{«code»}}.</p>' });
    assert.deepEqual(titles, ['Add the key "code" to welcome.data.zh.json']);
    const action = byTitle('Add the key "code" to welcome.data.zh.json');
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, diagnostics);
    const after = result(action);
    assert.deepEqual(Object.keys(after), ['welcome.data.zh.json']);
    assert.equal(after['welcome.data.zh.json'], '{\n  "name": "小明",\n  "code": ""\n}\n');
  });

  it('adds the key to one or all of the data sets lacking it', () => {
    const { titles, byTitle, result } = actionsFor('missing-variable', { 'welcome.ses.txt': 'Hello {{name}} «{{‸extra}}»' });
    assert.deepEqual(titles, ['Add the key "extra" to all data sets', 'Add the key "extra" to welcome.data.json', 'Add the key "extra" to welcome.data.zh.json']);
    assert.equal(byTitle('Add the key "extra" to all data sets').isPreferred, true);
    assert.equal(byTitle('Add the key "extra" to welcome.data.json').isPreferred, undefined);
    const all = result(byTitle('Add the key "extra" to all data sets'));
    assert.deepEqual(JSON.parse(all['welcome.data.json']), { name: 'Alex', code: 1234, unused: 'x', extra: '' });
    assert.deepEqual(JSON.parse(all['welcome.data.zh.json']), { name: '小明', extra: '' });
    assert.deepEqual(Object.keys(result(byTitle('Add the key "extra" to welcome.data.json'))), ['welcome.data.json']);
  });

  it('works from the subject in ses.config.json', () => {
    const { byTitle, result } = actionsFor('missing-variable', { 'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{«co‸de»}}"}}}' });
    assert.deepEqual(JSON.parse(result(byTitle('Add the key "code" to welcome.data.zh.json'))['welcome.data.zh.json']), { name: '小明', code: '' });
  });

  const layouts: Array<[string, string, string]> = [
    ['an empty object', '{}', '{\n  "code": ""\n}'],
    ['an empty object on two lines', '{\n}\n', '{\n  "code": ""\n}\n'],
    ['an empty object with spaces', '{  }', '{\n  "code": ""\n}'],
    ['a one-line object', '{"name": "小明"}', '{"name": "小明", "code": ""}'],
    ['a multi-line object ending in an object value', '{\n  "name": {"a": 1}\n}', '{\n  "name": {"a": 1},\n  "code": ""\n}'],
    ['tab indentation', '{\n\t"name": "小明"\n}', '{\n\t"name": "小明",\n\t"code": ""\n}'],
    ['CRLF line ends', '{\r\n    "name": "小明"\r\n}\r\n', '{\r\n    "name": "小明",\r\n    "code": ""\r\n}\r\n'],
  ];
  for (const [name, data, expected] of layouts) {
    it(`keeps the layout of ${name}`, () => {
      const { byTitle, result } = actionsFor('missing-variable', { 'welcome.ses.html': '{{name}} {{«co‸de»}}', 'welcome.data.zh.json': data });
      const after = result(byTitle('Add the key "code" to welcome.data.zh.json'))['welcome.data.zh.json'];
      assert.equal(after, expected);
      JSON.parse(after);
    });
  }

  it('offers nothing for a data set that is not a JSON object', () => {
    const { titles } = actionsFor('missing-variable', { 'welcome.ses.html': '{{name}} {{«co‸de»}}', 'welcome.data.zh.json': '["x"]' });
    assert.deepEqual(titles, []);
  });

  it('adds every missing key when the diagnostic is in a data file', () => {
    const { byTitle, result } = actionsFor('missing-variable', { 'welcome.data.zh.json': '«‸{»\n  "name": "小明"\n}\n', 'welcome.ses.txt': '{{name}} {{extra}}' });
    assert.deepEqual(JSON.parse(result(byTitle('Add the missing keys to welcome.data.zh.json'))['welcome.data.zh.json']), { name: '小明', code: '', extra: '' });
  });

  it('has Chinese titles', () => {
    const contents = loadServerL10n('zh-cn', L10N_DIR);
    assert.ok(contents);
    l10n.config({ contents });
    const { titles } = actionsFor('missing-variable', { 'welcome.ses.txt': 'Hello {{name}} {{«ext‸ra»}}' });
    assert.deepEqual(titles, ['将键 "extra" 添加到所有数据集', '将键 "extra" 添加到 welcome.data.json', '将键 "extra" 添加到 welcome.data.zh.json']);
  });
});

describe('code actions: unused-data-key', () => {
  const cases: Array<[string, string, unknown]> = [
    ['the last key', '{\n  "name": "Alex",\n  "code": 1234,\n  «"un‸used"»: "x"\n}\n', { name: 'Alex', code: 1234 }],
    ['a middle key', '{\n  "name": "Alex",\n  «"un‸used"»: "x",\n  "code": 1234\n}\n', { name: 'Alex', code: 1234 }],
    ['the first key', '{«"un‸used"»: "x", "name": "Alex", "code": 1}', { name: 'Alex', code: 1 }],
    ['the only key', '{\n  «"un‸used"»: {"deep": [1, 2]}\n}\n', {}],
  ];
  for (const [name, data, expected] of cases) {
    it(`removes ${name} with its comma`, () => {
      const { titles, actions, result } = actionsFor('unused-data-key', { 'welcome.data.json': data });
      assert.deepEqual(titles, ['Remove the unused key "unused"']);
      assert.deepEqual(JSON.parse(result(actions[0])['welcome.data.json']), expected);
    });
  }

  it('keeps the layout of the remaining keys', () => {
    const { actions, result } = actionsFor('unused-data-key', { 'welcome.data.json': '{\n  "name": "Alex",\n  «"un‸used"»: "x",\n  "code": 1234\n}\n' });
    assert.equal(result(actions[0])['welcome.data.json'], '{\n  "name": "Alex",\n  "code": 1234\n}\n');
  });
});

describe('code actions: non-string-value', () => {
  const cases: Array<[string, string, string]> = [
    ['a number as written', '1234.50', '"1234.50"'],
    ['a boolean', 'true', '"true"'],
    ['null', 'null', '"null"'],
  ];
  for (const [name, value, quoted] of cases) {
    it(`quotes ${name}`, () => {
      const { titles, actions, result } = actionsFor('non-string-value', { 'welcome.data.json': `{"name": "Alex", "code": «${value}‸»}` });
      assert.deepEqual(titles, [`Convert the value to the string ${quoted}`]);
      const after = result(actions[0])['welcome.data.json'];
      assert.equal(after, `{"name": "Alex", "code": ${quoted}}`);
      JSON.parse(after);
    });
  }

  it('offers nothing for an object value', () => {
    assert.deepEqual(actionsFor('non-string-value', { 'welcome.data.json': '{"name": "Alex", "code": «{"a": 1}‸»}' }).titles, []);
  });
});

describe('code actions: no-data-set', () => {
  it('creates the default data set with every variable of the template', () => {
    const base = { 'welcome.ses.html': '<p>{{name}} {{code}}</p>', 'welcome.ses.txt': '{{name}}', 'ses.config.json': '{"templates":{"welcome":{"subject":"{{title}}"}}}' };
    const { titles, actions, result } = actionsFor('no-data-set', { 'welcome.ses.html': '«<p>»{{name}}‸ {{code}}</p>' }, { base });
    assert.deepEqual(titles, ['Create welcome.data.json with every variable of the template']);
    const change = actions[0].edit?.documentChanges?.[0];
    assert.deepEqual(change, { kind: 'create', uri: 'file:///w/welcome.data.json' });
    const created = result(actions[0])['welcome.data.json'];
    assert.equal(created, '{\n  "name": "",\n  "code": "",\n  "title": ""\n}\n');
  });

  it('offers nothing once a data set exists', () => {
    assert.deepEqual(actionsFor('no-data-set', { 'welcome.ses.html': '«<p>»‸' }).titles, []);
  });
});

describe('code actions: fix all', () => {
  it('adds every missing key to every data set from a part', () => {
    const { titles, actions, result } = actionsFor(undefined, { 'welcome.ses.txt': 'Hello {{name}} {{extra}}‸' }, { only: ['source.fixAll'] });
    assert.deepEqual(titles, ['Add all missing keys to the data sets']);
    assert.equal(actions[0].kind, 'source.fixAll');
    const after = result(actions[0]);
    assert.deepEqual(JSON.parse(after['welcome.data.json']), { name: 'Alex', code: 1234, unused: 'x', extra: '' });
    assert.deepEqual(JSON.parse(after['welcome.data.zh.json']), { name: '小明', code: '', extra: '' });
  });

  it('adds only to the data file it is asked for', () => {
    const { actions, result } = actionsFor(undefined, { 'welcome.data.json': '{\n  "name": "Alex"‸\n}\n' }, { only: ['source'] });
    assert.deepEqual(Object.keys(result(actions[0])), ['welcome.data.json']);
    assert.equal(result(actions[0])['welcome.data.json'], '{\n  "name": "Alex",\n  "code": ""\n}\n');
  });

  it('is offered only when asked for, and only when something is missing', () => {
    assert.deepEqual(actionsFor(undefined, { 'welcome.ses.txt': 'Hello {{name}} {{extra}}‸' }).titles, []);
    assert.deepEqual(actionsFor(undefined, { 'welcome.data.json': '{"name": "A", "code": 1}‸' }, { only: ['source.fixAll'] }).titles, []);
  });

  it('gives no quick fixes when only source actions are asked for', () => {
    const { titles } = actionsFor('missing-variable', { 'welcome.ses.html': '<p>{{name}} {{«co‸de»}}</p>' }, { only: ['source.fixAll'] });
    assert.deepEqual(titles, ['Add all missing keys to the data sets']);
  });

  it('ignores diagnostics of other checks', () => {
    assert.deepEqual(actionsFor('handlebars-syntax', { 'welcome.ses.html': '<p>{{name}} {{«co‸de»}}</p>' }).titles, []);
  });
});

describe('code actions: attributes Outlook reads, from the inline style', () => {
  const html = (body: string) => ({ 'welcome.ses.html': `<!DOCTYPE html><html lang="en"><body>${body}</body></html>` });

  it('adds width and height attributes to an <img> from its inline style in px', () => {
    const { byTitle, result } = actionsFor(undefined, html('<img‸ src="https://x.cn/a.png" alt="Logo" style="display:block; width: 120px; height:40px !important">'));
    const action = byTitle('Add width="120" height="40" from the inline style (Outlook reads the attributes)');
    assert.equal(action.kind, 'refactor.rewrite');
    assert.match(result(action)['welcome.ses.html'], /<img width="120" height="40" src="https:\/\/x\.cn\/a\.png" alt="Logo" style="display:block; width: 120px; height:40px !important">/);
  });

  it('adds only the attribute that is missing, and nothing for %, auto or a variable', () => {
    const one = actionsFor(undefined, html('<img‸ src="https://x.cn/a.png" width="120" style="width:120px;height:40px">'));
    assert.deepEqual(one.titles, ['Add height="40" from the inline style (Outlook reads the attributes)']);
    assert.deepEqual(actionsFor(undefined, html('<img‸ src="https://x.cn/a.png" style="width:100%;height:auto">')).titles, []);
    assert.deepEqual(actionsFor(undefined, html('<img‸ src="https://x.cn/a.png" style="width:{{w}}px">')).titles, []);
    assert.deepEqual(actionsFor(undefined, html('<img‸ src="https://x.cn/a.png" width="120" height="40" style="width:120px;height:40px">')).titles, []);
  });

  it('adds a bgcolor fallback to a table cell from its inline background-color', () => {
    const { byTitle, result } = actionsFor(undefined, html('<table><tr><td‸ style="padding:8px;background-color:#1a73e8;color:#fff">Go</td></tr></table>'));
    const action = byTitle('Add the fallback bgcolor="#1a73e8" from the inline background-color');
    assert.match(result(action)['welcome.ses.html'], /<td bgcolor="#1a73e8" style="padding:8px;background-color:#1a73e8;color:#fff">/);
    assert.deepEqual(actionsFor(undefined, html('<table><tr><td‸ bgcolor="#fff" style="background-color:#1a73e8">Go</td></tr></table>')).titles, []);
    assert.deepEqual(actionsFor(undefined, html('<table><tr><td‸ style="background:url(a.png) #fff">Go</td></tr></table>')).titles, []);
    assert.deepEqual(actionsFor(undefined, html('<p‸ style="background-color:#1a73e8">Go</p>')).titles, []);
  });

  it('offers them only where the cursor is, and not when only quick fixes are asked for', () => {
    assert.deepEqual(actionsFor(undefined, html('<p>‸x</p><img src="https://x.cn/a.png" style="width:120px">')).titles, []);
    assert.deepEqual(actionsFor(undefined, html('<img‸ src="https://x.cn/a.png" style="width:120px">'), { only: ['quickfix'] }).titles, []);
  });
});
