import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtml } from '../../common/htmlModel';
import { createLanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { measureGrowth, repeated, type Family } from './linearTime';
import { projectFromFiles } from './projects';

// CSS `url(` scanning on hostile templates. Found with a timing sweep of hostile inputs: 200 KB of
// `background:url(` without a `)` took 4 s to check (each `url(` rescanned to the end of the CSS,
// and each found URL rescanned back to the start for its property), so 1 MB froze the server for
// about 100 s; `url(` followed by 40k spaces took 0.6 s. Likewise 800 KB of unclosed
// `<!-- ses-disable` comments took 4.6 s.
// Each is a growth test (time from n to 4n, linearTime.ts): no absolute time, which a loaded machine misses.

function found(html: string): Array<{ value: string; property: string }> {
  return parseHtml(html).cssUrls.map((u) => ({ value: u.value, property: u.property }));
}

describe('CSS url( on hostile input', () => {
  const families: Family[] = [
    { label: 'an unclosed url( repeated in a style attribute', build: repeated('background:url(', '<div style="', '">') },
    { label: 'an unclosed url( repeated in a style element', build: repeated('a{background:url(', '<style>') },
    { label: 'url( followed by spaces', build: repeated(' ', '<style>a{background:url(') },
    { label: 'closed urls without a semicolon between them', build: repeated('url(x) ', '<style>a{background:', '}</style>') },
    { label: 'quotes never closed', build: repeated('url("', '<style>') },
  ];
  for (const family of families) {
    it(`checks ${family.label} in linear time`, () => {
      const growth = measureGrowth(parseHtml, family);
      assert.ok(growth.ratio <= 2.5, `×${growth.ratio.toFixed(1)} per doubling from ${growth.size} characters`);
    });
  }

  it('still finds what the old pattern found', () => {
    const css = `<style>a{background-image: url( "a.png" )} b{background:url('b.png')} c{x:url(c.png);y:url( d e )} d{background: url(url(e.png))}</style>`;
    assert.deepEqual(found(css), [
      { value: 'a.png', property: 'background-image' },
      { value: 'b.png', property: 'background' },
      { value: 'c.png', property: 'x' },
      { value: 'url(e.png', property: 'background' },
    ]);
    assert.deepEqual(found('<div style="background:url(&quot;x.png&quot;)">').map((u) => u.property), ['background']);
  });
});

describe('suppression comments on hostile input', () => {
  it('unclosed `<!-- ses-disable` comments are checked in linear time', () => {
    const validate = (text: string) => createLanguageService().validate(projectFromFiles({ 't.ses.html': text, 't.data.json': '{}' }).project, DEFAULT_SETTINGS);
    const growth = measureGrowth(validate, { label: 'unclosed ses-disable', build: repeated('<!-- ses-disable ') }, { maxSize: 1 << 17 });
    assert.ok(growth.ratio <= 2.5, `×${growth.ratio.toFixed(1)} per doubling from ${growth.size} characters`);
  });
});
