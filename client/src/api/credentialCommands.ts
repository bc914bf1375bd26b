import * as vscode from 'vscode';
import { validateCredentials } from '#common/cloud/credentials';
import { maskSecret } from '#common/cloud/redact';
import type { CredentialStore } from './credentialStore';

/** A key as Tencent issues them: printable ASCII without spaces. Empty is "not given". */
function checkKeyText(value: string, what: string): string | undefined {
  const text = value.trim();
  if (text === '') return vscode.l10n.t('Enter the {0}.', what);
  if (!/^[\x21-\x7e]+$/.test(text)) return vscode.l10n.t('The {0} contains spaces or characters a Tencent Cloud key never has.', what);
  if (text.length < 16 || text.length > 256) return vscode.l10n.t('This is too short or too long for a {0}.', what);
  return undefined;
}

/**
 * "SES: Set Credentials": SecretId, SecretKey (a password box) and an optional STS session token,
 * stored in VS Code's SecretStorage (the OS keychain on desktop), never in settings.
 */
export async function setCredentials(store: CredentialStore, output: vscode.LogOutputChannel): Promise<boolean> {
  const title = vscode.l10n.t('Tencent Cloud API key for SES');
  const secretId = await vscode.window.showInputBox({
    title, prompt: vscode.l10n.t('SecretId (from the CAM console, API keys)'), placeHolder: 'AKID…', ignoreFocusOut: true,
    validateInput: (value) => checkKeyText(value, 'SecretId'),
  });
  if (secretId === undefined) return false;
  const secretKey = await vscode.window.showInputBox({
    title, prompt: vscode.l10n.t('SecretKey (stored in VS Code\'s secret storage, never in settings)'), password: true, ignoreFocusOut: true,
    validateInput: (value) => checkKeyText(value, 'SecretKey'),
  });
  if (secretKey === undefined) return false;
  const token = await vscode.window.showInputBox({
    title, prompt: vscode.l10n.t('Session token of temporary (STS) credentials; leave empty for a permanent key'), password: true, ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? undefined : checkKeyText(value, 'token')),
  });
  if (token === undefined) return false;
  const credentials = { secretId: secretId.trim(), secretKey: secretKey.trim(), ...(token.trim() ? { token: token.trim() } : {}) };
  const problem = validateCredentials(credentials);
  if (problem) {
    // The validator's text names fields, never values; mask anyway in case it quotes one.
    void vscode.window.showErrorMessage(vscode.l10n.t('These credentials cannot be used: {0}', problem.split(credentials.secretKey).join('****')));
    return false;
  }
  await store.store(credentials);
  output.info(vscode.l10n.t('Tencent Cloud credentials stored in the secret storage (SecretId {0}).', maskSecret(credentials.secretId)));
  void vscode.window.showInformationMessage(vscode.l10n.t('SES: credentials saved (SecretId {0}).', maskSecret(credentials.secretId)));
  return true;
}

/** "SES: Sign Out": deletes the stored credentials (environment and tccli keys stay in use). */
export async function signOut(store: CredentialStore, output: vscode.LogOutputChannel): Promise<void> {
  const had = await store.clear();
  const remaining = await store.resolve();
  output.info(vscode.l10n.t('Stored Tencent Cloud credentials deleted.'));
  const message = !had
    ? vscode.l10n.t('SES: no credentials were stored in VS Code.')
    : remaining
      ? vscode.l10n.t('SES: stored credentials deleted. The key from the {0} is still used.', sourceName(remaining.source))
      : vscode.l10n.t('SES: stored credentials deleted.');
  void vscode.window.showInformationMessage(message);
}

export function sourceName(source: 'secretStorage' | 'environment' | 'tccli'): string {
  return source === 'secretStorage' ? vscode.l10n.t('secret storage') : source === 'environment' ? vscode.l10n.t('environment variables') : vscode.l10n.t('tccli credential file');
}
