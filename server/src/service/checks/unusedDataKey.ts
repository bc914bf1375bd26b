import * as l10n from '@vscode/l10n';
import { variableNames } from '../project/templateProject';
import { allVariablesKnown, code, tag } from './common';
import type { Check } from './types';

/** A data key that no part and not the subject uses, at the key in the data file. */
export const unusedDataKey: Check = {
  meta: { id: 'unused-data-key', defaultSeverity: 'warning' },
  run({ project, report }) {
    // A data file without a template is not flagged, nor are keys while a part cannot be parsed.
    if (project.parts.length === 0 || !allVariablesKnown(project)) return;
    const used = new Set(variableNames(project));
    for (const { document, data } of project.dataSets) {
      for (const entry of data.entries.values()) {
        if (used.has(entry.key)) continue;
        report(document, {
          start: entry.keyStart,
          end: entry.keyEnd,
          message: l10n.t('The key {0} is not used: no part of the template {1} and not its subject contains {2}. Remove it, or use it in the template.', code(entry.key), code(project.name), tag(entry.key)),
        });
      }
    }
  },
};
