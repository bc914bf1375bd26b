// Helpers for the parts of VS Code's UI the end-to-end scenarios answer and read: input boxes,
// modal dialogs, notifications, the Markdown preview, and a screenshot around each scenario.
import { test } from 'node:test';
import { screenshot, waitFor } from './harness.mjs';

/** Types `text` into the input box whose prompt contains `prompt`, and accepts it. */
export async function answerInput(page, prompt, text) {
  const widget = page.locator('.quick-input-widget');
  await waitFor(async () => (await widget.isVisible()) && (await widget.innerText()).includes(prompt),
    { page, what: `the input box "${prompt}"` });
  await widget.locator('input').fill(text);
  await page.keyboard.press('Enter');
  // Wait until the box is gone or replaced by the next one: a key pressed at once after (Quick Open's
  // Ctrl+P, say) would otherwise land in this box and type into it. An Enter pressed while the
  // extension host still validated the text is dropped by VS Code: press it again then (the box with
  // this prompt still showing after 3 s, with no validation message).
  const stillHere = async () => (await widget.isVisible()) && (await widget.innerText().catch(() => '')).includes(prompt);
  const gone = () => waitFor(async () => !(await stillHere()), { page, what: `the input box "${prompt}" closed`, timeout: 3000 }).then(() => true, () => false);
  if (await gone()) return;
  const message = await widget.locator('.quick-input-message').first().innerText({ timeout: 1000 }).catch(() => '');
  if (message.trim() === '') await page.keyboard.press('Enter');
  await waitFor(async () => !(await stillHere()), { page, what: `the input box "${prompt}" closed` });
}

/** Waits for a modal dialog containing `text`, clicks its button `label`; returns the dialog's text. */
export async function answerDialog(page, text, label) {
  const dialog = page.locator('.monaco-dialog-box');
  const shown = await waitFor(async () => {
    if (!(await dialog.isVisible())) return null;
    const content = await dialog.innerText();
    return content.includes(text) ? content : null;
  }, { page, what: `a dialog saying "${text}"`, timeout: 30_000 });
  await dialog.locator('.monaco-button', { hasText: new RegExp(`^${label}$`) }).first().click();
  // Gone, or replaced by the next dialog (a warning's "Send anyway" opens the confirmation at once).
  await waitFor(async () => !(await dialog.isVisible()) || (await dialog.innerText().catch(() => '')) !== shown, { page, what: `the dialog saying "${text}" closed` });
  return shown;
}

/** Notification toasts and the rows of the notification center. */
const NOTIFICATIONS = '.notification-toast, .notifications-center .notification-list-item';

/**
 * The first notification in `selector` whose text matches `pattern`: `{ item, text }`, or null. One
 * evaluation reads every text: a locator per element (`locator.all()`) names the nth element, and
 * when the list shrinks before it is read (a progress notification closes; a tall new row pushes
 * others out of the virtualised notification center) reading it waits Playwright's default 30 s
 * for a row that will not come back, the whole time a caller waits (the fresh-clone CI failure of
 * the echoed-key scenario). `item` is re-resolved by its text whenever it is used.
 */
export async function findNotification(page, pattern, selector = NOTIFICATIONS) {
  const items = page.locator(selector);
  const texts = await items.evaluateAll((elements) => elements.map((e) => e.innerText));
  const text = texts.find((t) => pattern.test(t));
  return text === undefined ? null : { item: items.filter({ hasText: pattern }).first(), text };
}

/** A notification (a toast, or an entry of the notification center) matching `pattern`: `{ toast, text }`. */
export function waitForToast(page, pattern, what, { timeout = 30_000 } = {}) {
  return waitFor(async () => {
    const found = await findNotification(page, pattern);
    return found && { toast: found.item, text: found.text };
  }, { page, what, timeout });
}

/** The text of the Markdown preview frame for which `accept(text)` holds. */
export function previewText(page, accept, what) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      const body = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (accept(body)) return body;
    }
    return null;
  }, { page, what, timeout: 30_000 });
}

/**
 * `scenario(name, shot, fn)`: a test that saves a screenshot `shot` when it passes and `shot-failed`
 * when it fails. `page` is read when the test runs (it is opened in `before`).
 */
export function scenarioWithScreenshots(page) {
  return (name, shot, fn) => test(name, async () => {
    try {
      await fn();
      await screenshot(page(), shot);
    } catch (error) {
      await screenshot(page(), `${shot}-failed`).catch(() => undefined);
      throw error;
    }
  });
}
