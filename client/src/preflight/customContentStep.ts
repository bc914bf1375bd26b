// Step 5 of the FAQ's checklist: "If the error indicating 'no permission to send custom content' is
// returned, contact your sales rep". The extension always sends with a template, so this step explains. Pure.
import { step, type L10n, type StepReport } from './report';

export function customContentStep(l10n: L10n): StepReport {
  return step('customContent', 5, l10n.t('Permission to send custom content'), l10n.t('How the extension sends.'), [
    { outcome: 'pass', text: l10n.t('The extension sends in template mode (TemplateID and TemplateData), which every account may use: no special permission is needed.') },
    { outcome: 'pass', text: l10n.t('FailedOperation.WithOutPermission appears only when sending custom HTML or text without a template (Simple); to do that, ask your Tencent Cloud sales representative to enable it.') },
  ], ['send-failures']);
}
