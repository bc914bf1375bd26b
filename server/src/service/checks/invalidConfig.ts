import * as l10n from '@vscode/l10n';
import type { ConfigProblem } from '../project/sesConfigProblems';
import { code } from './common';
import type { Check } from './types';

/**
 * A ses.config.json that is not valid JSON, has keys it does not know, or a value outside its list:
 * such a file was read as if those parts were not there (no subject checked, marketing rules not
 * applied), which no user notices without a word. Reported on the file, at the problem.
 */
export const invalidConfig: Check = {
  meta: { id: 'invalid-config', defaultSeverity: 'error' },
  run({ project, report }) {
    const config = project.config;
    if (!config) return;
    for (const problem of config.problems) report(config.document, { start: problem.start, end: problem.end, message: messageOf(problem) });
  },
};

// ', ' is translated (Chinese lists use 、).
const list = (values: readonly string[]) => values.map((v) => code(v)).join(l10n.t(', '));

function messageOf(problem: ConfigProblem): string {
  switch (problem.kind) {
    case 'syntax':
      return l10n.t('ses.config.json is not valid JSON ({0} at line {1}, column {2}), so it is ignored: no subject is checked and no trigger type applies. Fix the syntax.', syntaxError(problem.error), problem.line, problem.column);
    case 'not-object':
      return l10n.t('ses.config.json must be a JSON object with {0} and {1}: this file is ignored.', '`defaults`', '`templates`');
    case 'unknown-key':
      if (problem.where === 'ses.config.json') {
        if (problem.suggestion === 'templates' && problem.templateLike) {
          return l10n.t('Unknown key {0} in ses.config.json, ignored. Did you mean {1}? Template entries go inside it: {2}.', code(problem.key), '`templates`', code(`{"templates": {"${problem.key}": {…}}}`, 60));
        }
        return problem.suggestion
          ? l10n.t('Unknown key {0} in ses.config.json, ignored. Did you mean {1}?', code(problem.key), code(problem.suggestion))
          : l10n.t('Unknown key {0} in ses.config.json, ignored. The file knows {1}.', code(problem.key), list(['defaults', 'templates', '$schema']));
      }
      return problem.suggestion
        ? l10n.t('Unknown key {0} in {1}, ignored. Did you mean {2}?', code(problem.key), code(problem.where), code(problem.suggestion))
        : l10n.t('Unknown key {0} in {1}, ignored.', code(problem.key), code(problem.where));
    case 'bad-value':
      return problem.suggestion
        ? l10n.t('{0} is not a value of {1}, so it is ignored. Did you mean {2}? Allowed values: {3}.', code(problem.value), code(problem.key), code(problem.suggestion), list(problem.allowed))
        : l10n.t('{0} is not a value of {1}, so it is ignored. Allowed values: {2}.', code(problem.value), code(problem.key), list(problem.allowed));
    case 'wrong-type':
      switch (problem.expected) {
        case 'object':
          return l10n.t('{0} must be a JSON object; this one is ignored.', code(problem.key));
        case 'integer':
          return l10n.t('{0} must be a whole number; this value is ignored.', code(problem.key));
        case 'string':
          return l10n.t('{0} must be a string in quotes; this value is ignored.', code(problem.key));
      }
  }
}

/** jsonc-parser's error code in words. */
function syntaxError(error: string): string {
  switch (error) {
    case 'CommaExpected':
      return l10n.t('a comma is missing');
    case 'ColonExpected':
      return l10n.t('a colon is missing');
    case 'PropertyNameExpected':
      return l10n.t('a key in double quotes is expected');
    case 'ValueExpected':
      return l10n.t('a value is expected');
    case 'CloseBraceExpected':
      return l10n.t('a closing brace is missing');
    case 'CloseBracketExpected':
      return l10n.t('a closing bracket is missing');
    case 'EndOfFileExpected':
      return l10n.t('text after the end of the object');
    case 'UnexpectedEndOfString':
      return l10n.t('a string is not closed');
    default:
      return l10n.t('unexpected text');
  }
}
