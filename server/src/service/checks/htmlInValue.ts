import * as l10n from '@vscode/l10n';
import { code, dataValue } from './common';
import type { Check } from './types';

/**
 * An HTML tag or comment. `[^<>]*` keeps the search linear: each `<` is tried only up to the next
 * `<` or `>`, so a 10 MB value of `<a<a<a…` does not make it quadratic.
 */
const MARKUP = /<\/?[a-z][^<>]*>|<!--/i;

/** A string value with HTML markup: Tencent SES refuses it (InvalidParameterValue.InValidTemplateData). */
export const htmlInValue: Check = {
  meta: { id: 'html-in-value', defaultSeverity: 'error' },
  run({ project, report }) {
    for (const { document, data } of project.dataSets) {
      for (const entry of data.entries.values()) {
        if (typeof entry.value !== 'string') continue;
        const markup = MARKUP.exec(entry.value);
        if (!markup) continue;
        report(document, {
          start: entry.valueStart,
          end: entry.valueEnd,
          message: l10n.t('The value of {0} contains HTML markup ({1}). Tencent SES refuses TemplateData with HTML tags: keep the markup in the template and only text in the value.', code(entry.key), dataValue(markup[0])),
        });
      }
    }
  },
};
