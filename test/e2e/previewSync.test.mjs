// Preview ↔ source in a real VS Code (code-server) and Chromium (issue 14): a click in the preview selects
// the element's start tag (or the filled value's placeholder) in the template, with data substituted, in
// Images off and in the mobile frame of "both"; the editor's cursor outlines its element in the preview
// and brings it into view; scrolling the editor scrolls the preview. The email frame stays without scripts and same-origin; a template's forged
// data-ses / data-ses-p attributes and a forged postMessage reveal nothing else.
/* global window */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeWorkbench, goTo, launchBrowser, openFile, repoRoot, saveEditor, screenshot, startCodeServer, waitFor } from './harness.mjs';
import { focusFirstGroup, openFromExplorer, openWorkbenchPatiently, previewShowing, runCommandByKeys, shownEmailFrames } from './previewUi.mjs';

const TEMPLATE = [
  '<!DOCTYPE html>',
  '<html lang="en"><head><meta charset="utf-8"><title>Sync</title></head>',
  '<body style="background-color:#ffffff">',
  '<h1 id="hello">Hello {{name}}</h1>',
  '<p id="para">Your order {{order}} ships today.</p>',
  '<p id="coupon">Code: {{coupon}}</p>',
  '<p><img id="logo" src="https://img.example.com/logo.png" alt="Logo" width="100" height="40"></p>',
  '<b id="forged-element" data-ses="0">forged element</b>',
  '<span id="forged-value" data-ses-p="99999999">forged value</span>',
  '<div style="height:1600px">spacer</div>',
  '<p id="far">Far below</p>',
  '</body></html>',
  '',
].join('\n');

// 200 paragraphs, one per line, each 40 px tall in the email: the editor and the preview both scroll.
const LONG = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body>',
  ...Array.from({ length: 200 }, (_, i) => `<p id="p${i + 3}" style="margin:0;line-height:40px">Paragraph on line ${i + 3}</p>`), '</body></html>', ''].join('\n');

const DATA = '{\n  "name": "Alex",\n  "order": "ES-42"\n}\n';

/** 1-based line and column of the end of `needle` in the template, and its length. */
function endOf(needle) {
  const start = TEMPLATE.indexOf(needle);
  assert.ok(start >= 0, needle);
  const before = TEMPLATE.slice(0, start + needle.length).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1, length: needle.length };
}

const tabLabels = (page) => page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? ''));
const selectionStatus = (page) => page.locator('[id="status.editor.selection"]').first().innerText({ timeout: 5_000 }).catch(() => '');

/** Waits until the editor's selection is `needle` of the template (the status bar: its end and length). */
async function expectSelected(page, needle) {
  const { line, col, length } = endOf(needle);
  const want = `Ln ${line}, Col ${col} (${length} selected)`;
  await waitFor(async () => (await selectionStatus(page)).includes(want), { page, what: `"${needle}" selected (${want}; status: ${await selectionStatus(page)})`, timeout: 30_000 });
  assert.ok((await tabLabels(page)).some((l) => l.startsWith('sync.ses.html')));
}

const valueBox = (page) => page.locator('.quick-input-widget input').first();

/** Waits for the value box (a click on a value opens it) holding `value`, then closes it unanswered. */
async function escapeValueBox(page, value) {
  const input = valueBox(page);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await input.inputValue(), value);
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** For a while (a window to look through, no time limit), no quick input opens. */
async function expectNoBox(page) {
  for (let k = 0; k < 10; k++) {
    const widget = page.locator('.quick-input-widget');
    if (await widget.isVisible()) {
      await screenshot(page, 'preview-sync-unexpected-box');
      assert.fail(`an input box opened: ${await widget.innerText().catch(() => '')} (${await valueBox(page).inputValue().catch(() => '')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Clicks the middle of `selector` in the email frame shown for `width` (0: desktop or only, 1: mobile), as a user: at that point of the page. */
async function clickInEmail(page, ui, selector, width = 0, { clickCount = 1 } = {}) {
  let box = await waitFor(async () => {
    const frame = (await shownEmailFrames(ui))[width];
    const found = await frame?.locator(selector).first().boundingBox().catch(() => null);
    return found && found.width > 0 ? found : null;
  }, { page, what: `${selector} in the email`, timeout: 30_000 });
  // Scrolled into the stage's view first, as a user would (an earlier test may have scrolled it away).
  const stage = await ui.locator('#stage').boundingBox();
  const inView = (b) => b.y >= stage.y && b.y + b.height <= stage.y + stage.height && b.x >= stage.x && b.x + Math.min(b.width, 40) <= stage.x + stage.width;
  if (!inView(box)) {
    const dy = box.y < stage.y || box.y + box.height > stage.y + stage.height ? box.y - stage.y - 40 : 0;
    const dx = box.x < stage.x || box.x + Math.min(box.width, 40) > stage.x + stage.width ? box.x - stage.x - 40 : 0;
    await ui.locator('#stage').evaluate((el, [x, y]) => { el.scrollTop += y; el.scrollLeft += x; }, [dx, dy]);
    box = await waitFor(async () => {
      const frame = (await shownEmailFrames(ui))[width];
      const found = await frame?.locator(selector).first().boundingBox().catch(() => null);
      return found && inView(found) ? found : null;
    }, { page, what: `${selector} scrolled into view`, timeout: 10_000 });
  }
  const [x, y] = [box.x + Math.min(box.width / 2, 20), box.y + box.height / 2];
  // The point is the preview's, not an open input box's over it.
  assert.ok(await page.evaluate(([px, py]) => !document.elementFromPoint(px, py)?.closest('.quick-input-widget'), [x, y]), `${selector}: covered by the input box`);
  await page.mouse.click(x, y, { clickCount });
}

describe('preview ↔ source', () => {
  let workspace, server, browser, page, ui;
  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-preview-sync-'));
    await fs.writeFile(path.join(workspace, 'sync.ses.html'), TEMPLATE);
    await fs.writeFile(path.join(workspace, 'sync.data.json'), DATA);
    await fs.writeFile(path.join(workspace, 'other.ses.html'), '<p>Other {{name}}</p>\n');
    await fs.writeFile(path.join(workspace, 'long.ses.html'), LONG);
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace });
    browser = await launchBrowser();
    page = await openWorkbenchPatiently(browser, server.url, { viewport: { width: 1600, height: 900 } });
    await openFromExplorer(page, 'sync.ses.html');
    await runCommandByKeys(page, 'SES: Open Preview to the Side');
    ({ ui } = await previewShowing(page, 'Hello Alex'));
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'previewSync' });
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test('the shown email frame stays without scripts and same-origin; the layout copy has no scripts and is not shown', async () => {
    assert.equal(await ui.locator('#email').getAttribute('sandbox'), '');
    const copies = await ui.locator('iframe.layout').evaluateAll((els) => els.map((el) => ({ sandbox: el.getAttribute('sandbox'), box: el.getBoundingClientRect().right })));
    assert.ok(copies.length === 2 && copies.every((c) => c.sandbox === 'allow-same-origin' && c.box <= 0), JSON.stringify(copies));
  });

  test('a click on an element selects its start tag; on a filled value, its placeholder (and opens its box)', async () => {
    await clickInEmail(page, ui, '#para');
    await expectSelected(page, '<p id="para">');
    await screenshot(page, 'preview-sync-1-click-element');
    await clickInEmail(page, ui, '#hello ses-v');
    await expectSelected(page, '{{name}}');
    await escapeValueBox(page, 'Alex');
    await expectSelected(page, '{{name}}');
    assert.equal(await fs.readFile(path.join(workspace, 'sync.data.json'), 'utf8'), DATA);
  });

  test('the cursor in the editor outlines its element in the preview and scrolls it into view', async () => {
    await focusFirstGroup(page);
    const far = endOf('<p id="far">');
    await goTo(page, far.line, 5);
    const boxes = await waitFor(async () => {
      const mark = await ui.locator('.slot:not([hidden]) .ses-highlight:not([hidden])').first().boundingBox().catch(() => null);
      const [email] = await shownEmailFrames(ui);
      const target = await email?.locator('#far').boundingBox().catch(() => null);
      return mark && target && Math.abs(mark.y - target.y) < 4 && Math.abs(mark.height - target.height) < 4 ? { mark, target } : null;
    }, { page, what: 'the outline on #far', timeout: 30_000 });
    const stage = await ui.locator('#stage').boundingBox();
    assert.ok(boxes.target.y >= stage.y && boxes.target.y + boxes.target.height <= stage.y + stage.height, `#far in view: ${JSON.stringify({ boxes, stage })}`);
    await screenshot(page, 'preview-sync-2-cursor-highlight');
  });

  test('Images off and the mobile frame of "both" map clicks alike', async () => {
    await ui.locator('#view-imagesOff').click();
    await waitFor(async () => (await (await shownEmailFrames(ui))[0]?.locator('.ses-img-off').count().catch(() => 0)) > 0, { page, what: 'the Images off view' });
    await clickInEmail(page, ui, '#hello');
    await expectSelected(page, '<h1 id="hello">');
    await ui.locator('#view-html').click();
    await ui.locator('#width-both').click();
    await waitFor(async () => (await shownEmailFrames(ui)).length === 2 && (await ui.locator('#slot-side').isVisible()), { page, what: 'both widths' });
    await clickInEmail(page, ui, '#para ses-v', 1);
    await expectSelected(page, '{{order}}');
    await screenshot(page, 'preview-sync-3-mobile');
    await escapeValueBox(page, 'ES-42');
    await ui.locator('#width-desktop').click();
  });

  test('forged data-ses / data-ses-p attributes and a forged postMessage reveal nothing else', async () => {
    // data-ses="0": the renderer's own attribute comes first, so the click selects the <b> tag itself.
    await clickInEmail(page, ui, '#forged-element');
    await expectSelected(page, '<b id="forged-element" data-ses="0">');
    // data-ses-p="99999999" names no placeholder of this email: the extension selects nothing.
    const before = await selectionStatus(page);
    await clickInEmail(page, ui, '#forged-value');
    // A frame that could run script could post to the webview: the webview ignores its frames' messages.
    const [email] = await shownEmailFrames(ui);
    await email.evaluate(() => {
      const state = { template: 'x', sourceUri: 'file:///etc/passwd', locked: false, dataSets: [], view: 'html', width: 'desktop', srcdoc: '<p>PWNED</p>', csp: "default-src 'none'", notices: [], missing: [], imageProblems: 0, imageProblemsLabel: '', sync: true, doc: 1 };
      window.parent.postMessage({ type: 'update', state }, '*');
      window.parent.postMessage({ type: 'scrollTo', doc: 1, offset: 0 }, '*');
    });
    // The extension handles messages in order, and refuses a forged offset before any await: for a while
    // (no time limit, just a window to look through), the selection stays the <b> tag's.
    // The click leaves the keyboard focus in the preview (the status bar then shows no selection): back to the editor to read it.
    // Ctrl+1 (Focus First Editor Group), not a click in the editor, which would move its cursor.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await page.keyboard.press('Control+Digit1');
    await waitFor(async () => (await selectionStatus(page)) !== '', { page, what: 'the editor focused again' });
    for (let k = 0; k < 10; k++) {
      assert.equal(await selectionStatus(page), before);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    // Then a real click still works.
    await clickInEmail(page, ui, '#hello');
    await expectSelected(page, '<h1 id="hello">');
    assert.notEqual(before, '');
    const labels = await tabLabels(page);
    assert.ok(!labels.some((l) => l.startsWith('other.ses.html') || l.includes('passwd')), labels.join(' | '));
    const [shown] = await shownEmailFrames(ui);
    assert.ok((await shown.evaluate(() => document.body.innerText)).includes('Hello Alex'));
  });

  test('a click on a filled value or a missing mark edits the data set: the JSON file changes, the preview follows, undo restores it', async () => {
    const dataFile = path.join(workspace, 'sync.data.json');
    const input = valueBox(page);
    // A click on any other element only selects its start tag: no box.
    await clickInEmail(page, ui, '#coupon');
    await expectSelected(page, '<p id="coupon">');
    await expectNoBox(page);

    await clickInEmail(page, ui, '#para ses-v');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await expectSelected(page, '{{order}}');
    assert.equal(await input.inputValue(), 'ES-42');
    await screenshot(page, 'preview-sync-4-edit-value');
    await input.fill('ES-77 "rush"');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await fs.readFile(dataFile, 'utf8')).includes('ES-77'), { page, what: 'the new value in sync.data.json', timeout: 30_000 });
    // Only the value changed: the rest of the file is as it was written.
    assert.equal(await fs.readFile(dataFile, 'utf8'), DATA.replace('"ES-42"', '"ES-77 \\"rush\\""'));
    await waitFor(async () => ((await (await shownEmailFrames(ui))[0]?.locator('#para').innerText().catch(() => '')) ?? '').includes('ES-77 "rush"'), { page, what: 'the preview to show the new value' });

    // A missing variable's mark: the key is added to the data set.
    await clickInEmail(page, ui, '#coupon ses-v');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await input.inputValue(), '');
    await input.fill('SAVE10');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await fs.readFile(dataFile, 'utf8')).includes('"coupon": "SAVE10"'), { page, what: 'coupon added to sync.data.json', timeout: 30_000 });
    assert.deepEqual(JSON.parse(await fs.readFile(dataFile, 'utf8')), { name: 'Alex', order: 'ES-77 "rush"', coupon: 'SAVE10' });
    await waitFor(async () => ((await (await shownEmailFrames(ui))[0]?.locator('#coupon').innerText().catch(() => '')) ?? '').includes('SAVE10'), { page, what: 'the preview to show the coupon' });

    // A double click (out of habit) asks once, with the keyboard in the box; a further click on the value
    // while its box is open changes nothing: the box stays, with what was typed in it.
    await clickInEmail(page, ui, '#para ses-v', 0, { clickCount: 2 });
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 800)); // the second click's messages handled by then
    assert.equal(await input.inputValue(), 'ES-77 "rush"');
    await waitFor(() => input.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false), { page, what: 'the keyboard in the box after a double click' });
    await page.keyboard.press('Control+KeyA');
    await page.keyboard.type('ES-8');
    await clickInEmail(page, ui, '#para ses-v');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the click's messages handled by then
    assert.ok(await input.isVisible());
    assert.equal(await input.inputValue(), 'ES-8');
    await input.click(); // the keyboard back in the box (the click left it in the preview)
    await page.keyboard.press('End');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await fs.readFile(dataFile, 'utf8')).includes('"ES-88"'), { page, what: 'ES-88 in sync.data.json', timeout: 30_000 });
    // The accepted box hides when the extension host's hide() reaches the workbench, which can be after the
    // file is written (the fresh-clone CI saw it still showing): once hidden, it must not come back.
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    await expectNoBox(page);
    assert.deepEqual(JSON.parse(await fs.readFile(dataFile, 'utf8')), { name: 'Alex', order: 'ES-88', coupon: 'SAVE10' });
    await waitFor(async () => ((await (await shownEmailFrames(ui))[0]?.locator('#para').innerText().catch(() => '')) ?? '').includes('ES-88'), { page, what: 'the preview to show ES-88' });

    // Undo in the data set's editor takes the three edits back, one at a time; the saved file is as before.
    await focusFirstGroup(page); // the last click left the preview's group active
    await openFile(page, 'sync.data.json');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+KeyZ');
    await waitFor(async () => (await page.locator('.tabs-container .tab.active.dirty').count()) > 0, { page, what: 'the undo to change the data set' });
    await page.keyboard.press('Control+KeyZ');
    await page.keyboard.press('Control+KeyZ');
    await saveEditor(page);
    assert.equal(await fs.readFile(dataFile, 'utf8'), DATA);
    await waitFor(async () => ((await (await shownEmailFrames(ui))[0]?.locator('#para').innerText().catch(() => '')) ?? '').includes('ES-42'), { page, what: 'the preview to follow the undo' });
  });

  test('scrolling the editor (the cursor left where it is) scrolls the preview to the element on the editor\'s top line', async () => {
    await focusFirstGroup(page);
    await openFromExplorer(page, 'long.ses.html');
    await waitFor(async () => ((await (await shownEmailFrames(ui))[0]?.locator('#p3').count().catch(() => 0)) ?? 0) > 0, { page, what: 'the long template in the preview', timeout: 30_000 });
    const cursorBefore = await selectionStatus(page);
    const topLine = async () => {
      const editor = await page.locator('.editor-group-container.active .monaco-editor .overflow-guard').first().boundingBox();
      const numbers = await page.locator('.editor-group-container.active .monaco-editor .line-numbers').evaluateAll((els) => els.map((el) => ({ n: Number(el.textContent), y: el.getBoundingClientRect().top })));
      return Math.min(...numbers.filter((x) => x.y >= editor.y - 2 && x.n > 0).map((x) => x.n));
    };
    // The mouse wheel over the editor scrolls its view without moving the cursor.
    const view = await page.locator('.editor-group-container.active .monaco-editor .overflow-guard').first().boundingBox();
    await page.mouse.move(view.x + view.width / 2, view.y + Math.min(view.height / 2, 300));
    for (let k = 0; k < 40 && (await topLine()) <= 60; k++) {
      await page.mouse.wheel(0, 400);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // the wheel's smooth scrolling settles
    const line = await topLine();
    assert.ok(line > 60, `the editor scrolled: top line ${line}`);
    assert.equal(await selectionStatus(page), cursorBefore, 'the cursor did not move');
    // The paragraph at the top of the preview follows the editor's top line (within a few lines: the
    // editor's smooth scrolling may still move it by a line or two while this reads both).
    const stage = await ui.locator('#stage').boundingBox();
    let last;
    const found = await waitFor(async () => {
      const [email] = await shownEmailFrames(ui);
      const tops = await email?.locator('p[id^="p"]').evaluateAll((els) => els.map((el) => ({ id: Number(el.id.slice(1)), bottom: el.getBoundingClientRect().bottom }))).catch(() => null);
      const frameTop = (await ui.locator('#email').boundingBox())?.y ?? 0;
      const first = tops?.find((t) => frameTop + t.bottom > stage.y + 4);
      last = { editor: await topLine(), preview: first?.id, scrollTop: await ui.locator('#stage').evaluate((el) => el.scrollTop).catch(() => null) };
      return first && Math.abs(first.id - last.editor) <= 3 && last.scrollTop > 1000 ? last : null;
    }, { page, what: 'the preview\'s top paragraph at the editor\'s top line', timeout: 30_000 }).catch(async (error) => {
      await screenshot(page, 'preview-sync-5-scroll-failed');
      throw new Error(`${error.message}; last ${JSON.stringify(last)}`);
    });
    console.log(`# editor top line ${found.editor}; the preview's top paragraph is that of line ${found.preview} (scrollTop ${found.scrollTop} px)`);
    await screenshot(page, 'preview-sync-5-scroll');
  });
});
