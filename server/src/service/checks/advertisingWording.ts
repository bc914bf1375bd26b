import * as l10n from '@vscode/l10n';
import { code } from './common';
import { forEachMatch, textSegments } from './textCommon';
import type { Check, CheckContext } from './types';
import { ADVERTISING_WORDS, wordPattern } from './wordingLists';

const PRICE_WORDS = new Set(['free', '免费']);

/** The user's `sesStudio.advertisingWords`, added to the curated list. */
export function advertisingWordsOf(context: CheckContext): readonly string[] {
  return context.settings.advertisingWords ?? [];
}

/** Advertising wording in the subject or the visible text: Tencent Exmail blocks advertising emails. */
export const advertisingWording: Check = {
  meta: { id: 'advertising-wording', defaultSeverity: 'warning', faqTopic: 'exmail-advertising' },
  run(context) {
    const pattern = wordPattern(ADVERTISING_WORDS, advertisingWordsOf(context));
    if (!pattern) return;
    // The trimmed text of the segment being scanned, computed once per segment: trimming it per match
    // would cost the segment's length for every "free" in it (quadratic on one long paragraph).
    let trimmedOf: object | undefined;
    let trimmed = '';
    forEachMatch(textSegments(context.project), pattern, (segment, start, end, text) => {
      // A cell that reads only "Free" / "免费" is a price on a receipt ("Shipping: Free"), not an offer.
      if (segment.where === 'html' && PRICE_WORDS.has(text.toLowerCase())) {
        if (trimmedOf !== segment) {
          trimmedOf = segment;
          trimmed = segment.text.trim().toLowerCase();
        }
        if (trimmed === text.toLowerCase()) return;
      }
      context.report(segment.document, {
        start,
        end,
        message: l10n.t('{0} reads as advertising: Tencent Exmail blocks advertising emails, and spam filters score such wording. Leave it out unless the email needs it.', code(text)),
      });
    });
  },
};
