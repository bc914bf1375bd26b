import * as l10n from '@vscode/l10n';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

/**
 * A full HTML document without a `<title>` (or with an empty one): screen readers announce the title
 * when the email opens in a browser or a web view, and some read "untitled" (WCAG 2.4.2). Fragments
 * without `<html>` or `<head>` are left alone.
 */
export const a11yMissingTitle: Check = {
  meta: { id: 'a11y-missing-title', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const root = html.named('head')[0] ?? html.named('html')[0];
      if (!root) continue;
      const title = html.named('title')[0];
      if (!title) {
        report(document, { ...tagRange(root), message: l10n.t('This email has no {0}: screen readers announce it when the email opens in a browser or web view. Add one, e.g. the subject: {1}.', '`<title>`', '`<title>{{subject}}</title>`') });
        continue;
      }
      const content = title.closeStart === undefined ? '' : document.getText().slice(title.end, title.closeStart);
      if (content.trim() === '') report(document, { ...tagRange(title), message: l10n.t('This {0} is empty: screen readers announce the title when the email opens in a browser or web view. Write what the email is about, e.g. its subject.', '`<title>`') });
    }
  },
};
