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
    assert.match(text, /@media \(max-width: ?600px\)/);
    assert.ok(!text.includes('.note { color'), 'the inlined rule left <style>');
    await screenshot(page, 'e2e-inline-css');
    await saveEditor(page);
    assert.match(await fs.readFile(path.join(workspace, FILE), 'utf8'), /<p class="note" style="color: #333333;">/);

    await page.keyboard.press('Control+KeyZ');
    await waitFor(async () => (await editorText(page)).includes('.note { color: #333333; }'), { page, what: 'the undo to restore <style>' });
    await saveEditor(page);
    assert.equal(await fs.readFile(path.join(workspace, FILE), 'utf8'), HTML);
  });
});
