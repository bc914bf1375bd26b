import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { escapeMarkdown, faqAnchor, preflightMarkdown } from '../../client/src/preflight/markdown';
import { decodeContent, decodeTemplate, sameContent, variablesOf } from '../../client/src/preflight/remoteTemplate';
import { step, worstOutcome, type PreflightReport } from '../../client/src/preflight/report';
import { senderAddress } from '../../client/src/preflight/senderStep';

const report: PreflightReport = {
  template: 'order', target: 'http://127.0.0.1:8081', outcome: 'fail',
  steps: [
    step('credentials', 1, 'Credentials', 'the key', [{ outcome: 'pass', text: 'key ok' }], ['send-failures']),
    step('template', 4, 'Template', 'GetEmailTemplate', [{ outcome: 'fail', text: 'pending <b>*review*</b>', fix: 'wait' }, { outcome: 'warn', text: 'differs' }], ['send-failures']),
    step('recipients', 3, 'Recipients', 'addresses', [{ outcome: 'skipped', text: 'none' }], ['blocklist']),
  ],
};

describe('preflight report → Markdown', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('one section per step with ✓ / ⚠ / ✗ / –, what was checked, the fix and the FAQ link', () => {
    const md = preflightMarkdown(l10n, report, [{ id: 'send-failures', title: 'Why a send fails', markdown: '## Why a send fails\n\n1. Permission' }]);
    assert.match(md, /^# Preflight check: order$/m);
    assert.match(md, /^✗ 1 passed, 0 with warnings, 1 failed, 1 skipped; via http:\/\/127\.0\.0\.1:8081\.$/m);
    assert.match(md, /^## ✓ 1\. Credentials$/m);
    assert.match(md, /^## ✗ 4\. Template$/m);
    assert.match(md, /^## – 3\. Recipients$/m);
    assert.match(md, /^\*Checked: GetEmailTemplate\*$/m);
    assert.match(md, /^- ✗ pending \\<b\\>\\\*review\\\*\\<\/b\\>$/m, 'API text is escaped, never markup');
    assert.match(md, /^ {2}- Fix: wait$/m);
    assert.match(md, /^- ⚠ differs$/m);
    // The Markdown preview refuses command: links: the steps link to the topic's text on the same page.
    assert.ok(md.includes(`FAQ: [Why a send fails](#${faqAnchor('send-failures')})`));
    assert.match(md, /^<a id="faq-send-failures"><\/a>\n\n### Why a send fails$/m, 'the FAQ text itself is appended, one level deeper, under its anchor');
    assert.doesNotMatch(md, /command:/);
    // A topic no step uses is not appended; a topic the server did not give is named, not linked.
    assert.match(md, /^FAQ: blocklist$/m);
  });

  it('in Chinese', () => {
    l10n.config({ contents: JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) });
    const md = preflightMarkdown(l10n, report);
    assert.match(md, /^# 发送前检查：order$/m);
    assert.match(md, /1 项通过，0 项有警告，1 项失败，1 项跳过/);
    assert.match(md, /解决方法: wait/);
  });

  it('escapeMarkdown neutralises markup and line breaks', () => {
    assert.equal(escapeMarkdown('a_b *c* [d](e) <x>\nnext'), 'a\\_b \\*c\\* \\[d\\](e) \\<x\\> next');
  });
});

describe('preflight helpers', () => {
  it('worstOutcome: fail > warn > pass > skipped; nothing is pass', () => {
    assert.equal(worstOutcome([]), 'pass');
    assert.equal(worstOutcome(['skipped', 'skipped']), 'skipped');
    assert.equal(worstOutcome(['pass', 'skipped']), 'pass');
    assert.equal(worstOutcome(['pass', 'warn']), 'warn');
    assert.equal(worstOutcome(['warn', 'fail', 'pass']), 'fail');
  });

  it('remote content: base64 decoded (UTF-8), bad base64 ignored, variables in order, triple braces left out', () => {
    assert.equal(decodeContent(Buffer.from('你好 {{name}}').toString('base64')), '你好 {{name}}');
    assert.equal(decodeContent('not base64!'), undefined);
    assert.equal(decodeContent(undefined), undefined);
    assert.deepEqual(decodeTemplate({ Html: Buffer.from('<p>{{a}}</p>').toString('base64') }), { html: '<p>{{a}}</p>' });
    assert.deepEqual(variablesOf('{{b}} {{ a }} {{b}}', undefined, '{{{raw}}} {{#if x}}{{c-d}}'), ['b', 'a', 'c-d']);
  });

  it('sameContent ignores line endings and trailing white space only', () => {
    assert.ok(sameContent('a\r\nb\n', 'a\nb'));
    assert.ok(!sameContent('a b', 'a  b'));
    assert.ok(sameContent(undefined, undefined));
    assert.ok(!sameContent('a', undefined));
  });

  it('senderAddress: plain or "Alias <addr>", nothing else', () => {
    assert.equal(senderAddress('noreply@mail.example.com'), 'noreply@mail.example.com');
    assert.equal(senderAddress('Example Shop <noreply@mail.example.com>'), 'noreply@mail.example.com');
    assert.equal(senderAddress('Shop: News <a@b.com>'), undefined);
    assert.equal(senderAddress('no address'), undefined);
  });
});
