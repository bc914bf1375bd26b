import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CHECK_EXAMPLES } from '../../scripts/docs/checkExamples';
import { findingsOf, generateDocs, REPO_ROOT } from '../../scripts/docs/generate';
import { CHECKS } from '../../server/src/service/checks';

describe('docs reference (generated from the code)', () => {
  it('is up to date: run `npm run docs` after changing a check, a setting, a command or their texts', () => {
    const stale: string[] = [];
    for (const [file, text] of generateDocs()) {
      const onDisk = fs.existsSync(path.join(REPO_ROOT, file)) ? fs.readFileSync(path.join(REPO_ROOT, file), 'utf8') : undefined;
      if (onDisk !== text) stale.push(file);
    }
    assert.deepEqual(stale, [], 'stale generated docs: run `npm run docs`');
  });

  it('has a wrong and a right example (or a note) for every check, and no example of a removed check', () => {
    const ids = CHECKS.map((check) => check.meta.id);
    assert.deepEqual(ids.filter((id) => !CHECK_EXAMPLES[id]), [], 'checks without examples in scripts/docs/checkExamples.ts');
    assert.deepEqual(Object.keys(CHECK_EXAMPLES).filter((id) => !ids.includes(id)), [], 'examples of no registered check');
    for (const [id, example] of Object.entries(CHECK_EXAMPLES)) {
      assert.ok(example.note || (example.wrong && example.right), `${id}: a wrong and a right example, or a note`);
    }
  });

  for (const [id, example] of Object.entries(CHECK_EXAMPLES)) {
    if (!example.wrong || !example.right) continue;
    it(`${id}: the wrong example is reported, the right one is not`, () => {
      assert.notDeepEqual(findingsOf(id, example.wrong!), [], 'the wrong example gets no finding');
      assert.deepEqual(findingsOf(id, example.right!), [], 'the right example gets a finding');
    });
  }
});
