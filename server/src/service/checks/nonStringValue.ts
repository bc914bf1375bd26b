import * as l10n from '@vscode/l10n';
import { code, dataValue } from './common';
import type { Check } from './types';

/** A number, boolean or null value: Tencent's examples send every value as a string. */
export const nonStringValue: Check = {
  meta: { id: 'non-string-value', defaultSeverity: 'warning' },
  run({ project, report }) {
    // TemplateData's rules are Tencent's: in the handlebars dialect the team renders the template itself,
    // and `#each` and `#if` need the lists, objects and booleans.
    if (project.dialect !== 'tencent') return;
    for (const { document, data } of project.dataSets) {
      const text = document.getText();
      for (const entry of data.entries.values()) {
        if (entry.kind !== 'number' && entry.kind !== 'boolean' && entry.kind !== 'null') continue;
        // The same text as the quick fix (features/dataEdits.ts quoteValue): the value as written, in quotes.
        const quoted = JSON.stringify(text.slice(entry.valueStart, entry.valueEnd));
        report(document, {
          start: entry.valueStart,
          end: entry.valueEnd,
          message: l10n.t('The value of {0} is a JSON {1}, but Tencent SES documents and shows only string values in TemplateData. Quote it: {2}.', code(entry.key), code(entry.kind), dataValue(quoted)),
        });
      }
    }
  },
};
