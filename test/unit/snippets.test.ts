import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { projectFromFiles, ROOT } from './projects';

// The snippets contributed for ses-html and ses-text: each body must be valid VS Code snippet syntax
// (a stray `$` or `}` would silently change what is inserted), expand to plain `{{name}}` variables,
// and the whole-email skeleton must pass every check once its placeholders hold sample text.
const ROOT_DIR = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { contributes: { snippets?: Array<{ language: string; path: string }> } };

interface Snippet { prefix: string; body: string[]; description: string }
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT_DIR, file), 'utf8')) as Record<string, Snippet>;

/**
 * Expands a snippet body as VS Code does, with each placeholder's default (or `values[n]`), and
 * throws on syntax VS Code would not read as intended: an unescaped `$` that starts nothing, an
 * unclosed `${`, a variable (`$NAME`, which VS Code would resolve), choices, or an unknown escape.
 * The grammar: https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar
 */
export function expandSnippet(body: string, values: Record<number, string> = {}): { text: string; tabstops: Set<number> } {
  const tabstops = new Set<number>();
  let i = 0;
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\') {
        const next = body[i + 1];
        if (next === '$' || next === '}' || next === '\\') { out += next; i += 2; continue; }
        out += c; i++; continue; // VS Code keeps a backslash before anything else
      }
      if (c === '}' && inPlaceholder) return out;
      if (c !== '$') { out += c; i++; continue; }
      const simple = /^\$(\d+)/.exec(body.slice(i));
      if (simple) { const n = Number(simple[1]); tabstops.add(n); out += values[n] ?? ''; i += simple[0].length; continue; }
      const open = /^\$\{(\d+)(:|\})/.exec(body.slice(i));
      if (!open) throw new Error(`unescaped "$" at ${i}: ${body.slice(i, i + 20)}`);
      const n = Number(open[1]);
      tabstops.add(n);
      i += open[0].length;
      if (open[2] === '}') { out += values[n] ?? ''; continue; }
      const inner = parse(true);
      if (body[i] !== '}') throw new Error(`unclosed placeholder \${${n}:`);
      i++;
      out += values[n] ?? inner;
    }
    if (inPlaceholder) throw new Error('unclosed placeholder');
    return out;
  };
  const text = parse(false);
  return { text, tabstops };
}

describe('snippets', () => {
  const contributed = manifest.contributes.snippets ?? [];

  it('are contributed for ses-html and ses-text', () => {
    assert.deepEqual(contributed.map((s) => s.language).sort(), ['ses-html', 'ses-text']);
    for (const s of contributed) assert.ok(fs.existsSync(path.join(ROOT_DIR, s.path)), s.path);
    const html = Object.values(load('snippets/ses-html.json')).map((s) => s.prefix).sort();
    for (const prefix of ['ses-button', 'ses-img', 'ses-layout', 'ses-preheader', 'ses-unsubscribe', 'ses-var']) assert.ok(html.includes(prefix), prefix);
    assert.ok(Object.values(load('snippets/ses-text.json')).some((s) => s.prefix === 'ses-var'));
  });

  it('the expander rejects what VS Code would misread', () => {
    assert.throws(() => expandSnippet('cost $ 5'), /unescaped/);
    assert.throws(() => expandSnippet('${1:open'), /unclosed/);
    assert.throws(() => expandSnippet('$TM_FILENAME'), /unescaped/);
    assert.equal(expandSnippet('{{${1:name}}}').text, '{{name}}');
    assert.equal(expandSnippet('${1:a {{b\\}\\}} \\$5').text, 'a {{b}} $5');
  });

  for (const file of ['snippets/ses-html.json', 'snippets/ses-text.json']) {
    for (const [title, snippet] of Object.entries(load(file))) {
      it(`${file} "${snippet.prefix}": valid syntax, plain {{variables}}, a description`, () => {
        assert.match(snippet.prefix, /^ses-[a-z-]+$/);
        assert.ok(snippet.description.length > 10, title);
        assert.ok(Array.isArray(snippet.body) && snippet.body.every((line) => typeof line === 'string'));
        const { text, tabstops } = expandSnippet(snippet.body.join('\n'));
        assert.ok(tabstops.size > 0, 'has a tab stop');
        // Every brace pair in the result is a plain Tencent variable; no `{{` lost its closing braces.
        const opens = (text.match(/\{\{/g) ?? []).length;
        const plain = [...text.matchAll(/\{\{[A-Za-z_][A-Za-z0-9_]*\}\}/g)].length;
        assert.equal(opens, plain, text);
        assert.doesNotMatch(text, /\$|\\/, 'no snippet syntax left in the inserted text');
      });
    }
  }

  it('ses-layout, with sample text in its placeholders, passes every check', () => {
    const layout = Object.values(load('snippets/ses-html.json')).find((s) => s.prefix === 'ses-layout')!;
    const sample = 'Thank you for creating an account at Example Shop. Your account is ready: you can now save your addresses, follow your orders and keep a wish list of the things you like. Our customer service team answers messages every day from 9:00 to 21:00.';
    const { text: html } = expandSnippet(layout.body.join('\n'), { 7: sample });
    const files = {
      'welcome.ses.html': html,
      'welcome.ses.txt': `Hello {{first_name}}\n\n${sample}\n\nExample Shop Ltd., 88 Harbour Road, Nanshan District, Shenzhen, China.\n`,
      'welcome.data.json': JSON.stringify({ first_name: 'Alex' }),
      'ses.config.json': JSON.stringify({ templates: { welcome: { subject: 'Welcome to Example Shop', triggerType: 'transactional' } } }),
    };
    const { project } = projectFromFiles(files);
    const found = [...createLanguageService().validate(project, DEFAULT_SETTINGS)].flatMap(([uri, list]) => list.map((d) => `${uri.slice(ROOT.length)}:${d.range.start.line + 1} ${String(d.code)}`));
    assert.deepEqual(found, []);
    // …and the checks do read it: without the image's alt text it is reported.
    const noAlt = projectFromFiles({ ...files, 'welcome.ses.html': html.replace(/ alt="[^"]*"/, '') }).project;
    assert.deepEqual([...createLanguageService().validate(noAlt, DEFAULT_SETTINGS).values()].flat().map((d) => d.code), ['image-missing-alt']);
  });
});
