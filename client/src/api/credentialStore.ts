import * as vscode from 'vscode';
import { credentialsFromEnvironment, credentialsFromTccli } from '#common/cloud/credentials';
import type { CredentialSource, Credentials } from '#common/cloud/types';

const SECRET_KEY = 'sesStudio.credentials';

export interface ResolvedCredentials {
  readonly credentials: Credentials;
  readonly source: CredentialSource;
}

/**
 * Where the Tencent Cloud keys come from, in this order: VS Code's SecretStorage ("SES: Set
 * Credentials"), the TENCENTCLOUD_SECRET_ID/_SECRET_KEY environment variables, the tccli
 * credential file. Keys are never written to settings and never leave this class unmasked except
 * to sign requests.
 */
export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  /** `warn` hears why the tccli file was skipped (it names the file and the problem, never a value). */
  constructor(private readonly secrets: vscode.SecretStorage, private readonly warn: (message: string) => void = () => undefined) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === SECRET_KEY) this.changed.fire();
    });
  }

  async resolve(): Promise<ResolvedCredentials | undefined> {
    const stored = await this.stored();
    if (stored) return { credentials: stored, source: 'secretStorage' };
    const fromEnvironment = credentialsFromEnvironment(process.env);
    if (fromEnvironment) return { credentials: fromEnvironment, source: 'environment' };
    // A broken or unreadable tccli file is the same as none: the status bar then says so.
    const fromTccli = await credentialsFromTccli().catch((error: unknown) => {
      this.warn(vscode.l10n.t('The tccli credential file cannot be used: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    });
    return fromTccli ? { credentials: fromTccli, source: 'tccli' } : undefined;
  }

  async store(credentials: Credentials): Promise<void> {
    await this.secrets.store(SECRET_KEY, JSON.stringify(credentials));
  }

  async clear(): Promise<boolean> {
    const had = (await this.secrets.get(SECRET_KEY)) !== undefined;
    await this.secrets.delete(SECRET_KEY);
    return had;
  }

  private async stored(): Promise<Credentials | undefined> {
    const text = await this.secrets.get(SECRET_KEY);
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as Partial<Credentials>;
      if (typeof value.secretId !== 'string' || typeof value.secretKey !== 'string') return undefined;
      return { secretId: value.secretId, secretKey: value.secretKey, ...(typeof value.token === 'string' && value.token ? { token: value.token } : {}) };
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Every secret of a credential set, for masking in logs and messages. */
export function secretsOf(credentials: Credentials | undefined): string[] {
  if (!credentials) return [];
  return [credentials.secretId, credentials.secretKey, credentials.token ?? ''].filter((s) => s !== '');
}
