import * as l10n from '@vscode/l10n';
import { headRange } from './textCommon';
import type { Check } from './types';

/** An HTML part without a text part: Tencent recommends sending both. */
export const missingTextPart: Check = {
  meta: { id: 'missing-text-part', defaultSeverity: 'info' },
  run({ project, report }) {
    if (project.parts.some((p) => p.kind === 'text')) return;
    const html = project.parts.find((p) => p.kind === 'html');
    if (!html) return;
    report(html.document, { ...headRange(html.document), message: l10n.t('This template has an HTML part but no text part. Tencent recommends both: clients that show no HTML, and some spam filters, use the text. Add {0}.', '`' + project.name + '.ses.txt`') });
  },
};
