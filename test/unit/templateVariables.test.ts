import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectVariables, type Dialect } from '../../server/src/service/project/templateVariables';
import { parseTemplate } from '../../server/src/service/templateParser';

function names(text: string, dialect: Dialect) {
  const document = TextDocument.create('file:///w/t.ses.html', 'ses-html', 1, text);
  const parsed = parseTemplate(document);
  assert.equal(parsed.status, 'ok', text);
  if (parsed.status !== 'ok') return { uses: [], constructs: [] };
  const result = collectVariables(document, parsed.ast, dialect);
  return {
    uses: result.uses.map((u) => `${u.name}@${text.slice(u.start, u.end)}`),
    constructs: result.dialectProblems.map((p) => p.construct),
  };
}

describe('variables in the handlebars dialect: scopes and block params', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a plain variable', 'Hi {{name}}', ['name@name']],
    ['a path reads its head key', '{{user.name}}', ['user@user']],
    ['#if keeps the root context', '{{#if vip}}{{name}}{{/if}}', ['vip@vip', 'name@name']],
    ['#each changes the context: item fields are not data keys', '{{#each items}}{{title}}{{/each}}', ['items@items']],
    ['../ inside #each reaches the root', '{{#each items}}{{../shop}}{{/each}}', ['items@items', 'shop@shop']],
    ['@root reaches the root', '{{#with user}}{{@root.brand}}{{name}}{{/with}}', ['user@user', 'brand@brand']],
    ['block params are local', '{{#each items as |item|}}{{item.price}} {{currency}}{{/each}}', ['items@items', 'currency@currency']],
    ['block params with #if inside each keep the item context', '{{#each items}}{{#if sold}}x{{/if}}{{/each}}', ['items@items']],
    ['helper arguments are variables, the helper is not', '{{format price currency="CNY"}} {{upper (lower name)}}', ['price@price', 'name@name']],
    ['@index and this are not data keys', '{{#each items}}{{@index}} {{this}}{{/each}}', ['items@items']],
    ['else branch keeps the outer context', '{{#each items}}x{{else}}{{empty_text}}{{/each}}', ['items@items', 'empty_text@empty_text']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const { uses, constructs } = names(text, 'handlebars');
      assert.deepEqual(uses, expected);
      assert.deepEqual(constructs, []);
    });
  }

  it('the same template in the tencent dialect: only plain variables, the rest are dialect problems (a block\'s key is read, its fields are inside it)', () => {
    const { uses, constructs } = names('{{name}} {{#each items}}{{title}}{{/each}} {{{raw}}} {{a.b}} {{~x~}} {{!-- c --}}', 'tencent');
    assert.deepEqual(uses, ['name@name', 'items@items', 'title@title']);
    assert.deepEqual(constructs.sort(), ['block', 'comment', 'path', 'unescaped', 'whitespace-control']);
  });
});
