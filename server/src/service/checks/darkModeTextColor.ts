import * as l10n from '@vscode/l10n';
import { contrastRatio, hexOf, over, type Rgba } from '#common/cssColor';
import { hasOwnDarkStyles } from '#common/darkStyles';
import { partStyles } from './a11yStyle';
import { htmlParts } from './htmlCommon';
import type { Check } from './types';

/** A dark-mode page: the background dark-mode mail clients give an email (Apple Mail's #1e1e1e). */
const DARK_PAGE: Rgba = { r: 0x1e, g: 0x1e, b: 0x1e, a: 1 };
/** Below this contrast on the dark page the text is hard to make out (WCAG's floor for large text). */
const MIN_CONTRAST = 3;

/**
 * A dark text colour set on text with no background colour behind it, anywhere up to the page: the
 * text relies on the mail client's white page. A client or reader that darkens the page and keeps the
 * template's colours shows dark text on dark (WCAG failure F24: a foreground colour without a
 * background colour). Only colours from inline styles, `bgcolor` and `<font color>` are judged, never
 * what a `<style>` rule may change; a template with dark-mode styles of its own is left alone (its
 * author handled dark mode). Reported once per colour, at its first declaration.
 */
export const darkModeTextColor: Check = {
  meta: { id: 'dark-mode-text-color', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      if (html.texts.length === 0) continue;
      const text = document.getText();
      if (!text.includes('color')) continue;
      if (hasOwnDarkStyles(text, html)) continue;
      const styles = partStyles(text, html);
      const reported = new Set<string>();
      html.texts.forEach((range, t) => {
        const owner = styles.owners[t];
        if (owner < 0) return;
        const color = styles.color(owner);
        if (!color || color.source < 0) return;
        const background = styles.background(owner);
        if (!background || background.source >= 0) return;
        const shown = over(color.value, background.value);
        const key = hexOf(shown);
        if (reported.has(key) || contrastRatio(shown, DARK_PAGE) >= MIN_CONTRAST) return;
        if (styles.hidden(owner) || styles.readable(range) === '') return;
        const declaration = styles.colorDeclaration(color.source);
        if (!declaration) return;
        reported.add(key);
        report(document, {
          start: declaration.start,
          end: declaration.end,
          message: l10n.t('Text colour {0} is set, but no background colour behind it: the text relies on the mail client\'s white page. Mail clients that darken the page in dark mode and keep the colours a template sets (Apple Mail does so with emails without images) show it dark on dark. Set a background colour on a container too: bgcolor="#ffffff" on the wrapper table, or background-color.', `\`${key}\``),
        });
      });
    }
  },
};
