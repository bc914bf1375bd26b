import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const CHANGELOG = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'CHANGELOG.md'), 'utf8');
const SECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

// https://keepachangelog.com/en/1.1.0/: "## [Unreleased]" then "## [x.y.z] - YYYY-MM-DD", newest first,
// each with "### Added/Changed/…" lists, and a link reference for every version.
describe('CHANGELOG.md (Keep a Changelog)', () => {
  const lines = CHANGELOG.split('\n');
  const versions = lines.filter((line) => line.startsWith('## '));

  it('starts with "# Changelog" and an Unreleased section, then dated versions, newest first', () => {
    assert.equal(lines[0], '# Changelog');
    assert.equal(versions[0], '## [Unreleased]');
    const dated = versions.slice(1).map((line) => /^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/.exec(line));
    assert.deepEqual(dated.filter((m) => !m).length, 0, `version headings must be "## [x.y.z] - YYYY-MM-DD": ${versions.join(' | ')}`);
    const dates = dated.map((m) => m![2]);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest version first');
  });

  it('groups changes under Added, Changed, Deprecated, Removed, Fixed or Security, each at most once per version', () => {
    let seen = new Set<string>();
    let inVersion = false;
    for (const line of lines) {
      if (line.startsWith('## ')) { seen = new Set(); inVersion = true; continue; }
      if (line.startsWith('### ')) {
        const name = line.slice(4);
        assert.ok(SECTIONS.includes(name), `unknown section "${line}"`);
        assert.ok(!seen.has(name), `"${line}" twice in one version`);
        seen.add(name);
        continue;
      }
      if (inVersion && line.startsWith('- ')) assert.ok(seen.size > 0, `a change outside a section: ${line}`);
    }
  });

  it('has a link reference for every version heading', () => {
    for (const heading of versions) {
      const name = /^## \[([^\]]+)\]/.exec(heading)![1];
      assert.match(CHANGELOG, new RegExp(`^\\[${name.replace(/\./g, '\\.')}\\]: https://`, 'm'), `no link reference for [${name}]`);
    }
  });
});
