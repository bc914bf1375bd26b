import * as l10n from '@vscode/l10n';
import { contrastRatio, hexOf, over } from '#common/cssColor';
import { partStyles } from './a11yStyle';
import { htmlParts } from './htmlCommon';
import type { Check } from './types';

/** WCAG 2.x AA: 4.5:1, and 3:1 for large text (24 px, or 18.66 px bold). */
const NORMAL = 4.5;
const LARGE = 3;
const isLarge = (px: number, bold: boolean) => px >= 24 || (bold && px >= 18.66);

/**
 * Text whose colour and background, from inline styles, `bgcolor` and `<font color>`, contrast less
 * than WCAG AA asks: readers with low vision, and anyone on a phone in daylight, cannot read it
 * (WCAG 1.4.3). Only colours the template sets are judged: when a `<style>` rule, a background image or
 * a variable may change them, nothing is said. One finding per pair of colours and size class in a part.
 */
export const a11yContrast: Check = {
  meta: { id: 'a11y-contrast', defaultSeverity: 'warning' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const source = document.getText();
      // No colour written anywhere: every text is in the client's default colours.
      if (html.texts.length === 0 || (!source.includes('color') && !source.includes('background'))) continue;
      const styles = partStyles(source, html);
      /** The verdict per pair of colour sources and size class: most texts share a few. */
      const verdicts = new Map<string, { key: string; message: string } | null>();
      const reported = new Set<string>();
      html.texts.forEach((range, t) => {
        const owner = styles.owners[t];
        const color = styles.color(owner);
        const background = styles.background(owner);
        if (!color || !background || (color.source < 0 && background.source < 0)) return;
        const size = styles.fontSize(owner);
        if (!size) return;
        const large = isLarge(size.value, owner >= 0 && styles.bold(owner));
        const pair = `${color.source},${background.source},${large}`;
        let verdict = verdicts.get(pair);
        if (verdict === undefined) {
          const text = over(color.value, background.value);
          const ratio = contrastRatio(text, background.value);
          const needed = large ? LARGE : NORMAL;
          verdict = ratio >= needed ? null : { key: `${hexOf(text)}:${hexOf(background.value)}:${large}`, message: message(hexOf(text), hexOf(background.value), ratio, needed, large) };
          verdicts.set(pair, verdict);
        }
        if (!verdict || reported.has(verdict.key)) return;
        if ((owner >= 0 && styles.hidden(owner)) || styles.readable(range) === '') return;
        reported.add(verdict.key);
        report(document, { ...range, message: verdict.message });
      });
    }
  },
};

function message(text: string, background: string, ratio: number, needed: number, large: boolean): string {
  return large
    ? l10n.t('Text colour {0} on background {1} has a contrast of {2}:1; WCAG AA asks for at least {3}:1 for large text. Readers with low vision, or on a phone in daylight, cannot read it: darken the text or the background.', `\`${text}\``, `\`${background}\``, ratio.toFixed(2), String(needed))
    : l10n.t('Text colour {0} on background {1} has a contrast of {2}:1; WCAG AA asks for at least {3}:1. Readers with low vision, or on a phone in daylight, cannot read it: darken the text or the background.', `\`${text}\``, `\`${background}\``, ratio.toFixed(2), String(needed));
}
