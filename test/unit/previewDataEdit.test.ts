// Edit data in place (issue 14): the value typed in the preview, written into the data set's JSON with
// only the value's text changed (formatting kept), by jsonc-parser edits (client/src/preview/dataEdit.ts).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { currentValue, dataEdit } from '../../client/src/preview/dataEdit';

const apply = (text: string, name: string, value: string) => {
  const result = dataEdit(text, name, value);
  assert.ok(result.ok);
  return applyEdits(text, result.edits);
};

describe('preview: edit data in place', () => {
  it('replaces an existing value and keeps the rest of the file byte for byte', () => {
    const text = '{\n    "name":   "Alex",\n    "order": "ES-42"\n}\n';
    assert.equal(apply(text, 'name', 'Bo "the" <b>'), '{\n    "name":   "Bo \\"the\\" <b>",\n    "order": "ES-42"\n}\n');
    assert.equal(currentValue(text, 'order'), 'ES-42');
  });

  it('adds a missing variable with the file\'s indentation and line ends', () => {
    const text = '{\r\n\t"name": "Alex"\r\n}\r\n';
    const out = apply(text, 'coupon', 'SAVE10');
    assert.deepEqual(JSON.parse(out), { name: 'Alex', coupon: 'SAVE10' });
    assert.ok(out.includes('\r\n\t"coupon": "SAVE10"'), JSON.stringify(out));
    assert.equal(currentValue(text, 'coupon'), undefined);
    assert.deepEqual(JSON.parse(apply('{}', 'first', 'x')), { first: 'x' });
  });

  it('follows dotted names as the preview looks them up: an own key first, then a path', () => {
    assert.deepEqual(JSON.parse(apply('{ "a.b": "own", "a": { "b": "nested" } }', 'a.b', 'new')), { 'a.b': 'new', a: { b: 'nested' } });
    assert.deepEqual(JSON.parse(apply('{ "a": { "b": "nested" } }', 'a.b', 'new')), { a: { b: 'new' } });
    assert.equal(currentValue('{ "a": { "b": "nested" } }', 'a.b'), 'nested');
    assert.deepEqual(JSON.parse(apply('{ "x": 1 }', 'a.b', 'v')), { x: 1, 'a.b': 'v' });
  });

  it('a number stays a number only when the new value is one; anything else becomes a string', () => {
    assert.deepEqual(JSON.parse(apply('{ "count": 3 }', 'count', '42')), { count: 42 });
    assert.deepEqual(JSON.parse(apply('{ "count": 3 }', 'count', '42 items')), { count: '42 items' });
    assert.deepEqual(JSON.parse(apply('{ "zip": "0123" }', 'zip', '0456')), { zip: '0456' });
    assert.equal(currentValue('{ "count": 3 }', 'count'), '3');
  });

  it('refuses what is not a JSON object, without throwing', () => {
    for (const bad of ['[1, 2]', '"text"', '', '{ "a": ', '['.repeat(100_000)]) {
      assert.equal(dataEdit(bad, 'a', 'b').ok, false, bad.slice(0, 20));
      assert.equal(currentValue(bad, 'a'), undefined);
    }
  });
});
