import * as vscode from 'vscode';
import type { ApiFailure } from '#common/cloud/types';
import { showHelp } from '../commands/helpView';
import { failureText } from './failureText';

/** Codes that a fresh key (or a key with the right CAM policy) fixes. */
function isAuthFailure(code: string): boolean {
  return /^AuthFailure\b/.test(code) || code === 'UnauthorizedOperation' || code.startsWith('UnauthorizedOperation.');
}

export interface FailureOptions {
  /** What was being done, e.g. "The test email was not sent." */
  readonly headline: string;
  /** Recipients of a send, for the "Check Blocklist" action. */
  readonly recipients?: readonly string[];
  /** The endpoint called ('' = Tencent Cloud), for network errors. */
  readonly endpoint: string;
}

/** One line for the user in their language (failureText.ts): what failed, why and what to do; RequestId last. */
export function describeFailure(failure: ApiFailure, endpoint: string): string {
  return failureText(vscode.l10n, failure, endpoint);
}

/**
 * Tells the user about a failed call, with the actions that help: "Set Credentials" for missing or
 * rejected keys, "Check Blocklist" for a blocklisted recipient, "Explain" for the whole help.
 */
export async function reportFailure(failure: ApiFailure, options: FailureOptions): Promise<void> {
  const setCredentials = vscode.l10n.t('Set Credentials');
  const checkBlocklist = vscode.l10n.t('Check Blocklist');
  const explain = vscode.l10n.t('Explain');
  const actions: string[] = [];
  if (failure.kind === 'credentials' || isAuthFailure(failure.code)) actions.push(setCredentials);
  if (failure.code === 'FailedOperation.EmailAddrInBlacklist' && options.recipients?.length) actions.push(checkBlocklist);
  if (failure.kind === 'api' && failure.explanation) actions.push(explain);
  const picked = await vscode.window.showErrorMessage(`${options.headline} ${describeFailure(failure, options.endpoint)}`, ...actions);
  if (picked === setCredentials) await vscode.commands.executeCommand('sesStudio.setCredentials');
  else if (picked === checkBlocklist) await vscode.commands.executeCommand('sesStudio.checkBlocklist', [...(options.recipients ?? [])]);
  else if (picked === explain && failure.explanation) await showHelp(failure.code, failure.explanation.markdown);
}
