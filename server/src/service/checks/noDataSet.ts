import * as l10n from '@vscode/l10n';
import { DEFAULT_SET, dataSetUri } from '#common/templateFiles';
import { variableNames } from '../project/templateProject';
import { code } from './common';
import type { Check } from './types';

/**
 * A template with variables but no data set at all: once on each part, at its start. A template
 * without variables needs no data set (its TemplateData is `{}`), so it is not reported.
 */
export const noDataSet: Check = {
  meta: { id: 'no-data-set', defaultSeverity: 'info' },
  run({ project, report }) {
    if (project.dataSets.length > 0 || variableNames(project).length === 0) return;
    const uri = dataSetUri(project, DEFAULT_SET);
    const file = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    for (const { document } of project.parts) {
      report(document, {
        start: 0,
        end: 0,
        message: l10n.t('The template {0} has no data set, so its variables are not checked against the TemplateData you send. Create {1} beside it with a value for each variable (a quick fix can do it).', code(project.name), code(file)),
      });
    }
  },
};
