import * as l10n from '@vscode/l10n';
import { code } from './common';
import { forEachMatch, textSegments } from './textCommon';
import type { Check } from './types';

/** Subjects with at least this many letters, all upper case, are shouting. */
export const MIN_CAPS_LETTERS = 3;
const EXCLAMATIONS = /[!！]{2,}/g;

/** An ALL-CAPS subject, and runs of `!!` or `！！` in the subject or the text: spam filters score both. */
export const shoutingSubject: Check = {
  meta: { id: 'shouting-subject', defaultSeverity: 'warning', faqTopic: 'exmail-advertising' },
  run({ project, report }) {
    const subject = project.subject;
    if (subject) {
      const letters = subject.text.replace(/\{\{[^{}]*\}?\}\}/g, '').replace(/[^A-Za-z]/g, '');
      if (letters.length >= MIN_CAPS_LETTERS && letters === letters.toUpperCase()) {
        report(subject.document, { start: subject.start, end: subject.end, message: l10n.t('This subject is in capital letters: it reads as shouting, and spam filters score it down. Write it in sentence case.') });
      }
    }
    forEachMatch(textSegments(project), EXCLAMATIONS, ({ document }, start, end, text) => {
      // `{!! $html !!}` is a Laravel Blade tag (foreign-placeholder reports it), not shouting.
      const whole = document.getText();
      if (text.length === 2 && (whole[start - 1] === '{' || whole[end] === '}')) return;
      report(document, { start, end, message: l10n.t('{0}: repeated exclamation marks read as advertising, and spam filters score them down. Use one at most.', code(text)) });
    });
  },
};
