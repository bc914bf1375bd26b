import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { Check } from '../../server/src/service/checks/types';
import { createLanguageService } from '../../server/src/service/languageService';
import type { Dialect } from '../../server/src/service/project/templateVariables';
import type { ServiceSettings } from '../../server/src/service/settings';
import { fixture } from './markers';
import { projectFromFiles, ROOT } from './projects';

/**
 * Runs `checks` on a template given as `{ path: content }` with «» markers, e.g.
 * `{ 'welcome.ses.html': 'Hi «{{name}}»', 'welcome.data.json': '{}' }`. The markers are removed; the
 * ranges they mark are the expected diagnostics, by path.
 */
export function runChecks(checks: readonly Check[], marked: Record<string, string>, options: { dialect?: Dialect; settings?: Partial<ServiceSettings> } = {}) {
  const files: Record<string, string> = {};
  const expected = new Map<string, Range[]>();
  for (const [path, text] of Object.entries(marked)) {
    const { document, ranges } = fixture(text, ROOT + path);
    files[path] = document.getText();
    expected.set(path, ranges);
  }
  const dialect = options.dialect ?? 'tencent';
  const { project } = projectFromFiles(files, dialect);
  const byUri = createLanguageService(checks).validate(project, { checks: {}, ...options.settings, dialect });
  const diagnostics = (path: string): Diagnostic[] => byUri.get(ROOT + path) ?? [];
  const all = [...byUri.values()].flat();
  return { project, byUri, expected, diagnostics, all };
}

const byPosition = (a: Range, b: Range) => a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;

/** Every file has exactly the diagnostics its «» markers say, at those ranges. */
export function assertMarkedRanges(run: ReturnType<typeof runChecks>): void {
  for (const [path, ranges] of run.expected) {
    const actual = run.diagnostics(path).map((d) => d.range).sort(byPosition);
    assert.deepEqual(actual, [...ranges].sort(byPosition), `diagnostic ranges in ${path}: ${run.diagnostics(path).map((d) => d.message).join(' | ')}`);
  }
  const known = new Set([...run.expected.keys()].map((path) => ROOT + path));
  for (const [uri, list] of run.byUri) assert.ok(known.has(uri) || list.length === 0, `unexpected diagnostics in ${uri}`);
}

/** A table row: its name, the marked files, and (for reporting rows) a pattern the messages must match. */
export type CheckCase = [string, Record<string, string>, RegExp?];

/** Files of a one-part HTML template `welcome`, plus any other files (data sets, config). */
export const html = (body: string, more?: Record<string, string>): Record<string, string> => ({ 'welcome.ses.html': body, ...more });

/** A diagnostic message as text, plain or markdown. */
export const messageOf = (d: { message: unknown }): string => (typeof d.message === 'string' ? d.message : (d.message as { value: string }).value);

/**
 * Tests of one check from two tables: `cases` must report exactly at their « » ranges, with the
 * check's code and `severity` (and messages matching the row's pattern); `quiet` must report nothing.
 */
export function checkTable(check: Check, severity: DiagnosticSeverity, cases: CheckCase[], quiet: CheckCase[]): void {
  describe(`${check.meta.id} check`, () => {
    for (const [name, files, message] of cases) {
      it(`reports ${name}`, () => {
        const run = runChecks([check], files);
        assertMarkedRanges(run);
        assert.ok(run.all.length > 0);
        for (const d of run.all) {
          assert.equal(d.code, check.meta.id);
          assert.equal(d.severity, severity);
        }
        if (message) assert.match(run.all.map(messageOf).join('\n'), message);
      });
    }
    for (const [name, files] of quiet) it(`is quiet for ${name}`, () => assert.deepEqual(runChecks([check], files).all.map(messageOf), []));
  });
}
