import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillHtml, fillSegments, lookup, placeholders, textToHtml } from '../../common/substitute';

const tip = (name: string) => `missing ${name}`;

describe('preview substitution', () => {
  it('fills plain names, names with spaces in the braces, and dotted names (a flat key first, then a path)', () => {
    const data = { first_name: 'Alex', 'order.id': 'FLAT', user: { city: 'Shenzhen' } };
    assert.deepEqual(fillSegments('Hi {{first_name}}, {{ first_name }}! {{order.id}} {{user.city}}', data), [{ text: 'Hi Alex, Alex! FLAT Shenzhen' }]);
  });

  it('marks a missing variable as written, never as an empty string', () => {
    assert.deepEqual(fillSegments('Hi {{ name }}!', {}), [{ text: 'Hi ' }, { text: '{{ name }}', missing: true }, { text: '!' }]);
    const html = fillHtml('<p>Hi {{name}}</p>', {}, tip);
    assert.equal(html.html, '<p>Hi <mark class="ses-missing" title="missing name">{{name}}</mark></p>');
    assert.deepEqual(html.missing, ['name']);
  });

  it('does not take inherited properties for values (constructor, __proto__, toString)', () => {
    assert.equal(lookup({}, 'constructor'), undefined);
    assert.equal(lookup({}, 'toString'), undefined);
    assert.equal(lookup({ a: {} }, 'a.constructor'), undefined);
    assert.deepEqual(fillHtml('{{__proto__}}', {}, tip).missing, ['__proto__']);
  });

  it('sends numbers and booleans as text, objects as their JSON, and null as missing', () => {
    assert.equal(lookup({ n: 3, b: false, o: { a: 1 }, z: null }, 'n'), '3');
    assert.equal(lookup({ b: false }, 'b'), 'false');
    assert.equal(lookup({ o: { a: 1 } }, 'o'), '{"a":1}');
    assert.equal(lookup({ z: null }, 'z'), undefined);
  });

  it('escapes values in HTML: a <script> value is shown as text, never run', () => {
    const { html } = fillHtml('<p>{{v}}</p><a title="{{v}}">x</a>', { v: '<script>alert("x")</script>&\'' }, tip);
    assert.equal(html, '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p><a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">x</a>');
  });

  it('leaves Handlebars constructs Tencent does not process as written', () => {
    const text = '{{#if a}}x{{/if}} {{else}} {{{raw}}} {{> partial}} {{!c}} {{helper a b}}';
    assert.deepEqual(placeholders(text, {}), []);
    assert.equal(fillHtml(text, { a: '1', raw: '2' }, tip).html, text);
  });

  it('marks a missing variable only in text content: in attributes, <title> and <style> it stays raw', () => {
    const { html, missing } = fillHtml('<title>{{t}}</title><style>a{color:{{c}}}</style><img alt="{{alt}}"><!-- {{k}} --><p>{{p}}</p>', {}, tip);
    assert.equal(html, '<title>{{t}}</title><style>a{color:{{c}}}</style><img alt="{{alt}}"><!-- {{k}} --><p><mark class="ses-missing" title="missing p">{{p}}</mark></p>');
    assert.deepEqual(missing, ['t', 'c', 'alt', 'k', 'p']);
  });

  it('marks a missing variable in text between tags, comments and raw-text elements, not inside them', () => {
    const { html } = fillHtml('{{a}}<b>{{b}}</b><!--{{c}}-->{{d}}<script>{{e}}</script>{{f}}<p title={{g}}>', {}, tip);
    assert.equal((html.match(/<mark /g) ?? []).length, 4);
    assert.match(html, /<!--\{\{c\}\}--><mark[^>]*>\{\{d\}\}<\/mark><script>\{\{e\}\}<\/script>/);
    assert.match(html, /<p title=\{\{g\}\}>$/);
  });

  it('renders text parts escaped, with Chinese text intact', () => {
    assert.equal(textToHtml('{{nickname}}，您好 <b> {{x}}', { nickname: '小王' }, tip), '小王，您好 &lt;b&gt; <mark class="ses-missing" title="missing x">{{x}}</mark>');
  });
});
