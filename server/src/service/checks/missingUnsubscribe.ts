import * as l10n from '@vscode/l10n';
import { headRange } from './textCommon';
import type { Check } from './types';

/** An unsubscribe mention anywhere in a part: its text or a link. */
const UNSUBSCRIBE = /unsubscribe|opt[\s-]?out|退订|取消订阅|退訂|取消訂閱/i;

/** A marketing template (`triggerType`) with no unsubscribe mention in any part. */
export const missingUnsubscribe: Check = {
  meta: { id: 'missing-unsubscribe', defaultSeverity: 'warning', faqTopic: 'unsubscription' },
  run({ project, report }) {
    if (project.triggerType !== 'marketing' || project.parts.length === 0) return;
    if (project.parts.some((part) => UNSUBSCRIBE.test(part.document.getText()))) return;
    const part = project.parts.find((p) => p.kind === 'html') ?? project.parts[0];
    report(part.document, { ...headRange(part.document), message: l10n.t('This marketing template has no unsubscribe link or wording. Add one, or send with the SendEmail option {0} so that Tencent adds an unsubscribe link; recipients who cannot unsubscribe mark the email as spam.', '`Unsubscribe`') });
  },
};
