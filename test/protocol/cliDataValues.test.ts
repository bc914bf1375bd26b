// Data values in the CLI's messages (node dist/cli.js, so `npm run build` first): a data set holding a
// token in an image URL, a link, a link text and a value with HTML is reported by its first characters only, and
// not at all in github and sarif output (pull-request annotations, code-scanning alerts) unless
// --show-values. Every message that quotes a data value goes through checks/common.ts `dataValue`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SECRET = 'tok_9fQ2xLr7ZpW4mK8vN3bT6yH1cJ5dG0sA';
const IMAGE = `http://cdn.example.com/a.png?sig=${SECRET}`;

/** Any 8 characters in a row of the secret. */
function leak(output: string): string | undefined {
  const lower = output.toLowerCase().replace(/-/g, '_');
  for (let i = 0; i + 8 <= SECRET.length; i++) if (lower.includes(SECRET.slice(i, i + 8).toLowerCase())) return SECRET.slice(i, i + 8);
  return undefined;
}

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-values-'));
  fs.writeFileSync(path.join(dir, 'order.ses.html'), [
    '<!doctype html><html lang="en"><head><title>Order</title></head><body>',
    '<p>Hello {{name}}, <img src="{{image}}" alt="Logo" width="100" height="40"> <a href="{{link}}">Track your order</a> {{note}}</p>',
    '<p><a href="https://shop.example.com/account">www.{{label}}.example.net</a></p>',
    '<p><a href="https://shop.example.com/unsubscribe">Unsubscribe</a></p>',
    '</body></html>', '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'order.data.json'), JSON.stringify({
    name: 'Alex', image: IMAGE, link: `http://shop.example.com/track?t=${SECRET}`, note: `<b data-k="${SECRET}">new</b>`, label: `account-${SECRET.toLowerCase().replace('_', '-')}`,
  }, null, 2));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args, '.'], { cwd: dir, encoding: 'utf8' });
  return `${result.stdout}\n${result.stderr}`;
}

describe('data values in CLI messages', () => {
  it('text and json: the first characters of each value, never the token', () => {
    for (const format of ['text', 'json']) {
      const out = run(['--format', format]);
      for (const code of ['image-insecure-url', 'link-insecure', 'html-in-value', 'link-text-mismatch']) assert.ok(out.includes(code), `${format}: no ${code} finding\n${out}`);
      assert.equal(leak(out), undefined, `${format} shows the token:\n${out}`);
      // Enough to tell which value is meant.
      assert.ok(out.includes(IMAGE.slice(0, 12)), `${format}: the value cannot be recognised\n${out}`);
    }
  });

  it('github and sarif: no data value at all, unless --show-values', () => {
    for (const format of ['github', 'sarif']) {
      const out = run(['--format', format]);
      assert.equal(leak(out), undefined, `${format} shows the token:\n${out}`);
      for (const part of ['cdn.example.com', 'shop.example.com/track', 'data-k=']) assert.ok(!out.includes(part), `${format} shows ${part}:\n${out}`);
      assert.ok(out.includes('(a data value, not shown)'), `${format}: ${out}`);
      const shown = run(['--format', format, '--show-values']);
      assert.equal(leak(shown), undefined, `${format} --show-values shows the token:\n${shown}`);
      assert.ok(shown.includes(IMAGE.slice(0, 12)), `${format} --show-values: ${shown}`);
    }
  });

  it('in Chinese too', () => {
    const out = run(['--format', 'github', '--locale', 'zh-cn']);
    assert.equal(leak(out), undefined, out);
    assert.ok(out.includes('（数据值，未显示）'), out);
  });
});
