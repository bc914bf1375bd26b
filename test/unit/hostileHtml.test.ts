import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtml } from '../../common/htmlModel';
import { createLanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { projectFromFiles } from './projects';

// CSS `url(` scanning on hostile templates. Found with a timing sweep of hostile inputs: 200 KB of
// `background:url(` without a `)` took 4 s to check (each `url(` rescanned to the end of the CSS,
// and each found URL rescanned back to the start for its property), so 1 MB froze the server for
// about 100 s; `url(` followed by 40k spaces took 0.6 s. Likewise 800 KB of unclosed
// `<!-- ses-disable` comments took 4.6 s.
const BUDGET_MS = 500;

function timed(html: string): { ms: number; urls: Array<{ value: string; property: string }> } {
  const started = Date.now();
  const model = parseHtml(html);
  return { ms: Date.now() - started, urls: model.cssUrls.map((u) => ({ value: u.value, property: u.property })) };
}

describe('CSS url( on hostile input', () => {
  const N = 200_000;
  const cases: Array<[string, string]> = [
    ['an unclosed url( repeated in a style attribute', `<div style="${'background:url('.repeat(N / 15)}">`],
    ['an unclosed url( repeated in a style element', `<style>${'a{background:url('.repeat(N / 17)}`],
    ['url( followed by spaces', `<style>a{background:url(${' '.repeat(N)}`],
    ['closed urls without a semicolon between them', `<style>a{background:${'url(x) '.repeat(N / 7)}}</style>`],
    ['quotes never closed', `<style>${'url("'.repeat(N / 5)}`],
  ];
  for (const [name, html] of cases) {
    it(`checks ${name} in under ${BUDGET_MS} ms`, () => {
      const { ms } = timed(html);
      assert.ok(ms < BUDGET_MS, `${ms} ms`);
    });
  }

  it('still finds what the old pattern found', () => {
    const css = `<style>a{background-image: url( "a.png" )} b{background:url('b.png')} c{x:url(c.png);y:url( d e )} d{background: url(url(e.png))}</style>`;
    assert.deepEqual(timed(css).urls, [
      { value: 'a.png', property: 'background-image' },
      { value: 'b.png', property: 'background' },
      { value: 'c.png', property: 'x' },
      { value: 'url(e.png', property: 'background' },
    ]);
    assert.deepEqual(timed('<div style="background:url(&quot;x.png&quot;)">').urls.map((u) => u.property), ['background']);
  });
});

describe('suppression comments on hostile input', () => {
  it('800 KB of unclosed `<!-- ses-disable` is checked in under 1 s', () => {
    const text = '<!-- ses-disable '.repeat(800_000 / 17);
    const { project } = projectFromFiles({ 't.ses.html': text, 't.data.json': '{}' });
    const started = Date.now();
    createLanguageService().validate(project, DEFAULT_SETTINGS);
    const ms = Date.now() - started;
    assert.ok(ms < 1_000, `${ms} ms`);
  });
});
