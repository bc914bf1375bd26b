import * as l10n from '@vscode/l10n';
import { code, tag } from './common';
import type { Check } from './types';

/**
 * `{{variables}}` inside HTML comments, once per part at the first: authoring notes such as
 * `<!-- {{Campaign-Name}} -->` are common, and whether Tencent SES fills placeholders inside
 * comments (and fails the send when a value is missing) is undocumented. They are not checked
 * against the data sets (missing-variable and variable-name leave them out), and this says so.
 */
export const variableInComment: Check = {
  meta: { id: 'variable-in-comment', defaultSeverity: 'info' },
  run({ project, report }) {
    // Handlebars renders inside HTML comments like anywhere else, and a missing value is empty there.
    if (project.dialect !== 'tencent') return;
    for (const part of project.parts) {
      const text = part.document.getText();
      const found = [
        ...part.variables.uses.filter((use) => use.inComment).map((use) => ({ start: use.start, end: use.end, shown: tag(use.name) })),
        ...(part.variables.commentConstructs ?? []).map((problem) => ({ start: problem.start, end: problem.end, shown: code(text.slice(problem.start, problem.end)) })),
      ].sort((a, b) => a.start - b.start);
      if (found.length === 0) continue;
      const names = [...new Set(found.map((f) => f.shown))];
      const listed = names.slice(0, 5).join(l10n.t(', ')) + (names.length > 5 ? `${l10n.t(', ')}…` : '');
      report(part.document, {
        start: found[0].start,
        end: found[0].end,
        message: l10n.t('This part has placeholders inside HTML comments ({0}). Whether Tencent SES fills placeholders inside comments is undocumented, so they are not checked against the data sets. If they are notes for authors, write them without braces; if a value matters, move it out of the comment.', listed),
      });
    }
  },
};
