// "SES: Inline CSS" in a real VS Code (code-server) and Chromium: the template's <style> rule goes into
// the style attribute of the element it matches, the media query stays in <style>, {{variables}} are
// kept, and one undo restores the template as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeWorkbench, editorText, goTo, launchBrowser, openFile, openWorkbench, repoRoot, runCommand, saveEditor, screenshot, startCodeServer, waitFor } from './harness.mjs';

const FILE = 'styled.ses.html';
const HTML = `<!DOCTYPE html>
<html lang="en"><head><title>Styled</title>
<style>
.note { color: #333333; }
@media (max-width: 600px) { .wrap { width: 100% !important; } }
</style></head>
<body><div class="wrap"><p class="note">Hello {{first_name}}</p></div></body></html>
`;

// The quick fix: a template whose <style> the target clients strip (here Gmail's mobile webmail, set
// in the workspace's sesStudio.clients) has a client-support finding on <style>; "Inline the <style>
// rules" from the light bulb runs the same inliner.
const QUICK = 'quick.ses.html';
const QUICK_HTML = `<!DOCTYPE html>
<html lang="en"><head><title>Quick</title>
<style>.lead { font-size: 18px; }</style></head>
<body><p class="lead">Hi {{first_name}}</p></body></html>
`;

describe('SES: Inline CSS in VS Code', () => {
  let server;
  let browser;
  let page;
  let workspace;
  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-inline-css-'));
    await fs.writeFile(path.join(workspace, FILE), HTML);
    await fs.writeFile(path.join(workspace, 'styled.data.json'), '{ "first_name": "Alex" }\n');
    await fs.writeFile(path.join(workspace, QUICK), QUICK_HTML);
    await fs.writeFile(path.join(workspace, 'quick.data.json'), '{ "first_name": "Alex" }\n');
    await fs.mkdir(path.join(workspace, '.vscode'));
    await fs.writeFile(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'sesStudio.clients': ['gmail-mobile-webmail'] }, null, 2));
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-inline-css' });
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test('inlines the rule into the element, keeps the media query and the variable; one undo restores it', async () => {
    await openFile(page, FILE);
    await runCommand(page, 'SES: Inline CSS');
    const text = await waitFor(async () => {
      const shown = await editorText(page);
      return shown.includes('style="color: #333333;"') ? shown : null;
    }, { page, what: 'the inlined style attribute in the editor', timeout: 30_000 });
    assert.match(text, /<p class="note" style="color: #333333;">Hello \{\{first_name\}\}<\/p>/);
    assert.ok(!text.includes('.note { color'), 'the inlined rule left <style>');
    await screenshot(page, 'e2e-inline-css');
    await saveEditor(page);
    // The saved file, not the rendered editor lines (which may split a word between spans), shows
    // that the media query stayed in <style>.
    const saved = await fs.readFile(path.join(workspace, FILE), 'utf8');
    assert.match(saved, /<p class="note" style="color: #333333;">Hello \{\{first_name\}\}<\/p>/);
    assert.match(saved, /<style>[^]*@media \(max-width: ?600px\)[^]*\.wrap[^]*<\/style>/);

    // One undo makes the saved editor dirty again; the file written after it is compared byte for byte.
    // Focus the editor text first, as a user clicks back into it: after the command and the save the
    // keyboard focus may sit elsewhere in the workbench, where Ctrl+Z undoes nothing.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+KeyZ');
    await waitFor(async () => (await page.locator('.tabs-container .tab.active.dirty').count()) > 0, { page, what: 'the undo to change the editor' });
    await saveEditor(page);
    assert.equal(await fs.readFile(path.join(workspace, FILE), 'utf8'), HTML);
  });

  test('the quick fix "Inline the <style> rules" on a <style> the target clients strip inlines it, as one undoable edit', async () => {
    await openFile(page, QUICK);
    const title = 'Inline the <style> rules';
    // Line 3 is the <style> line; Ctrl+. again when no menu is open after 3 s (the finding may not be there yet).
    await goTo(page, 3, 2);
    await page.keyboard.press('Control+Period');
    let asked = Date.now();
    const action = await waitFor(async () => {
      const rows = page.locator('.action-widget .monaco-list-row');
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
      const i = labels.findIndex((l) => l.includes(title));
      if (i >= 0) return rows.nth(i);
      if (Date.now() - asked > 3_000) {
        await page.keyboard.press('Escape');
        await goTo(page, 3, 2);
        await page.keyboard.press('Control+Period');
        asked = Date.now();
      }
      return null;
    }, { page, what: `the quick fix "${title}"`, timeout: 60_000 });
    await screenshot(page, 'e2e-inline-css-quick-fix');
    await action.click();
    await waitFor(async () => (await editorText(page)).includes('style="font-size: 18px;"'), { page, what: 'the quick fix to inline the rule', timeout: 30_000 });
    await saveEditor(page);
    const saved = await fs.readFile(path.join(workspace, QUICK), 'utf8');
    assert.match(saved, /<p class="lead" style="font-size: 18px;">Hi \{\{first_name\}\}<\/p>/);
    assert.ok(!saved.includes('<style'), saved);
    await screenshot(page, 'e2e-inline-css-quick-fix-applied');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+KeyZ');
    await waitFor(async () => (await page.locator('.tabs-container .tab.active.dirty').count()) > 0, { page, what: 'the undo to change the editor' });
    await saveEditor(page);
    assert.equal(await fs.readFile(path.join(workspace, QUICK), 'utf8'), QUICK_HTML);
  });
});
