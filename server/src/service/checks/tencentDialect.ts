import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DialectProblem } from '../project/templateVariables';
import { code, variableSources } from './common';
import type { Check } from './types';

/**
 * Handlebars beyond a plain `{{name}}` in the tencent dialect: Tencent SES substitutes only plain
 * variables. The `handlebars` dialect (for teams that render locally) has no such problems.
 */
export const tencentDialect: Check = {
  meta: { id: 'tencent-dialect', defaultSeverity: 'error' },
  run({ project, report }) {
    if (project.dialect !== 'tencent') return;
    for (const { document, variables } of variableSources(project)) {
      for (const problem of variables.dialectProblems) {
        const { start, end } = reportedRange(document, problem);
        report(document, { start, end, message: messageFor(problem.construct, code(document.getText().slice(start, end))) });
      }
    }
  },
};

/** A block or block partial is reported at its opening tag, not over its whole body. */
function reportedRange(document: TextDocument, problem: DialectProblem): { start: number; end: number } {
  if (problem.construct !== 'block' && problem.construct !== 'partial') return problem;
  const text = document.getText();
  let close = text.indexOf('}}', problem.start);
  if (close < 0 || close + 2 >= problem.end) return problem;
  close += 2;
  while (close < problem.end && text.charCodeAt(close) === 0x7d) close++; // `}}}}` of a raw block
  return { start: problem.start, end: close };
}

function messageFor(construct: DialectProblem['construct'], found: string): string {
  const plain = '`{{name}}`';
  const setting = '`sesStudio.dialect`';
  const handlebars = '`"handlebars"`';
  switch (construct) {
    case 'block':
      return l10n.t('Tencent SES substitutes only plain {0} variables and does not process blocks such as {1}: the tags would be sent as written, or the template refused. If you render templates yourself before sending, set {2} to {3}.', plain, found, setting, handlebars);
    case 'else':
      return l10n.t('Tencent SES substitutes only plain {0} variables and does not process {1}: it would be sent as written, or the template refused. If you render templates yourself before sending, set {2} to {3}.', plain, found, setting, handlebars);
    case 'partial':
      return l10n.t('Tencent SES substitutes only plain {0} variables and has no partials or decorators such as {1}: it would be sent as written, or the template refused. If you render templates yourself before sending, set {2} to {3}.', plain, found, setting, handlebars);
    case 'helper':
      return l10n.t('Tencent SES substitutes only plain {0} variables and has no helpers or literals such as {1}: it would be sent as written, or the template refused. Compute the value into the TemplateData instead, or, if you render templates yourself, set {2} to {3}.', plain, found, setting, handlebars);
    case 'unescaped':
      return l10n.t('Tencent SES substitutes only plain {0} variables and does not process triple braces such as {1}; it also refuses HTML in values. Write the variable with two braces, or, if you render templates yourself, set {2} to {3}.', plain, found, setting, handlebars);
    case 'path':
      return l10n.t('Tencent SES substitutes only plain {0} variables from a flat TemplateData object, not paths such as {1}. Use a top-level key instead, or, if you render templates yourself, set {2} to {3}.', plain, found, setting, handlebars);
    case 'whitespace-control':
      return l10n.t('Tencent SES substitutes only plain {0} variables and does not process whitespace control {1} in {2}: remove the tildes, or, if you render templates yourself, set {3} to {4}.', plain, '`~`', found, setting, handlebars);
    case 'comment':
      return l10n.t('Tencent SES substitutes only plain {0} variables and does not process template comments such as {1}: it would be sent as written, or the template refused. Remove it, or, if you render templates yourself, set {2} to {3}.', plain, found, setting, handlebars);
    case 'escape':
      return l10n.t('Tencent SES has no escape syntax: in {0} the backslash would be sent as written, and the variable most likely filled in anyway. Remove the backslash, or, if you render templates yourself, set {1} to {2}.', found, setting, handlebars);
  }
}
