// SES: New Template in a real VS Code (code-server + Chromium) on a temp copy of examples/: the
// gallery, the language pick, the name, the three files, the ses.config.json entry, the opened HTML
// part without problems; and a snippet expanded with Tab.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import {
  closeWorkbench, editorText, goTo, launchBrowser, openFile, openWorkbench, problems, repoRoot, runCommand, startCodeServer, waitFor,
} from './harness.mjs';
import { scenarioWithScreenshots } from './workbenchUi.mjs';

/** Types `filter` into the command's own quick pick (not the palette) and accepts the row containing `row`. */
async function pickItem(page, filter, row) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  await waitFor(async () => (await widget.isVisible()) && !(await input.inputValue()).startsWith('>')
    && (await widget.locator('.quick-input-list .monaco-list-row').count()) > 0, { page, what: `the pick offering "${row}"`, timeout: 30_000 });
  await input.fill(filter);
  await waitFor(async () => (await widget.locator('.quick-input-list .monaco-list-row').first().innerText().catch(() => '')).includes(row),
    { page, what: `the row "${row}" first in the pick` });
  await page.keyboard.press('Enter');
}

/**
 * The Problems markers of files whose path contains `filter`: the view is virtualised (only rows on
 * screen are in the DOM), and the sample workspace has many findings, so it is filtered first.
 */
async function problemsOf(page, filter) {
  await problems(page);
  const input = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  if ((await input.inputValue()) !== filter) await input.fill(filter);
  await new Promise((r) => setTimeout(r, 300));
  return (await problems(page)).filter((m) => m.file?.includes(filter));
}

describe('SES: New Template', () => {
  let server;
  let browser;
  let page;
  let workspace;
  let configBefore;

  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-new-template-'));
    await fs.cp(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    configBefore = await fs.readFile(path.join(workspace, 'ses.config.json'), 'utf8');
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-new-template' });
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  const scenario = scenarioWithScreenshots(() => page);

  scenario('creates a Chinese verification-code template: three files, the config entry, the HTML part open and clean', 'e2e-new-template-1-created', async () => {
    // welcome.ses.html is open, so the new template goes next to it (the workspace root) and the
    // language server is seen to work (its missing {{coupon}} shows in Problems).
    await openFile(page, 'welcome.ses.html');
    await waitFor(async () => (await problemsOf(page, 'welcome.ses.html')).some((m) => m.code === 'missing-variable'),
      { page, what: 'the known missing-variable problem of welcome.ses.html', timeout: 45_000 });

    await runCommand(page, 'SES: New Template');
    await pickItem(page, 'Verification', 'Verification code');
    await pickItem(page, '简体', '简体中文');
    const input = page.locator('.quick-input-widget input');
    await waitFor(async () => (await input.inputValue()) === 'verification-code', { page, what: 'the suggested name in the input box' });
    // A name that is taken is refused in the box.
    await input.fill('welcome');
    await waitFor(async () => /already exists/.test(await page.locator('.quick-input-widget').innerText()), { page, what: 'the "already exists" message for welcome' });
    await input.fill('signup-code');
    await page.keyboard.press('Enter');

    const read = (file) => fs.readFile(path.join(workspace, file), 'utf8');
    const starter = (suffix) => fs.readFile(path.join(repoRoot, 'media/starters/zh-cn', `verification-code${suffix}`), 'utf8');
    // A file is created, then written: it can exist, empty, for a moment (the fresh-clone CI read '' once).
    // So wait until every file has content, then compare it whole.
    await waitFor(async () => (await Promise.all(['.ses.html', '.ses.txt', '.data.json'].map((s) => read(`signup-code${s}`).then((t) => t.length > 0, () => false)))).every(Boolean),
      { page, what: 'the three files of signup-code, written', timeout: 30_000 });
    for (const suffix of ['.ses.html', '.ses.txt', '.data.json']) {
      const want = await starter(suffix);
      // Written in one write call, but a read may still land between two chunks of it.
      const got = await waitFor(async () => { const t = await read(`signup-code${suffix}`); return t.length >= want.length ? t : null; },
        { page, what: `signup-code${suffix} written in full` });
      assert.equal(got, want, suffix);
    }
    assert.match(await read('signup-code.ses.html'), /邮箱验证码/);
    assert.deepEqual(Object.keys(JSON.parse(await read('signup-code.data.json'))).sort(), ['code', 'expires_minutes', 'nickname']);

    // The config gained the entry (saved), every other line of it untouched.
    const config = await waitFor(async () => {
      const text = await read('ses.config.json');
      return text.includes('"signup-code"') ? text : null;
    }, { page, what: 'the signup-code entry in ses.config.json' });
    const parsed = JSON.parse(config);
    assert.deepEqual(parsed.templates['signup-code'], { subject: '示例商城邮箱验证码', triggerType: 'transactional' });
    const original = JSON.parse(configBefore);
    assert.deepEqual({ ...parsed, templates: { ...parsed.templates, 'signup-code': undefined } }, { ...original, templates: { ...original.templates, 'signup-code': undefined } });
    for (const line of configBefore.split('\n')) if (!line.includes('legacy/win-back')) assert.ok(config.includes(line), `kept: ${line}`);
    assert.ok(config.includes(`${configBefore.split('\n').find((l) => l.includes('legacy/win-back'))},`));

    // The HTML part is the active editor, and Problems has nothing of SES for the new template.
    await waitFor(async () => (await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label'))?.startsWith('signup-code.ses.html'),
      { page, what: 'signup-code.ses.html as the active editor' });
    assert.match(await editorText(page), /<!DOCTYPE html>/);
    // Let the language server validate it (it answers within a second for the sample workspace).
    await new Promise((r) => setTimeout(r, 3000));
    // Its subject is checked in ses.config.json, on the entry's line.
    const entryLine = config.split('\n').findIndex((l) => l.includes('"signup-code"')) + 1;
    const mine = [...await problemsOf(page, 'signup-code'), ...(await problemsOf(page, 'ses.config.json')).filter((m) => m.line === entryLine)];
    assert.deepEqual(mine, []);
    // …and it is validated: a variable its data set lacks shows up, and goes when deleted.
    const html = (await read('signup-code.ses.html')).split('\n');
    await goTo(page, html.findIndex((l) => l.startsWith('<body')) + 2, 1);
    await page.keyboard.insertText('{{oops}}');
    const newMarkers = () => problemsOf(page, 'signup-code.ses.html');
    await waitFor(async () => (await newMarkers()).some((m) => m.code === 'missing-variable'), { page, what: 'missing-variable for {{oops}} in signup-code.ses.html', timeout: 30_000 });
    // Go to Line puts the focus back in the editor (the Problems filter has it), right after `{{oops}}`.
    await goTo(page, html.findIndex((l) => l.startsWith('<body')) + 2, 1 + '{{oops}}'.length);
    for (let i = 0; i < '{{oops}}'.length; i++) await page.keyboard.press('Backspace');
    await waitFor(async () => (await newMarkers()).length === 0, { page, what: 'signup-code.ses.html clean again once {{oops}} is deleted', timeout: 30_000 });
  });

  scenario('types ses-img and Tab in an HTML template: the image snippet is inserted', 'e2e-new-template-2-snippet', async () => {
    // Its tab, rather than quick open, whose file index may not have the new file yet.
    await page.locator('.tabs-container .tab', { hasText: 'signup-code.ses.html' }).first().click();
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    const lines = (await fs.readFile(path.join(workspace, 'signup-code.ses.html'), 'utf8')).split('\n');
    const body = lines.findIndex((l) => l.startsWith('<body')) + 1;
    await goTo(page, body + 1, 1);
    await page.keyboard.insertText('ses-img');
    await page.keyboard.press('Control+Space');
    await waitFor(async () => {
      const labels = await page.locator('.suggest-widget .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
      return labels[0]?.startsWith('ses-img');
    }, { page, what: 'the ses-img snippet first in the suggestions' });
    await page.keyboard.press('Tab');
    const text = await waitFor(async () => {
      const t = await editorText(page);
      return t.includes('<img src="https://static.example.com/images/banner.png" alt="What the image shows" width="600" height="200"') ? t : null;
    }, { page, what: 'the expanded ses-img snippet in the editor' });
    assert.doesNotMatch(text, /ses-img|\$\{/);
    await page.keyboard.press('Escape');
  });
});
