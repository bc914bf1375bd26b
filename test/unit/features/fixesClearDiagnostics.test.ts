import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { missingVariable } from '../../../server/src/service/checks/missingVariable';
import { noDataSet } from '../../../server/src/service/checks/noDataSet';
import { nonStringValue } from '../../../server/src/service/checks/nonStringValue';
import { unusedDataKey } from '../../../server/src/service/checks/unusedDataKey';
import { codeActions } from '../../../server/src/service/features';
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
