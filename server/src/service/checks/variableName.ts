import * as l10n from '@vscode/l10n';
import { tag, variableSources } from './common';
import type { Check } from './types';

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A variable named outside `[A-Za-z_][A-Za-z0-9_]*`: how Tencent SES handles it is undocumented. */
export const variableName: Check = {
  meta: { id: 'variable-name', defaultSeverity: 'warning' },
  run({ project, report }) {
    // With the handlebars dialect the team renders the template itself: Tencent never sees the names.
    if (project.dialect !== 'tencent') return;
    for (const { document, variables } of variableSources(project)) {
      for (const use of variables.uses) {
        if (SAFE_NAME.test(use.name) || use.inComment) continue;
        report(document, {
          start: use.start,
          end: use.end,
          message: l10n.t('The variable {0} has a name with characters other than ASCII letters, digits and underscores, or starts with a digit. How Tencent SES handles such names is undocumented: rename it to match {1}.', tag(use.name), '`[A-Za-z_][A-Za-z0-9_]*`'),
        });
      }
    }
  },
};
