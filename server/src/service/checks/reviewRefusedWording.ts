import * as l10n from '@vscode/l10n';
import { code } from './common';
import { textSegments } from './textCommon';
import type { Check } from './types';
import { REFUSED_WORDS, wordPattern } from './wordingLists';

const PATTERN = wordPattern(REFUSED_WORDS)!;

/** Lottery, gambling, top-up rebate and phishing wording: Tencent's template review refuses it. */
export const reviewRefusedWording: Check = {
  meta: { id: 'review-refused-wording', defaultSeverity: 'error', faqTopic: 'send-failures' },
  run({ project, report }) {
    for (const { document, start, text } of textSegments(project)) {
      for (const match of text.matchAll(PATTERN)) {
        report(document, {
          start: start + match.index,
          end: start + match.index + match[0].length,
          message: l10n.t('{0} is lottery, gambling, top-up rebate or phishing wording: Tencent refuses templates with such content in review. Rephrase or remove it.', code(match[0])),
        });
      }
    }
  },
};
