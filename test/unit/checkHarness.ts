import * as assert from 'node:assert/strict';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
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
