// Chinese text must render as Chinese in the e2e browser, not as boxes: the Chinese screenshots
// (docs/images/zh-CN) and any test reading the UI in Chinese depend on a CJK font, which setup.sh
// installs (fonts-wqy-microhei). Without one, every CJK character draws the same "tofu" box, the
// glyph of a character no font has: that is what this test compares against.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './harness.mjs';

// The workbench's font stack on Linux (VS Code's .monaco-workbench / .mac / .linux rules).
const FONT = 'system-ui, "Ubuntu", "Droid Sans", sans-serif';
const CHINESE = ['邮', '件', '模', '板', '发', '送'];
/** U+0378 is unassigned in Unicode: no font has a glyph for it, so it draws the missing-glyph box. */
const NO_GLYPH = '\u0378';

describe('Chinese text in the e2e browser', () => {
  let browser;
  let page;
  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 800, height: 200 } });
    const spans = [...CHINESE, NO_GLYPH].map((c, i) => `<span id="g${i}">${c}</span>`).join('');
    await page.setContent(`<body style="margin:0;background:#fff"><div style="font:32px ${FONT};color:#000">${spans}</div></body>`);
  });
  after(async () => browser?.close());

  /** The pixels of one character's box. */
  const glyph = (i) => page.locator(`#g${i}`).screenshot();

  it('draws each Chinese character with its own glyph, none of them the missing-glyph box', async () => {
    const tofu = await glyph(CHINESE.length);
    const images = await Promise.all(CHINESE.map((_, i) => glyph(i)));
    for (const [i, image] of images.entries()) {
      assert.ok(!image.equals(tofu), `${CHINESE[i]} is drawn as the missing-glyph box: no CJK font (apt-get install fonts-wqy-microhei)`);
      for (let j = 0; j < i; j++) assert.ok(!image.equals(images[j]), `${CHINESE[i]} and ${CHINESE[j]} look the same: boxes, not glyphs`);
    }
  });
});
