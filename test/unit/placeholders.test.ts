// The placeholder scanner and the run trimmers find what the patterns they replace found (those
// patterns, kept here as oracles on short random texts where their backtracking does not matter).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeholdersIn, replacePlaceholders } from '../../common/placeholders';
import { trimEndOf, trimStartOf, WHITE_SPACE } from '../../common/trimRuns';
import { prng } from '../protocol/fuzzRandom';

const OLD_VARIABLE = /\{\{\{?\s*([^{}]*?)\s*\}?\}\}/g;

function randomText(next: () => number, alphabet: readonly string[], length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

describe('placeholdersIn', () => {
  it('finds what the old pattern found, on 5,000 random texts', () => {
    const random = prng(11);
    const next = () => random.next();
    for (let k = 0; k < 5000; k++) {
      const text = randomText(next, ['{', '}', ' ', 'a', '#', '\n', '{{', '}}', 'x y'], Math.floor(next() * 14));
      const expected = [...text.matchAll(OLD_VARIABLE)].map((m) => ({ start: m.index, end: m.index + m[0].length, inner: m[1] }));
      assert.deepEqual(placeholdersIn(text), expected, JSON.stringify(text));
      assert.equal(replacePlaceholders(text, (inner) => `<${inner}>`), text.replace(OLD_VARIABLE, (_, inner: string) => `<${inner}>`), JSON.stringify(text));
    }
  });
  it('reads {{name}}, {{ name }}, {{{name}}} and skips an unclosed {{', () => {
    assert.deepEqual(placeholdersIn('a {{ x }} b {{{y}}} c {{ z'), [{ start: 2, end: 9, inner: 'x' }, { start: 12, end: 19, inner: 'y' }]);
  });
});

describe('trimEndOf and trimStartOf', () => {
  it('trim what `[…]+$` and `^[…]+` trimmed, on 5,000 random texts', () => {
    const random = prng(12);
    const next = () => random.next();
    for (let k = 0; k < 5000; k++) {
      const text = randomText(next, ['.', ' ', 'a', ',', '\u3000', '。'], Math.floor(next() * 12));
      assert.equal(trimEndOf(text, '., 。'), text.replace(/[., 。]+$/u, ''));
      assert.equal(trimStartOf(text, '., 。'), text.replace(/^[., 。]+/u, ''));
      assert.equal(trimEndOf(text, WHITE_SPACE), text.replace(/\s+$/, ''));
    }
  });
});
