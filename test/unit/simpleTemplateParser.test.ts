import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import parser = require('handlebars/dist/cjs/handlebars/compiler/parser');
import * as helpers from 'handlebars/dist/cjs/handlebars/compiler/helpers';
import { parseSimpleTemplate } from '../../server/src/service/simpleTemplateParser';

/** Handlebars' own parse, configured as server/src/service/templateParser.ts configures it. */
function handlebars(text: string): unknown {
  parser.yy = { ...helpers, locInfo: (loc: unknown) => new helpers.SourceLocation(undefined, loc as never) };
  return parser.parse(text);
}

/** A deterministic pseudo-random generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['Hello ', '<p>', '</p>\n', '\r\n', '\r', '\n', '订单 ', '😀', '}}', '}', '{', ' ', '\t', 'a.b', '<img src="', '">', '&amp;'];
const NAMES = ['name', 'order_id', 'a.b', 'user.first_name', '_x', 'N1', 'var_42'];

function generated(next: () => number): string {
  let text = '';
  const count = Math.floor(next() * 12);
  for (let i = 0; i < count; i++) {
    if (next() < 0.4) {
      const pad = () => (next() < 0.3 ? ' '.repeat(1 + Math.floor(next() * 2)) : next() < 0.1 ? '\t' : '');
      text += `{{${pad()}${NAMES[Math.floor(next() * NAMES.length)]}${pad()}}}`;
    } else {
      text += PIECES[Math.floor(next() * PIECES.length)];
    }
  }
  return text;
}

describe('parseSimpleTemplate', () => {
  it('builds exactly the AST Handlebars builds, on 3,000 generated templates of plain substitutions', () => {
    let simplePath = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const text = generated(random(seed));
      const simple = parseSimpleTemplate(text);
      // Stray braces from the pieces can make a text that is not plain substitutions: Handlebars' job.
      if (!simple) continue;
      simplePath++;
      assert.deepStrictEqual(simple, handlebars(text), `seed ${seed}: ${JSON.stringify(text)}`);
    }
    assert.ok(simplePath > 2500, `${simplePath} of 3,000 took the simple path`);
  });

  it('matches Handlebars on the edges: empty text, text alone, adjacent tags, a tag at each end', () => {
    for (const text of ['', 'plain text', '{{a}}{{b}}', '{{a}}', 'x{{a}}', '{{a}}x', '{{ a }}\r\n{{b}}\r', '}}{{a}} }}']) {
      assert.deepStrictEqual(parseSimpleTemplate(text), handlebars(text), JSON.stringify(text));
    }
  });

  it('leaves everything else to Handlebars', () => {
    for (const text of ['{{#if a}}x{{/if}}', '{{{raw}}}', '{{! comment }}', '{{> partial}}', '\\{{escaped}}', '{{~a}}', '{{a~}}',
      '{{a b}}', '{{@index}}', '{{../a}}', '{{this}}', '{{true}}', '{{else}}', '{{a.this}}', '{{1a}}', '{{a', '{{ }}', '{{a\n}}', '{{a-b}}', '{{[a]}}', '{{a}}}', '{{a}}}}']) {
      assert.equal(parseSimpleTemplate(text), undefined, text);
    }
  });
});
