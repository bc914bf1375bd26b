import * as l10n from '@vscode/l10n';
import { code } from './common';
import { forEachMatch, textSegments } from './textCommon';
import type { Check } from './types';
import { REFUSED_WORDS, wordPattern } from './wordingLists';

const PATTERN = wordPattern(REFUSED_WORDS)!;

/** Lottery, gambling, top-up rebate and phishing wording: Tencent's template review refuses it. */
export const reviewRefusedWording: Check = {
  meta: { id: 'review-refused-wording', defaultSeverity: 'error', faqTopic: 'send-failures' },
  run({ project, report }) {
    forEachMatch(textSegments(project), PATTERN, ({ document }, start, end, text) => {
      report(document, {
        start,
        end,
        message: l10n.t('{0} is lottery, gambling, top-up rebate or phishing wording: Tencent refuses templates with such content in review. Rephrase or remove it.', code(text)),
      });
    });
  },
};
