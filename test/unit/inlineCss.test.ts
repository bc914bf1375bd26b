import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// "SES: Inline CSS": dist/inlineCss.js, the bundle the command requires when it runs (juice), tested as
// shipped. Needs `npm run build` first (the gate builds before the unit tests).
const ROOT = path.join(__dirname, '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'inlineCss.js');
const { inlineCss } = createRequire(BUNDLE)(BUNDLE) as { inlineCss(html: string): string };

const TEMPLATE = `<!DOCTYPE html>
<html lang="en"><head><title>Order</title>
<style>
td { color: #333333; }
.btn { background-color: #1a73e8; }
a:hover { color: red; }
@media (max-width: 600px) { .wrap { width: 100% !important; } }
</style></head>
<body><table class="wrap">{{#each items}}<tr><td class="btn"><a href="{{url}}">{{name}} &amp; co</a></td></tr>{{/each}}</table>
<p>你好 {{first_name}}</p></body></html>
`;

describe('Inline CSS (dist/inlineCss.js, juice)', () => {
  it('writes the <style> rules into style attributes', () => {
    const out = inlineCss(TEMPLATE);
    assert.match(out, /<td class="btn" style="color: #333333; background-color: #1a73e8;">/);
    assert.ok(!out.includes('td { color'), 'the inlined rule left <style>');
  });

  it('keeps what cannot be inlined in <style>: media queries and :hover', () => {
    const out = inlineCss(TEMPLATE);
    assert.match(out, /@media \(max-width: ?600px\)/);
    assert.match(out, /a:hover/);
  });

  it('keeps {{variables}}, Handlebars blocks between table rows, entities and Chinese text as written', () => {
    const out = inlineCss(TEMPLATE);
    const tags = (text: string) => text.match(/\{\{[^{}]*\}\}/g);
    assert.deepEqual(tags(out), tags(TEMPLATE));
    assert.match(out, /<table class="wrap"[^>]*>\{\{#each items\}\}<tr>/);
    assert.match(out, /<a href="\{\{url\}\}"[^>]*>\{\{name\}\} &amp; co<\/a>/);
    assert.match(out, /<p>你好 \{\{first_name\}\}<\/p>/);
  });

  it('leaves a template without <style> unchanged', () => {
    const plain = '<p style="color:#333">Hi {{name}}</p>\n';
    assert.equal(inlineCss(plain), plain);
  });

  it('is not in the extension bundle nor the language server: the command loads it when it runs', () => {
    for (const bundle of ['dist/client.js', 'dist/server.js']) {
      const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
      assert.ok(!text.includes('preserveMediaQueries') && !text.includes('web-resource-inliner'), `${bundle} holds juice`);
    }
  });
});
