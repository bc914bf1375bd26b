import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPatch, textPatch } from '../../client/src/preview/srcdocPatch';
import { isFromWebview } from '../../client/src/preview/messages';

// The preview sends a keystroke's change of the email document, not the document (issue 14): the
// webview must rebuild exactly the document the extension rendered.
describe('srcdoc patches', () => {
  const roundTrip = (before: string, after: string) => {
    const patch = textPatch(before, after);
    assert.equal(applyPatch(before, patch), after, JSON.stringify({ before, after, patch }));
    return patch;
  };

  it('sends only what a keystroke changed in a large document', () => {
    const row = '<tr><td data-ses="1">{{first_name}} <b>item</b></td></tr>\n';
    const before = `<p id="probe">ab</p>${row.repeat(4000)}`;
    const after = `<p id="probe">abc</p>${row.repeat(4000)}`;
    const patch = roundTrip(before, after);
    assert.deepEqual(patch, { start: 16, end: 16, text: 'c' });
  });

  it('rebuilds insertions, deletions and replacements anywhere, and identical or empty documents', () => {
    const cases: Array<[string, string]> = [
      ['', ''], ['', 'abc'], ['abc', ''], ['abc', 'abc'], ['abc', 'abXc'], ['abc', 'Xbc'], ['abc', 'abcX'],
      ['aaaa', 'aaaaa'], ['aaaaa', 'aaa'], ['abcabc', 'abc'], ['<a>x</a>', '<a>y</a>'], ['start', 'totally different'],
    ];
    for (const [before, after] of cases) roundTrip(before, after);
  });

  it('never splits a character outside the basic plane', () => {
    // Same high surrogate, different low surrogates: 😀 (D83D DE00) → 😁 (D83D DE01).
    const patch = roundTrip('x😀y', 'x😁y');
    assert.equal(patch.text, '😁');
    const tail = roundTrip('😀z', '😁z');
    assert.equal(tail.text, '😁');
  });

  it('refuses a patch that does not fit the document it is applied to', () => {
    assert.equal(applyPatch('abc', { start: 2, end: 5, text: '' }), undefined);
    assert.equal(applyPatch('abc', { start: 2, end: 1, text: '' }), undefined);
    assert.equal(applyPatch('abc', { start: -1, end: 1, text: '' }), undefined);
    assert.equal(applyPatch('abc', { start: 0.5, end: 1, text: '' }), undefined);
  });

  it('is linear: a 2 MB document with a change in the middle is diffed in well under a second', () => {
    const half = 'x'.repeat(1_000_000);
    const started = performance.now();
    roundTrip(`${half}a${half}`, `${half}bb${half}`);
    assert.ok(performance.now() - started < 1000);
  });

  it('accepts the webview\'s request for the whole document again, and nothing with it that is not a message', () => {
    assert.equal(isFromWebview({ type: 'resync' }), true);
    assert.equal(isFromWebview({ type: 'resync2' }), false);
  });
});
