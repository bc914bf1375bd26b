import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { noDataSet } from '../../server/src/service/checks/noDataSet';
import { assertMarkedRanges, runChecks } from './checkHarness';

describe('no-data-set check', () => {
  it('reports once on each part, at its start, naming the file to create', () => {
    const run = runChecks([noDataSet], { 'welcome.ses.html': '«»<p>Hi {{name}}</p>\n', 'welcome.ses.txt': '«»Hi {{name}}' });
    assertMarkedRanges(run);
    for (const d of run.all) {
      assert.equal(d.code, 'no-data-set');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.match(String(d.message), /The template `welcome` has no data set, so its variables are not checked against the TemplateData you send\. Create `welcome\.data\.json` beside it/);
    }
  });

  it('is quiet for a template without variables (its TemplateData is `{}`, nothing to check)', () => {
    assert.deepEqual(runChecks([noDataSet], { 'welcome.ses.html': '<p>Hello</p>', 'welcome.ses.txt': 'Hello' }).all, []);
    assert.deepEqual(runChecks([noDataSet], { 'welcome.ses.html': '<p>Hello</p>' }, { dialect: 'handlebars' }).all, []);
  });

  it('reports a template whose only variable is in its subject', () => {
    assertMarkedRanges(runChecks([noDataSet], { 'welcome.ses.html': '«»<p>Hello</p>', 'ses.config.json': '{"templates": {"welcome": {"subject": "Hi {{name}}"}}}' }));
  });

  it('names the file of a template with spaces and Chinese in its name', () => {
    const run = runChecks([noDataSet], { 'my%20%E6%AC%A2%E8%BF%8E.ses.html': '{{a}}' });
    assert.match(String(run.all[0].message), /`my 欢迎\.data\.json`/);
  });

  it('is quiet when there is a data set, even an invalid one', () => {
    assert.deepEqual(runChecks([noDataSet], { 'welcome.ses.html': '{{a}}', 'welcome.data.zh.json': '{"a": "1"}' }).all, []);
    assert.deepEqual(runChecks([noDataSet], { 'welcome.ses.html': '{{a}}', 'welcome.data.json': '[' }).all, []);
  });
});
