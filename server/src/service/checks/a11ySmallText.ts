import * as l10n from '@vscode/l10n';
import { partStyles } from './a11yStyle';
import { htmlParts } from './htmlCommon';
import type { Check } from './types';

/** The smallest body text that reads comfortably on a phone: the figure accessibility guides for email give. */
const MIN_PX = 14;

/**
 * Text set in a font smaller than 14 px: hard to read on a phone and for readers with low vision, and
 * iOS Mail enlarges it on its own, breaking the layout. Reported once, at the `font-size` declaration
 * (or `<font size>`) that makes it small; hidden text (a preheader) and sizes that a `<style>` rule may
 * change are left alone.
 */
export const a11ySmallText: Check = {
  meta: { id: 'a11y-small-text', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      if (html.texts.length === 0) continue;
      const text = document.getText();
      if (!text.includes('font-size') && !text.includes('size=')) continue;
      const styles = partStyles(text, html);
      const reported = new Set<number>();
      html.texts.forEach((range, t) => {
        const owner = styles.owners[t];
        if (owner < 0) return;
        const size = styles.fontSize(owner);
        if (!size || size.source < 0 || size.value >= MIN_PX || reported.has(size.source)) return;
        if (styles.hidden(owner) || styles.readable(range) === '') return;
        const declaration = styles.fontSizeDeclaration(size.source);
        if (!declaration) return;
        reported.add(size.source);
        const px = Math.round(size.value * 10) / 10;
        report(document, { start: declaration.start, end: declaration.end, message: l10n.t('This text is {0} px: below {1} px it is hard to read on a phone and for readers with low vision, and iOS Mail enlarges it on its own. Use at least {1} px for text people need to read.', String(px), String(MIN_PX)) });
      });
    }
  },
};
