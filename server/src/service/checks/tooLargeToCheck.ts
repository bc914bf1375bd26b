import * as l10n from '@vscode/l10n';
import { MAX_BLOCK_DEPTH } from '../mustacheScanner';
import { MAX_ANALYSED_LENGTH } from '../templateParser';
import type { Check } from './types';

export const tooLargeToCheck: Check = {
  meta: { id: 'too-large-to-check', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, parsed: template } of project.parts) {
      if (template.status !== 'too-large') continue;
      if (template.limit === 'nesting') {
        report(document, {
          start: template.offset,
          end: template.offset,
          message: l10n.t('Blocks are nested more than {0} deep here, so this template is not analysed. Email templates need far less nesting; Tencent SES itself substitutes only plain variables.', MAX_BLOCK_DEPTH),
        });
        continue;
      }
      const mb = (n: number) => (n / 1_000_000).toFixed(1);
      report(document, {
        start: 0,
        end: 0,
        message: l10n.t('This file has {0} million characters, more than the {1} million that SES Template Studio checks; it is not analysed. Email templates this large are clipped or refused by mail services.', mb(template.length), mb(MAX_ANALYSED_LENGTH)),
      });
    }
  },
};
