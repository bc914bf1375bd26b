import * as l10n from '@vscode/l10n';
import { headRange, partSizes } from './textCommon';
import type { Check } from './types';

/** Tencent SES refuses emails over 4 MB. */
export const MAX_EMAIL_BYTES = 4 * 1024 * 1024;

/** HTML and text parts together over 4 MB: Tencent refuses to send it. Reported on the largest part. */
export const emailTooLarge: Check = {
  meta: { id: 'email-too-large', defaultSeverity: 'error', faqTopic: 'send-failures' },
  run({ project, report }) {
    if (project.parts.length === 0) return;
    const sizes = partSizes(project);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total <= MAX_EMAIL_BYTES) return;
    const largest = project.parts[sizes.indexOf(Math.max(...sizes))];
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    report(largest.document, { ...headRange(largest.document), message: l10n.t('The parts of this template total {0} MB, over the {1} MB Tencent SES accepts for an email: sending fails. Host images and files on a server and link to them.', mb(total), mb(MAX_EMAIL_BYTES)) });
  },
};
