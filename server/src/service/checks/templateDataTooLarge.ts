import * as l10n from '@vscode/l10n';
import type { Check } from './types';

/** Tencent's documented limit for the TemplateData of one recipient (InvalidParameterValue.TemplateDataLenLimit). */
export const MAX_TEMPLATE_DATA_BYTES = 800;

/** A data set larger than 800 bytes as compact JSON, at the start of the data file. */
export const templateDataTooLarge: Check = {
  meta: { id: 'template-data-too-large', defaultSeverity: 'warning' },
  run({ project, report }) {
    // TemplateData's rules are Tencent's: in the handlebars dialect the team renders the template itself,
    // and `#each` and `#if` need the lists, objects and booleans.
    if (project.dialect !== 'tencent') return;
    for (const { document, data } of project.dataSets) {
      if (data.compactBytes <= MAX_TEMPLATE_DATA_BYTES) continue;
      const start = document.getText().search(/[^\s\uFEFF]/);
      report(document, {
        start: Math.max(start, 0),
        end: Math.max(start, 0) + 1,
        message: l10n.t('This TemplateData is {0} bytes as compact JSON, more than the {1} bytes Tencent SES documents as the limit for one recipient in batch sends. Shorten values or drop unused keys.', data.compactBytes, MAX_TEMPLATE_DATA_BYTES),
      });
    }
  },
};
