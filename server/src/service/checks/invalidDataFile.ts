import * as l10n from '@vscode/l10n';
import { MAX_DATA_DEPTH, type DataFileProblem } from '../project/dataFile';
import { code } from './common';
import type { Check } from './types';

const EXAMPLE = '`{"name": "Alice"}`';

/** A data file that is not JSON, not an object, or has a key twice: at the exact position. */
export const invalidDataFile: Check = {
  meta: { id: 'invalid-data-file', defaultSeverity: 'error' },
  run({ project, report }) {
    for (const { document, data } of project.dataSets) {
      const text = document.getText();
      if (text.trim() === '') {
        report(document, { start: 0, end: 0, message: l10n.t('This data set is empty. TemplateData must be a JSON object such as {0}.', EXAMPLE) });
        continue;
      }
      // Only the first syntax error: the parser's recovery after it guesses, and its later errors are mostly echoes.
      const firstSyntax = data.problems.find((p) => p.kind === 'syntax');
      for (const problem of data.problems) {
        if (problem.kind === 'syntax' && problem !== firstSyntax) continue;
        report(document, { start: problem.start, end: problem.end, message: messageFor(problem, text) });
      }
    }
  },
};

function messageFor(problem: DataFileProblem, text: string): string {
  switch (problem.kind) {
    case 'not-object':
      return l10n.t('TemplateData must be a JSON object such as {0}, not a JSON {1}.', EXAMPLE, code(problem.found));
    case 'duplicate-key':
      return l10n.t('The key {0} appears more than once. Each key can have one value; which one Tencent SES would use is undefined. Remove or rename this one.', code(problem.key));
    case 'syntax':
      return l10n.t('This data set is not valid JSON: {0}. Tencent SES refuses TemplateData that is not JSON.', syntaxDetail(problem.error, text, problem.start));
  }
}

function syntaxDetail(error: string, text: string, at: number): string {
  switch (error) {
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (/,\s*$/.test(text.slice(Math.max(0, at - 100), at)) && /^[}\]]/.test(text.slice(at, at + 1))) return l10n.t('a trailing comma is not allowed');
      return error === 'ValueExpected' ? l10n.t('a value is expected here') : l10n.t('a key in double quotes is expected here');
    case 'ColonExpected':
      return l10n.t('a colon is expected after the key');
    case 'CommaExpected':
      return l10n.t('a comma is expected between two entries');
    case 'CloseBraceExpected':
      return l10n.t('the object is not closed: {0} is missing', '`}`');
    case 'CloseBracketExpected':
      return l10n.t('the array is not closed: {0} is missing', '`]`');
    case 'EndOfFileExpected':
      return l10n.t('nothing may follow the end of the object');
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return l10n.t('comments are not allowed in JSON');
    case 'UnexpectedEndOfString':
      return l10n.t('the string is not closed with a double quote');
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return l10n.t('this is not a valid number');
    case 'InvalidUnicode':
    case 'InvalidEscapeCharacter':
      return l10n.t('invalid escape sequence in a string');
    case 'InvalidCharacter':
      return l10n.t('control characters in a string must be escaped');
    case 'InvalidSymbol':
      return l10n.t('unexpected character (keys and strings need double quotes)');
    case 'NestingTooDeep':
      return l10n.t('values are nested more than {0} levels deep', MAX_DATA_DEPTH);
    default:
      return error;
  }
}
