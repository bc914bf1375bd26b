import * as l10n from '@vscode/l10n';
import { code } from './common';
import type { Check } from './types';

/** An object or array value: Tencent SES refuses complex types in TemplateData. */
export const complexValue: Check = {
  meta: { id: 'complex-value', defaultSeverity: 'error' },
  run({ project, report }) {
    // TemplateData's rules are Tencent's: in the handlebars dialect the team renders the template itself,
    // and `#each` and `#if` need the lists, objects and booleans.
    if (project.dialect !== 'tencent') return;
    for (const { document, data } of project.dataSets) {
      for (const entry of data.entries.values()) {
        if (entry.kind !== 'object' && entry.kind !== 'array') continue;
        report(document, {
          start: entry.valueStart,
          end: entry.valueEnd,
          message: l10n.t('The value of {0} is a JSON {1}. Tencent SES refuses complex values in TemplateData: use a string, or one key per value.', code(entry.key), code(entry.kind)),
        });
      }
    }
  },
};
