import * as l10n from '@vscode/l10n';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

const LEVEL: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * A heading more than one level below the one before it (`<h1>` then `<h3>`): screen-reader users
 * move through an email by its headings and take the gap for missing content (WCAG 1.3.1). Going back
 * up any number of levels is fine, and the first heading may be of any level.
 */
export const a11yHeadingOrder: Check = {
  meta: { id: 'a11y-heading-order', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const headings = html.elements.filter((e) => LEVEL[e.tag] !== undefined);
      let previous = 0;
      for (const heading of headings) {
        const level = LEVEL[heading.tag];
        if (previous > 0 && level > previous + 1) {
          report(document, { ...tagRange(heading), message: l10n.t('This {0} follows an {1}: it skips level {2}. Screen-reader users navigate by headings and take the gap for missing content; use {3}, or style the heading with CSS instead of picking it by size.', `\`<h${level}>\``, `\`<h${previous}>\``, String(previous + 1), `\`<h${previous + 1}>\``) });
        }
        previous = level;
      }
    }
  },
};
