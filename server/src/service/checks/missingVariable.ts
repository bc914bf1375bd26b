import * as l10n from '@vscode/l10n';
import { code, readableDataSets, setsLacking, tag, variableSources } from './common';
import type { Check } from './types';

/**
 * A variable of a part or the subject that a data set lacks: once per variable per document, at its
 * first use. Not reported: uses inside HTML comments (variable-in-comment says what is unknown about
 * them), and in the handlebars dialect a key read only as a condition (`{{#if flag}}`, `{{#flag}}`):
 * a missing key is false there, which data sets use on purpose. In the tencent dialect, the keys a
 * block reads and the fields inside `{{#each}}` are left to tencent-dialect, which reports the block.
 */
export const missingVariable: Check = {
  meta: { id: 'missing-variable', defaultSeverity: 'error' },
  run({ project, report }) {
    if (project.dataSets.length === 0) return; // no-data-set says so instead
    const sets = readableDataSets(project);
    if (sets.length === 0) return;
    for (const { document, variables } of variableSources(project)) {
      const seen = new Set<string>();
      for (const use of variables.uses) {
        if (seen.has(use.name) || use.inComment || use.inBlock) continue;
        if (use.condition) continue; // reported at its first plain use, if it has one
        seen.add(use.name);
        const lacking = setsLacking(sets, use.name);
        if (lacking.length === 0) continue;
        report(document, {
          start: use.start,
          end: use.end,
          message: l10n.t('{0} is missing in: {1}. Add the key {2} to these data sets, so that every send fills it.', tag(use.name), lacking.join(l10n.t(', ')), code(use.name)),
        });
      }
    }
  },
};
