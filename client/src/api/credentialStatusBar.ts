import * as vscode from 'vscode';
import { maskSecret } from '#common/cloud/redact';
import type { CredentialStore } from './credentialStore';

/** "SES: key from environment" and the like; the tooltip shows the masked SecretId; click → Set Credentials. */
export function createCredentialStatusBar(store: CredentialStore, output: vscode.LogOutputChannel): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('sesStudio.credentials', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('SES credentials');
  item.command = 'sesStudio.setCredentials';
  let generation = 0;
  const update = async () => {
    const mine = ++generation;
    const resolved = await store.resolve().catch((error: unknown) => {
      output.warn(vscode.l10n.t('The Tencent Cloud credentials could not be read: {0}', String(error)));
      return undefined;
    });
    if (mine !== generation) return; // a newer update is running
    if (!resolved) {
      item.text = `$(key) ${vscode.l10n.t('SES: no credentials')}`;
      item.tooltip = vscode.l10n.t('No Tencent Cloud API key: click to set one. The environment variables TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY and the tccli credential file are used too.');
    } else {
      const labels = {
        secretStorage: vscode.l10n.t('SES: key in secret storage'),
        environment: vscode.l10n.t('SES: key from environment'),
        tccli: vscode.l10n.t('SES: key from tccli'),
      };
      item.text = `$(key) ${labels[resolved.source]}`;
      item.tooltip = vscode.l10n.t('Tencent Cloud SecretId {0}. Click to set other credentials.', maskSecret(resolved.credentials.secretId));
    }
    item.show();
  };
  void update();
  const subscription = store.onDidChange(() => void update());
  return vscode.Disposable.from(item, subscription);
}
