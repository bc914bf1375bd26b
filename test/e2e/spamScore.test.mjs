// "SES: Spam Score" in a real VS Code (code-server) and Chromium, with the real SpamAssassin
// (test/spam/setup.sh installs it when missing): on a copy of test/fixtures/spam/spammy, the view
// shows the score against the threshold, the rules with their descriptions, the note that network
// tests were left out, and a rule's link opens the place to change (the subject in ses.config.json).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeWorkbench, launchBrowser, openFile, openWorkbench, repoRoot, runCommand, screenshot, startCodeServer, waitFor } from './harness.mjs';

/** The frame of the spam score view (the webview's inner frame with the rules table or an error). */
async function reportFrame(page, accept) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => (document.getElementById('network') ? document.body.innerText : '')).catch(() => '');
      if (text && accept(text)) return { frame, text };
    }
    return null;
  }, { page, what: 'the spam score view', timeout: 90_000 });
}

describe('SES: Spam Score in VS Code', () => {
  let server;
  let browser;
  let page;
  let workspace;
  before(async () => {
    execFileSync('bash', [path.join(repoRoot, 'test', 'spam', 'setup.sh')], { stdio: 'inherit' });
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-spam-'));
    await fs.cp(path.join(repoRoot, 'test', 'fixtures', 'spam', 'spammy'), workspace, { recursive: true });
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-spam-score' });
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test('the view shows score, threshold, rules with descriptions and the network note; a rule links to the subject', async () => {
    await openFile(page, 'offer.ses.html');
    await runCommand(page, 'SES: Spam Score');
    const { frame, text } = await reportFrame(page, (t) => t.includes('Spam score'));
    assert.match(text, /Spam score \d+\.\d of 5\.0 — at or above the threshold: likely to be filed as spam/);
    assert.match(text, /SUBJ_ALL_CAPS\s+Subject is all capitals\s+ses\.config\.json:4:27/);
    assert.match(text, /BAD_CREDIT\s+BODY: Eliminate Bad Credit/);
    assert.match(text, /Template offer, data set default, SpamAssassin \d/);
    assert.match(text, /Local tests only: network tests \(DNS blocklists, URI blocklists, Razor, Pyzor, DCC\) were left out/);
    await screenshot(page, 'e2e-spam-score');

    // The subject rule's link opens ses.config.json with the subject string selected.
    await frame.locator('tr', { hasText: 'SUBJ_ALL_CAPS' }).locator('a[data-rule]').click();
    await waitFor(() => page.locator('.tabs-container .tab.active').first().getAttribute('aria-label')
      .then((l) => l?.startsWith('ses.config.json')), { what: 'ses.config.json opened by the rule link', page });
    // The subject string ("FREE MONEY FOR YOU, ACT NOW", quotes included: 29 characters) selected on line 4.
    const status = await waitFor(async () => {
      const text = await page.locator('.statusbar').innerText();
      return /Ln 4, Col \d+ \(29 selected\)/.test(text) ? text : null;
    }, { what: 'the subject selected in ses.config.json (status bar)', page });
    assert.ok(status);
  });
});
