// The preview's e2e scenarios share this set-up: a workbench opened with time to spare, files opened
// from the Explorer, commands run from the palette with Enter, and the preview webview found among the
// page's frames (its UI frame holds our toolbar; the email frame is the iframe inside it).
// Generous waits throughout: these files run on a shared 2-core machine next to other work.
import { waitFor } from './harness.mjs';

/** A new page on `url`, waiting for the workbench: the first load can take minutes on a loaded machine. */
export async function openWorkbenchPatiently(browser, url, { viewport = { width: 1400, height: 900 }, timeout = 180_000 } = {}) {
  const page = await browser.newPage({ viewport });
  await page.goto(url, { timeout });
  await page.locator('.monaco-workbench').waitFor({ timeout });
  return page;
}

/** Opens a file from the Explorer (Quick Open's file search can take longer than its timeout on a loaded machine). */
export async function openFromExplorer(page, name, { timeout = 60_000 } = {}) {
  const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first();
  await waitFor(async () => {
    await row.click({ timeout, noWaitAfter: true });
    const labels = await page.locator('.tabs-container .tab.active').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? ''));
    return labels.some((label) => label.startsWith(name));
  }, { page, what: `the editor of ${name}`, timeout });
}

/**
 * Runs a command from the palette with Enter rather than a click (the harness's runCommand clicks the
 * row within 2 s, which a loaded machine can miss). The palette lists the commands known when it
 * opens: it is closed and opened again until the extension has registered ours.
 */
export async function runCommandByKeys(page, title, { timeout = 90_000 } = {}) {
  const widget = page.locator('.quick-input-widget');
  await waitFor(async () => {
    if (await widget.isVisible()) await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = widget.locator('input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const label = await widget.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label', { timeout: 5_000 }).catch(() => null);
    if (!label?.startsWith(title)) return false;
    await input.press('Enter');
    // Running the command closes the palette, or puts the command's own pick in it (Open Walkthrough), or
    // reloads the page. Still our text after 3 s: the key came while the palette was busy (seen once in the
    // benchmark: the preview never opened), so it is closed and the command picked again.
    const taken = async () => {
      try {
        return !(await widget.isVisible()) || (await input.inputValue({ timeout: 1_000 })) !== `>${title}`;
      } catch {
        return true; // the page is reloading
      }
    };
    // As answerInput (workbenchUi.mjs) waits for its box: no page passed, so a timeout reads no page text.
    return waitFor(taken, { what: `the palette to take "${title}"`, timeout: 3_000 }).then(() => true, () => false);
  }, { page, what: `command "${title}"`, timeout });
}

/** Focuses the first editor group: keys pressed while the focus is in the (script-less) email frame reach nothing. */
export async function focusFirstGroup(page) {
  await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click({ timeout: 60_000 });
}

/**
 * The email frames the preview shows now: `#email` (and side by side `#email-mobile`). Each width has two
 * frames taking turns (the next document loads under the shown one) and a layout copy: the ids follow
 * the shown ones.
 */
export async function shownEmailFrames(ui) {
  const frames = [];
  for (const id of ['email', 'email-mobile']) {
    const handle = await ui.$(`#${id}`).catch(() => null);
    const frame = await handle?.contentFrame().catch(() => null);
    if (frame) frames.push(frame);
  }
  return frames;
}

/** The preview webviews in the page now: `{ ui, email, frames }` each (`email` is the shown desktop or only email frame). */
async function previewsNow(page) {
  const found = [];
  for (const frame of page.frames()) {
    const isPreview = await frame.evaluate(() => !!document.getElementById('toolbar') && !!document.getElementById('email')).catch(() => false);
    if (!isPreview) continue;
    const frames = await shownEmailFrames(frame);
    found.push({ ui: frame, email: frames[0], frames });
  }
  return found;
}

const bodyText = (frame) => frame?.evaluate(() => document.body?.innerText ?? '').catch(() => '') ?? '';

/** The preview webview whose email shows `marker`. */
export function previewShowing(page, marker, { timeout = 60_000 } = {}) {
  return waitFor(async () => {
    for (const preview of await previewsNow(page)) {
      if ((await bodyText(preview.email)).includes(marker)) return preview;
    }
    return null;
  }, { page, what: `a preview showing "${marker}"`, timeout });
}

/** The (first) preview webview in the page, whatever it shows. */
export function anyPreview(page, { timeout = 60_000 } = {}) {
  return waitFor(async () => (await previewsNow(page))[0], { page, what: 'the preview webview', timeout });
}

/** The email frame once it shows the email again (about:srcdoc with `marker`), after a navigation attempt. */
export function emailShowing(page, marker, { timeout = 30_000 } = {}) {
  return waitFor(async () => {
    for (const { email } of await previewsNow(page)) {
      if (email?.url() === 'about:srcdoc' && (await bodyText(email)).includes(marker)) return email;
    }
    return null;
  }, { page, what: `the email with "${marker}"`, timeout });
}
