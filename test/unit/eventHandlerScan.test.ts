import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayHaveEventHandler } from '../../server/src/service/checks/unsupportedHtml';

// The scan replaced /\son[a-z]{3,}\s*=/i (the precondition of reading every element's attributes for
// event handlers): it must answer as that pattern does.
const PATTERN = /\son[a-z]{3,}\s*=/i;

describe('unsupported-html event-handler scan', () => {
  it('answers as the pattern it replaced, on handlers and near misses', () => {
    for (const text of ['<a onclick="x">', '<a\tONCLICK = "x">', '<a\u00a0onLoad=', '<a onab="x">', '<a xonclick="x">', 'onclick="x"', '<p>on and on = </p>',
      '<a onclick', '<a on-click="x">', '<a onclicK\u2028=', ' on\u212aeyup=', ' onſſſ=', '', ' onabc=']) {
      assert.equal(mayHaveEventHandler(text), PATTERN.test(text), JSON.stringify(text));
    }
  });

  it('answers as the pattern on random strings of the characters that matter', () => {
    const alphabet = [' ', '\t', '\n', 'o', 'O', 'n', 'N', 'c', 'l', 'k', '=', '\u00a0', '\u2028', '-', '\u212a'];
    let seed = 1;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 20000; round++) {
      let text = round % 2 === 0 ? ' on' : '';
      for (let length = random(12); length > 0; length--) text += alphabet[random(alphabet.length)];
      assert.equal(mayHaveEventHandler(text), PATTERN.test(text), JSON.stringify(text));
    }
  });
});
