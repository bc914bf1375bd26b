// `--fix --dry-run` prints a unified diff: `git apply` (the real tool) must turn the old text into
// the new one, for random edits, missing final newlines and CRLF included.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../server/src/cli/unifiedDiff';

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

function mutate(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
    const at = Math.floor(rnd() * lines.length);
    const r = rnd();
    if (r < 0.33) lines.splice(at, 1);
    else if (r < 0.66) lines.splice(at, 0, `new ${Math.floor(rnd() * 100)}`);
    else lines[at] = `${lines[at]} changed`;
  }
  return lines.join('\n');
}

describe('unified diff (--fix --dry-run)', () => {
  it('is empty for equal texts and has the documented header and hunk shape', () => {
    assert.equal(unifiedDiff('a.txt', 'x\n', 'x\n'), '');
    assert.equal(unifiedDiff('a.txt', 'a\nb\nc\n', 'a\nB\nc\n'), '--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
    assert.equal(unifiedDiff('a.txt', 'a', 'a\n'), '--- a/a.txt\n+++ b/a.txt\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n');
  });

  it('git apply turns the old text into the new one (200 random edits, LF and CRLF, far-apart and adjacent changes)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-diff-'));
    try {
      const rnd = random(7);
      const base = Array.from({ length: 40 }, (_, i) => `line ${i} {{name}}`).join('\n');
      const patches: string[] = [];
      const expected: Array<[string, string]> = [];
      for (let i = 0; i < 200; i++) {
        const crlf = i % 5 === 0;
        let before = mutate(base, rnd) + (i % 3 === 0 ? '' : '\n');
        let after = mutate(before, rnd);
        if (crlf) {
          before = before.replace(/\n/g, '\r\n');
          after = after.replace(/\n/g, '\r\n');
        }
        const name = `f${i}.txt`;
        fs.writeFileSync(path.join(dir, name), before);
        patches.push(unifiedDiff(name, before, after));
        expected.push([name, after]);
      }
      fs.writeFileSync(path.join(dir, 'all.patch'), patches.join(''));
      const result = spawnSync('git', ['apply', '--unsafe-paths', '--whitespace=nowarn', 'all.patch'], { cwd: dir, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      for (const [name, after] of expected) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), after, name);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a large file with a change at each end: two hunks of one added line each', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `row ${i}\n`).join('');
    const diff = unifiedDiff('big.txt', big, `top\n${big}bottom\n`);
    assert.equal(diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length, 2);
    assert.equal(diff.split('\n').filter((l) => l.startsWith('@@')).length, 2);
  });

  it('past the edit-distance bound, the changed middle is one replaced block that still applies', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}\n`).join('');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}\n`).join('');
    const diff = unifiedDiff('x.txt', before, after);
    assert.match(diff, /^@@ -1,3000 \+1,3000 @@$/m);
  });
});
