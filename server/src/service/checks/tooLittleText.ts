import * as l10n from '@vscode/l10n';
import type { TemplateProject } from '../project/templateProject';
import { byCount } from './common';
import { htmlParts, tagRange } from './htmlCommon';
import { headRange, textSegments } from './textCommon';
import type { Check } from './types';

/** Fixed words review asks for, so that the business is recognisable without the variables. */
export const MIN_MARKETING_WORDS = 150;
export const MIN_NOTIFICATION_WORDS = 50;
/** Fewer fixed words than this per variable use: the variables carry the message. */
export const MIN_WORDS_PER_VARIABLE = 3;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ENTITY = /&#?[a-z0-9]+;/gi;

/**
 * Words in `text` (variables already blanked out): each CJK character counts as one word (Chinese
 * words average under two characters, so this is the lenient reading), any other run of letters and
 * digits as one; character references do not count.
 */
export function countWords(text: string): number {
  const plain = text.replace(ENTITY, ' ');
  return count(CJK, plain) + count(WORD, plain.replace(CJK, ' '));
}

/** Matches of the global `pattern` in `text`, counted with `test`: `match` would build an array of them all. */
function count(pattern: RegExp, text: string): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.test(text)) n++;
  return n;
}

/**
 * The fixed words of the template as Tencent reviews it: the subject, the HTML part's visible text
 * and the text part together (a template with both parts shows the reviewer both).
 */
export function fixedWords(project: TemplateProject): number {
  // One string rather than thousands of segments: no word, entity or CJK character spans the NUL between two.
  return countWords(textSegments(project).map((segment) => segment.text).join('\0'));
}

/** Too little fixed text for review to recognise the business, or more variables than text. */
export const tooLittleText: Check = {
  meta: { id: 'too-little-text', defaultSeverity: 'warning', faqTopic: 'send-failures' },
  run({ project, report }) {
    if (project.parts.length === 0 || project.parts.some((p) => p.parsed.status === 'too-large' || p.parsed.status === 'binary')) return;
    const words = fixedWords(project);
    const variables = project.parts.reduce((n, p) => n + p.variables.uses.length, project.subject?.variables.uses.length ?? 0);
    const html = htmlParts(project)[0];
    const body = html?.html.named('body')[0];
    const where = html && body ? { document: html.document, range: tagRange(body) } : { document: project.parts[0].document, range: headRange(project.parts[0].document) };
    const marketing = project.triggerType === 'marketing';
    const minimum = marketing ? MIN_MARKETING_WORDS : MIN_NOTIFICATION_WORDS;
    if (words < minimum) {
      const message = marketing
        ? byCount(words, () => l10n.t('This marketing template has about 1 word of fixed text (subject and parts, without variables), fewer than the {0} that Tencent review asks for so that the sender is recognisable. Add text about your business and the offer.', minimum), () => l10n.t('This marketing template has about {0} words of fixed text (subject and parts, without variables), fewer than the {1} that Tencent review asks for so that the sender is recognisable. Add text about your business and the offer.', words, minimum))
        : byCount(words, () => l10n.t('This template has about 1 word of fixed text (subject and parts, without variables), fewer than the {0} that Tencent review asks for so that the sender is recognisable. Add text about your business.', minimum), () => l10n.t('This template has about {0} words of fixed text (subject and parts, without variables), fewer than the {1} that Tencent review asks for so that the sender is recognisable. Add text about your business.', words, minimum));
      report(where.document, { ...where.range, message });
    } else if (variables > 0 && words < MIN_WORDS_PER_VARIABLE * variables) {
      report(where.document, { ...where.range, message: byCount(variables,
        () => byCount(words, () => l10n.t('This template has 1 variable for about 1 word of fixed text: the message is mostly variables, so review cannot tell what is sent. Write the message in the template and keep variables for what differs per recipient.'), () => l10n.t('This template has 1 variable for about {0} words of fixed text: the message is mostly variables, so review cannot tell what is sent. Write the message in the template and keep variables for what differs per recipient.', words)),
        () => byCount(words, () => l10n.t('This template has {0} variables for about 1 word of fixed text: the message is mostly variables, so review cannot tell what is sent. Write the message in the template and keep variables for what differs per recipient.', variables), () => l10n.t('This template has {0} variables for about {1} words of fixed text: the message is mostly variables, so review cannot tell what is sent. Write the message in the template and keep variables for what differs per recipient.', variables, words))) });
    }
  },
};
