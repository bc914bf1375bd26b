// "SES: Inline CSS" in a real VS Code (code-server) and Chromium: the template's <style> rule goes into
// the style attribute of the element it matches, the media query stays in <style>, {{variables}} are
// kept, and one undo restores the template as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeWorkbench, editorText, launchBrowser, openFile, openWorkbench, repoRoot, runCommand, saveEditor, screenshot, startCodeServer, waitFor } from './harness.mjs';

const FILE = 'styled.ses.html';
const HTML = `<!DOCTYPE html>
<html lang="en"><head><title>Styled</title>
<style>
.note { color: #333333; }
@media (max-width: 600px) { .wrap { width: 100% !important; } }
</style></head>
<body><div class="wrap"><p class="note">Hello {{first_name}}</p></div></body></html>
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
});
