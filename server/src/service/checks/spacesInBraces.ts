import * as l10n from '@vscode/l10n';
import { code, tag, variableSources } from './common';
import type { Check } from './types';

/** `{{ name }}`: Tencent documents `{{name}}`, and its handling of spaces inside the braces is undocumented. */
export const spacesInBraces: Check = {
  meta: { id: 'spaces-in-braces', defaultSeverity: 'warning' },
  run({ project, report }) {
    // With the handlebars dialect the team renders the template itself, and Handlebars ignores the spaces.
    if (project.dialect !== 'tencent') return;
    for (const { document, variables } of variableSources(project)) {
      const text = document.getText();
      for (const use of variables.uses) {
        const spaced = /\s/.test(text.charAt(use.tagStart + 2)) || /\s/.test(text.charAt(use.tagEnd - 3));
        if (!spaced) continue;
        report(document, {
          start: use.tagStart,
          end: use.tagEnd,
          message: l10n.t('Spaces inside the braces of {0}: Tencent SES documents variables as {1}, and how it handles spaces is undocumented. Write {1}.', code(text.slice(use.tagStart, use.tagEnd)), tag(use.name)),
        });
      }
    }
  },
};
