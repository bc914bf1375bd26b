// The fast paths of the text helpers (see textCommon.ts) against the plain forms they replace.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offsetPast } from '../../server/src/service/checks/htmlTooLarge';
import { forEachMatch, maskVariables, utf8Length, type TextSegment } from '../../server/src/service/checks/textCommon';
import { countWords } from '../../server/src/service/checks/tooLittleText';

const SAMPLES = ['', 'plain ascii', 'a {{x}} b {{{y}}} c', '{{a}}{{b}}', 'open {{ only', '{{#if a}}x{{/if}}', 'é {{名字}} 你好', 'x\u{1F600}y', '\ud800a', 'a\udc00', '\ud800é', 'ab'.repeat(40) + 'é'];

describe('text helpers', () => {
  it('maskVariables blanks `{{…}}` as replace does', () => {
    for (const text of SAMPLES) assert.equal(maskVariables(text), text.replace(/\{\{[^{}]*\}?\}\}/g, (m) => ' '.repeat(m.length)), text);
  });

  it('utf8Length and offsetPast agree with the character loop, ASCII prefix or not', () => {
    const loopLength = (text: string, upTo = text.length) => {
      let bytes = 0;
      for (let i = 0; i < upTo; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) bytes += 1;
        else if (c < 0x800) bytes += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < upTo) {
          bytes += 4;
          i++;
        } else bytes += 3;
      }
      return bytes;
    };
    const loopPast = (text: string, limit: number) => {
      let bytes = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
        if (bytes > limit) return i;
      }
      return undefined;
    };
    for (const text of SAMPLES) {
      for (let upTo = 0; upTo <= text.length; upTo++) assert.equal(utf8Length(text, upTo), loopLength(text, upTo), `${text} ${upTo}`);
      for (let limit = 0; limit <= text.length * 4 + 1; limit++) assert.equal(offsetPast(text, limit), loopPast(text, limit), `${text} ${limit}`);
    }
  });

  it('counts the same words in segments joined by NUL as in each segment', () => {
    const segments = ['Hello', 'world’s', '你好', '&amp;', 'don', '’t', 'e-mail', '\ud83d', '\ude00 x'];
    assert.equal(countWords(segments.join('\0')), segments.reduce((n, s) => n + countWords(s), 0));
  });

  it('forEachMatch reports each match of each segment at document offsets, as matchAll does', () => {
    const segment = (start: number, text: string): TextSegment => ({ document: undefined as never, start, end: start + text.length, text, where: 'html' });
    const segments = [segment(0, 'free free'), segment(20, 'no'), segment(30, 'free')];
    const pattern = /free/g;
    const found: Array<[number, number, string]> = [];
    forEachMatch(segments, pattern, (_, start, end, text) => found.push([start, end, text]));
    const expected = segments.flatMap((s) => [...s.text.matchAll(pattern)].map((m): [number, number, string] => [s.start + m.index, s.start + m.index + m[0].length, m[0]]));
    assert.deepEqual(found, expected);
    assert.deepEqual(expected, [[0, 4, 'free'], [5, 9, 'free'], [30, 34, 'free']]);
  });
});
