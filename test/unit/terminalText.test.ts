import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataSetFile, partFile } from '../../common/templateFiles';
import { oneLine, terminalSafe } from '../../server/src/cli/terminalText';

// Issue 11 (items 6 and 9, siblings): the CLI's output to a terminal or CI log never carries a raw
// control, bidi or separator character, and a file name with a line break in it is a template like any other.

// eslint-disable-next-line no-control-regex -- the characters looked for
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminal-safe CLI output', () => {
  it('escapes ANSI escapes, C1 controls, bidi overrides, isolates, marks and separators; keeps tabs, line breaks and text', () => {
    const hostile = 'a\u001b[2K\u001b[31mb\u009bc\u202Ed\u2066e\u2069f\u200Fg\u2028h\u0007i\u007f\tj\nk\r\n中文 ✓';
    const safe = terminalSafe(hostile);
    assert.doesNotMatch(safe, RAW);
    assert.equal(safe, 'a\\u001b[2K\\u001b[31mb\\u009bc\\u202ed\\u2066e\\u2069f\\u200fg\\u2028h\\u0007i\\u007f\tj\nk\r\n中文 ✓');
  });

  it('keeps a JSON document\'s meaning (\\uXXXX in a JSON string is the same character)', () => {
    const value = { path: 'bidi\u202Etxt.ses.html', sep: 'a\u2028b', esc: 'x\u001by' };
    assert.deepEqual(JSON.parse(terminalSafe(JSON.stringify(value, null, 2))), value);
  });

  it('one line: tabs and line breaks escaped too', () => {
    assert.equal(oneLine('a\nb.ses.html:1:1 error fake\r\tz'), 'a\\u000ab.ses.html:1:1 error fake\\u000d\\u0009z');
  });
});

describe('template file names with line terminators', () => {
  for (const name of ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b']) {
    it(`${JSON.stringify(name)}.ses.html is a part, ${JSON.stringify(name)}.data.json a data set`, () => {
      const encoded = encodeURIComponent(name);
      assert.deepEqual(partFile(`file:///w/${encoded}.ses.html`), { folder: 'file:///w/', name, part: 'html' });
      assert.deepEqual(partFile(`file:///w/${encoded}.ses.txt`), { folder: 'file:///w/', name, part: 'text' });
      assert.deepEqual(partFile(`file:///w/${encoded}.htm`), { folder: 'file:///w/', name, part: 'html' });
      assert.deepEqual(dataSetFile(`file:///w/${encoded}.data.zh.json`), { folder: 'file:///w/', name, set: 'zh' });
    });
  }
});
