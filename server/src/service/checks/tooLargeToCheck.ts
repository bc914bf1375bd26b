import * as l10n from '@vscode/l10n';
import { MAX_ANALYSED_LENGTH } from '../templateParser';
import type { Check } from './types';

export const tooLargeToCheck: Check = {
  meta: { id: 'too-large-to-check', defaultSeverity: 'info' },
  run({ template, report }) {
    if (template.status !== 'too-large') return;
    const mb = (n: number) => (n / 1_000_000).toFixed(1);
    report({
      start: 0,
      end: 0,
      message: l10n.t('This file has {0} million characters, more than the {1} million that SES Template Studio checks; it is not analysed. Email templates this large are clipped or refused by mail services.', mb(template.length), mb(MAX_ANALYSED_LENGTH)),
    });
  },
};
