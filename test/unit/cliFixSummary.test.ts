import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import type { AppliedFix } from '../../server/src/cli/fix';
import { fixSummary } from '../../server/src/cli/formats/fixes';
import { loadServerL10n } from '../../server/src/serverL10n';

const fix = (file: string): AppliedFix => ({ path: file, line: 1, column: 1, code: 'non-string-value', title: 'Quote the value' });

describe('CLI fix summary: plural rules in both languages', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('counts fixes and files in the singular and the plural', () => {
    assert.equal(fixSummary([], false), 'Nothing to fix.');
    assert.equal(fixSummary([fix('a')], false), '1 fix made in 1 file.');
    assert.equal(fixSummary([fix('a'), fix('a')], false), '2 fixes made in 1 file.');
    assert.equal(fixSummary([fix('a'), fix('b'), fix('b')], false), '3 fixes made in 2 files.');
    assert.equal(fixSummary([fix('a')], true), '1 fix in 1 file would be made (--dry-run: nothing written).');
    assert.equal(fixSummary([fix('a'), fix('a')], true), '2 fixes in 1 file would be made (--dry-run: nothing written).');
    assert.equal(fixSummary([fix('a'), fix('b')], true), '2 fixes in 2 files would be made (--dry-run: nothing written).');
  });

  it('says the same in Simplified Chinese, with full-width punctuation', () => {
    const contents = loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'));
    assert.ok(contents);
    l10n.config({ contents });
    assert.equal(fixSummary([fix('a')], false), '已在 1 个文件中进行 1 处修复。');
    assert.equal(fixSummary([fix('a'), fix('a')], false), '已在 1 个文件中进行 2 处修复。');
    assert.equal(fixSummary([fix('a'), fix('b'), fix('b')], true), '将在 2 个文件中进行 3 处修复（--dry-run：未写入任何内容）。');
  });
});
