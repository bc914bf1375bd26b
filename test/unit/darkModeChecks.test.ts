// The dark-mode checks (dark-mode-logo, dark-mode-text-color): what they report, what they leave alone,
// and their precision on the real templates of test/fixtures, the examples and the starters.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { darkModeLogo, logoKind, urlFileName } from '../../server/src/service/checks/darkModeLogo';
import { darkModeTextColor } from '../../server/src/service/checks/darkModeTextColor';
import { checkTable as table, html, runChecks } from './checkHarness';

const WHITE_CELL = (img: string) => `<table role="presentation" width="100%"><tr><td bgcolor="#ffffff">${img}</td></tr></table>`;
const IMG = (src: string, rest = 'alt="Example Shop" width="120" height="40"') => `<img src="${src}" ${rest}>`;
const DARK_STYLES = '<style>@media (prefers-color-scheme: dark) { .logo-light { display: none !important; } }</style>';

table(darkModeLogo, DiagnosticSeverity.Warning, [
  ['a dark logo PNG on a white cell', html(WHITE_CELL('<img src="«https://cdn.example.com/img/logo-dark.png»" alt="Shop" width="120" height="40">')), /`logo-dark\.png` is a dark or transparent PNG/],
  ['a black logo on the page (no background set)', html('<p>Hi</p><img src="«https://cdn.example.com/Logo_Black.PNG?v=2»" alt="Shop">')],
  ['a transparent logo on a light grey body', html('<body style="background-color:#f4f6f8"><img src="«/brand/logo-transparent.png»" alt="Shop"></body>')],
  ['the same logo twice: once', html(WHITE_CELL('<img src="«https://a.example/logo-dark.png»" alt="Shop">') + WHITE_CELL(IMG('https://a.example/logo-dark.png')))],
], [
  ['a plain logo.png (its pixels may have a background: not guessed)', html(WHITE_CELL(IMG('https://cdn.example.com/logo.png')))],
  ['a dark logo as JPEG (no transparency)', html(WHITE_CELL(IMG('https://cdn.example.com/logo-dark.jpg')))],
  ['a dark logo on a dark cell', html('<table><tr><td bgcolor="#111111">' + IMG('https://cdn.example.com/logo-dark.png') + '</td></tr></table>')],
  ['a dark logo on a background image', html('<table><tr><td background="https://a.example/bg.jpg">' + IMG('https://cdn.example.com/logo-dark.png') + '</td></tr></table>')],
  ['a template with dark-mode styles', html(DARK_STYLES + WHITE_CELL(IMG('https://cdn.example.com/logo-dark.png')))],
  ['a template with an Outlook.com [data-ogsc] rule', html('<style>[data-ogsc] .title { color: #ffffff !important; }</style>' + WHITE_CELL(IMG('https://cdn.example.com/logo-dark.png')))],
  ['a white variant of the logo in the template', html(WHITE_CELL(IMG('https://cdn.example.com/logo-dark.png')) + IMG('https://cdn.example.com/logo-white.png', 'alt="Shop" style="display:none"'))],
  ['a logo for dark mode on a light cell', html(WHITE_CELL(IMG('https://cdn.example.com/logo-dark-mode.png')))],
  ['a logo URL from a variable', html(WHITE_CELL(IMG('{{logo_dark_url}}')), { 'welcome.data.json': '{"logo_dark_url": "https://a.example/logo-dark.png"}' })],
  ['a hidden logo', html('<div style="display:none">' + IMG('https://cdn.example.com/logo-dark.png') + '</div>')],
  ['a dark image that is no logo', html(WHITE_CELL(IMG('https://cdn.example.com/hero-dark.png')))],
]);

table(darkModeTextColor, DiagnosticSeverity.Information, [
  ['a dark body colour without a background', html('<body style="font-family:Arial;color:«#1f2933»;"><p>Your order has shipped.</p></body>'), /`#1f2933` is set, but no background colour/],
  ['<font color> without a background', html('<p><font color="«#333»">Your order has shipped.</font></p>')],
  ['one finding per colour', html('<p style="color:«#333333»">First</p><p style="color:#333333">Second</p><p style="color:«rgb(0,0,0)»">Third</p>')],
], [
  ['a background on the body', html('<body style="color:#1f2933;background-color:#ffffff"><p>Shipped.</p></body>')],
  ['a bgcolor on the wrapper table', html('<table bgcolor="#ffffff"><tr><td style="color:#333333">Shipped.</td></tr></table>')],
  ['a background shorthand on the cell', html('<table><tr><td style="background:#fff;color:#333">Shipped.</td></tr></table>')],
  ['a light text colour (readable on a dark page)', html('<p style="color:#999999">Shipped.</p>')],
  ['no colour set at all', html('<p>Shipped.</p>')],
  ['a colour a <style> rule may change', html('<style>p { background-color: #fff; }</style><p style="color:#333">Shipped.</p>')],
  ['a template with dark-mode styles', html('<style>@media (prefers-color-scheme: dark) { body { background: #000 !important; color: #fff !important; } }</style><p style="color:#333">Shipped.</p>')],
  ['hidden preheader text', html('<div style="display:none;color:#333">Preview text</div><table bgcolor="#fff"><tr><td>x</td></tr></table>')],
  ['a colour from a variable', html('<p style="color:{{brand}}">Shipped.</p>', { 'welcome.data.json': '{"brand": "#333"}' })],
  ['text that is only punctuation', html('<p style="color:#333">—</p>')],
]);

describe('dark-mode check helpers', () => {
  it('reads the file name of an image URL, without query or fragment', () => {
    assert.equal(urlFileName('https://a.example/img/Logo-Dark.PNG?v=2#x'), 'logo-dark.png');
    assert.equal(urlFileName('logo.png'), 'logo.png');
    assert.equal(urlFileName('https://a.example/a/?x=/logo-dark.png'), '');
  });
  it('tells a dark logo from a logo for dark backgrounds by its name', () => {
    assert.equal(logoKind('logo-dark.png'), 'dark');
    assert.equal(logoKind('brand_logo_black@2x.png'), 'dark');
    assert.equal(logoKind('logo-white.png'), 'forDark');
    assert.equal(logoKind('logo-dark-mode.png'), 'forDark');
    assert.equal(logoKind('logo.png'), undefined);
    assert.equal(logoKind('dark-hero.png'), undefined);
  });
});

describe('dark-mode checks on real templates', () => {
  const root = path.join(__dirname, '..', '..', '..');
  /** Every HTML template of a folder, recursively, as `{ name: text }` with its data set when there is one. */
  function templates(folder: string): Array<[string, Record<string, string>]> {
    const found: Array<[string, Record<string, string>]> = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.ses.html')) {
          const data = file.replace(/\.ses\.html$/, '.data.json');
          found.push([path.relative(root, file), { 'welcome.ses.html': fs.readFileSync(file, 'utf8'), ...(fs.existsSync(data) ? { 'welcome.data.json': fs.readFileSync(data, 'utf8') } : {}) }]);
        }
      }
    };
    walk(path.join(root, folder));
    return found;
  }
  // The fixtures, examples and starters: dark logos none, text colours on a set background everywhere.
  for (const folder of ['test/fixtures', 'examples', 'media/starters', 'test/fixtures/corpus-real']) {
    if (!fs.existsSync(path.join(root, folder))) continue;
    it(`reports nothing on ${folder}`, () => {
      const noisy: string[] = [];
      for (const [name, files] of templates(folder)) {
        for (const d of runChecks([darkModeLogo, darkModeTextColor], files).all) noisy.push(`${name}: ${String(d.code)} ${d.message}`);
      }
      assert.deepEqual(noisy, []);
    });
  }
});
