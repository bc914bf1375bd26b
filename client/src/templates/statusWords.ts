import * as vscode from 'vscode';
import { statusKind } from '#common/cloud/templateSync';

/** TemplateStatus in words, in the editor's language; the ReviewReason of a rejection is added. */
export function statusWords(status: number, reason?: string): string {
  switch (statusKind(status)) {
    case 'approved':
      return vscode.l10n.t('approved');
    case 'pending':
      return vscode.l10n.t('pending review');
    case 'rejected':
      return reason ? vscode.l10n.t('rejected — {0}', reason) : vscode.l10n.t('rejected');
    case 'unavailable':
      return vscode.l10n.t('unavailable (status {0})', String(status));
  }
}

/** The codicon of a status, for the status bar and quick picks. */
export function statusIcon(status: number): string {
  switch (statusKind(status)) {
    case 'approved':
      return '$(pass)';
    case 'pending':
      return '$(clock)';
    default:
      return '$(error)';
  }
}

/** The review note every push and update shows: why an update is not instant. */
export function reviewNote(): string {
  return vscode.l10n.t('Tencent reviews every new or updated template, usually within one business day. Until it is approved, SendEmail with it fails with OperationDenied.TemplateStatusError.');
}
