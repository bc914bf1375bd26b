import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { missingVariable } from '../../../server/src/service/checks/missingVariable';
import { noDataSet } from '../../../server/src/service/checks/noDataSet';
import { nonStringValue } from '../../../server/src/service/checks/nonStringValue';
import { unusedDataKey } from '../../../server/src/service/checks/unusedDataKey';
import { autoFix, codeActions } from '../../../server/src/service/features';
import { createLanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { projectFromFiles } from '../projects';
import { applyWorkspaceEdit, pathOf, uriOf, WELCOME } from './fixtures';

// The real checks produce the diagnostics; the preferred quick fix for each must make it go away.
const service = createLanguageService([missingVariable, unusedDataKey, nonStringValue, noDataSet]);

function diagnose(files: Record<string, string>) {
  const { project } = projectFromFiles(files);
  const found: Array<{ path: string; diagnostic: Diagnostic }> = [];
  for (const [uri, diagnostics] of service.validate(project, DEFAULT_SETTINGS)) {
    for (const diagnostic of diagnostics) found.push({ path: pathOf(uri), diagnostic });
  }
  return { project, found };
}

describe('quick fixes clear the diagnostics of the real checks', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['missing-variable', { 'welcome.ses.txt': 'Hello {{name}} {{extra}}' }],
    ['unused-data-key', {}],
    ['non-string-value', {}],
    ['no-data-set', { 'welcome.ses.html': '<p>{{name}}</p>', 'welcome.ses.txt': '{{code}}' }],
  ];
  for (const [code, changed] of cases) {
    it(code, () => {
      let files: Record<string, string> = code === 'no-data-set' ? changed : { ...WELCOME, ...changed };
      assert.ok(diagnose(files).found.some((f) => f.diagnostic.code === code), `the fixture has no ${code}`);
      for (let round = 0; round < 5; round++) {
        const { project, found } = diagnose(files);
        const target = found.find((f) => f.diagnostic.code === code);
        if (!target) break;
        assert.ok(round < 4, `${code} is still reported after ${round} fixes`);
        const actions = codeActions(project, uriOf(target.path), target.diagnostic.range, { diagnostics: [target.diagnostic] });
        const fix = actions.find((a) => a.isPreferred);
        assert.ok(fix?.edit, `no preferred fix for ${code}: ${JSON.stringify(actions.map((a) => a.title))}`);
        const after = applyWorkspaceEdit(fix.edit, (path) => files[path]);
        for (const [path, text] of Object.entries(after)) if (path.endsWith('.json')) JSON.parse(text);
        files = { ...files, ...after };
      }
      assert.deepEqual(diagnose(files).found.filter((f) => f.diagnostic.code === code), []);
    });
  }
});

describe('quick fixes that --fix applies clear the diagnostics of all the checks, and change nothing else', () => {
  const all = createLanguageService();
  const found = (files: Record<string, string>) => {
    const { project } = projectFromFiles(files);
    const list: Array<{ path: string; diagnostic: Diagnostic }> = [];
    for (const [uri, diagnostics] of all.validate(project, DEFAULT_SETTINGS)) for (const diagnostic of diagnostics) list.push({ path: pathOf(uri), diagnostic });
    return { project, list };
  };
  const cases: Array<[string, Record<string, string>, string, string]> = [
    ['spaces-in-braces', { 'welcome.ses.html': '<p>Hello {{ name }}, your code is {{code\t}}.</p>' }, 'welcome.ses.html', '<p>Hello {{name}}, your code is {{code}}.</p>'],
    ['unused-suppression', { 'welcome.ses.html': '<p>Hello {{name}}, your code is {{code}}.</p>\n  <!-- ses-disable-next-line -->\n<p>Bye</p>\n' }, 'welcome.ses.html', '<p>Hello {{name}}, your code is {{code}}.</p>\n<p>Bye</p>\n'],
    // Both codes unused: removing them one by one must never leave `<!-- ses-disable-next-line -->`, which hides every check.
    ['unused-suppression', { 'welcome.ses.html': '<p>Hello {{name}}, your code is {{code}}.</p><!-- ses-disable link-insecure, image-svg -->\r\n<p>Bye</p>\r\n' }, 'welcome.ses.html', '<p>Hello {{name}}, your code is {{code}}.</p>\r\n<p>Bye</p>\r\n'],
  ];
  for (const [code, changed, file, expected] of cases) {
    it(`${code}: ${JSON.stringify(changed[file]).slice(0, 70)}`, () => {
      let files: Record<string, string> = { ...WELCOME, ...changed };
      const before = found(files).list.filter((f) => f.diagnostic.code !== code).map((f) => f.diagnostic.code);
      assert.ok(found(files).list.some((f) => f.diagnostic.code === code), `the fixture has no ${code}`);
      for (let round = 0; ; round++) {
        const { project, list } = found(files);
        const target = list.find((f) => f.diagnostic.code === code);
        if (!target) break;
        assert.ok(round < 4, `${code} is still reported after ${round} fixes`);
        const fix = autoFix(project, uriOf(target.path), target.diagnostic, { fixUnused: false });
        assert.ok(fix, `no automatic fix for ${code}`);
        const after = applyWorkspaceEdit({ changes: fix.changes }, (path) => files[path]);
        if (code === 'unused-suppression') assert.doesNotMatch(after[file] ?? files[file], /ses-disable(-next-line)?\s*-->/);
        files = { ...files, ...after };
      }
      assert.equal(files[file], expected);
      assert.deepEqual(found(files).list.map((f) => f.diagnostic.code), before, 'the other findings are unchanged');
    });
  }

  it('leaves the fixes that would invent data values, and unused keys unless asked', () => {
    const { project, list } = found({ ...WELCOME, 'welcome.ses.txt': 'Hello {{name}} {{extra}}' });
    const byCode = (c: string) => list.find((f) => f.diagnostic.code === c)!;
    for (const c of ['missing-variable', 'unused-data-key']) assert.ok(list.some((f) => f.diagnostic.code === c), c);
    assert.equal(autoFix(project, uriOf(byCode('missing-variable').path), byCode('missing-variable').diagnostic, { fixUnused: true }), undefined);
    assert.equal(autoFix(project, uriOf(byCode('unused-data-key').path), byCode('unused-data-key').diagnostic, { fixUnused: false }), undefined);
    assert.ok(autoFix(project, uriOf(byCode('unused-data-key').path), byCode('unused-data-key').diagnostic, { fixUnused: true }));
    const empty = found({ 'welcome.ses.html': '<p>{{name}}</p>' });
    const noData = empty.list.find((f) => f.diagnostic.code === 'no-data-set')!;
    assert.equal(autoFix(empty.project, uriOf(noData.path), noData.diagnostic, { fixUnused: true }), undefined);
  });
});
