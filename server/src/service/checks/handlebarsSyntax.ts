import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedTemplate, SyntaxProblem } from '../templateParser';
import type { Check, Finding } from './types';

export const handlebarsSyntax: Check = {
  meta: { id: 'handlebars-syntax', defaultSeverity: 'error' },
  run({ project, report }) {
    for (const part of project.parts) reportSyntax(part.document, part.parsed, 0, report);
    const subject = project.subject;
    if (subject) reportSyntax(subject.document, subject.parsed, subject.start, report);
  },
};

/** `shift`: the subject is parsed on its own, so its offsets start at the subject in ses.config.json. */
function reportSyntax(document: TextDocument, parsed: ParsedTemplate, shift: number, report: (document: TextDocument, finding: Finding) => void): void {
  if (parsed.status === 'binary') {
    report(document, {
      start: shift + parsed.offset,
      end: shift + parsed.offset + 1,
      message: l10n.t('This file contains binary data (a NUL character), so it cannot be an email template. Check the file\'s encoding or remove it from the template folder.'),
    });
  }
  if (parsed.status !== 'syntax-error') return;
  for (const problem of parsed.problems) {
    const message = messageFor(problem, (offset) => document.positionAt(shift + offset).line + 1);
    report(document, { start: shift + problem.start, end: shift + problem.end, message });
  }
}

// Tags are passed as arguments because l10n's `{n}` placeholders cannot sit next to literal braces.
function messageFor(problem: SyntaxProblem, lineOf: (offset: number) => number): string {
  const open = (name: string) => `\`{{#${name}}}\``;
  const close = (name: string) => `\`{{/${name}}}\``;
  switch (problem.kind) {
    case 'unclosed-mustache':
      return l10n.t('This {0} is never closed: add {1} after the variable name.', '`{{`', '`}}`');
    case 'unclosed-comment':
      return l10n.t('This template comment is never closed: end it with {0} (or {1} for a short {2} comment).', '`--}}`', '`}}`', '`{{! }}`');
    case 'unclosed-block':
      return l10n.t('The block {0} is never closed: add {1} where it should end.', open(problem.name), close(problem.name));
    case 'stray-block-close':
      return l10n.t('{0} closes a block that was never opened: remove it or add {1} before it.', close(problem.name), open(problem.name));
    case 'mismatched-block-close':
      return l10n.t('{0} does not match the block {1} opened on line {2}: close that block with {3} first.', close(problem.name), open(problem.openName), lineOf(problem.openStart), close(problem.openName));
    case 'unexpected-token':
      return problem.token === ''
        ? l10n.t('Template syntax error: the template ends in the middle of a {0} tag or block.', '`{{ }}`')
        : l10n.t('Template syntax error: {0} is not valid here.', '`' + (problem.token.length > 40 ? problem.token.slice(0, 40) + '…' : problem.token) + '`');
  }
}
