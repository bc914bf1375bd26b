// The preview's source map (client/src/preview/sourceMap.ts): element ↔ template offset and value ↔
// placeholder, through data substitution, images off and the dark views; and what a click may reveal.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PreviewView } from '../../client/src/preview/messages';
import { renderEmail } from '../../client/src/preview/render';
import { isFromWebview } from '../../client/src/preview/messages';
import { elementAt, elementFrom, offsetFrom, placeholderAt, sourceRange, startTagAt } from '../../client/src/preview/sourceMap';

const labels = { noAlt: 'NO ALT', decorative: 'DECORATIVE', missingTooltip: 'no value for {0}', tooLarge: '{0} {1}' };
const TEMPLATE = [
  '<!DOCTYPE html><html><head><title>{{first_name}}</title><style>p{color:#333}</style></head>',
  '<body style="background:#fff"><table id="main" width="600"><tr><td>Hi <b>{{first_name}}</b>, your order',
  ' <a href="https://x.example/{{order_id}}">{{order_id}}</a> ships.</td></tr>',
  '<tr><td><img src="https://img.example/logo.png" alt="{{brand}}"><p data-ses="0">{{missing_one}} end</p></td></tr></table></body></html>',
].join('\n');
const DATA = { first_name: 'Alexandra-with-a-long-name', order_id: 'ES-42', brand: 'Brand' };

/** The start tag of the element marked with `offset` in the rendered email: `<tag ...>` up to its `>`. */
function renderedTag(srcdoc: string, offset: number): string {
  const at = srcdoc.indexOf(` data-ses="${offset}"`);
  assert.ok(at > 0, `element ${offset} in the email`);
  const open = srcdoc.lastIndexOf('<', at);
  return srcdoc.slice(open, srcdoc.indexOf('>', at) + 1);
}
const tagName = (tag: string) => /^<([a-z0-9]+)/i.exec(tag)?.[1].toLowerCase();

describe('preview source map', () => {
  for (const view of ['html', 'imagesOff', 'darkPartial', 'darkFull', 'darkOwn'] as PreviewView[]) {
    it(`maps every shown element to its start tag in the template, with data substituted (${view})`, () => {
      const result = renderEmail({ html: TEMPLATE, view, data: DATA, labels, sourceMap: true });
      const map = result.sourceMap;
      assert.ok(map.offsets.length >= 9, `${map.offsets.length} elements`);
      for (let k = 0; k < map.offsets.length; k++) {
        const offset = map.offsets[k];
        const source = TEMPLATE.slice(offset, map.tagEnds[k]);
        assert.match(source, /^<[a-z]+[^]*>$/, source);
        // The element that carries the offset in the email is the same element as in the template,
        // with our attribute first (the parser keeps the first of two: the template's data-ses="0" loses).
        const tag = renderedTag(result.srcdoc, offset);
        assert.equal(tagName(tag), tagName(source));
        assert.match(tag, new RegExp(`^<[a-z0-9]+ data-ses="${offset}"`));
      }
      // Substitution happened and did not move the offsets: the filled value is in the email.
      assert.match(result.srcdoc, /Alexandra-with-a-long-name/);
      // Head elements are never mapped.
      for (const offset of map.offsets) assert.ok(!/^<(?:html|head|title|style)\b/.test(TEMPLATE.slice(offset)));
      const hasImage = map.offsets.some((o) => TEMPLATE.startsWith('<img', o));
      assert.equal(hasImage, view !== 'imagesOff', 'images off replaces the image whole: not mapped');
    });
  }

  it('wraps each value shown as content with its placeholder, and no value in an attribute or the title', () => {
    const result = renderEmail({ html: TEMPLATE, view: 'html', data: DATA, labels, sourceMap: true });
    const map = result.sourceMap;
    const first = TEMPLATE.indexOf('{{first_name}}</b>');
    const order = TEMPLATE.indexOf('{{order_id}}</a>');
    const missing = TEMPLATE.indexOf('{{missing_one}}');
    assert.deepEqual(map.placeholders.map((p) => p.name), ['first_name', 'order_id', 'missing_one']);
    assert.deepEqual(placeholderAt(map, first), { start: first, end: first + '{{first_name}}'.length, name: 'first_name' });
    assert.ok(result.srcdoc.includes(`<ses-v data-ses-p="${first}">Alexandra-with-a-long-name</ses-v>`));
    assert.ok(result.srcdoc.includes(`<ses-v data-ses-p="${order}">ES-42</ses-v>`));
    assert.match(result.srcdoc, new RegExp(`<ses-v data-ses-p="${missing}"><mark class="ses-missing"[^>]*>\\{\\{missing_one\\}\\}</mark></ses-v>`));
    assert.ok(result.srcdoc.includes('href="https://x.example/ES-42"'), 'the attribute value is plain');
    assert.ok(result.srcdoc.includes('<title>Alexandra-with-a-long-name</title>'), 'the title is raw text');
    assert.equal(placeholderAt(map, TEMPLATE.indexOf('{{order_id}}"')), undefined, 'a value in an attribute is not clickable');
    assert.equal(placeholderAt(map, first + 1), undefined);
  });

  it('finds the innermost element around an offset, and the first element of a line', () => {
    const { sourceMap: map } = renderEmail({ html: TEMPLATE, view: 'html', data: DATA, labels, sourceMap: true });
    const at = (needle: string, delta = 0) => TEMPLATE.indexOf(needle) + delta;
    assert.equal(elementAt(map, at('{{first_name}}</b>', 3)), at('<b>'));
    assert.equal(elementAt(map, at('<b>', 1)), at('<b>'), 'inside the start tag');
    assert.equal(elementAt(map, at(', your order')), TEMPLATE.indexOf('<td>'), 'after </b>: the <td> around it');
    assert.equal(elementAt(map, at('https://x.example')), at('<a href'), 'an attribute value: its element');
    assert.equal(elementAt(map, 0), undefined, 'before any shown element');
    assert.equal(elementFrom(map, at('<tr><td><img')), at('<tr><td><img'));
    assert.equal(elementFrom(map, at('<tr><td><img') - 2), at('<tr><td><img'));
  });

  it('reveals only start tags and placeholders of the map: any other offset is refused', () => {
    const { sourceMap: map } = renderEmail({ html: TEMPLATE, view: 'html', data: DATA, labels, sourceMap: true });
    const b = TEMPLATE.indexOf('<b>');
    assert.deepEqual(startTagAt(map, b), { start: b, end: b + 3 });
    for (const offset of [b + 1, -1, 0, TEMPLATE.length, 1e9, TEMPLATE.indexOf('<title>')]) assert.equal(startTagAt(map, offset), undefined, String(offset));
    assert.equal(offsetFrom('12'), 12);
    assert.equal(offsetFrom(12), 12);
    for (const bad of ['-1', '1e3', '12 ', 'x', '', '1234567890', -1, 1.5, NaN, null, {}]) assert.equal(offsetFrom(bad), undefined, String(bad));
  });

  it('leaves the email unchanged without the map', () => {
    const plain = renderEmail({ html: TEMPLATE, view: 'html', data: DATA, labels });
    assert.equal(plain.sourceMap.offsets.length, 0);
    assert.doesNotMatch(plain.srcdoc, /data-ses="[1-9]|<ses-v/);
    const text = renderEmail({ html: TEMPLATE, view: 'text', data: DATA, labels, sourceMap: true });
    assert.equal(text.sourceMap.offsets.length, 0, 'the text views have no map');
  });

  it('a click may select only a mapped start tag or wrapped placeholder of this email: forged and stale offsets select nothing', () => {
    const map = renderEmail({ html: TEMPLATE, view: 'html', data: DATA, labels, sourceMap: true }).sourceMap;
    const table = TEMPLATE.indexOf('<table');
    const first = TEMPLATE.indexOf('{{first_name}}</b>');
    assert.deepEqual(sourceRange(map, table, false), { start: table, end: TEMPLATE.indexOf('>', table) + 1 });
    assert.deepEqual(sourceRange(map, String(first), true), { start: first, end: first + '{{first_name}}'.length });
    // The template's own data-ses="0" (a forged attribute), an offset inside a tag, a placeholder offered
    // as an element and the reverse, out of range, negative, not integers, not decimal: nothing.
    for (const [offset, placeholder] of [[0, false], [table + 1, false], [first, false], [table, true], [TEMPLATE.length + 10, false], [99999999, true],
      [-1, false], [1.5, false], ['1e3', false], ['0x10', false], [' 12', false], [null, false], [{ offset: table }, false], ['9'.repeat(12), false]] as [unknown, boolean][]) {
      assert.equal(sourceRange(map, offset, placeholder), undefined, `${JSON.stringify(offset)} ${placeholder}`);
    }
    // An email rendered without the map (sync off) maps nothing.
    assert.equal(sourceRange(renderEmail({ html: TEMPLATE, view: 'html', data: DATA, labels }).sourceMap, table, false), undefined);
  });

  it('the webview\'s revealSource message carries numbers and a flag only: no file, nothing else accepted', () => {
    assert.ok(isFromWebview({ type: 'revealSource', doc: 3, offset: 120, placeholder: false }));
    for (const bad of [{ type: 'revealSource', doc: '3', offset: 120, placeholder: false }, { type: 'revealSource', doc: 3, offset: '120', placeholder: false },
      { type: 'revealSource', doc: 3, offset: 1.5, placeholder: false }, { type: 'revealSource', doc: 3, offset: 120, placeholder: 'yes' },
      { type: 'revealSource', doc: 3, offset: 120 }, { type: 'openFile', uri: 'file:///etc/passwd' }]) {
      assert.equal(isFromWebview(bad), false, JSON.stringify(bad));
    }
  });
});
