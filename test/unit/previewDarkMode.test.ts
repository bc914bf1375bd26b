// The preview's dark-mode views (client/src/preview/darkMode.ts): the colour transforms, the CSS scan
// that finds colours, and what each view does to a template's inline styles, attributes and style sheet.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseColor, type Rgba } from '../../common/cssColor';
import { darkColor, forEachColor } from '../../client/src/preview/darkMode';
import { emailCsp } from '../../client/src/preview/emailPolicy';
import { renderEmail, type RenderInput } from '../../client/src/preview/render';

const labels = { noAlt: 'NO ALT', decorative: 'DECORATIVE', missingTooltip: 'no value for {0}', tooLarge: '{0} {1}' };
const render = (input: Partial<RenderInput>) => renderEmail({ data: {}, view: 'html', labels, ...input });
const c = (text: string) => parseColor(text) as Rgba;
const hex = ({ r, g, b }: Rgba) => '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
const DARK_BASE = '<style>html{color-scheme:only dark !important;background-color:Canvas;color:CanvasText}</style>';
/** A srcdoc without our dark canvas style: the template as the view rewrote it, after our policy and marks. */
const body = (srcdoc: string) => srcdoc.replace(DARK_BASE, '');

describe('dark-mode colour transforms', () => {
  it('partial inversion darkens light backgrounds and lightens dark text, and keeps the others', () => {
    assert.equal(hex(darkColor(c('#ffffff'), 'background', 'partial')), '#000000');
    assert.equal(hex(darkColor(c('#f4f6f8'), 'background', 'partial')), '#07090b');
    assert.equal(hex(darkColor(c('#1f2933'), 'background', 'partial')), '#1f2933');
    assert.equal(hex(darkColor(c('#333333'), 'text', 'partial')), '#cccccc');
    assert.equal(hex(darkColor(c('#ffffff'), 'text', 'partial')), '#ffffff');
    assert.equal(hex(darkColor(c('#e8590c'), 'text', 'partial')), '#e8590c', 'a mid orange reads on dark: kept');
  });
  it('full inversion inverts the lightness of every colour, dark backgrounds and light text included, and keeps the hue', () => {
    assert.equal(hex(darkColor(c('#ffffff'), 'background', 'full')), '#000000');
    assert.equal(hex(darkColor(c('#111111'), 'background', 'full')), '#eeeeee');
    assert.equal(hex(darkColor(c('#ffffff'), 'text', 'full')), '#000000');
    assert.equal(hex(darkColor(c('#000080'), 'text', 'full')), '#7f7fff', 'navy becomes a light blue');
  });
  it('keeps alpha, and leaves transparent alone', () => {
    assert.deepEqual(darkColor(c('rgba(255,255,255,0.5)'), 'background', 'full'), { r: 0, g: 0, b: 0, a: 0.5 });
    const transparent = c('transparent');
    assert.equal(darkColor(transparent, 'background', 'full'), transparent);
  });
});

describe('forEachColor', () => {
  const colours = (css: string) => {
    const found: string[] = [];
    forEachColor(css, 0, css.length, (start, end) => found.push(css.slice(start, end)));
    return found;
  };
  it('finds hex, rgb()/rgba() and named colours, also in gradients and shorthands', () => {
    assert.deepEqual(colours('1px solid #DDD'), ['#DDD']);
    assert.deepEqual(colours('linear-gradient(to right, #fff 0%, rgba(0, 0, 0, .5) 100%)'), ['#fff', 'rgba(0, 0, 0, .5)']);
    assert.deepEqual(colours('White !important'), ['White']);
    assert.deepEqual(colours('#ffffff80'), ['#ffffff80']);
  });
  it('never looks into URLs, strings or variables, nor at parts of longer words', () => {
    assert.deepEqual(colours('url(white.png) no-repeat #fff'), ['#fff']);
    assert.deepEqual(colours('url("a)b#fff.png") red'), ['red']);
    assert.deepEqual(colours('"red" {{brand_red}} -red redish #abcd1'), []);
    assert.deepEqual(colours('rgb(1,2'), []);
  });
});

describe('dark views of the preview', () => {
  const TEMPLATE = '<!DOCTYPE html><html><head><style>\n'
    + 'body { background-color: #ffffff; color: #333333; }\n'
    + '.hero { background: #111111 url(hero.png); }\n'
    + '@media (prefers-color-scheme: dark) { .title { color: #eeeeee !important; } }\n'
    + '@media screen and (prefers-color-scheme:light) { .title { color: #000000; } }\n'
    + '[data-ogsc] .title { color: #fafafa !important; }\n'
    + '</style></head><body bgcolor="#FFFFFF" text="#000000">'
    + '<table bgcolor="#f4f6f8"><tr><td style="color:#1f2933;border:1px solid #dddddd;background-image:url(a.png)">Hi {{name}}</td></tr></table>'
    + '<p><font color="#000080">Navy</font></p><img src="https://a.example/logo.png" style="background-color:#ffffff" alt="Logo">'
    + '</body></html>';

  it('partial inversion: light backgrounds darkened, dark text and lines lightened, dark areas kept, in attributes, inline styles and the style sheet', () => {
    const result = render({ html: TEMPLATE, view: 'darkPartial', data: { name: 'Ada' } });
    const doc = body(result.srcdoc);
    assert.match(doc, /body \{ background-color: #000000; color: #cccccc; \}/);
    assert.match(doc, /\.hero \{ background: #111111 url\(hero\.png\); \}/, 'a dark background is kept, the URL untouched');
    assert.match(doc, /<body bgcolor="#000000" text="#ffffff">/);
    assert.match(doc, /<table bgcolor="#07090b">/);
    assert.match(doc, /style="color:#ccd6e0;border:1px solid #dddddd;background-image:url\(a\.png\)">Hi Ada</, 'a light line is kept');
    assert.match(doc, /<font color="#7f7fff">Navy<\/font>/);
    assert.match(doc, /<img src="https:\/\/a\.example\/logo\.png" style="background-color:#000000"/, 'images stay, their backgrounds darken');
    assert.equal(result.csp, emailCsp('html'), 'the dark views load what the HTML view loads');
    assert.match(result.srcdoc, /<style>html\{color-scheme:only dark !important;background-color:Canvas;color:CanvasText\}<\/style>/);
  });

  it('full inversion: dark areas turned light too', () => {
    const doc = body(render({ html: TEMPLATE, view: 'darkFull' }).srcdoc);
    assert.match(doc, /\.hero \{ background: #eeeeee url\(hero\.png\); \}/);
    assert.match(doc, /body \{ background-color: #000000; color: #cccccc; \}/);
    assert.match(doc, /text="#ffffff"/);
    assert.match(doc, /border:1px solid #222222/, 'a light line turns dark');
  });

  it('the template\'s own dark styles: its dark queries and [data-ogsc] rules apply, its light ones not, no colour transformed', () => {
    const result = render({ html: TEMPLATE, view: 'darkOwn' });
    const doc = body(result.srcdoc);
    assert.match(doc, /@media \(color\) \{ \.title \{ color: #eeeeee !important; \} \}/);
    assert.match(doc, /@media screen and \(monochrome\) \{/);
    assert.match(doc, /:is\(\*,\[data-ogsc\]\) \.title/);
    assert.match(doc, /body \{ background-color: #ffffff; color: #333333; \}/);
    assert.match(doc, /bgcolor="#FFFFFF"/);
    assert.equal(result.ownDarkStyles, true);
    assert.match(result.srcdoc, /color-scheme:only dark/);
  });

  it('the own view of a template without dark styles: shown unchanged, and said so', () => {
    const result = render({ html: '<p style="color:#333">Hi</p>', view: 'darkOwn' });
    assert.equal(result.ownDarkStyles, false);
    assert.doesNotMatch(result.srcdoc, /color-scheme/);
    assert.match(result.srcdoc, /<p style="color:#333">Hi<\/p>/);
  });

  it('the light views switch the template\'s dark queries off (the editor\'s theme never leaks in) and change no colour', () => {
    for (const view of ['html', 'imagesOff'] as const) {
      const result = render({ html: TEMPLATE, view });
      const doc = body(result.srcdoc);
      assert.match(doc, /@media \(monochrome\) \{ \.title/, view);
      assert.match(doc, /@media screen and \(color\) \{/, view);
      assert.match(doc, /\[data-ogsc\] \.title/, view);
      assert.match(doc, /body \{ background-color: #ffffff; color: #333333; \}/, view);
      assert.equal(result.ownDarkStyles, undefined);
      assert.doesNotMatch(result.srcdoc, /color-scheme:only dark/);
    }
  });

  it('leaves a template without colours as it was, apart from the dark canvas', () => {
    const html = '<p>Hello <b>{{name}}</b></p>';
    const light = render({ html, data: { name: 'Ada' } }).srcdoc;
    const dark = render({ html, view: 'darkPartial', data: { name: 'Ada' } }).srcdoc;
    assert.equal(body(dark), body(light));
  });

  it('survives broken CSS: unclosed comments, strings, blocks and functions', () => {
    for (const html of ['<style>/* a { color: #000', '<style>a { color: "#000', '<style>a { color: #000', '<p style="color: rgb(0,0,0">x</p>', '<style>@media (prefers-color-scheme', '<p style="background: url(">x']) {
      for (const view of ['darkPartial', 'darkFull', 'darkOwn', 'html'] as const) assert.equal(typeof render({ html, view }).srcdoc, 'string');
    }
    assert.match(render({ html: '<style>a { color: #000', view: 'darkPartial' }).srcdoc, /a \{ color: #ffffff$/);
  });
});
