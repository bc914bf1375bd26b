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
  await dialog.waitFor({ state: 'hidden' });
  return shown;
}

/** A notification (a toast, or an entry of the notification center) matching `pattern`: `{ toast, text }`. */
export function waitForToast(page, pattern, what, { timeout = 30_000 } = {}) {
  return waitFor(async () => {
    for (const toast of await page.locator('.notification-toast, .notifications-center .notification-list-item').all()) {
      const text = await toast.innerText().catch(() => '');
      if (pattern.test(text)) return { toast, text };
    }
    return null;
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
